import { describe, expect, it } from "vitest";
import { layered, type LayoutEdge, type LayoutNode, type Position } from "./layered";

const EXITS: Record<string, string[]> = {
  start: ["next"],
  menu: ["digit:1", "digit:2", "digit:3", "digit:4", "timeout", "invalid"],
  dial: ["answered", "busy", "no_answer", "failed"],
  hangup: [],
};
const HEIGHT: Record<string, number> = { start: 60, menu: 170, dial: 130, hangup: 60 };

function box(id: string, kind: string): LayoutNode {
  return { id, width: 200, height: HEIGHT[kind], exits: EXITS[kind] };
}

/** The benchmark's flow: menus whose four keys lead to further menus, dials and hang-ups. */
function bigTree(size: number): { nodes: LayoutNode[]; edges: LayoutEdge[] } {
  const nodes = [box("start", "start")];
  const kinds = new Map([["start", "start"]]);
  const edges: LayoutEdge[] = [];
  const queue = ["start"];
  const cycle = ["menu", "dial", "menu", "hangup"];
  while (queue.length && nodes.length < size) {
    const parent = queue.shift()!;
    const exits = kinds.get(parent) === "start" ? ["next"] : ["digit:1", "digit:2", "digit:3", "digit:4"];
    for (const exit of exits) {
      if (nodes.length >= size) break;
      const i = nodes.length;
      const kind = kinds.get(parent) === "start" ? "menu" : cycle[i % 4];
      nodes.push(box(`n${i}`, kind));
      kinds.set(`n${i}`, kind);
      edges.push({ source: parent, exit, target: `n${i}` });
      if (kind === "menu") queue.push(`n${i}`);
    }
  }
  return { nodes, edges };
}

function overlaps(nodes: LayoutNode[], at: Map<string, Position>): string[] {
  const found: string[] = [];
  for (let i = 0; i < nodes.length; i++) {
    for (let j = i + 1; j < nodes.length; j++) {
      const a = nodes[i];
      const b = nodes[j];
      const p = at.get(a.id)!;
      const q = at.get(b.id)!;
      if (p.x < q.x + b.width && q.x < p.x + a.width && p.y < q.y + b.height && q.y < p.y + a.height) found.push(`${a.id}/${b.id}`);
    }
  }
  return found;
}

function leftToRight(nodes: LayoutNode[], edges: LayoutEdge[], at: Map<string, Position>): string[] {
  const width = new Map(nodes.map((n) => [n.id, n.width]));
  return edges.filter((e) => at.get(e.source)!.x + width.get(e.source)! >= at.get(e.target)!.x).map((e) => `${e.source}→${e.target}`);
}

describe("tidy layout", () => {
  it("lays a 300-node flow out in layers without overlaps, every edge left to right, keys in order", () => {
    const { nodes, edges } = bigTree(300);
    const at = layered(nodes, edges);
    expect(at.size).toBe(300);
    expect(overlaps(nodes, at)).toEqual([]);
    expect(leftToRight(nodes, edges, at)).toEqual([]);
    // A menu's targets run down the canvas in the order of its keys, as its exits do on the node.
    for (const parent of new Set(edges.map((e) => e.source))) {
      const ys = edges.filter((e) => e.source === parent).map((e) => at.get(e.target)!.y);
      expect(ys).toEqual([...ys].sort((a, b) => a - b));
    }
  });

  it("keeps a flow with merges, a loop back, a long edge and a stray node tidy", () => {
    const nodes = [box("start", "start"), box("main", "menu"), box("sales", "dial"), box("support", "menu"), box("agent", "dial"),
      box("bye", "hangup"), box("stray", "hangup"), box("night", "dial")];
    const edges: LayoutEdge[] = [
      { source: "start", exit: "next", target: "main" },
      { source: "main", exit: "digit:1", target: "sales" },
      { source: "main", exit: "digit:2", target: "support" },
      { source: "main", exit: "timeout", target: "bye" },
      { source: "main", exit: "invalid", target: "main" },
      { source: "support", exit: "digit:1", target: "agent" },
      { source: "support", exit: "digit:9", target: "main" },
      { source: "support", exit: "timeout", target: "bye" },
      { source: "sales", exit: "busy", target: "bye" },
      { source: "agent", exit: "failed", target: "bye" },
      { source: "night", exit: "failed", target: "agent" },
    ];
    const at = layered(nodes, edges);
    expect(at.size).toBe(nodes.length);
    expect(overlaps(nodes, at)).toEqual([]);
    // Only the loops back to the main menu run right to left.
    expect(leftToRight(nodes, edges, at)).toEqual(["main→main", "support→main"]);
    expect(at.get("sales")!.y).toBeLessThan(at.get("support")!.y);
    // A node nothing leads to sits just left of what it leads to, not back at the start.
    expect(at.get("night")!.x).toBe(at.get("support")!.x);
  });

  it("places nodes at measured handles: a single exit's target is level with it", () => {
    const nodes: LayoutNode[] = [
      { id: "a", width: 180, height: 100, exits: ["next"], exitY: [80], entryY: 50 },
      { id: "b", width: 180, height: 40, exits: [], entryY: 20 },
    ];
    const at = layered(nodes, [{ source: "a", exit: "next", target: "b" }]);
    expect(at.get("b")!.y + 20).toBe(at.get("a")!.y + 80);
    expect(at.get("b")!.x).toBeGreaterThan(180);
  });
});
