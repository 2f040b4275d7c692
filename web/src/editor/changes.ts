// The API's field-by-field flow changes (flowDiff.changes) in the editor's own words, for the list beside
// the canvas highlight. Pure functions: the versions panel and the unit tests build on them.
import { exitName, nodeName as canvasName, TYPE_NAME, type NodeType } from "./model";

export type Change = {
  kind: "ADDED" | "REMOVED" | "CHANGED";
  element: "NODE" | "EDGE" | "TESTS";
  id: string;
  field: string | null;
  before?: unknown;
  after?: unknown;
};
export type NodeName = { id: string; type: string; label: string };
export type ChangeLine = { kind: Change["kind"]; text: string; nodeId: string | null };

const FIELD: Record<string, string> = {
  prompt: "提示音",
  early_media: "作为彩铃播放",
  timeout_s: "等待按键(秒)",
  max_retries: "重试次数",
  invalid_prompt: "按错键时的提示",
  timeout_prompt: "未按键时的提示",
  schedule: "时间段",
  areas: "地区",
  entries: "来电号码或号段",
  destinations: "绑定电话",
  strategy: "呼叫方式",
  ringback: "等待时给来电者放的彩铃",
  record: "通话录音",
  greeting: "留言提示音",
  max_length_s: "最长留言(秒)",
  mailbox: "留言信箱",
  action: "录音",
  announcement: "结束语",
  cause: "挂机原因",
};
const MENU_FIELD: Record<string, string> = { prompt: "菜单提示音" };
const CHOICES: Record<string, Record<string, string>> = {
  strategy: { sequential: "依次呼叫", ring_all: "同时振铃" },
  action: { start: "开始录音", stop: "停止录音" },
  cause: { normal: "正常结束", busy: "忙", rejected: "拒接", unallocated: "空号", congestion: "线路拥塞" },
};
const WEEKDAY = "一二三四五六日";
const LIST_SHOWN = 8;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A node as a change line names it: its kind and label, else the canvas's name (never its id). */
export function nodeName(id: string, names: Map<string, NodeName>): string {
  const n = names.get(id);
  if (!n) return "节点";
  const kind = TYPE_NAME[n.type as NodeType] ?? "节点";
  return n.label ? `${kind}「${n.label}」` : canvasName({ id, data: { kind: n.type as NodeType, label: "" } });
}

function promptText(v: unknown, prompts: Map<string, string>): string {
  if (!isObj(v)) return "无";
  if (typeof v.tts === "string") return `“${v.tts}”`;
  if (typeof v.prompt === "string") return `语音“${prompts.get(v.prompt) ?? "已上传的提示音"}”`;
  return "无";
}

function listText(items: string[]): string {
  if (!items.length) return "无";
  const shown = items.slice(0, LIST_SHOWN).join("、");
  return items.length > LIST_SHOWN ? `${shown} 等 ${items.length} 个` : shown;
}

function windowText(w: unknown): string {
  if (!isObj(w)) return "";
  const days = Array.isArray(w.days) ? (w.days as number[]).map((d) => WEEKDAY[d - 1] ?? "").join("") : "";
  return `周${days} ${String(w.start ?? "")}–${String(w.end ?? "")}`;
}

/** One field's value in words. */
export function valueText(key: string, v: unknown, prompts: Map<string, string> = new Map()): string {
  if (v === null || v === undefined) return "无";
  if (key.endsWith("prompt") || key === "greeting" || key === "announcement" || key === "ringback") return promptText(v, prompts);
  if (CHOICES[key]) return CHOICES[key][String(v)] ?? String(v);
  if (typeof v === "boolean") return v ? "开" : "关";
  if (key === "destinations" && Array.isArray(v)) {
    return listText(v.filter(isObj).map((d) => `${d.name ? `${String(d.name)} ` : ""}${String(d.number ?? "")}(等${String(d.wait_s ?? 30)}秒)`));
  }
  if (key === "schedule" && isObj(v)) {
    const windows = Array.isArray(v.windows) ? v.windows.map(windowText).join(";") : "";
    return `${windows || "无时段"}${v.observe_holidays === false ? "" : ",节假日休息"}`;
  }
  if (Array.isArray(v)) return listText(v.map((x) => (isObj(x) ? JSON.stringify(x) : String(x))));
  if (typeof v === "string") return `“${v}”`;
  if (typeof v === "number") return String(v);
  return JSON.stringify(v);
}

function fieldName(field: string, type: string | undefined): string {
  if (field === "label") return "节点名称";
  if (field === "note") return "备注";
  if (field === "type") return "节点类型";
  if (field === "props") return "全部设置";
  const key = field.replace(/^props\./, "");
  return (type === "menu" ? MENU_FIELD[key] : undefined) ?? FIELD[key] ?? key;
}

function edgeText(e: unknown, names: Map<string, NodeName>): string {
  if (!isObj(e)) return "";
  return `${nodeName(String(e.source), names)} ${exitName(String(e.exit))} → ${nodeName(String(e.target), names)}`;
}

/** One change as a line of the list: what, where, before → after. */
export function describe(c: Change, names: Map<string, NodeName>, prompts: Map<string, string> = new Map()): ChangeLine {
  const verb = c.kind === "ADDED" ? "新增" : c.kind === "REMOVED" ? "删除" : "修改";
  if (c.element === "TESTS") return { kind: c.kind, text: "测试用例有修改", nodeId: null };
  if (c.element === "EDGE") {
    if (c.kind !== "CHANGED") return { kind: c.kind, text: `${verb}连线:${edgeText(c.after ?? c.before, names)}`, nodeId: null };
    const what = c.field === "target" ? "连到" : c.field === "source" ? "起点" : "出口";
    const show = (v: unknown) => (c.field === "exit" ? exitName(String(v)) : nodeName(String(v), names));
    return { kind: c.kind, text: `连线${what}:${show(c.before)} → ${show(c.after)}`, nodeId: null };
  }
  const name = nodeName(c.id, names);
  if (c.kind !== "CHANGED") return { kind: c.kind, text: `${verb}节点:${name}`, nodeId: c.id };
  const field = c.field ?? "";
  const key = field.replace(/^props\./, "");
  const type = names.get(c.id)?.type;
  const show = (v: unknown) => {
    if (field === "type") return TYPE_NAME[v as NodeType] ?? String(v);
    if (field === "props") return "…";
    if (field === "label" || field === "note") return v ? `“${String(v)}”` : "无";
    return valueText(key, v, prompts);
  };
  return { kind: c.kind, text: `${name} · ${fieldName(field, type)}:${show(c.before)} → ${show(c.after)}`, nodeId: c.id };
}
