import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from "antd";
import { BUILTIN_VARIABLES, type FieldWidget, type FlowVariable } from "../gql/nodeTypes";
import { kindOf, type NodeField } from "./kinds";
import { exitLabel, exitsOf, keysOf, nodeName, typeName, type FlowNode, type Props } from "./model";
import { useOverlay, type Diagnostic } from "./overlay";
import { PromptPicker, type PromptRef } from "./PromptPicker";
import { useMemo, useState, type ComponentType } from "react";
import { useShallow } from "zustand/react/shallow";
import { AreaPicker } from "./AreaPicker";
import { useEditor } from "./store";
import { WeekGrid, type Window } from "../ui/WeekGrid";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"].map((d, i) => ({ value: i + 1, label: `周${d}` }));

type Destination = { number: string; wait_s: number; name?: string };
type Schedule = { windows: Window[]; exceptions: unknown[]; observe_holidays: boolean };

function lines(text: string): string[] {
  return text.split(/[\s,,;;、]+/).map((s) => s.trim()).filter(Boolean);
}

const WAIT_CODES = new Set(["wait_short_multi", "wait_short_single", "wait_long_single", "wait_short_no_next"]);

/**
 * The API's wait-time advice (the provider's R10) for the i-th phone of a dial node: per phone when
 * several ring one after another (the message names the number), the single phone's, and the last
 * phone's when nothing follows it.
 */
function waitAdvice(problems: Diagnostic[] | undefined, dests: Destination[], i: number, strategy?: string): string[] {
  const d = dests[i];
  return (problems ?? [])
    .filter((x) => WAIT_CODES.has(x.code))
    .filter((x) => {
      if (x.code === "wait_short_multi") return strategy !== "ring_all" && x.message.includes(`${d.number}为${d.wait_s}秒`);
      if (x.code === "wait_short_no_next") return i === dests.length - 1;
      return dests.length === 1;
    })
    .map((x) => x.message);
}

const TIME = /^([01]?\d|2[0-3])[:：]([0-5]\d)$/;

/** "9:00" → "09:00"; null when the text is no time of day (24:00 only where `end`). */
function timeOf(text: string, end: boolean): string | null {
  const t = text.trim();
  if (end && (t === "24:00" || t === "24：00")) return "24:00";
  const m = TIME.exec(t);
  return m ? `${m[1].padStart(2, "0")}:${m[2]}` : null;
}

/**
 * A time of day typed as text. Only a valid time reaches the flow; while the text is not one, the
 * field says how to write it and the flow keeps the last valid time (so the draft still saves).
 */
function TimeInput({ label, value, end, onChange }: { label: string; value: string; end?: boolean; onChange: (v: string) => void }) {
  const [text, setText] = useState(value);
  const [shown, setShown] = useState(value);
  if (value !== shown) {
    // The flow changed under the field (undo, the week grid): show the new time.
    setShown(value);
    setText(value);
  }
  const bad = timeOf(text, Boolean(end)) === null;
  return (
    <span className="time-input">
      <Input aria-label={label} value={text} style={{ width: 80 }} maxLength={5} status={bad ? "error" : undefined} aria-invalid={bad}
        onChange={(e) => {
          setText(e.target.value);
          const t = timeOf(e.target.value, Boolean(end));
          if (t !== null && t !== value) {
            setShown(t);
            onChange(t);
          }
        }}
        onBlur={() => !bad && setText(value)} />
      {bad && <Typography.Text type="danger" role="alert" style={{ display: "block", fontSize: 12 }}>格式应为 09:00</Typography.Text>}
    </span>
  );
}

type FieldProps = { node: FlowNode; field: NodeField; set: (p: Props) => void };

/**
 * The accessible name of a field's control: the definition's `aria`, else its label; a number with a
 * unit reads "等待按键秒数" (the label and the unit's name), as the browser tests and screen readers know it.
 */
export function ariaOf(field: NodeField): string {
  if (field.aria) return field.aria;
  return field.widget === "number" && field.unit ? `${field.label}${field.unit}数` : field.label;
}

/** A field's current value, its default where the node does not hold one. */
function valueOf(node: FlowNode, field: NodeField): unknown {
  return node.data.props[field.name] ?? field.default;
}

function NumberField({ node, field, set }: FieldProps) {
  const fallback = typeof field.default === "number" ? field.default : (field.min ?? 0);
  return (
    <Form.Item label={field.unit ? `${field.label}(${field.unit})` : field.label} extra={field.help}>
      <InputNumber aria-label={ariaOf(field)} min={field.min} max={field.max} value={valueOf(node, field) as number}
        onChange={(v) => set({ [field.name]: v ?? fallback })} />
    </Form.Item>
  );
}

function SwitchField({ node, field, set }: FieldProps) {
  return (
    <Form.Item label={field.label} extra={field.help}>
      <Switch aria-label={ariaOf(field)} checked={Boolean(valueOf(node, field))} onChange={(v) => set({ [field.name]: v })} />
    </Form.Item>
  );
}

/** A choice among few options shows them all (radio buttons); among more, a drop-down. */
function ChoiceField({ node, field, set }: FieldProps) {
  const options = field.options ?? [];
  const value = valueOf(node, field) as string | undefined;
  return (
    <Form.Item label={field.label} extra={field.help}>
      {options.length <= 3 ? (
        <Radio.Group aria-label={ariaOf(field)} value={value} options={options} onChange={(e) => set({ [field.name]: e.target.value })} />
      ) : (
        <Select aria-label={ariaOf(field)} value={value} options={options} onChange={(v: string) => set({ [field.name]: v })} />
      )}
    </Form.Item>
  );
}

function TextField({ node, field, set }: FieldProps) {
  const value = (valueOf(node, field) as string | undefined) ?? "";
  const change = (v: string) => set({ [field.name]: v || (field.optional ? undefined : "") });
  return (
    <Form.Item label={field.label} extra={field.help}>
      {field.widget === "textarea" ? (
        <Input.TextArea aria-label={ariaOf(field)} value={value} maxLength={field.maxLength} autoSize={{ minRows: 2, maxRows: 6 }}
          onChange={(e) => change(e.target.value)} />
      ) : (
        <Input aria-label={ariaOf(field)} value={value} maxLength={field.maxLength} onChange={(e) => change(e.target.value)} />
      )}
    </Form.Item>
  );
}

/** A prompt: switching its source keeps the other one on the node (editor only). */
function PromptField({ node, field }: FieldProps) {
  const update = useEditor((s) => s.updateNode);
  const p = node.data.props;
  const switched = Object.entries(field.useWhen ?? {}).find(([flag]) => Boolean(p[flag]));
  return (
    <Form.Item label={field.label} extra={field.help}>
      <PromptPicker label={ariaOf(field)} optional={field.optional} use={switched?.[1] ?? field.use ?? "prompt"} value={p[field.name] as PromptRef}
        kept={node.data.kept?.[field.name]}
        onChange={(v, kept) => update(node.id, { props: { ...p, [field.name]: v ?? undefined }, kept: { ...node.data.kept, [field.name]: kept } })} />
    </Form.Item>
  );
}

type Entry = Record<string, unknown>;

/**
 * Branches of a split (a list whose entries are exits): name and share of each, the running total
 * flagged until it is 100. Removing a branch removes its connection and moves the later ones up.
 */
function BranchesField({ node, field, set }: FieldProps) {
  const removeEntry = useEditor((s) => s.removeEntry);
  const entries = ((node.data.props[field.name] as Entry[] | undefined) ?? []).slice();
  const items = field.items ?? [];
  const label = items.find((f) => f.widget === "text");
  const weight = items.find((f) => f.widget === "number");
  const most = field.maxLength ?? 10;
  const total = entries.reduce((sum, e) => sum + (weight && typeof e[weight.name] === "number" ? (e[weight.name] as number) : 0), 0);
  const put = (i: number, patch: Entry) => set({ [field.name]: entries.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  return (
    <div className="branches-field" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{field.label}</Typography.Text>
      {field.help && <Typography.Paragraph type="secondary" style={{ margin: "2px 0 0", fontSize: 12 }}>{field.help}</Typography.Paragraph>}
      {entries.map((e, i) => (
        <Space key={i} wrap style={{ display: "flex", margin: "6px 0" }} data-testid={`branch-${i + 1}`}>
          {label && (
            <Input aria-label={`分支${i + 1}${label.label}`} placeholder={`分支${i + 1}`} value={(e[label.name] as string) ?? ""} maxLength={label.maxLength}
              style={{ width: 130 }} onChange={(ev) => put(i, { [label.name]: ev.target.value })} />
          )}
          {weight && (
            <InputNumber aria-label={`分支${i + 1}${weight.label}`} min={weight.min} max={weight.max} suffix={weight.unit} value={e[weight.name] as number}
              onChange={(v) => put(i, { [weight.name]: v ?? weight.min ?? 1 })} />
          )}
          <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除分支${i + 1}`} disabled={entries.length <= 2} onClick={() => removeEntry(node.id, i)} />
        </Space>
      ))}
      <Typography.Text type={total === 100 ? "secondary" : "danger"} role={total === 100 ? undefined : "alert"} style={{ display: "block", fontSize: 12 }}>
        合计 {total}%{total === 100 ? "" : ",应为 100%"}
      </Typography.Text>
      <Button icon={<PlusOutlined />} disabled={entries.length >= most} style={{ marginTop: 6 }}
        onClick={() => set({ [field.name]: [...entries, { ...(label ? { [label.name]: "" } : {}), ...(weight ? { [weight.name]: Math.max(weight.min ?? 1, 100 - total) } : {}) }] })}>
        添加分支
      </Button>
    </div>
  );
}

/** Every variable a node may read: the flow's own, then the built-in ones (the caller, the time …). */
function useAllVariables(): FlowVariable[] {
  const declared = useEditor((s) => s.variables);
  return useMemo(() => [...declared, ...BUILTIN_VARIABLES], [declared]);
}

const variableOption = (v: FlowVariable) => ({ value: v.name, label: v.label || v.name });

/**
 * The variable a node fills (a collect's digits): one of the flow's own variables that holds digits or a
 * number; a new one can be added here, which declares it for the whole flow.
 */
function VariableField({ node, field, set }: FieldProps) {
  const declared = useEditor((s) => s.variables);
  const setVariables = useEditor((s) => s.setVariables);
  const [adding, setAdding] = useState({ label: "", name: "" });
  const fit = declared.filter((v) => v.type !== "text");
  // Offered open while the flow has no variable to choose; otherwise behind a link.
  const [creating, setCreating] = useState(fit.length === 0);
  const value = (valueOf(node, field) as string | undefined) || undefined;
  const name = adding.name.trim();
  const valid = /^[a-z][a-z0-9_]{0,31}$/.test(name) && ![...declared, ...BUILTIN_VARIABLES].some((v) => v.name === name);
  return (
    <>
      <Form.Item label={field.label} extra={field.help} style={{ marginBottom: 4 }}>
        <Select aria-label={ariaOf(field)} placeholder="选择变量" value={value} allowClear options={fit.map(variableOption)}
          onChange={(v?: string) => set({ [field.name]: v ?? "" })} notFoundContent="还没有变量,请在下方新建" />
      </Form.Item>
      {creating ? (
        <div className="dest-row" role="group" aria-label="新建变量" style={{ marginBottom: 16 }}>
          <Input aria-label="新变量名称" placeholder="名称,如 订单号" value={adding.label} maxLength={40}
            onChange={(e) => setAdding({ ...adding, label: e.target.value })} />
          <div style={{ display: "flex", gap: 6, marginTop: 6 }}>
            <Input aria-label="新变量代号" placeholder="代号,如 order_no" value={adding.name} maxLength={32} style={{ flex: 1, minWidth: 0 }}
              status={name && !valid ? "error" : undefined} onChange={(e) => setAdding({ ...adding, name: e.target.value })} />
            <Button type="primary" disabled={!valid} onClick={() => {
              setVariables([...declared, { name, type: "digits", label: adding.label.trim() }]);
              set({ [field.name]: name });
              setAdding({ label: "", name: "" });
              setCreating(false);
            }}>添加变量</Button>
          </div>
          {name && !valid && (
            <Typography.Text type="danger" role="alert" style={{ display: "block", fontSize: 12, marginTop: 4 }}>
              代号用小写字母开头,只含小写字母、数字和下划线,且不能与已有变量重名
            </Typography.Text>
          )}
        </div>
      ) : (
        <Button type="link" size="small" icon={<PlusOutlined />} style={{ padding: 0, marginBottom: 16 }} onClick={() => setCreating(true)}>
          新建变量
        </Button>
      )}
    </>
  );
}

type Rule = { variable?: string; op?: string; value?: unknown; label?: string };
type RangeValue = { min?: number | null; max?: number | null };

/** A rule's compared value as the designer types it, by comparison; it fills the room its row leaves. */
function RuleValue({ rule, n, put }: { rule: Rule; n: number; put: (patch: Rule) => void }) {
  switch (rule.op) {
    case "empty":
      return null;
    case "range": {
      const r = (rule.value as RangeValue | null) ?? {};
      return (
        <div style={{ display: "flex", alignItems: "center", gap: 6, flex: "1 1 100%" }}>
          <InputNumber aria-label={`条件${n}最小值`} placeholder="最小" value={r.min ?? null} style={{ flex: 1, minWidth: 0 }}
            onChange={(v) => put({ value: { ...r, min: v ?? null } })} />
          至
          <InputNumber aria-label={`条件${n}最大值`} placeholder="最大" value={r.max ?? null} style={{ flex: 1, minWidth: 0 }}
            onChange={(v) => put({ value: { ...r, max: v ?? null } })} />
        </div>
      );
    }
    case "in_list": {
      const list = Array.isArray(rule.value) ? (rule.value as string[]) : [];
      return (
        <Input aria-label={`条件${n}的值`} placeholder="多个值用顿号分开" defaultValue={list.join("、")} style={{ flex: "1 1 100%" }}
          onBlur={(e) => put({ value: lines(e.target.value) })} />
      );
    }
    default:
      return (
        <Input aria-label={`条件${n}的值`} placeholder="值" value={typeof rule.value === "string" ? rule.value : ""} maxLength={40}
          style={{ flex: "1 1 80px", minWidth: 0 }} onChange={(e) => put({ value: e.target.value.trim() })} />
      );
  }
}

/** The value a comparison starts with when the designer picks it. */
function freshValue(op: string): unknown {
  return op === "empty" ? null : op === "range" ? { min: null, max: null } : op === "in_list" ? [] : "";
}

/**
 * A condition's rules, checked in order: each compares a variable and is an exit on the node; removing one
 * moves the later rules' connections up. Two lines a rule, so it fits the side panel at its narrowest:
 * its number, name (shown on its exit) and delete button; then "variable, comparison, value".
 */
function RulesField({ node, field, set }: FieldProps) {
  const removeEntry = useEditor((s) => s.removeEntry);
  const variables = useAllVariables();
  const rules = (node.data.props[field.name] as Rule[] | undefined) ?? [];
  const ops = field.options ?? [];
  const put = (i: number, patch: Rule) => set({ [field.name]: rules.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <div className="rules-field" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{field.label}</Typography.Text>
      {field.help && <Typography.Paragraph type="secondary" style={{ margin: "2px 0 0", fontSize: 12 }}>{field.help}</Typography.Paragraph>}
      {rules.map((r, i) => (
        <div key={i} className="dest-row" data-testid={`rule-${i + 1}`}>
          <div style={{ display: "flex", alignItems: "center", gap: 8 }}>
            <Typography.Text style={{ flex: "none" }}>条件{i + 1}</Typography.Text>
            <Input aria-label={`条件${i + 1}名称`} placeholder="名称(可选),显示在出口上" value={r.label ?? ""} maxLength={20} style={{ flex: 1, minWidth: 0 }}
              onChange={(e) => put(i, { label: e.target.value })} />
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除条件${i + 1}`} onClick={() => removeEntry(node.id, i)} />
          </div>
          <div style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: 6, marginTop: 6 }}>
            <Select aria-label={`条件${i + 1}变量`} placeholder="选择变量" value={r.variable || undefined} style={{ flex: "1 1 96px", minWidth: 0 }}
              options={variables.map(variableOption)} onChange={(v: string) => put(i, { variable: v })} />
            <Select aria-label={`条件${i + 1}比较方式`} value={r.op ?? "equals"} style={{ flex: "0 0 96px" }} options={ops}
              onChange={(op: string) => put(i, { op, value: freshValue(op) })} />
            <RuleValue rule={r} n={i + 1} put={(patch) => put(i, patch)} />
          </div>
        </div>
      ))}
      <Button icon={<PlusOutlined />} disabled={rules.length >= (field.maxLength ?? 20)} style={{ marginTop: 6 }}
        onClick={() => set({ [field.name]: [...rules, { variable: "", op: "equals", value: "", label: "" }] })}>
        添加条件
      </Button>
    </div>
  );
}

/** The keys a caller may press: each ticked key is an exit on the node, saved with the node. */
function KeysField({ node, field, set }: FieldProps) {
  const keys = kindOf(node.data.kind).keyExits?.keys ?? [];
  return (
    <Form.Item label={field.label} extra={field.help}>
      <Checkbox.Group aria-label={ariaOf(field)} value={keysOf(node.data)} options={keys.map((k) => ({ value: k, label: k }))}
        onChange={(chosen) => set({ [field.name]: chosen })} />
    </Form.Item>
  );
}

/** The phones a dial rings, in order: dragged by the grip or moved by the arrows, with R10's advice. */
function PhonesField({ node, field, set }: FieldProps) {
  const p = node.data.props;
  const problems = useOverlay((s) => s.byNode[node.id]);
  const [dragging, setDragging] = useState<number | null>(null);
  const dests = (p[field.name] as Destination[]) ?? [];
  const put = (next: Destination[]) => set({ [field.name]: next });
  const moveTo = (from: number, to: number) => {
    if (from === to || to < 0 || to >= dests.length) return;
    const next = [...dests];
    next.splice(to, 0, ...next.splice(from, 1));
    put(next);
  };
  const advice = (i: number) => waitAdvice(problems, dests, i, p.strategy as string | undefined);
  return (
    <div className="phones-field" style={{ marginBottom: 12 }}>
      <Typography.Text strong>{field.label}</Typography.Text>
      {field.help && (
        <Typography.Paragraph type="secondary" style={{ margin: "2px 0 0", fontSize: 12 }}>
          {field.help}
        </Typography.Paragraph>
      )}
      {dests.map((d, i) => (
        <div key={i} className={`dest-row${dragging === i ? " dragging" : ""}`} data-testid={`dest-${i + 1}`}
          onDragOver={(e) => dragging !== null && (e.preventDefault(), (e.dataTransfer.dropEffect = "move"))}
          onDrop={(e) => {
            e.preventDefault();
            if (dragging !== null) moveTo(dragging, i);
            setDragging(null);
          }}>
          <Space wrap>
            <span className="drag-grip" draggable aria-hidden title="拖动调整顺序"
              onDragStart={(e) => (setDragging(i), e.dataTransfer.setData("text/plain", String(i)), (e.dataTransfer.effectAllowed = "move"))}
              onDragEnd={() => setDragging(null)}>
              <HolderOutlined />
            </span>
            <Input aria-label={`电话${i + 1}号码`} placeholder="手机或带区号固话" value={d.number} style={{ width: 150 }} maxLength={32}
              onChange={(e) => put(dests.map((x, j) => (j === i ? { ...x, number: e.target.value.trim() } : x)))} />
            <InputNumber aria-label={`电话${i + 1}等待秒数`} min={1} max={300} value={d.wait_s} suffix="秒"
              status={advice(i).length ? "warning" : undefined}
              onChange={(v) => put(dests.map((x, j) => (j === i ? { ...x, wait_s: v ?? 30 } : x)))} />
            <Input aria-label={`电话${i + 1}名称`} placeholder="名称(可选)" value={d.name ?? ""} style={{ width: 110 }} maxLength={40}
              onChange={(e) => put(dests.map((x, j) => (j === i ? { ...x, name: e.target.value } : x)))} />
            <Button size="small" icon={<ArrowUpOutlined />} aria-label={`电话${i + 1}上移`} disabled={i === 0} onClick={() => moveTo(i, i - 1)} />
            <Button size="small" icon={<ArrowDownOutlined />} aria-label={`电话${i + 1}下移`} disabled={i === dests.length - 1} onClick={() => moveTo(i, i + 1)} />
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除电话${i + 1}`} onClick={() => put(dests.filter((_, j) => j !== i))} />
          </Space>
          {advice(i).length > 0 && (
            <div className="dest-advice" role="note" aria-label={`电话${i + 1}等待时间建议`}>
              {advice(i).map((m) => <div key={m}>{m}</div>)}
            </div>
          )}
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => put([...dests, { number: "", wait_s: dests.length ? 20 : 55 }])} style={{ marginTop: 6 }}>
        添加电话
      </Button>
    </div>
  );
}

function AreasField({ node, field, set }: FieldProps) {
  return (
    <Form.Item label={field.label} extra={field.help}>
      <AreaPicker value={(valueOf(node, field) as string[]) ?? []} onChange={(areas) => set({ [field.name]: areas })} />
    </Form.Item>
  );
}

/** A list typed or pasted one entry a line (or separated by commas, spaces, 、), counted as it is saved. */
function LinesField({ node, field, set }: FieldProps) {
  const entries = (valueOf(node, field) as string[]) ?? [];
  return (
    <Form.Item label={field.label} extra={<>{field.help && <div>{field.help}</div>}<div>已填 {entries.length} 个</div></>}>
      <Input.TextArea aria-label={ariaOf(field)} autoSize={{ minRows: 4, maxRows: 12 }} defaultValue={entries.join("\n")}
        onBlur={(e) => set({ [field.name]: lines(e.target.value) })} />
    </Form.Item>
  );
}

/** The week's windows: painted on the grid, or exact to the minute (and by keyboard) in the rows below. */
function ScheduleField({ node, field, set }: FieldProps) {
  const s = (valueOf(node, field) as Schedule | undefined) ?? { windows: [], exceptions: [], observe_holidays: true };
  const put = (patch: Partial<Schedule>) => set({ [field.name]: { ...s, ...patch } });
  const putWindow = (i: number, w: Partial<Window>) => put({ windows: s.windows.map((x, j) => (j === i ? { ...x, ...w } : x)) });
  return (
    <>
      <Typography.Text strong>{field.label}</Typography.Text>
      {field.help && <Typography.Text type="secondary">({field.help})</Typography.Text>}
      <WeekGrid windows={s.windows} onChange={(windows) => put({ windows })} />
      {s.windows.map((w, i) => (
        <div key={i} style={{ border: "1px solid #f0f0f0", borderRadius: 6, padding: 8, margin: "6px 0" }}>
          <Checkbox.Group aria-label={`时段${i + 1}星期`} value={w.days} options={WEEKDAYS} onChange={(days) => putWindow(i, { days: days as number[] })} />
          <Space style={{ marginTop: 6 }} align="start">
            <TimeInput label={`时段${i + 1}开始`} value={w.start} onChange={(start) => putWindow(i, { start })} />
            至
            <TimeInput label={`时段${i + 1}结束`} value={w.end} end onChange={(end) => putWindow(i, { end })} />
            <Button size="small" danger icon={<DeleteOutlined />} aria-label={`删除时段${i + 1}`} onClick={() => put({ windows: s.windows.filter((_, j) => j !== i) })} />
          </Space>
        </div>
      ))}
      <Button icon={<PlusOutlined />} onClick={() => put({ windows: [...s.windows, { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" }] })}>添加时段</Button>
      <Form.Item label="法定节假日休息,调休上班日按工作日" style={{ marginTop: 12 }}>
        <Switch aria-label="遵守法定节假日和调休" checked={s.observe_holidays} onChange={(v) => put({ observe_holidays: v })} />
      </Form.Item>
    </>
  );
}

/**
 * The form control for each widget a definition may name (ivr_flows/nodes/base.py's `Widget`): plain
 * kinds built from the field's limits, hand-written ones for what a schema cannot say well. Typed over
 * every widget, so a widget added to the definitions without a control here fails the type check.
 */
export const WIDGETS: Record<FieldWidget, ComponentType<FieldProps>> = {
  text: TextField,
  textarea: TextField,
  number: NumberField,
  switch: SwitchField,
  choice: ChoiceField,
  prompt: PromptField,
  keys: KeysField,
  phones: PhonesField,
  areas: AreasField,
  lines: LinesField,
  schedule: ScheduleField,
  branches: BranchesField,
  rules: RulesField,
  variable: VariableField,
  // a module node: the module's id typed in until the editor has a picker of the account's modules
  module: TextField,
};

/** The fields a node's form shows, in the definition's order (`form: false` ones are set elsewhere). */
export function formFields(kind: string): NodeField[] {
  return kindOf(kind).fields.filter((f) => f.form !== false);
}

/** One node's properties, each by its field's widget; numbers side by side. */
export function TypeFields({ node, set }: { node: FlowNode; set: (p: Props) => void }) {
  const fields = formFields(node.data.kind);
  if (!fields.length) return <Typography.Paragraph type="secondary">{kindOf(node.data.kind).hint}。</Typography.Paragraph>;
  const rows: NodeField[][] = [];
  for (const f of fields) {
    const last = rows[rows.length - 1];
    if (f.widget === "number" && last?.[0].widget === "number") last.push(f);
    else rows.push([f]);
  }
  const one = (f: NodeField) => {
    const Widget = WIDGETS[f.widget];
    return <Widget key={f.name} node={node} field={f} set={set} />;
  };
  return <>{rows.map((row) => (row.length > 1 ? <Space key={row[0].name} wrap align="start">{row.map(one)}</Space> : one(row[0])))}</>;
}

/** The other nodes as picker options: a string per node, so a drag (positions only) changes nothing here. */
function useTargetOptions(self: string) {
  const labels = useEditor(
    useShallow((s) => s.nodes.filter((n) => n.id !== self && n.data.kind !== "start").map((n) => `${n.id}\u0000${nodeName(n)}`)),
  );
  return useMemo(() => labels.map((l) => {
    const [value, label] = l.split("\u0000");
    return { value, label };
  }), [labels]);
}

function ExitTargets({ node }: { node: FlowNode }) {
  const edges = useEditor((s) => s.edges);
  const connect = useEditor((s) => s.connect);
  const options = useTargetOptions(node.id);
  const exits = exitsOf(node.data);
  if (!exits.length) return null;
  return (
    <>
      <Typography.Title level={5}>出口</Typography.Title>
      {exits.map((exit) => (
        <Form.Item key={exit} label={exitLabel(node.data, exit)} style={{ marginBottom: 8 }}>
          <Select aria-label={`出口「${exitLabel(node.data, exit)}」连到`} allowClear placeholder="未连接" value={edges.find((e) => e.source === node.id && e.sourceHandle === exit)?.target}
            options={options} onChange={(target?: string) => connect(node.id, exit, target ?? null)} />
        </Form.Item>
      ))}
    </>
  );
}

/**
 * Follows only the selected node's id and data, never positions: dragging the selected node does not
 * re-render the panel.
 */
export function PropertiesPanel() {
  const selected = useEditor(useShallow((s) => s.nodes.filter((n) => n.selected).map((n) => n.id)));
  const id = selected.length === 1 ? selected[0] : null;
  const data = useEditor((s) => (id ? s.nodes.find((n) => n.id === id)?.data : undefined));
  const update = useEditor((s) => s.updateNode);
  const problems = useOverlay((s) => (id ? s.byNode[id] : undefined));
  if (!id || !data) {
    return (
      <Typography.Paragraph type="secondary">
        {selected.length ? `已选中 ${selected.length} 个节点。` : "选中一个节点以编辑它的属性。从左侧拖动节点到画布上添加,拖动节点右侧的出口圆点连到下一个节点。"}
      </Typography.Paragraph>
    );
  }
  const node = { id, data } as FlowNode;
  const set = (patch: Props) => update(node.id, { props: { ...node.data.props, ...patch } });
  return (
    <Form layout="vertical" size="small" key={node.id}>
      <Typography.Title level={5}>{typeName(node.data.kind)}</Typography.Title>
      {problems?.map((d, i) => (
        <Alert key={i} type={d.severity === "error" ? "error" : "warning"} title={d.message} showIcon style={{ marginBottom: 8 }} />
      ))}
      <Form.Item label="节点名称">
        <Input aria-label="节点名称" value={node.data.label} maxLength={80} placeholder={typeName(node.data.kind)} onChange={(e) => update(node.id, { label: e.target.value })} />
      </Form.Item>
      <Form.Item label="备注">
        <Input.TextArea
          aria-label="备注"
          value={node.data.note ?? ""}
          maxLength={500}
          autoSize={{ minRows: 1, maxRows: 4 }}
          placeholder="写给其他设计人员看的说明,来电者听不到"
          onChange={(e) => update(node.id, { note: e.target.value })}
        />
      </Form.Item>
      <TypeFields node={node} set={set} />
      <ExitTargets node={node} />
    </Form>
  );
}
