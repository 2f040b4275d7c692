// The flow document (ivr_flows' JSON format, see docs/dialplan.md) and its canvas form.
// Pure functions only: the store, the canvas and the tests build on them.
import type { Edge, Node } from "@xyflow/react";

export type NodeType =
  | "start"
  | "play"
  | "menu"
  | "time_switch"
  | "area_switch"
  | "caller_list"
  | "dial"
  | "voicemail"
  | "record"
  | "hangup";

export type Props = Record<string, unknown>;

export type NodeData = {
  kind: NodeType;
  label: string;
  /** The designer's note: shown on the canvas, never heard by callers. */
  note?: string;
  props: Props;
  /** Menus: the keys offered (editor only; saved as the menu's digit edges). */
  keys?: string[];
  /**
   * Per prompt field, the text and the file the designer gave it, whichever is not in use now (editor
   * only, never saved): switching between 文字转语音 and 语音文件 and back restores what was there.
   */
  kept?: Record<string, KeptPrompt>;
};

export type KeptPrompt = { tts?: string; prompt?: string };

export type FlowNode = Node<NodeData, "flow">;
export type FlowEdge = Edge;

export type DocNode = { id: string; type: NodeType; label?: string; note?: string; position?: { x: number; y: number }; props?: Props };
export type DocEdge = { id: string; source: string; exit: string; target: string };
export type FlowDoc = {
  format_version: 1;
  id?: string;
  name?: string;
  nodes: DocNode[];
  edges: DocEdge[];
  tests?: unknown[];
};

export const NODE_TYPES: { type: NodeType; name: string; hint: string }[] = [
  { type: "start", name: "开始", hint: "来电从这里进入流程" },
  { type: "play", name: "放音", hint: "播放提示音或彩铃" },
  { type: "menu", name: "按键菜单", hint: "请拨1、请拨2……" },
  { type: "time_switch", name: "时间判断", hint: "工作时间与节假日" },
  { type: "area_switch", name: "地区判断", hint: "按来电地区分流" },
  { type: "caller_list", name: "来电号码判断", hint: "按来电号码或号段分流" },
  { type: "dial", name: "转接电话", hint: "依次或同时呼叫绑定电话" },
  { type: "voicemail", name: "语音留言", hint: "请在提示音后留言" },
  { type: "record", name: "录音", hint: "开始或停止通话录音" },
  { type: "hangup", name: "挂机", hint: "结束通话,可先播放结束语" },
];

export const TYPE_NAME: Record<NodeType, string> = Object.fromEntries(NODE_TYPES.map((t) => [t.type, t.name])) as Record<
  NodeType,
  string
>;

/**
 * How a designer knows a node: its name, else its type with the number the editor gave it
 * ("转接电话 2"); never an internal id.
 */
export function nodeName(node: { id: string; data: Pick<NodeData, "kind" | "label"> }): string {
  const label = node.data.label.trim();
  if (label) return label;
  const type = TYPE_NAME[node.data.kind] ?? "节点";
  const n = new RegExp(`^${node.data.kind}-(\\d+)$`).exec(node.id);
  return n && n[1] !== "1" ? `${type} ${n[1]}` : type;
}

/** Menu keys in the order the canvas shows them (and ELK keeps). */
export const MENU_KEYS = ["1", "2", "3", "4", "5", "6", "7", "8", "9", "0", "*", "#"];

const FIXED_EXITS: Record<NodeType, string[]> = {
  start: ["next"],
  play: ["next"],
  menu: ["timeout", "invalid"],
  time_switch: ["match", "else"],
  area_switch: ["match", "else"],
  caller_list: ["match", "else"],
  dial: ["answered", "busy", "no_answer", "failed"],
  voicemail: ["done"],
  record: ["next"],
  hangup: [],
};

const EXIT_NAMES: Record<string, string> = {
  next: "下一步",
  timeout: "超时",
  invalid: "输入错误",
  match: "匹配",
  else: "否则",
  answered: "接通",
  busy: "忙",
  no_answer: "无应答",
  failed: "失败",
  done: "留言完成",
};

export function exitName(exit: string): string {
  return exit.startsWith("digit:") ? `按${exit.slice(6)}` : (EXIT_NAMES[exit] ?? exit);
}

export function sortKeys(keys: Iterable<string>): string[] {
  return [...new Set(keys)].filter((k) => MENU_KEYS.includes(k)).sort((a, b) => MENU_KEYS.indexOf(a) - MENU_KEYS.indexOf(b));
}

/** A node's exits in display order: a menu's digits first, in key order. */
export function exitsOf(data: Pick<NodeData, "kind" | "keys">): string[] {
  const digits = data.kind === "menu" ? sortKeys(data.keys ?? []).map((k) => `digit:${k}`) : [];
  return [...digits, ...FIXED_EXITS[data.kind]];
}

export function defaultProps(kind: NodeType): Props {
  switch (kind) {
    case "play":
      return { prompt: { tts: "欢迎致电" }, early_media: false };
    case "menu":
      return { prompt: { tts: "查询请拨1,人工服务请拨2" }, timeout_s: 5, max_retries: 2 };
    case "time_switch":
      return {
        schedule: { windows: [{ name: "工作时间", days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" }], exceptions: [], observe_holidays: true },
      };
    case "area_switch":
      return { areas: [] };
    case "caller_list":
      return { entries: [] };
    case "dial":
      return { destinations: [], strategy: "sequential", record: false };
    case "voicemail":
      return { max_length_s: 120 };
    case "record":
      return { action: "start" };
    case "hangup":
      return { cause: "normal" };
    default:
      return {};
  }
}

export function defaultKeys(kind: NodeType): string[] | undefined {
  return kind === "menu" ? ["1", "2"] : undefined;
}

/** A fresh id for a node of `kind`, unique among `taken`. */
export function newNodeId(kind: NodeType, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const id = `${kind}-${i}`;
    if (!taken.has(id)) return id;
  }
}

export function edgeFor(source: string, exit: string, target: string): FlowEdge {
  return { id: `e-${source}-${exit.replace(":", "")}`, source, sourceHandle: exit, target, label: exitName(exit) };
}

export function docToGraph(doc: FlowDoc): { nodes: FlowNode[]; edges: FlowEdge[] } {
  const keys = new Map<string, string[]>();
  for (const e of doc.edges) {
    if (e.exit.startsWith("digit:")) keys.set(e.source, [...(keys.get(e.source) ?? []), e.exit.slice(6)]);
  }
  const nodes: FlowNode[] = doc.nodes.map((n) => ({
    id: n.id,
    type: "flow",
    position: { x: n.position?.x ?? 0, y: n.position?.y ?? 0 },
    deletable: n.type !== "start",
    data: {
      kind: n.type,
      label: n.label ?? "",
      ...(n.note ? { note: n.note } : {}),
      props: n.props ?? {},
      ...(n.type === "menu" ? { keys: sortKeys(keys.get(n.id) ?? []) } : {}),
    },
  }));
  const edges: FlowEdge[] = doc.edges.map((e) => ({ ...edgeFor(e.source, e.exit, e.target), id: e.id }));
  return { nodes, edges };
}

export function graphToDoc(nodes: FlowNode[], edges: FlowEdge[], base: Partial<FlowDoc> = {}): FlowDoc {
  const kinds = new Map(nodes.map((n) => [n.id, n.data]));
  return {
    ...base,
    format_version: 1,
    nodes: nodes.map((n) => {
      const doc: DocNode = { id: n.id, type: n.data.kind, position: { x: Math.round(n.position.x), y: Math.round(n.position.y) } };
      if (n.data.label) doc.label = n.data.label;
      if (n.data.note) doc.note = n.data.note;
      if (Object.keys(n.data.props).length) doc.props = n.data.props;
      return doc;
    }),
    edges: edges
      .filter((e) => {
        const data = kinds.get(e.source);
        return data && kinds.has(e.target) && exitsOf(data).includes(e.sourceHandle ?? "");
      })
      .map((e) => ({ id: e.id, source: e.source, exit: e.sourceHandle ?? "", target: e.target })),
    tests: base.tests ?? [],
  };
}
