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
  it("round-trips a document, a menu's keys saved with it", () => {
    const { nodes, edges } = docToGraph(doc);
    const saved = graphToDoc(nodes, edges, { name: doc.name, tests: doc.tests });
    const menu = { ...doc.nodes[1], props: { ...doc.nodes[1].props, keys: ["1", "3"] } };
    expect(saved).toEqual({ ...doc, nodes: [doc.nodes[0], menu, doc.nodes[2]] });
    expect(graphToDoc(docToGraph(saved).nodes, docToGraph(saved).edges, { name: doc.name, tests: doc.tests })).toEqual(saved);
  });

  it("takes an old menu's keys (saved before keys were) from its digit edges, in key order", () => {
    const menu = docToGraph(doc).nodes[1];
    expect(menu.data.props.keys).toEqual(["1", "3"]);
    expect(exitsOf(menu.data)).toEqual(["digit:1", "digit:3", "timeout", "invalid"]);
  });

  it("keeps a ticked key that is not connected through saving and loading", () => {
    const { nodes, edges } = docToGraph(doc);
    nodes[1] = { ...nodes[1], data: { ...nodes[1].data, props: { ...nodes[1].data.props, keys: ["3", "1", "#"] } } };
    const saved = graphToDoc(nodes, edges);
    expect(saved.nodes[1].props?.keys).toEqual(["3", "1", "#"]);
    const menu = docToGraph(JSON.parse(JSON.stringify(saved)) as FlowDoc).nodes[1];
    expect(menu.data.props.keys).toEqual(["1", "3", "#"]);
    expect(exitsOf(menu.data)).toEqual(["digit:1", "digit:3", "digit:#", "timeout", "invalid"]);
  });

  it("loads saved keys and still offers a connected key the document forgot to list", () => {
    const listed = { ...doc, nodes: [doc.nodes[0], { ...doc.nodes[1], props: { keys: ["2"] } }, doc.nodes[2]] };
    expect(docToGraph(listed).nodes[1].data.props.keys).toEqual(["1", "2", "3"]);
  });

  it("drops edges whose exit the node no longer offers", () => {
    const { nodes, edges } = docToGraph(doc);
    nodes[1] = { ...nodes[1], data: { ...nodes[1].data, props: { ...nodes[1].data.props, keys: ["1"] } } };
    expect(graphToDoc(nodes, edges).edges.map((e) => e.exit)).toEqual(["next", "digit:1", "timeout"]);
  });

  it("names exits in Chinese", () => {
    expect(["digit:1", "digit:*", "timeout", "invalid", "no_answer", "else"].map((e) => exitName(e))).toEqual([
      "按1",
      "按*",
      "超时",
      "输入错误",
      "无应答",
      "否则",
    ]);
  });

  it("names an exit as its node's type does", () => {
    expect(exitName("digit:#", "menu")).toBe("按#");
    expect(exitName("done", "voicemail")).toBe("留言完成");
    expect(exitName("digit:1", "dial")).toBe("digit:1");
  });

  it("gives new nodes unused ids", () => {
    expect(newNodeId("dial", new Set(["dial-1", "dial-2"]))).toBe("dial-3");
  });
});
