// The API's field-by-field flow changes (flowDiff.changes) in the editor's own words, for the list beside
// the canvas highlight. Pure functions: the versions panel and the unit tests build on them.
import { NODE_KINDS } from "../gql/nodeTypes";
import { fieldOf, type NodeField } from "./kinds";
import { exitName, nodeName as canvasName, typeName, type NodeType } from "./model";

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

/** A property's definition in the node's type, else in any type (a change that names a field its node lacks). */
function fieldDef(key: string, type: string | undefined): NodeField | undefined {
  return (type ? fieldOf(type, key) : undefined) ?? NODE_KINDS.flatMap((k) => k.fields).find((f) => f.name === key);
}

const WEEKDAY = "一二三四五六日";
const LIST_SHOWN = 8;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

/** A node as a change line names it: its kind and label, else the canvas's name (never its id). */
export function nodeName(id: string, names: Map<string, NodeName>): string {
  const n = names.get(id);
  if (!n) return "节点";
  const kind = typeName(n.type);
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

/** One field's value in words, by its definition's widget (`type`: the node's type). */
export function valueText(key: string, v: unknown, prompts: Map<string, string> = new Map(), type?: string): string {
  if (v === null || v === undefined) return "无";
  const def = fieldDef(key, type);
  if (def?.widget === "prompt") return promptText(v, prompts);
  if (def?.options) return def.options.find((o) => o.value === String(v))?.label ?? String(v);
  if (typeof v === "boolean") return v ? "开" : "关";
  if (def?.widget === "phones" && Array.isArray(v)) {
    return listText(v.filter(isObj).map((d) => `${d.name ? `${String(d.name)} ` : ""}${String(d.number ?? "")}(等${String(d.wait_s ?? 30)}秒)`));
  }
  if (def?.widget === "schedule" && isObj(v)) {
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
  const def = fieldDef(field.replace(/^props\./, ""), type);
  if (!def) return "其他设置";
  return def.unit && def.widget === "number" ? `${def.label}(${def.unit})` : def.label;
}

function edgeText(e: unknown, names: Map<string, NodeName>): string {
  if (!isObj(e)) return "";
  const type = names.get(String(e.source))?.type;
  return `${nodeName(String(e.source), names)} ${exitName(String(e.exit), type)} → ${nodeName(String(e.target), names)}`;
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
    if (field === "type") return typeName(String(v));
    if (field === "props") return "…";
    if (field === "label" || field === "note") return v ? `“${String(v)}”` : "无";
    return valueText(key, v, prompts, type);
  };
  return { kind: c.kind, text: `${name} · ${fieldName(field, type)}:${show(c.before)} → ${show(c.after)}`, nodeId: c.id };
}
