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

export function layout(nodes: FlowNode[], edges: FlowEdge[]): Promise<Map<string, { x: number; y: number }>> {
  worker ??= new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  const id = ++counter;
  const message: LayoutRequest = {
    id,
    nodes: nodes.map((n) => ({ id: n.id, width: n.measured?.width ?? 200, height: n.measured?.height ?? 80, exits: exitsOf(n.data) })),
    edges: edges.map((e) => ({ id: e.id, source: e.source, exit: e.sourceHandle ?? "", target: e.target })),
  };
  const w = worker;
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
