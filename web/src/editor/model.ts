// The flow document (ivr_flows' JSON format, see docs/dialplan.md) and its canvas form.
// Pure functions only: the store, the canvas and the tests build on them.
import type { Edge, Node } from "@xyflow/react";
import type { FlowVariable } from "../gql/nodeTypes";
import { entryOf, exitName, kindOf, sortKeys, typeName, type NodeType } from "./kinds";

export { exitName, sortKeys, typeName, type NodeType };

export type Props = Record<string, unknown>;

export type NodeData = {
  kind: NodeType;
  label: string;
  /** The designer's note: shown on the canvas, never heard by callers. */
  note?: string;
  /** The type's properties as saved, key exits included (a menu's ticked keys in `props.keys`). */
  props: Props;
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
  /** Declared variables; absent when there are none (a document saved before variables stays as it was). */
  variables?: FlowVariable[];
};

/**
 * How a designer knows a node: its name, else its type with the number the editor gave it
 * ("转接电话 2"); never an internal id.
 */
export function nodeName(node: { id: string; data: Pick<NodeData, "kind" | "label"> }): string {
  const label = node.data.label.trim();
  if (label) return label;
  const type = typeName(node.data.kind);
  const n = new RegExp(`^${node.data.kind}-(\\d+)$`).exec(node.id);
  return n && n[1] !== "1" ? `${type} ${n[1]}` : type;
}

/** The keys a node offers (a menu's ticked keys), in the order the canvas shows them; [] for other types. */
export function keysOf(data: Pick<NodeData, "kind" | "props">): string[] {
  const keys = kindOf(data.kind).keyExits;
  const chosen = keys ? data.props[keys.prop] : undefined;
  return Array.isArray(chosen) ? sortKeys(data.kind, chosen as string[]) : [];
}

/** The entries a node's list exits stand for (a split's branches); [] for types without list exits. */
export function entriesOf(data: Pick<NodeData, "kind" | "props">): Record<string, unknown>[] {
  const list = kindOf(data.kind).listExits;
  const entries = list ? data.props[list.prop] : undefined;
  return Array.isArray(entries) ? (entries.slice(0, list?.most) as Record<string, unknown>[]) : [];
}

/**
 * A node's exits in display order: its key exits first, in key order, then one per list entry
 * ("branch:1" …), then its fixed exits.
 */
export function exitsOf(data: Pick<NodeData, "kind" | "props">): string[] {
  const kind = kindOf(data.kind);
  const prefix = kind.keyExits?.prefix ?? "";
  const listed = kind.listExits ? entriesOf(data).map((_, i) => `${kind.listExits?.prefix}${i + 1}`) : [];
  return [...keysOf(data).map((k) => prefix + k), ...listed, ...kind.exits.map((e) => e.name)];
}

/** An exit as its node shows it: a list entry by its own name where it has one ("总部"), else by type. */
export function exitLabel(data: Pick<NodeData, "kind" | "props">, exit: string): string {
  const kind = kindOf(data.kind);
  const n = entryOf(kind, exit);
  const named = n !== null && kind.listExits ? entriesOf(data)[n - 1]?.[kind.listExits.labelField] : undefined;
  return typeof named === "string" && named.trim() ? named.trim() : exitName(exit, data.kind);
}

/** Properties of a node fresh from the palette (a copy: the canvas edits it). */
export function defaultProps(kind: NodeType): Props {
  return structuredClone(kindOf(kind).defaults);
}

/** A fresh id for a node of `kind`, unique among `taken`. */
export function newNodeId(kind: NodeType, taken: Set<string>): string {
  for (let i = 1; ; i++) {
    const id = `${kind}-${i}`;
    if (!taken.has(id)) return id;
  }
}

/** A connection from `source`'s exit; `type`, the source's node type, names the exit as that type does. */
export function edgeFor(source: string, exit: string, target: string, type?: string): FlowEdge {
  return { id: `e-${source}-${exit.replace(":", "")}`, source, sourceHandle: exit, target, label: exitName(exit, type) };
}

/**
 * The keys a node offers as loaded: its saved keys, and any key connected though not saved as offered
 * (documents saved before the keys were: the compiler reads the edges, so a connected key is live).
 */
function loadedKeys(n: DocNode, edges: DocEdge[]): Props {
  const keys = kindOf(n.type).keyExits;
  if (!keys) return n.props ?? {};
  const saved = n.props?.[keys.prop];
  const connected = edges.filter((e) => e.source === n.id && e.exit.startsWith(keys.prefix)).map((e) => e.exit.slice(keys.prefix.length));
  return { ...n.props, [keys.prop]: sortKeys(n.type, [...(Array.isArray(saved) ? (saved as string[]) : []), ...connected]) };
}

export function docToGraph(doc: FlowDoc): { nodes: FlowNode[]; edges: FlowEdge[]; variables: FlowVariable[] } {
  const types = new Map(doc.nodes.map((n) => [n.id, n.type]));
  const nodes: FlowNode[] = doc.nodes.map((n) => ({
    id: n.id,
    type: "flow",
    position: { x: n.position?.x ?? 0, y: n.position?.y ?? 0 },
    deletable: n.type !== "start",
    data: {
      kind: n.type,
      label: n.label ?? "",
      ...(n.note ? { note: n.note } : {}),
      props: loadedKeys(n, doc.edges),
    },
  }));
  const edges: FlowEdge[] = doc.edges.map((e) => ({ ...edgeFor(e.source, e.exit, e.target, types.get(e.source)), id: e.id }));
  return { nodes, edges, variables: doc.variables ?? [] };
}

export function graphToDoc(nodes: FlowNode[], edges: FlowEdge[], base: Partial<FlowDoc> = {}, variables: FlowVariable[] = []): FlowDoc {
  const kinds = new Map(nodes.map((n) => [n.id, n.data]));
  const rest = { ...base };
  delete rest.variables; // the editor's own list wins: it may have emptied it
  return {
    ...rest,
    ...(variables.length ? { variables } : {}),
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
