// Asks the ELK worker for a tidy layout. A result that arrives after the user edited again is dropped.
import { exitsOf, type FlowEdge, type FlowNode } from "./model";

export type LayoutRequest = {
  id: number;
  nodes: { id: string; width: number; height: number; exits: string[] }[];
  edges: { id: string; source: string; exit: string; target: string }[];
};
export type LayoutResponse = { id: number; positions: { id: string; x: number; y: number }[] };

let worker: Worker | null = null;
let counter = 0;

function start(): Worker {
  worker ??= new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  return worker;
}

/**
 * Start the worker when the editor opens and have it lay out a small menu tree: loading ELK (about a
 * megabyte of script) and its first, unoptimised run then happen while the designer looks at the flow,
 * not when they press 整理布局. The answer is ignored.
 */
export function warmLayout(): void {
  const nodes: LayoutRequest["nodes"] = [{ id: "s", width: 200, height: 60, exits: ["next"] }];
  const edges: LayoutRequest["edges"] = [];
  for (let i = 0; i < 120; i++) {
    const parent = i === 0 ? "s" : `m${Math.floor((i - 1) / 4)}`;
    nodes.push({ id: `m${i}`, width: 200, height: 140, exits: ["digit:1", "digit:2", "digit:3", "digit:4", "timeout"] });
    edges.push({ id: `e${i}`, source: parent, exit: i === 0 ? "next" : `digit:${((i - 1) % 4) + 1}`, target: `m${i}` });
  }
  start().postMessage({ id: 0, nodes, edges } satisfies LayoutRequest);
}

export function layout(nodes: FlowNode[], edges: FlowEdge[]): Promise<Map<string, { x: number; y: number }>> {
  const w = start();
  const id = ++counter;
  const message: LayoutRequest = {
    id,
    nodes: nodes.map((n) => ({ id: n.id, width: n.measured?.width ?? 200, height: n.measured?.height ?? 80, exits: exitsOf(n.data) })),
    edges: edges.map((e) => ({ id: e.id, source: e.source, exit: e.sourceHandle ?? "", target: e.target })),
  };
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.id !== id) return;
      w.removeEventListener("message", onMessage);
      resolve(new Map(event.data.positions.map((p) => [p.id, { x: p.x, y: p.y }])));
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", (e) => reject(new Error(e.message)), { once: true });
    w.postMessage(message);
  });
}
