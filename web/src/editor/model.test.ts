import { describe, expect, it } from "vitest";
import { docToGraph, exitName, exitsOf, graphToDoc, newNodeId, type FlowDoc } from "./model";

const doc: FlowDoc = {
  format_version: 1,
  name: "菜单",
  nodes: [
    { id: "start", type: "start", position: { x: 0, y: 0 } },
    { id: "menu", type: "menu", label: "导航", note: "节假日改由值班手机接听", position: { x: 200, y: 0 }, props: { prompt: { tts: "请拨1" } } },
    { id: "bye", type: "hangup", position: { x: 400, y: 0 } },
  ],
  edges: [
    { id: "e1", source: "start", exit: "next", target: "menu" },
    { id: "e2", source: "menu", exit: "digit:3", target: "bye" },
    { id: "e3", source: "menu", exit: "digit:1", target: "bye" },
    { id: "e4", source: "menu", exit: "timeout", target: "bye" },
  ],
  tests: [{ name: "t" }],
};

describe("flow document ↔ canvas", () => {
  it("round-trips a document", () => {
    const { nodes, edges } = docToGraph(doc);
    expect(graphToDoc(nodes, edges, { name: doc.name, tests: doc.tests })).toEqual(doc);
  });

  it("derives a menu's keys from its digit edges, in key order", () => {
    const menu = docToGraph(doc).nodes[1];
    expect(menu.data.keys).toEqual(["1", "3"]);
    expect(exitsOf(menu.data)).toEqual(["digit:1", "digit:3", "timeout", "invalid"]);
  });

  it("drops edges whose exit the node no longer offers", () => {
    const { nodes, edges } = docToGraph(doc);
    nodes[1] = { ...nodes[1], data: { ...nodes[1].data, keys: ["1"] } };
    expect(graphToDoc(nodes, edges).edges.map((e) => e.exit)).toEqual(["next", "digit:1", "timeout"]);
  });

  it("names exits in Chinese", () => {
    expect(["digit:1", "digit:*", "timeout", "invalid", "no_answer", "else"].map(exitName)).toEqual([
      "按1",
      "按*",
      "超时",
      "输入错误",
      "无应答",
      "否则",
    ]);
  });

  it("gives new nodes unused ids", () => {
    expect(newNodeId("dial", new Set(["dial-1", "dial-2"]))).toBe("dial-3");
  });
});
