import { describe as group, expect, it } from "vitest";
import { describe, type NodeName } from "./changes";

const names = new Map<string, NodeName>([
  ["menu", { id: "menu", type: "menu", label: "语音导航" }],
  ["desk", { id: "desk", type: "dial", label: "人工客服" }],
  ["dial-2", { id: "dial-2", type: "dial", label: "" }],
  ["bye", { id: "bye", type: "hangup", label: "" }],
]);

group("flow changes in words", () => {
  it("names the bound phone whose wait changed, before and after", () => {
    const line = describe(
      {
        kind: "CHANGED",
        element: "NODE",
        id: "desk",
        field: "props.destinations",
        before: [{ number: "02088886666", wait_s: 20, name: "前台" }],
        after: [{ number: "02088886666", wait_s: 30, name: "前台" }],
      },
      names,
    );
    expect(line).toEqual({ kind: "CHANGED", text: "转接电话「人工客服」 · 绑定电话:前台 02088886666(等20秒) → 前台 02088886666(等30秒)", nodeId: "desk" });
  });

  it("says a menu's prompt is the menu prompt, and shows spoken text and uploaded prompts by name", () => {
    const prompts = new Map([["p-7", "欢迎词"]]);
    const line = describe({ kind: "CHANGED", element: "NODE", id: "menu", field: "props.prompt", before: { tts: "请拨1" }, after: { prompt: "p-7" } }, names, prompts);
    expect(line.text).toBe("按键菜单「语音导航」 · 菜单提示音:“请拨1” → 语音“欢迎词”");
  });

  it("names an unnamed node as the canvas does, never by its id, and edges by their ends and exit", () => {
    expect(describe({ kind: "ADDED", element: "NODE", id: "dial-2", field: null, after: {} }, names).text).toBe("新增节点:转接电话 2");
    const edge = { id: "e-menu-digit1", source: "menu", exit: "digit:1", target: "desk" };
    expect(describe({ kind: "REMOVED", element: "EDGE", id: edge.id, field: null, before: edge }, names).text).toBe(
      "删除连线:按键菜单「语音导航」 按1 → 转接电话「人工客服」",
    );
    expect(describe({ kind: "CHANGED", element: "EDGE", id: edge.id, field: "target", before: "desk", after: "bye" }, names).text).toBe(
      "连线连到:转接电话「人工客服」 → 挂机",
    );
  });

  it("speaks of choices, switches and schedules in the editor's words", () => {
    expect(describe({ kind: "CHANGED", element: "NODE", id: "desk", field: "props.strategy", before: "sequential", after: "ring_all" }, names).text).toBe(
      "转接电话「人工客服」 · 呼叫方式:依次呼叫 → 同时振铃",
    );
    expect(describe({ kind: "CHANGED", element: "NODE", id: "desk", field: "props.record", before: undefined, after: true }, names).text).toBe(
      "转接电话「人工客服」 · 通话录音:无 → 开",
    );
    const schedule = { windows: [{ days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" }], observe_holidays: true };
    expect(describe({ kind: "CHANGED", element: "NODE", id: "menu", field: "props.schedule", before: null, after: schedule }, names).text).toContain(
      "周一二三四五 09:00–18:00,节假日休息",
    );
    expect(describe({ kind: "CHANGED", element: "TESTS", id: "", field: null }, names).text).toBe("测试用例有修改");
  });
});
