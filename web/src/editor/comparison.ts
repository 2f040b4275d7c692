// A comparison of two versions as the canvas draws it: the newer side's graph (the draft, or a published
// version shown read-only in its place), its added and changed nodes marked, the older side's removed
// nodes as ghosts. Pure functions: the versions panel and the unit tests build on them.
import { estimatedSize } from "./placement";
import type { FlowEdge, FlowNode } from "./model";
import type { DiffMark } from "./overlay";

export type Graph = { nodes: FlowNode[]; edges: FlowEdge[] };
/** Two versions compared; `to` null is the draft, always the newer side. */
export type Comparison = { from: string; to: string | null };
/** The ids flowDiff reports, per element and kind. */
export type DiffIds = {
  nodesAdded: string[];
  nodesChanged: string[];
  nodesRemoved: string[];
  edgesAdded: string[];
  edgesChanged: string[];
  edgesRemoved: string[];
};

/**
 * Older first, whichever order the designer picked them in: the list then reads as what changed on the
 * way to the newer version, and the canvas (which shows the newer side) can mark what that one added.
 */
export function inOrder(from: string, to: string | null, versionOf: (id: string) => number | undefined): Comparison {
  if (to === null) return { from, to };
  const a = versionOf(from);
  const b = versionOf(to);
  return a !== undefined && b !== undefined && a > b ? { from: to, to: from } : { from, to };
}

/** Each added, changed and removed node and edge, by id. */
export function diffMarks(diff: DiffIds): Record<string, DiffMark> {
  const marks: Record<string, DiffMark> = {};
  for (const id of [...diff.nodesAdded, ...diff.edgesAdded]) marks[id] = "added";
  for (const id of [...diff.nodesChanged, ...diff.edgesChanged]) marks[id] = "changed";
  for (const id of [...diff.nodesRemoved, ...diff.edgesRemoved]) marks[id] = "removed";
  return marks;
}

/** A graph to look at only: its nodes cannot be selected, dragged, deleted or connected. */
export function lookOnly(graph: Graph, focusable = true): Graph {
  return {
    nodes: graph.nodes.map((n) => ({ ...n, selected: false, selectable: false, draggable: false, deletable: false, connectable: false, focusable })),
    edges: graph.edges.map((e) => ({ ...e, selected: false, selectable: false, deletable: false, focusable })),
  };
}

/** Removed nodes and edges where they stood in the older version: ghosts that are never part of the draft. */
export function ghostsOf(before: Graph, diff: DiffIds): Graph {
  const nodes = new Set(diff.nodesRemoved);
  const edges = new Set(diff.edgesRemoved);
  return lookOnly({ nodes: before.nodes.filter((n) => nodes.has(n.id)), edges: before.edges.filter((e) => edges.has(e.id)) }, false);
}

type Box = { left: number; top: number; right: number; bottom: number };
const GAP = 24;

/** A node's box on the canvas: as measured when it has been drawn, else as estimated from its exits. */
function boxOf(n: FlowNode): Box {
  const guess = estimatedSize(n.data.kind, 1);
  const width = n.measured?.width ?? guess.width;
  const height = n.measured?.height ?? guess.height + (n.data.note ? 20 : 0);
  return { left: n.position.x, top: n.position.y, right: n.position.x + width, bottom: n.position.y + height };
}

/**
 * Ghosts moved clear of the nodes shown (and of each other): a removed node's place is often where its
 * replacement stands now, and a ghost drawn over it would hide both. Each moves straight down, the
 * least it must, so it stays beside the nodes it was connected to.
 */
export function clearOfShown(ghosts: FlowNode[], shown: FlowNode[]): FlowNode[] {
  const taken = shown.map(boxOf);
  return ghosts.map((g) => {
    let box = boxOf(g);
    for (let moves = 0; moves <= taken.length; moves++) {
      const hit = taken.find((t) => box.left < t.right + GAP && t.left < box.right + GAP && box.top < t.bottom + GAP && t.top < box.bottom + GAP);
      if (!hit) break;
      const down = hit.bottom + GAP - box.top;
      box = { ...box, top: box.top + down, bottom: box.bottom + down };
    }
    taken.push(box);
    return box.top === g.position.y ? g : { ...g, position: { x: g.position.x, y: box.top } };
  });
}
