// Tidy layout off the main thread: ELK's layered algorithm, left to right, exits in their fixed order.
import ELK from "elkjs/lib/elk.bundled.js";
import type { LayoutRequest, LayoutResponse } from "./layout";

const elk = new ELK();

self.onmessage = async (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = event.data;
  const graph = await elk.layout({
    id: "root",
    layoutOptions: {
      "elk.algorithm": "layered",
      "elk.direction": "RIGHT",
      "elk.layered.spacing.nodeNodeBetweenLayers": "80",
      "elk.spacing.nodeNode": "30",
      "elk.layered.nodePlacement.strategy": "BRANDES_KOEPF",
      "elk.layered.considerModelOrder.strategy": "NODES_AND_EDGES",
      // The canvas draws its own edges, so ELK's cheapest routing will do (orthogonal costs a third more).
      "elk.edgeRouting": "POLYLINE",
    },
    children: nodes.map((n) => ({
      id: n.id,
      width: n.width,
      height: n.height,
      layoutOptions: { "elk.portConstraints": "FIXED_ORDER" },
      ports: n.exits.map((exit, i) => ({ id: `${n.id}::${exit}`, layoutOptions: { "elk.port.side": "EAST", "elk.port.index": String(n.exits.length - i) } })),
    })),
    edges: edges.map((e) => ({ id: e.id, sources: [`${e.source}::${e.exit}`], targets: [e.target] })),
  });
  const response: LayoutResponse = { id, positions: (graph.children ?? []).map((c) => ({ id: c.id, x: c.x ?? 0, y: c.y ?? 0 })) };
  self.postMessage(response);
};
