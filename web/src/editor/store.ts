// The editor's state: the canvas graph with undo/redo (zundo; selection and drags in progress are not
// history), plus an in-app clipboard. `version` counts edits so autosave and layout know what is stale.
import { applyEdgeChanges, applyNodeChanges, type EdgeChange, type NodeChange, type XYPosition } from "@xyflow/react";
import { temporal } from "zundo";
import { create } from "zustand";
import { kindOf } from "./kinds";
import type { FlowVariable } from "../gql/nodeTypes";
import { defaultProps, edgeFor, exitsOf, keysOf, newNodeId, type FlowEdge, type FlowNode, type NodeData, type NodeType } from "./model";

type Graph = { nodes: FlowNode[]; edges: FlowEdge[] };

export type EditorState = Graph & {
  version: number;
  /** The flow's declared variables (built-in ones are not stored). */
  variables: FlowVariable[];
  load: (graph: Graph & { variables?: FlowVariable[] }) => void;
  setVariables: (variables: FlowVariable[]) => void;
  onNodesChange: (changes: NodeChange<FlowNode>[]) => void;
  onEdgesChange: (changes: EdgeChange[]) => void;
  connect: (source: string, exit: string, target: string | null) => void;
  addNode: (kind: NodeType, position: XYPosition) => string;
  updateNode: (id: string, patch: Partial<NodeData>) => void;
  /** Removes entry `index` of a node's list exits (a split's branch): its connection goes, later ones move up. */
  removeEntry: (id: string, index: number) => void;
  setPositions: (positions: Map<string, XYPosition>) => void;
  select: (ids: string[]) => void;
  removeSelected: () => void;
  paste: (clip: Graph, offset: XYPosition) => void;
};

/** Only what the document holds is history: no selection, no measured sizes. */
function snapshot(state: EditorState): Graph {
  return {
    nodes: state.nodes.map((n) => ({ id: n.id, type: n.type, position: n.position, data: n.data, deletable: n.deletable })),
    edges: state.edges.map((e) => ({ id: e.id, source: e.source, sourceHandle: e.sourceHandle, target: e.target, label: e.label })),
  };
}

function sameGraph(a: Graph, b: Graph): boolean {
  if (a.nodes.length !== b.nodes.length || a.edges.length !== b.edges.length) return false;
  for (let i = 0; i < a.nodes.length; i++) {
    const x = a.nodes[i];
    const y = b.nodes[i];
    if (x.id !== y.id || x.data !== y.data || x.position.x !== y.position.x || x.position.y !== y.position.y) return false;
  }
  for (let i = 0; i < a.edges.length; i++) {
    const x = a.edges[i];
    const y = b.edges[i];
    if (x.id !== y.id || x.source !== y.source || x.target !== y.target || x.sourceHandle !== y.sourceHandle) return false;
  }
  return true;
}

export const useEditor = create<EditorState>()(
  temporal(
    (set, get) => ({
      nodes: [],
      edges: [],
      variables: [],
      version: 0,
      load: ({ nodes, edges, variables }) => set({ nodes, edges, variables: variables ?? [], version: get().version + 1 }),
      setVariables: (variables) => set({ variables, version: get().version + 1 }),
      onNodesChange: (changes) => {
        const edits = changes.some((c) => c.type === "remove" || c.type === "add" || (c.type === "position" && !c.dragging));
        const nodes = applyNodeChanges(changes, get().nodes);
        if (changes.some((c) => c.type === "remove")) {
          const ids = new Set(nodes.map((n) => n.id));
          set({ nodes, edges: get().edges.filter((e) => ids.has(e.source) && ids.has(e.target)), version: get().version + 1 });
        } else {
          set(edits ? { nodes, version: get().version + 1 } : { nodes });
        }
      },
      onEdgesChange: (changes) => {
        const edits = changes.some((c) => c.type !== "select");
        const edges = applyEdgeChanges(changes, get().edges);
        set(edits ? { edges, version: get().version + 1 } : { edges });
      },
      connect: (source, exit, target) => {
        // An exit leads to one place: a new connection replaces the old one.
        const edges = get().edges.filter((e) => !(e.source === source && e.sourceHandle === exit));
        if (target) edges.push(edgeFor(source, exit, target, get().nodes.find((n) => n.id === source)?.data.kind));
        set({ edges, version: get().version + 1 });
      },
      addNode: (kind, position) => {
        const id = newNodeId(kind, new Set(get().nodes.map((n) => n.id)));
        const node: FlowNode = { id, type: "flow", position, selected: true, data: { kind, label: "", props: defaultProps(kind) } };
        set({
          nodes: [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), node],
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
          version: get().version + 1,
        });
        return id;
      },
      updateNode: (id, patch) => {
        const node = get().nodes.find((n) => n.id === id);
        if (!node) return;
        const data = { ...node.data, ...patch };
        const keys = kindOf(data.kind).keyExits;
        let edges = get().edges;
        if (keys && patch.props && patch.props[keys.prop] !== node.data.props[keys.prop]) {
          // Key exits follow the ticked keys, in key order; a key unticked loses its connection.
          data.props = { ...data.props, [keys.prop]: keysOf(data) };
          const exits = new Set(exitsOf(data));
          edges = edges.filter((e) => e.source !== id || exits.has(e.sourceHandle ?? ""));
        }
        set({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data } : n)), edges, version: get().version + 1 });
      },
      removeEntry: (id, index) => {
        const node = get().nodes.find((n) => n.id === id);
        const list = node && kindOf(node.data.kind).listExits;
        const entries = node && list ? node.data.props[list.prop] : undefined;
        if (!node || !list || !Array.isArray(entries)) return;
        const data = { ...node.data, props: { ...node.data.props, [list.prop]: entries.filter((_, i) => i !== index) } };
        const numberOf = (exit: string | null | undefined) => (exit?.startsWith(list.prefix) ? Number(exit.slice(list.prefix.length)) : 0);
        const edges = get()
          .edges.filter((e) => e.source !== id || numberOf(e.sourceHandle) !== index + 1)
          .map((e) => {
            const n = numberOf(e.sourceHandle);
            return e.source === id && n > index + 1 ? { ...edgeFor(id, `${list.prefix}${n - 1}`, e.target, data.kind) } : e;
          });
        set({ nodes: get().nodes.map((n) => (n.id === id ? { ...n, data } : n)), edges, version: get().version + 1 });
      },
      setPositions: (positions) =>
        set({
          nodes: get().nodes.map((n) => (positions.has(n.id) ? { ...n, position: positions.get(n.id)! } : n)),
          version: get().version + 1,
        }),
      select: (ids) => {
        const chosen = new Set(ids);
        set({
          nodes: get().nodes.map((n) => (n.selected === chosen.has(n.id) ? n : { ...n, selected: chosen.has(n.id) })),
          edges: get().edges.map((e) => (e.selected ? { ...e, selected: false } : e)),
        });
      },
      removeSelected: () => {
        const gone = new Set(get().nodes.filter((n) => n.selected && n.data.kind !== "start").map((n) => n.id));
        set({
          nodes: get().nodes.filter((n) => !gone.has(n.id)),
          edges: get().edges.filter((e) => !e.selected && !gone.has(e.source) && !gone.has(e.target)),
          version: get().version + 1,
        });
      },
      paste: (clip, offset) => {
        const taken = new Set(get().nodes.map((n) => n.id));
        const ids = new Map<string, string>();
        const pasted: FlowNode[] = [];
        for (const n of clip.nodes) {
          if (n.data.kind === "start") continue; // a flow has one start
          const id = newNodeId(n.data.kind, taken);
          taken.add(id);
          ids.set(n.id, id);
          pasted.push({ ...n, id, selected: true, position: { x: n.position.x + offset.x, y: n.position.y + offset.y } });
        }
        const edges = clip.edges
          .filter((e) => ids.has(e.source) && ids.has(e.target))
          .map((e) => edgeFor(ids.get(e.source)!, e.sourceHandle ?? "", ids.get(e.target)!, clip.nodes.find((n) => n.id === e.source)?.data.kind));
        set({
          nodes: [...get().nodes.map((n) => (n.selected ? { ...n, selected: false } : n)), ...pasted],
          edges: [...get().edges, ...edges],
          version: get().version + 1,
        });
      },
    }),
    {
      partialize: snapshot,
      equality: sameGraph,
      limit: 200,
    },
  ),
);

/** The selected nodes and the edges between them: what copy puts on the clipboard. */
export function selection(state: Graph): Graph {
  const nodes = state.nodes.filter((n) => n.selected);
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: state.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

export function undo(): void {
  const before = useEditor.getState().version;
  useEditor.temporal.getState().undo();
  useEditor.setState({ version: before + 1 });
}

export function redo(): void {
  const before = useEditor.getState().version;
  useEditor.temporal.getState().redo();
  useEditor.setState({ version: before + 1 });
}
