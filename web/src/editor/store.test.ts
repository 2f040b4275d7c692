import { describe, expect, it } from "vitest";
import { docToGraph, graphToDoc } from "./model";
import { useEditor } from "./store";
import { variableUses } from "./VariablesPanel";

describe("a split's branches", () => {
  it("removing a branch removes its connection and moves the later connections up", () => {
    const doc = {
      format_version: 1 as const,
      nodes: [
        { id: "start", type: "start" as const },
        { id: "split-1", type: "split" as const, props: { branches: [{ label: "甲", weight: 50 }, { label: "乙", weight: 30 }, { label: "丙", weight: 20 }] } },
        { id: "a", type: "hangup" as const },
        { id: "b", type: "hangup" as const },
        { id: "c", type: "voicemail" as const },
      ],
      edges: [
        { id: "e1", source: "start", exit: "next", target: "split-1" },
        { id: "e2", source: "split-1", exit: "branch:1", target: "a" },
        { id: "e3", source: "split-1", exit: "branch:2", target: "b" },
        { id: "e4", source: "split-1", exit: "branch:3", target: "c" },
      ],
    };
    useEditor.getState().load(docToGraph(doc));
    useEditor.getState().removeEntry("split-1", 1);
    const { nodes, edges } = useEditor.getState();
    const saved = graphToDoc(nodes, edges);
    const split = saved.nodes.find((n) => n.id === "split-1")!;
    expect(split.props?.branches).toEqual([{ label: "甲", weight: 50 }, { label: "丙", weight: 20 }]);
    expect(saved.edges.filter((e) => e.source === "split-1").map((e) => [e.exit, e.target])).toEqual([
      ["branch:1", "a"],
      ["branch:2", "c"],
    ]);
    expect(new Set(saved.edges.map((e) => e.id)).size).toBe(saved.edges.length);
  });
});

describe("flow variables", () => {
  it("are saved only when declared, and the panel knows which nodes set and read each", () => {
    const doc = {
      format_version: 1 as const,
      nodes: [
        { id: "start", type: "start" as const },
        { id: "collect-1", type: "collect" as const, label: "输入订单号", props: { prompt: { tts: "请输入订单号" }, variable: "order_no" } },
        { id: "condition-1", type: "condition" as const, props: { rules: [{ variable: "order_no", op: "prefix", value: "8" }, { variable: "caller_area", op: "equals", value: "020" }] } },
      ],
      edges: [],
      variables: [{ name: "order_no", type: "digits" as const, label: "订单号" }],
    };
    const graph = docToGraph(doc);
    expect(graph.variables).toEqual(doc.variables);
    const uses = variableUses(graph.nodes);
    expect(uses.get("order_no")).toEqual({ sets: ["输入订单号"], reads: ["条件判断"] });
    expect(uses.get("caller_area")).toEqual({ sets: [], reads: ["条件判断"] });
    expect(graphToDoc(graph.nodes, graph.edges, {}, graph.variables).variables).toEqual(doc.variables);
    expect("variables" in graphToDoc(graph.nodes, graph.edges, { variables: doc.variables }, [])).toBe(false);
  });
});
