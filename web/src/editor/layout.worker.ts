// Tidy layout off the main thread: the canvas keeps answering while a big flow is laid out.
import { layered } from "./layered";
import type { LayoutRequest, LayoutResponse } from "./layout";

self.onmessage = (event: MessageEvent<LayoutRequest>) => {
  const { id, nodes, edges } = event.data;
  const response: LayoutResponse = { id, positions: [...layered(nodes, edges)] };
  self.postMessage(response);
};
