import { describe, expect, it } from "vitest";
import { clearOfShown, diffMarks, ghostsOf, inOrder, lookOnly, type DiffIds } from "./comparison";
import { docToGraph, type FlowDoc } from "./model";

const versions = new Map([["v1", 1], ["v2", 2], ["v3", 3]]);
const versionOf = (id: string) => versions.get(id);

const NO_DIFF: DiffIds = { nodesAdded: [], nodesChanged: [], nodesRemoved: [], edgesAdded: [], edgesChanged: [], edgesRemoved: [] };

const older: FlowDoc = {
  format_version: 1,
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 } },
    { id: "menu", type: "menu", label: "语音导航", position: { x: 250, y: 0 } },
    { id: "fax", type: "hangup", label: "传真", position: { x: 500, y: 120 } },
  ],
  edges: [
    { id: "e1", source: "start", exit: "next", target: "menu" },
    { id: "e4", source: "menu", exit: "digit:4", target: "fax" },
  ],
};

describe("comparing two versions on the canvas", () => {
  it("puts the older version first, whichever order they were picked in", () => {
    expect(inOrder("v3", "v1", versionOf)).toEqual({ from: "v1", to: "v3" });
    expect(inOrder("v1", "v2", versionOf)).toEqual({ from: "v1", to: "v2" });
  });

  it("keeps the draft as the newer side, and an unknown version where it was picked", () => {
    expect(inOrder("v3", null, versionOf)).toEqual({ from: "v3", to: null });
    expect(inOrder("v9", "v1", versionOf)).toEqual({ from: "v9", to: "v1" });
  });

  it("marks each added, changed and removed node and edge by id", () => {
    const marks = diffMarks({ ...NO_DIFF, nodesAdded: ["desk"], nodesChanged: ["menu"], nodesRemoved: ["fax"], edgesAdded: ["e2"], edgesRemoved: ["e4"] });
    expect(marks).toEqual({ desk: "added", menu: "changed", fax: "removed", e2: "added", e4: "removed" });
    expect(diffMarks(NO_DIFF)).toEqual({});
  });

  it("draws only the removed nodes and edges as ghosts, where they stood, and none can be touched", () => {
    const ghosts = ghostsOf(docToGraph(older), { ...NO_DIFF, nodesRemoved: ["fax"], edgesRemoved: ["e4"] });
    expect(ghosts.nodes.map((n) => [n.id, n.position])).toEqual([["fax", { x: 500, y: 120 }]]);
    expect(ghosts.edges.map((e) => e.id)).toEqual(["e4"]);
    const node = ghosts.nodes[0];
    expect([node.selectable, node.draggable, node.deletable, node.connectable, node.focusable]).toEqual([false, false, false, false, false]);
    expect(ghosts.edges[0].deletable).toBe(false);
  });

  it("shows a published version to look at only, its nodes still reachable by keyboard to be read", () => {
    const shown = lookOnly(docToGraph(older));
    expect(shown.nodes).toHaveLength(3);
    expect(shown.nodes.every((n) => n.selectable === false && n.draggable === false && n.deletable === false && n.connectable === false)).toBe(true);
    expect(shown.nodes.every((n) => n.focusable === true)).toBe(true);
    expect(shown.edges.every((e) => e.selectable === false && e.deletable === false)).toBe(true);
  });
});

describe("ghosts beside the nodes shown", () => {
  const shown = docToGraph({ ...older, nodes: [...older.nodes.slice(0, 2), { id: "mail", type: "voicemail", position: { x: 500, y: 120 } }] }).nodes;
  const ghost = ghostsOf(docToGraph(older), { ...NO_DIFF, nodesRemoved: ["fax"] }).nodes;

  it("moves a ghost standing on its replacement straight down, below it", () => {
    const [moved] = clearOfShown(ghost, shown);
    expect(moved.position.x).toBe(500);
    // The voicemail node is estimated 56 + 23 (one exit) high, and a gap of 24 is left.
    expect(moved.position.y).toBe(120 + 79 + 24);
  });

  it("leaves a ghost where it stood when nothing shown is there, and keeps ghosts off each other", () => {
    expect(clearOfShown(ghost, shown.slice(0, 1))[0]).toBe(ghost[0]);
    const twins = clearOfShown([ghost[0], { ...ghost[0], id: "fax-2" }], []);
    expect(twins[1].position.y).toBeGreaterThan(twins[0].position.y + 56);
  });
});
