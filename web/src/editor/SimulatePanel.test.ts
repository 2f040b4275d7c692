// The timeline and the card say what a designer named: the rule's name ("VIP订单"), the node that branched,
// and the variable a collect fills, never an internal code.
import { describe as group, expect, it } from "vitest";
import { summary } from "./FlowNodeView";
import { describe } from "./SimulatePanel";

type Event = Parameters<typeof describe>[0];
const event = (e: Partial<Event>): Event =>
  ({ t: 0, kind: "branch", step: "s1", node: "condition-1", prompt: null, text: null, number: null, durationS: null, outcome: null, reason: "", ...e }) as Event;
const noFile = () => undefined;

group("describe", () => {
  it("names the branching node and the rule's own name", () => {
    const line = describe(event({ outcome: "rule:1", reason: "订单号=81234,符合条件1" }), noFile,
      (node, exit) => (node === "condition-1" && exit === "rule:1" ? "VIP订单" : undefined), () => "条件判断");
    expect(line).toBe("条件判断 → VIP订单 (订单号=81234,符合条件1)");
  });

  it("falls back to the numbered exit and the kind of step without the flow at hand", () => {
    expect(describe(event({ outcome: "rule:2", reason: "" }), noFile)).toBe("判断 → 条件2");
  });

  it("keeps the step's own words for fixed outcomes", () => {
    expect(describe(event({ kind: "ring", number: "02088886666", outcome: "no_answer", reason: "" }), noFile, () => "无应答")).toBe(
      "振铃 02088886666 → 无人接听",
    );
    expect(describe(event({ kind: "set", reason: "订单号=81234" }), noFile)).toBe("变量 订单号=81234");
  });
});

group("summary of a collect", () => {
  it("leads with the variable it fills, by its Chinese name", () => {
    const props = { prompt: { tts: "请输入订单号" }, variable: "order_no" };
    expect(summary("collect", props, noFile, (name) => (name === "order_no" ? "订单号" : undefined))).toBe("存入 订单号 · 请输入订单号");
    expect(summary("collect", { ...props, variable: "" })).toBe("未选择变量 · 请输入订单号");
  });
});

group("summary of a condition", () => {
  it("shows the first rule's range as the designer typed it", () => {
    const rules = (value: unknown) => ({ rules: [{ variable: "hour", op: "range", value }] });
    expect(summary("condition", rules({ min: 9, max: 18 }))).toBe("当前小时 数值范围 9–18");
    expect(summary("condition", rules({ min: 9, max: null }))).toBe("当前小时 数值范围 9 以上");
    expect(summary("condition", rules({ min: null, max: 18 }))).toBe("当前小时 数值范围 18 以下");
  });
});
