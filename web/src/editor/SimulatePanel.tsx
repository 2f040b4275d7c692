import { useMutation } from "@tanstack/react-query";
import { App, Button, DatePicker, Empty, Form, Input, InputNumber, List, Select, Space, Tag, Timeline, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useMemo, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { request, unwrap } from "../api/client";
import { RunFlowTestsDocument, SimulateFlowDocument, type SimulateFlowQuery } from "../gql/graphql";
import { exitName } from "./kinds";
import { exitLabel, nodeName } from "./model";
import { useOverlay } from "./overlay";
import { useMedia } from "./PromptPicker";
import { useEditor } from "./store";

type Simulation = Extract<SimulateFlowQuery["simulateFlow"], { __typename: "Simulation" }>;
type Phone = { number: string; state: string; answerAfterS: number };

const STATES = [
  { value: "answer", label: "接听" },
  { value: "busy", label: "忙" },
  { value: "no_answer", label: "无人接听" },
  { value: "unreachable", label: "无法接通" },
  { value: "switched_off", label: "关机" },
];
const OUTCOMES: Record<string, string> = { answered: "已接通", voicemail: "留言", hangup: "挂机", rejected: "被拒绝", loop: "流程循环" };
const KINDS: Record<string, string> = {
  policy: "号码策略", branch: "判断", hear: "听到", key: "按键", ring: "振铃", answer: "接听", voicemail: "留言", record: "录音", hangup: "挂机", guard: "保护", set: "变量",
};
/** What each step's outcome code means to the designer, by the kind of step. */
const EVENT_OUTCOMES: Record<string, Record<string, string>> = {
  policy: { allowed: "允许", refused: "拒绝", pass: "通过", full: "线路已满", ok: "线路未满" },
  branch: { match: "匹配", else: "否则", answered: "接通", busy: "忙", no_answer: "无应答", failed: "失败", timeout: "超时", invalid: "按错键", area_refused: "地区不可接听", done: "输入完成" },
  ring: { answered: "接听", busy: "占线", no_answer: "无人接听", failed: "无法接通" },
  record: { start: "开始", stop: "停止" },
  hangup: { normal: "正常结束", busy: "忙", rejected: "拒接", unallocated: "空号", congestion: "线路拥塞" },
};

/** A list or key exit a branch took ("rule:2" → "条件2", "branch:1" → "分支1"); null for anything else. */
function derivedExit(outcome: string): string | null {
  const name = exitName(outcome);
  return name !== outcome ? name : null;
}

/**
 * One timeline line in Chinese: codes are translated, prompt files named; a hangup's Q.850 code is left out.
 * `exitOf` names the exit a branch took as its node shows it (a rule or branch the designer named), and
 * `nodeOf` the node that branched ("条件判断 → VIP订单" reads better than "判断 → 条件1").
 */
export function describe(
  e: Simulation["events"][number],
  fileName: (id: string) => string | undefined,
  exitOf: (node: string, exit: string) => string | undefined = () => undefined,
  nodeOf: (node: string) => string | undefined = () => undefined,
): string {
  if (e.kind === "key") return e.reason; // "按键1", "5秒内没有按键"
  if (e.kind === "set") return `${KINDS.set} ${e.reason}`; // "变量 订单号=12345"
  const parts = [(e.kind === "branch" && e.node ? nodeOf(e.node) : undefined) ?? KINDS[e.kind] ?? "步骤"];
  if (e.text) parts.push(`「${e.text}」`);
  else if (e.prompt) parts.push(`语音文件「${fileName(e.prompt) ?? "未命名"}」`);
  if (e.number) parts.push(e.number);
  if (e.outcome) {
    // Only an exit of a list or of keys ("rule:1", "branch:2") can carry a name the designer gave it.
    const taken = e.outcome.includes(":") && derivedExit(e.outcome) !== null && e.node ? exitOf(e.node, e.outcome) : undefined;
    parts.push(`→ ${taken ?? EVENT_OUTCOMES[e.kind]?.[e.outcome] ?? OUTCOMES[e.outcome] ?? derivedExit(e.outcome) ?? "其他"}`);
  }
  if (e.reason && e.kind !== "hangup") parts.push(`(${e.reason})`);
  return parts.join(" ");
}

export function SimulatePanel({ flowId, flush, addTest }: { flowId: string; flush: () => Promise<boolean>; addTest: (test: unknown) => void }) {
  const { message } = App.useApp();
  const numbers = useEditor(
    useShallow((s) =>
      s.nodes.flatMap((n) => (n.data.kind === "dial" ? ((n.data.props.destinations as { number: string }[]) ?? []).map((d) => d.number) : [])).filter(Boolean),
    ),
  );
  const uniqueNumbers = useMemo(() => [...new Set(numbers)], [numbers]);
  const [caller, setCaller] = useState("13812345678");
  const [at, setAt] = useState<Dayjs>(() => dayjs().hour(10).minute(0).second(0));
  const [digits, setDigits] = useState("1");
  const [branches, setBranches] = useState("");
  const hasSplit = useEditor((s) => s.nodes.some((n) => n.data.kind === "split"));
  const split = branches.split(/[\s,,、]+/).filter(Boolean).map(Number);
  const [phones, setPhones] = useState<Record<string, Phone>>({});
  const [result, setResult] = useState<Simulation | null>(null);
  const [testName, setTestName] = useState("");
  const { path, step, setPath } = useOverlay();
  const media = useMedia();
  const fileName = (id: string) => media.data?.find((m) => m.promptId === id)?.name;
  const nodeAt = (id: string) => useEditor.getState().nodes.find((n) => n.id === id);
  const exitOf = (id: string, exit: string) => {
    const data = nodeAt(id)?.data;
    return data ? exitLabel(data, exit) : undefined;
  };
  const nodeOf = (id: string) => {
    const n = nodeAt(id);
    return n ? nodeName(n) : undefined;
  };

  const phoneList = uniqueNumbers.map((n) => phones[n] ?? { number: n, state: "answer", answerAfterS: 5 });

  const simulate = useMutation({
    mutationFn: async () => {
      if (!(await flush())) throw new Error("草稿未能保存,无法模拟");
      const call = { caller, digits, at: at.format("YYYY-MM-DDTHH:mm:ssZ"), phones: phoneList, ...(split.length ? { split } : {}) };
      return unwrap((await request(SimulateFlowDocument, { flowId, call })).simulateFlow);
    },
    onSuccess: (sim) => {
      setResult(sim);
      setPath(sim.path, sim.path.length - 1);
    },
    onError: (e) => message.error(e.message),
  });

  const tests = useMutation({
    mutationFn: async () => {
      if (!(await flush())) throw new Error("草稿未能保存");
      return unwrap((await request(RunFlowTestsDocument, { flowId })).runFlowTests);
    },
    onError: (e) => message.error(e.message),
  });

  function saveTest() {
    if (!result) return;
    const expect: Record<string, unknown> = { path: result.path, outcome: result.outcome };
    if (result.answeredBy) expect.answered_by = result.answeredBy;
    addTest({
      name: testName.trim() || `按${digits || "无"}:${OUTCOMES[result.outcome] ?? result.outcome}`,
      call: {
        caller,
        digits,
        at: at.format("YYYY-MM-DDTHH:mm:ss"),
        phones: Object.fromEntries(phoneList.map((p) => [p.number, { state: p.state, answer_after_s: p.answerAfterS }])),
        ...(split.length ? { split } : {}),
      },
      expect,
    });
    message.success("已保存为测试用例");
    setTestName("");
  }

  return (
    <div>
      <Form layout="vertical" size="small">
        <Form.Item label="来电号码"><Input aria-label="来电号码" value={caller} onChange={(e) => setCaller(e.target.value.trim())} /></Form.Item>
        <Form.Item label="来电时间">
          <DatePicker aria-label="来电时间" showTime={{ format: "HH:mm" }} format="YYYY-MM-DD HH:mm" value={at} allowClear={false} onChange={(v) => v && setAt(v)} />
        </Form.Item>
        <Form.Item label="按键(“-”表示不按键等待超时)"><Input aria-label="按键" value={digits} onChange={(e) => setDigits(e.target.value.trim())} /></Form.Item>
        {hasSplit && (
          <Form.Item label="按比例分流进入的分支" extra="依次经过的每个分流节点走第几个分支,如“2”或“2,1”;不填则随机抽取">
            <Input aria-label="分流分支" value={branches} placeholder="随机" onChange={(e) => setBranches(e.target.value.replace(/[^0-9,,、\s]/g, ""))} />
          </Form.Item>
        )}
        {phoneList.length > 0 && <Typography.Text strong>绑定电话的表现</Typography.Text>}
        {phoneList.map((p) => (
          <Space key={p.number} wrap size={[8, 4]} style={{ display: "flex", margin: "4px 0" }}>
            <span style={{ width: 110, display: "inline-block" }}>{p.number}</span>
            <Select aria-label={`${p.number} 的表现`} size="small" style={{ width: 100 }} value={p.state} options={STATES}
              onChange={(state: string) => setPhones({ ...phones, [p.number]: { ...p, state } })} />
            {p.state === "answer" && (
              <InputNumber aria-label={`${p.number} 接听前秒数`} size="small" min={0} max={300} value={p.answerAfterS} suffix="秒后"
                onChange={(v) => setPhones({ ...phones, [p.number]: { ...p, answerAfterS: v ?? 0 } })} />
            )}
          </Space>
        ))}
        <Space style={{ marginTop: 12 }}>
          <Button type="primary" loading={simulate.isPending} onClick={() => simulate.mutate()}>开始模拟</Button>
          <Button loading={tests.isPending} onClick={() => tests.mutate()}>运行全部测试</Button>
        </Space>
      </Form>
      {result && (
        <div style={{ marginTop: 16 }} aria-label="模拟结果">
          <Typography.Paragraph>
            结果:<Tag color={result.outcome === "answered" ? "green" : "orange"}>{OUTCOMES[result.outcome] ?? result.outcome}</Tag>
            {result.answeredBy && <>由 {result.answeredBy} 接听</>} · 时长 {result.durationS.toFixed(1)} 秒
            {result.callerProvince && <> · 来电地区 {result.callerProvince}{result.callerCity}</>}
          </Typography.Paragraph>
          <Space style={{ marginBottom: 8 }}>
            <Button size="small" disabled={step <= 0} onClick={() => setPath(path, step - 1)}>上一步</Button>
            <span>路径第 {step + 1}/{path.length} 步</span>
            <Button size="small" disabled={step >= path.length - 1} onClick={() => setPath(path, step + 1)}>下一步</Button>
          </Space>
          <Timeline
            items={result.events.map((e) => ({
              color: e.kind === "ring" ? "blue" : e.kind === "answer" ? "green" : e.kind === "hangup" ? "red" : "gray",
              content: <span className="sim-event">{e.t.toFixed(1)} 秒 {describe(e, fileName, exitOf, nodeOf)}</span>,
            }))}
          />
          <Space.Compact style={{ width: "100%" }}>
            <Input aria-label="测试用例名称" placeholder="测试用例名称" value={testName} onChange={(e) => setTestName(e.target.value)} />
            <Button onClick={saveTest}>保存为测试用例</Button>
          </Space.Compact>
        </div>
      )}
      {tests.data && (
        <List
          style={{ marginTop: 16 }}
          header={<strong>测试:{tests.data.passed} 个通过,{tests.data.failed} 个失败</strong>}
          dataSource={tests.data.results}
          locale={{ emptyText: <Empty description="还没有测试用例" /> }}
          renderItem={(r) => (
            <List.Item>
              <Tag color={r.passed ? "green" : "red"}>{r.passed ? "通过" : "失败"}</Tag> {r.name}
              {!r.passed && <div style={{ color: "#a8071a" }}>{r.message}</div>}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}
