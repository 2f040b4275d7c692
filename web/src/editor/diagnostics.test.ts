import { describe, expect, it } from "vitest";
import { refine } from "./diagnostics";
import { docToGraph, graphToDoc, nodeName, type FlowDoc } from "./model";
import type { Diagnostic } from "./overlay";

const doc: FlowDoc = {
  format_version: 1,
  nodes: [
    { id: "start", type: "start" },
    { id: "menu-1", type: "menu", props: { prompt: { tts: "请拨1" } } },
    { id: "dial-2", type: "dial", props: { ringback: { prompt: "media-7" } } },
  ],
  edges: [{ id: "e1", source: "start", exit: "next", target: "menu-1" }],
};
const noOptions: Diagnostic = { code: "menu_no_options", severity: "error", message: "菜单没有任何按键连到下一步", nodeId: "menu-1", edgeId: null };

describe("refine", () => {
  it("says which offered keys are not connected instead of 'no key options'", () => {
    const { nodes, edges } = docToGraph(doc);
    nodes[1].data.keys = ["1", "2"];
    expect(refine([noOptions], nodes, edges).map((d) => d.message)).toEqual(["按键1、2还没有连到下一步"]);
    nodes[1].data.keys = [];
    expect(refine([noOptions], nodes, edges)[0].message).toMatch(/^菜单还没有可按的键/);
  });

  it("warns about offered keys left unconnected beside connected ones", () => {
    const { nodes, edges } = docToGraph({ ...doc, edges: [...doc.edges, { id: "e2", source: "menu-1", exit: "digit:1", target: "dial-2" }] });
    nodes[1].data.keys = ["1", "3"];
    expect(refine([], nodes, edges)).toEqual([
      { code: "menu_key_unconnected", severity: "warning", message: "按键3还没有连到下一步,来电者按了会当作按错键", nodeId: "menu-1", edgeId: null },
    ]);
  });

  it("names prompt files instead of showing their ids", () => {
    const { nodes, edges } = docToGraph(doc);
    const found: Diagnostic = { code: "ringback_not_approved", severity: "error", message: "彩铃“media-7”未通过审核,不能播放", nodeId: "dial-2", edgeId: null };
    expect(refine([found], nodes, edges, [{ promptId: "media-7", name: "等待音乐" }])[0].message).toBe("彩铃“等待音乐”未通过审核,不能播放");
  });
});

describe("nodeName", () => {
  it("is the label, else the type and the editor's number, never an id", () => {
    const { nodes } = docToGraph(doc);
    expect(nodes.map(nodeName)).toEqual(["开始", "按键菜单", "转接电话 2"]);
    expect(nodeName({ id: "imported-x", data: { kind: "play", label: " 欢迎语 " } })).toBe("欢迎语");
    expect(nodeName({ id: "imported-x", data: { kind: "play", label: "" } })).toBe("放音");
  });
});

describe("kept prompts", () => {
  it("stay in the editor and never reach the saved document", () => {
    const { nodes, edges } = docToGraph(doc);
    nodes[1].data.kept = { prompt: { tts: "请拨1", prompt: "media-7" } };
    expect(JSON.stringify(graphToDoc(nodes, edges))).not.toContain("kept");
  });
});
