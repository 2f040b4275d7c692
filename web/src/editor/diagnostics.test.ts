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
describe("refine", () => {
  it("names prompt files instead of showing their ids", () => {
    const found: Diagnostic = { code: "ringback_not_approved", severity: "error", message: "彩铃“media-7”未通过审核,不能播放", nodeId: "dial-2", edgeId: null };
    expect(refine([found], [{ promptId: "media-7", name: "等待音乐" }])[0].message).toBe("彩铃“等待音乐”未通过审核,不能播放");
    expect(refine([found])[0].message).toBe(found.message);
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
