// The flow's variables: those the designer declares (filled by nodes such as 输入号码) and the built-in
// ones every call has, with the nodes that set and read each one.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Input, List, Select, Space, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { BUILTIN_VARIABLES, VARIABLE_TYPES, type FlowVariable, type VariableType } from "../gql/nodeTypes";
import { kindOf } from "./kinds";
import { nodeName, type FlowNode } from "./model";
import { useEditor } from "./store";

const NAME = /^[a-z][a-z0-9_]{0,31}$/;
const TYPE_NAME = Object.fromEntries(VARIABLE_TYPES.map((t) => [t.id, t.name]));

export type VariableUses = { sets: string[]; reads: string[] };

/**
 * Which nodes fill and which read each variable, by the widgets their fields use: a "variable" field
 * names the variable the node fills, a "rules" field the variables its rules compare.
 */
export function variableUses(nodes: FlowNode[]): Map<string, VariableUses> {
  const uses = new Map<string, VariableUses>();
  const at = (name: string) => uses.get(name) ?? (uses.set(name, { sets: [], reads: [] }), uses.get(name)!);
  for (const n of nodes) {
    for (const field of kindOf(n.data.kind).fields) {
      const value = n.data.props[field.name];
      if (field.widget === "variable" && typeof value === "string" && value) at(value).sets.push(nodeName(n));
      if (field.widget === "rules" && Array.isArray(value)) {
        for (const rule of value as { variable?: string }[]) if (rule.variable) at(rule.variable).reads.push(nodeName(n));
      }
    }
  }
  return uses;
}

function Uses({ uses }: { uses?: VariableUses }) {
  if (!uses || (!uses.sets.length && !uses.reads.length)) return <Typography.Text type="secondary">未使用</Typography.Text>;
  return (
    <span>
      {uses.sets.length > 0 && <span>由 {[...new Set(uses.sets)].join("、")} 设置</span>}
      {uses.sets.length > 0 && uses.reads.length > 0 && ";"}
      {uses.reads.length > 0 && <span>{[...new Set(uses.reads)].join("、")} 使用</span>}
    </span>
  );
}

export function VariablesPanel() {
  const variables = useEditor((s) => s.variables);
  const setVariables = useEditor((s) => s.setVariables);
  const nodes = useEditor((s) => s.nodes);
  const uses = useMemo(() => variableUses(nodes), [nodes]);
  const [draft, setDraft] = useState<FlowVariable>({ name: "", type: "digits", label: "" });
  const taken = new Set([...variables, ...BUILTIN_VARIABLES].map((v) => v.name));
  const name = draft.name.trim();
  const problem = !name ? "" : !NAME.test(name) ? "代号用小写字母开头,只含小写字母、数字和下划线" : taken.has(name) ? "已有同名变量" : "";
  const put = (i: number, patch: Partial<FlowVariable>) => setVariables(variables.map((v, j) => (j === i ? { ...v, ...patch } : v)));

  return (
    <div className="variables-panel">
      <Typography.Title level={5}>流程变量</Typography.Title>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        「输入号码」节点把来电者按的号码存入变量,「条件判断」按变量的值分流。
      </Typography.Paragraph>
      <List size="small" locale={{ emptyText: "还没有变量" }} dataSource={variables} renderItem={(v, i) => (
        <List.Item key={v.name} style={{ display: "block", padding: "8px 0" }}>
          <div style={{ display: "flex", alignItems: "center", gap: 6 }}>
            <Input aria-label={`变量${i + 1}名称`} value={v.label} maxLength={40} style={{ flex: 1, minWidth: 0 }} placeholder="名称"
              onChange={(e) => put(i, { label: e.target.value })} />
            <Select aria-label={`变量${i + 1}类型`} value={v.type} style={{ flex: "0 0 88px" }}
              options={VARIABLE_TYPES.map((t) => ({ value: t.id, label: t.name }))} onChange={(type: VariableType) => put(i, { type })} />
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除变量${v.label || v.name}`}
              onClick={() => setVariables(variables.filter((_, j) => j !== i))} />
          </div>
          <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, marginTop: 4 }}>
            代号 {v.name} · <Uses uses={uses.get(v.name)} />
          </Typography.Text>
        </List.Item>
      )} />
      <div className="dest-row" role="group" aria-label="添加变量" style={{ marginTop: 8 }}>
        <Typography.Text strong style={{ display: "block", marginBottom: 6 }}>添加变量</Typography.Text>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 6 }}>
          <Input aria-label="新变量名称" placeholder="名称,如 订单号" value={draft.label} maxLength={40} style={{ flex: "1 1 120px", minWidth: 0 }}
            onChange={(e) => setDraft({ ...draft, label: e.target.value })} />
          <Input aria-label="新变量代号" placeholder="代号,如 order_no" value={draft.name} maxLength={32} status={problem ? "error" : undefined}
            style={{ flex: "1 1 120px", minWidth: 0 }} onChange={(e) => setDraft({ ...draft, name: e.target.value })} />
          <Select aria-label="新变量类型" value={draft.type} style={{ flex: "1 1 88px" }} options={VARIABLE_TYPES.map((t) => ({ value: t.id, label: t.name }))}
            onChange={(type: VariableType) => setDraft({ ...draft, type })} />
          <Button icon={<PlusOutlined />} disabled={!name || Boolean(problem)} style={{ flex: "1 1 88px" }} onClick={() => {
            setVariables([...variables, { ...draft, name, label: draft.label.trim() }]);
            setDraft({ name: "", type: "digits", label: "" });
          }}>添加</Button>
        </div>
        {problem && <Typography.Text type="danger" role="alert" style={{ display: "block", fontSize: 12, marginTop: 4 }}>{problem}</Typography.Text>}
        <Typography.Text type="secondary" style={{ display: "block", fontSize: 12, marginTop: 4 }}>
          代号用于流程内部,用小写字母开头,只含小写字母、数字和下划线
        </Typography.Text>
      </div>

      <Typography.Title level={5} style={{ marginTop: 16 }}>系统变量</Typography.Title>
      <List size="small" dataSource={BUILTIN_VARIABLES} renderItem={(v) => (
        <List.Item key={v.name}>
          <Space direction="vertical" size={2}>
            <span>{v.label} <Tag>{TYPE_NAME[v.type]}</Tag></span>
            <Typography.Text style={{ fontSize: 12 }}><Uses uses={uses.get(v.name)} /></Typography.Text>
          </Space>
        </List.Item>
      )} />
    </div>
  );
}
