// Simple routing by caller area (R14): callers from chosen provinces, cities or area codes ring their own
// phones (a branch office answers its region); everyone else rings the form's bound phones.
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input } from "antd";
import type { ReactNode } from "react";
import { AreaPicker } from "../editor/AreaPicker";
import type { AreaRouteInput } from "../gql/graphql";

export type AreaPhone = { number: string; waitS: number; name: string };
export type AreaRoute = { name: string; areas: string[]; destinations: AreaPhone[] };

const MAX_ROUTES = 10;

/** The routes as last saved (routing.simple.settings.areaRoutes, camel-case JSON), dropping anything malformed. */
export function areaRoutesOf(saved: unknown): AreaRoute[] {
  if (!Array.isArray(saved)) return [];
  return saved.flatMap((r): AreaRoute[] => {
    if (!r || typeof r !== "object") return [];
    const o = r as Record<string, unknown>;
    const phones = Array.isArray(o.destinations) ? (o.destinations as Record<string, unknown>[]) : [];
    return [
      {
        name: String(o.name ?? ""),
        areas: Array.isArray(o.areas) ? o.areas.map(String) : [],
        destinations: phones.map((p) => ({ number: String(p?.number ?? ""), waitS: Number(p?.waitS ?? 30), name: String(p?.name ?? "") })),
      },
    ];
  });
}

export function areaRoutesInput(routes: AreaRoute[]): AreaRouteInput[] {
  return routes.map((r) => ({
    name: r.name.trim(),
    areas: r.areas,
    destinations: r.destinations.map((p) => ({ number: p.number.trim(), waitS: p.waitS, name: p.name.trim() })),
  }));
}

export function AreaRoutesField({
  routes,
  onChange,
  errors = [],
  advice = [],
  renderPhones,
}: {
  routes: AreaRoute[];
  onChange: (next: AreaRoute[]) => void;
  errors?: string[];
  /** The analysis's advice (wait times, no fallback): a warning, not a refusal. */
  advice?: string[];
  /** The form's own rows of phones (order, wait, name), so a route's phones are edited like the others. */
  renderPhones: (label: string, phones: AreaPhone[], onChange: (next: AreaPhone[]) => void) => ReactNode;
}) {
  const messages = [...errors, ...advice];
  const put = (i: number, patch: Partial<AreaRoute>) => onChange(routes.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <Form.Item
      label="按来电地区转接"
      extra="来自所选地区的来电先转到该组电话(设置了工作时间时只在工作时间内);其他地区的来电呼叫上面的绑定电话。按顺序匹配,先匹配的组优先。"
      validateStatus={errors.length ? "error" : undefined}
      help={
        messages.length ? (
          <div style={{ paddingBottom: 8 }}>
            {errors.length ? (
              <div role="alert" style={{ color: "#a8071a" }}>
                {[...new Set(errors)].map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </div>
            ) : null}
            {advice.length ? (
              <div className="dest-advice" role="note" aria-label="按来电地区转接建议">
                {[...new Set(advice)].map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </div>
            ) : null}
          </div>
        ) : undefined
      }
    >
      {routes.map((route, i) => {
        const label = `地区组${i + 1}`;
        return (
          <div key={i} className="dest-row" role="group" aria-label={label}>
            <div style={{ display: "flex", gap: 8, alignItems: "center", marginBottom: 8, flexWrap: "wrap" }}>
              <Input
                aria-label={`${label}名称`}
                placeholder="名称(可选),例如 华南办事处"
                value={route.name}
                style={{ maxWidth: 260 }}
                onChange={(e) => put(i, { name: e.target.value })}
              />
              <Button danger icon={<DeleteOutlined />} onClick={() => onChange(routes.filter((_, j) => j !== i))}>
                删除{label}
              </Button>
            </div>
            <div role="group" aria-label={`${label}地区`} style={{ marginBottom: 8 }}>
              <AreaPicker value={route.areas} onChange={(areas) => put(i, { areas })} />
            </div>
            {renderPhones(`${label}电话`, route.destinations, (destinations) => put(i, { destinations }))}
          </div>
        );
      })}
      <Button
        icon={<PlusOutlined />}
        disabled={routes.length >= MAX_ROUTES}
        onClick={() => onChange([...routes, { name: "", areas: [], destinations: [{ number: "", waitS: 55, name: "" }] }])}
      >
        添加地区组
      </Button>
    </Form.Item>
  );
}
