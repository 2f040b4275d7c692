// The editor against ivr_flows' node definitions (gql/nodeTypes.ts): every type gets a form with all its
// fields, a card and exits exactly as declared, and a palette place — so a new type needs no table here.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { ReactFlowProvider } from "@xyflow/react";
import { createElement, type ReactElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { NODE_GROUPS, NODE_KINDS } from "../gql/nodeTypes";
import { FlowNodeView, summary } from "./FlowNodeView";
import { hasIcon } from "./icons";
import { defaultProps, exitName, exitsOf, type FlowNode } from "./model";
import { paletteMatches } from "./palette";
import { ariaOf, formFields, TypeFields, WIDGETS } from "./PropertiesPanel";

function html(element: ReactElement): string {
  const client = new QueryClient();
  return renderToStaticMarkup(createElement(QueryClientProvider, { client }, createElement(ReactFlowProvider, null, element)));
}

function fresh(type: string): FlowNode {
  return { id: `${type}-1`, type: "flow", position: { x: 0, y: 0 }, data: { kind: type as FlowNode["data"]["kind"], label: "", props: defaultProps(type as FlowNode["data"]["kind"]) } };
}

const attr = (text: string) => text.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

describe.each(NODE_KINDS.map((k) => [k.name, k] as const))("node type %s", (_, kind) => {
  it("has a form with every field it declares, each by a known widget and named as declared", () => {
    const markup = html(createElement(TypeFields, { node: fresh(kind.type), set: () => undefined }));
    for (const field of formFields(kind.type)) {
      expect(WIDGETS[field.widget], `${kind.type}.${field.name}: widget ${field.widget}`).toBeDefined();
      expect(markup, `${kind.type}.${field.name}`).toContain(attr(field.label));
    }
    // Controls the browser finds by name: plain kinds and pickers carry the field's accessible name.
    for (const field of formFields(kind.type).filter((f) => !["phones", "schedule", "areas", "branches", "rules"].includes(f.widget))) {
      const name = field.widget === "prompt" ? `${ariaOf(field)}的来源` : ariaOf(field);
      expect(markup, `${kind.type}.${field.name} aria-label`).toContain(`aria-label="${attr(name)}"`);
    }
  });

  it("shows the exits it declares, fixed ones after its keys, with their labels", () => {
    const node = fresh(kind.type);
    const keys = kind.keyExits ? ((node.data.props[kind.keyExits.prop] as string[]) ?? []).map((k) => kind.keyExits!.prefix + k) : [];
    const entries = kind.listExits ? ((node.data.props[kind.listExits.prop] as unknown[]) ?? []).map((_, i) => `${kind.listExits!.prefix}${i + 1}`) : [];
    expect(exitsOf(node.data)).toEqual([...keys, ...entries, ...kind.exits.map((e) => e.name)]);
    const markup = html(createElement(FlowNodeView, { id: node.id, data: node.data, selected: false } as never));
    const shown = [...markup.matchAll(/aria-label="[^"]* 的出口:([^"]*)"/g)].map((m) => m[1]);
    const labels = kind.exits.map((e) => e.label);
    expect(shown.slice(shown.length - labels.length)).toEqual(labels);
    expect(shown.slice(0, keys.length)).toEqual(keys.map((k) => exitName(k, kind.type)));
    expect(shown.slice(keys.length, keys.length + entries.length)).toEqual(entries.map((e) => exitName(e, kind.type)));
  });

  it("has an icon the editor knows, a palette group, and cards that name their properties", () => {
    expect(hasIcon(kind.icon), kind.icon).toBe(true);
    expect(NODE_GROUPS.map((g) => g.id)).toContain(kind.group);
    for (const name of kind.card) expect(kind.fields.map((f) => f.name)).toContain(name);
    if (kind.card.length) expect(summary(kind.type, defaultProps(kind.type))).not.toBe("");
  });
});

describe("list exits", () => {
  it("a split shows a handle per branch, named by the branch where it has a name, and each branch's controls", () => {
    const split = NODE_KINDS.find((k) => k.listExits)!;
    const node = fresh(split.type);
    node.data.props = { ...node.data.props, [split.listExits!.prop]: [{ label: "总部", weight: 70 }, { label: "", weight: 30 }] };
    const markup = html(createElement(FlowNodeView, { id: node.id, data: node.data, selected: false } as never));
    const shown = [...markup.matchAll(/aria-label="[^"]* 的出口:([^"]*)"/g)].map((m) => m[1]);
    expect(shown).toEqual(["总部", "分支2"]);
    expect(summary(split.type, node.data.props)).toBe("总部 70% · 分支2 30%");
    const form = html(createElement(TypeFields, { node, set: () => undefined }));
    for (const name of ["分支1分支名称", "分支2比例", "删除分支1"]) expect(form).toContain(`aria-label="${name}"`);
    expect(form).toContain("合计 100%");
  });
});

describe("menu keys", () => {
  it("label key exits from the definition's template", () => {
    const menu = NODE_KINDS.find((k) => k.keyExits)!;
    expect(exitName(`${menu.keyExits!.prefix}*`, menu.type)).toBe(menu.keyExits!.label.replace("{key}", "*"));
  });
});

describe("the palette", () => {
  it("offers every type but the start, in its groups, and finds types by name or hint", () => {
    const all = paletteMatches("").flatMap((g) => g.kinds.map((k) => k.type));
    expect(all.sort()).toEqual(NODE_KINDS.filter((k) => k.inPalette).map((k) => k.type).sort());
    expect(paletteMatches("转接").flatMap((g) => g.kinds.map((k) => k.name))).toEqual(["转接电话"]);
    expect(paletteMatches("留言").flatMap((g) => g.kinds.map((k) => k.name))).toEqual(["语音留言"]);
    expect(paletteMatches("号段").flatMap((g) => g.kinds.map((k) => k.name))).toEqual(["来电号码判断"]);
    expect(paletteMatches("没有这种节点")).toEqual([]);
  });
});

describe("card summaries", () => {
  it("read a node's key settings as the canvas shows them", () => {
    expect(summary("dial", { destinations: [{ number: "13800000000", wait_s: 30 }, { number: "02088886666", wait_s: 20 }] })).toBe(
      "13800000000(30秒)、02088886666(20秒)",
    );
    expect(summary("dial", { destinations: [] })).toBe("未添加电话");
    expect(summary("voicemail", { max_length_s: 120 })).toBe("最长留言 120秒");
    expect(summary("voicemail", { greeting: { prompt: "p-1" } }, () => "请留言")).toBe("语音文件 请留言");
    expect(summary("caller_list", { entries: ["010", "139"] })).toBe("2 个号码");
    expect(summary("area_switch", { areas: [] })).toBe("未选择地区");
    expect(summary("record", { action: "stop" })).toBe("停止录音");
    expect(summary("hangup", { cause: "busy" })).toBe("忙");
    expect(summary("time_switch", { schedule: { windows: [] } })).toBe("未设置时段");
    expect(summary("time_switch", defaultProps("time_switch"))).toBe("09:00–18:00");
  });
});
