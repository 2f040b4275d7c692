// What is drawn over the graph without being part of it: diagnostics, the simulated path, a diff.
import { applyNodeChanges, type NodeChange } from "@xyflow/react";
import { create } from "zustand";
import type { FlowEdge, FlowNode } from "./model";

export type Diagnostic = { code: string; severity: string; message: string; nodeId: string | null; edgeId: string | null };
export type DiffMark = "added" | "changed" | "removed";

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
