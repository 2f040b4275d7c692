// What is drawn over the graph without being part of it: diagnostics, the simulated path, a diff.
import { applyNodeChanges, type NodeChange } from "@xyflow/react";
import { create } from "zustand";
import type { FlowEdge, FlowNode } from "./model";

export type Diagnostic = { code: string; severity: string; message: string; nodeId: string | null; edgeId: string | null };
export type DiffMark = "added" | "changed" | "removed";

/**
 * A published version the canvas shows in the draft's place while two versions are compared: drawn
 * read-only from the overlay, so nothing done to it can reach the draft, its autosave or its history.
 */
export type Viewing = {
  /** Which comparison it belongs to: the canvas fits the view once per comparison. */
  key: string;
  /** The version shown and the one it is compared with, as the designer reads them ("第 2 版"). */
  name: string;
  against: string;
  nodes: FlowNode[];
  edges: FlowEdge[];
  /** Ends the comparison: the canvas shows the draft again, editable. */
  leave: () => void;
};

type Overlay = {
  diagnostics: Diagnostic[];
  /** An edit's diagnostics are still being checked: the ones shown may be about to change. */
  checking: boolean;
  byNode: Record<string, Diagnostic[]>;
  byEdge: Record<string, Diagnostic[]>;
  path: string[];
  step: number;
  diff: Record<string, DiffMark>;
  /** Nodes and edges a diff found removed, drawn from the older version; never part of the draft. */
  ghosts: { nodes: FlowNode[]; edges: FlowEdge[] };
  setGhosts: (ghosts: { nodes: FlowNode[]; edges: FlowEdge[] }) => void;
  ghostChanges: (changes: NodeChange<FlowNode>[]) => void;
  viewing: Viewing | null;
  setViewing: (viewing: Viewing | null) => void;
  /** Measurements of the shown version's nodes (and its ghosts): xyflow draws only measured nodes. */
  viewingChanges: (changes: NodeChange<FlowNode>[]) => void;
  setDiagnostics: (d: Diagnostic[]) => void;
  setChecking: (checking: boolean) => void;
  setPath: (path: string[], step: number) => void;
  setDiff: (diff: Record<string, DiffMark>) => void;
};

export const useOverlay = create<Overlay>()((set) => ({
  diagnostics: [],
  checking: false,
  byNode: {},
  byEdge: {},
  path: [],
  step: -1,
  diff: {},
  ghosts: { nodes: [], edges: [] },
  setGhosts: (ghosts) => set({ ghosts }),
  ghostChanges: (changes) => set((s) => ({ ghosts: { ...s.ghosts, nodes: applyNodeChanges(changes, s.ghosts.nodes) } })),
  viewing: null,
  setViewing: (viewing) => set({ viewing }),
  // A change names one node, in the version or among the ghosts (never both: ghosts are what it lacks).
  viewingChanges: (changes) =>
    set((s) => ({
      viewing: s.viewing && { ...s.viewing, nodes: applyNodeChanges(changes, s.viewing.nodes) },
      ghosts: s.ghosts.nodes.length ? { ...s.ghosts, nodes: applyNodeChanges(changes, s.ghosts.nodes) } : s.ghosts,
    })),
  setDiagnostics: (diagnostics) => {
    const byNode: Record<string, Diagnostic[]> = {};
    const byEdge: Record<string, Diagnostic[]> = {};
    for (const d of diagnostics) {
      if (d.nodeId) (byNode[d.nodeId] ??= []).push(d);
      if (d.edgeId) (byEdge[d.edgeId] ??= []).push(d);
    }
    set({ diagnostics, byNode, byEdge, checking: false });
  },
  setChecking: (checking) => set({ checking }),
  setPath: (path, step) => set({ path, step }),
  setDiff: (diff) => set({ diff }),
}));
