import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select, Space, Switch, Typography } from "antd";
import { exitName, exitsOf, MENU_KEYS, nodeName, TYPE_NAME, type FlowNode, type Props } from "./model";
import { useOverlay, type Diagnostic } from "./overlay";
import { PromptPicker, type PromptRef, type PromptUse } from "./PromptPicker";
import { useMemo, useState } from "react";
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

function TypeFields({ node, set }: { node: FlowNode; set: (p: Props) => void }) {
  const p = node.data.props;
  const update = useEditor((s) => s.updateNode);
  const problems = useOverlay((s) => s.byNode[node.id]);
  const [dragging, setDragging] = useState<number | null>(null);
  /** A prompt field: switching its source keeps the other one on the node (editor only). */
  const prompt = (field: string, label: string, use: PromptUse, optional = false) => (
    <PromptPicker label={label} optional={optional} use={use} value={p[field] as PromptRef} kept={node.data.kept?.[field]}
      onChange={(v, kept) => update(node.id, { props: { ...p, [field]: v ?? undefined }, kept: { ...node.data.kept, [field]: kept } })} />
  );
  switch (node.data.kind) {
    case "play":
      return (
        <>
          <Form.Item label="提示音">{prompt("prompt", "提示音", p.early_media ? "ringback" : "prompt")}</Form.Item>
          <Form.Item label="作为彩铃播放(不摘机、不计费)">
            <Switch aria-label="作为彩铃播放" checked={Boolean(p.early_media)} onChange={(v) => set({ early_media: v })} />
          </Form.Item>
        </>
      );
    case "menu":
      return (
        <>
          <Form.Item label="菜单提示音">{prompt("prompt", "菜单提示音", "prompt")}</Form.Item>
          <Form.Item label="可按的键">
            <Checkbox.Group aria-label="可按的键" value={node.data.keys ?? []} options={MENU_KEYS.map((k) => ({ value: k, label: k }))}
              onChange={(keys) => update(node.id, { keys: keys as string[] })} />
          </Form.Item>
          <Space>
            <Form.Item label="等待按键(秒)"><InputNumber aria-label="等待按键秒数" min={1} max={60} value={p.timeout_s as number} onChange={(v) => set({ timeout_s: v ?? 5 })} /></Form.Item>
            <Form.Item label="重试次数"><InputNumber aria-label="重试次数" min={0} max={9} value={p.max_retries as number} onChange={(v) => set({ max_retries: v ?? 2 })} /></Form.Item>
          </Space>
          <Form.Item label="按错键时的提示">{prompt("invalid_prompt", "按错键时的提示", "prompt", true)}</Form.Item>
          <Form.Item label="未按键时的提示">{prompt("timeout_prompt", "未按键时的提示", "prompt", true)}</Form.Item>
        </>
      );
    case "dial": {
      const dests = (p.destinations as Destination[]) ?? [];
      const put = (next: Destination[]) => set({ destinations: next });
      const moveTo = (from: number, to: number) => {
        if (from === to || to < 0 || to >= dests.length) return;
        const next = [...dests];
        next.splice(to, 0, ...next.splice(from, 1));
        put(next);
      };
      const advice = (i: number) => waitAdvice(problems, dests, i, p.strategy as string | undefined);
      return (
        <>
          <Form.Item label="呼叫方式">
            <Radio.Group aria-label="呼叫方式" value={p.strategy ?? "sequential"} onChange={(e) => set({ strategy: e.target.value })}
              options={[{ value: "sequential", label: "依次呼叫" }, { value: "ring_all", label: "同时振铃" }]} />
          </Form.Item>
          <Typography.Text strong>绑定电话</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ margin: "2px 0 0", fontSize: 12 }}>
            拖动左侧把手或用上下箭头调整呼叫顺序。等待时间建议:绑定多个号码时每个 15 秒或以上,只绑定一个时 50–60 秒。
          </Typography.Paragraph>
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
          <Button icon={<PlusOutlined />} onClick={() => put([...dests, { number: "", wait_s: dests.length ? 20 : 55 }])} style={{ margin: "6px 0 12px" }}>
            添加电话
          </Button>
          <Form.Item label="等待时给来电者放的彩铃">{prompt("ringback", "转接彩铃", "ringback", true)}</Form.Item>
          <Form.Item label="通话录音"><Switch aria-label="通话录音" checked={Boolean(p.record)} onChange={(v) => set({ record: v })} /></Form.Item>
        </>
      );
    }
    case "voicemail":
      return (
        <>
          <Form.Item label="留言提示音">{prompt("greeting", "留言提示音", "greeting", true)}</Form.Item>
          <Form.Item label="最长留言(秒)"><InputNumber aria-label="最长留言秒数" min={5} max={600} value={(p.max_length_s as number) ?? 120} onChange={(v) => set({ max_length_s: v ?? 120 })} /></Form.Item>
        </>
      );
    case "hangup":
      return (
        <>
          <Form.Item label="结束语">{prompt("announcement", "结束语", "prompt", true)}</Form.Item>
          <Form.Item label="挂机原因">
            <Select aria-label="挂机原因" value={(p.cause as string) ?? "normal"} onChange={(cause) => set({ cause })}
              options={[{ value: "normal", label: "正常结束" }, { value: "busy", label: "忙" }, { value: "rejected", label: "拒接" }, { value: "unallocated", label: "空号" }, { value: "congestion", label: "线路拥塞" }]} />
          </Form.Item>
        </>
      );
    case "record":
      return (
        <Form.Item label="录音">
          <Radio.Group aria-label="录音动作" value={p.action ?? "start"} onChange={(e) => set({ action: e.target.value })}
            options={[{ value: "start", label: "开始录音" }, { value: "stop", label: "停止录音" }]} />
        </Form.Item>
      );
    case "area_switch":
      return (
        <Form.Item label="地区" extra="匹配这些地区(按区号)的来电走「匹配」出口;选整个省或市即选中其下所有区号">
          <AreaPicker value={(p.areas as string[]) ?? []} onChange={(areas) => set({ areas })} />
        </Form.Item>
      );
    case "caller_list":
      return (
        <Form.Item label="来电号码或号段(每行一个,可批量粘贴)" extra={`${((p.entries as string[]) ?? []).length} 个`}>
          <Input.TextArea aria-label="来电号码或号段" autoSize={{ minRows: 4, maxRows: 12 }} defaultValue={((p.entries as string[]) ?? []).join("\n")}
            onBlur={(e) => set({ entries: lines(e.target.value) })} />
        </Form.Item>
      );
    case "time_switch": {
      const s = (p.schedule as Schedule) ?? { windows: [], exceptions: [], observe_holidays: true };
      const put = (patch: Partial<Schedule>) => set({ schedule: { ...s, ...patch } });
      const putWindow = (i: number, w: Partial<Window>) => put({ windows: s.windows.map((x, j) => (j === i ? { ...x, ...w } : x)) });
      return (
        <>
          <Typography.Text strong>工作时段(时段内走「匹配」)</Typography.Text>
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
    default:
      return <Typography.Paragraph type="secondary">来电从这里进入流程。</Typography.Paragraph>;
  }
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
        <Form.Item key={exit} label={exitName(exit)} style={{ marginBottom: 8 }}>
          <Select aria-label={`出口「${exitName(exit)}」连到`} allowClear placeholder="未连接" value={edges.find((e) => e.source === node.id && e.sourceHandle === exit)?.target}
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
      <Typography.Title level={5}>{TYPE_NAME[node.data.kind]}</Typography.Title>
      {problems?.map((d, i) => (
        <Alert key={i} type={d.severity === "error" ? "error" : "warning"} title={d.message} showIcon style={{ marginBottom: 8 }} />
      ))}
      <Form.Item label="节点名称">
        <Input aria-label="节点名称" value={node.data.label} maxLength={80} placeholder={TYPE_NAME[node.data.kind]} onChange={(e) => update(node.id, { label: e.target.value })} />
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
