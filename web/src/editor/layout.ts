// Asks the layout worker for a tidy layout. A result that arrives after the user edited again is dropped.
import type { InternalNode } from "@xyflow/react";
import type { LayoutEdge, LayoutNode, Position } from "./layered";
import { exitsOf, type FlowEdge, type FlowNode } from "./model";

type NodeHandleBounds = InternalNode["internals"]["handleBounds"];

export type LayoutRequest = { id: number; nodes: LayoutNode[]; edges: LayoutEdge[] };
export type LayoutResponse = { id: number; positions: [string, Position][] };

let worker: Worker | null = null;
let counter = 0;

/** Start the worker when the editor opens, so that the first 整理布局 does not wait for it to load. */
export function startLayoutWorker(): Worker {
  worker ??= new Worker(new URL("./layout.worker.ts", import.meta.url), { type: "module" });
  return worker;
}

function centre(handle: { y: number; height: number } | undefined): number | undefined {
  return handle ? handle.y + handle.height / 2 : undefined;
}

/** A node as the layout sees it: its measured size, and where the canvas drew its handles. */
function layoutNode(n: FlowNode, handles: NodeHandleBounds | undefined): LayoutNode {
  const exits = exitsOf(n.data);
  const sources = new Map((handles?.source ?? []).map((h) => [h.id ?? "", h]));
  const exitY = exits.map((exit) => centre(sources.get(exit)));
  return {
    id: n.id,
    width: n.measured?.width ?? 200,
    height: n.measured?.height ?? 80,
    exits,
    ...(exitY.every((y) => y !== undefined) ? { exitY } : {}),
    ...(handles?.target?.[0] ? { entryY: centre(handles.target[0]) } : {}),
  };
}

export function layout(
  nodes: FlowNode[],
  edges: FlowEdge[],
  handles: (id: string) => NodeHandleBounds | undefined = () => undefined,
): Promise<Map<string, Position>> {
  const w = startLayoutWorker();
  const id = ++counter;
  const message: LayoutRequest = {
    id,
    nodes: nodes.map((n) => layoutNode(n, handles(n.id))),
    edges: edges.map((e) => ({ source: e.source, exit: e.sourceHandle ?? "", target: e.target })),
  };
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<LayoutResponse>) => {
      if (event.data.id !== id) return;
      w.removeEventListener("message", onMessage);
      resolve(new Map(event.data.positions));
    };
    w.addEventListener("message", onMessage);
    w.addEventListener("error", (e) => reject(new Error(e.message)), { once: true });
    w.postMessage(message);
  });
}
