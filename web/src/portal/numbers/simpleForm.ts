// The self-service routing form (saveSimpleRouting): its values, how they load from and go to the API,
// and which field a refusal or advice about the generated flow belongs to.
import { areaRoutesInput, areaRoutesOf, type AreaRoute } from "../SimpleAreaRoutes";
import type { AfterHoursAction, SimpleRoutingInput } from "../../gql/graphql";

export type Phone = { number: string; waitS: number; name: string };
export type Hours = { days: number[]; start: string; end: string };
export type SimpleForm = {
  destinations: Phone[];
  useHours: boolean;
  workWindows: Hours[];
  observeHolidays: boolean;
  afterHoursAction: AfterHoursAction;
  afterHours: Phone[];
  afterHoursMessage: string;
  busyForward: Phone | null;
  noAnswerForward: Phone | null;
  voicemail: boolean;
  recording: boolean;
  ringback: string | null;
  areaRoutes: AreaRoute[];
};

export const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"].map((d, i) => ({ value: i + 1, label: `周${d}` }));
export const NEW_WINDOW: Hours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };
const EMPTY_FORM: SimpleForm = {
  destinations: [{ number: "", waitS: 55, name: "" }],
  useHours: false,
  workWindows: [NEW_WINDOW],
  observeHolidays: true,
  afterHoursAction: "RING",
  afterHours: [{ number: "", waitS: 55, name: "" }],
  afterHoursMessage: "",
  busyForward: null,
  noAnswerForward: null,
  voicemail: false,
  recording: false,
  ringback: null,
  areaRoutes: [],
};
const NO_FALLBACK = "这些电话都未接通时,来电者将听到“您要的电话忙”并挂机;可设置遇忙转接、无应答转接或语音留言。";
export const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function phoneOf(x: unknown): Phone | null {
  if (!x || typeof x !== "object") return null;
  const o = x as Record<string, unknown>;
  return { number: String(o.number ?? ""), waitS: Number(o.waitS ?? 30), name: String(o.name ?? "") };
}

/** The form as last saved (routing.simple.settings, the API's camel-case JSON), or a fresh one. */
export function formOf(simple: unknown): SimpleForm {
  const s = (simple as { settings?: Record<string, unknown> } | null)?.settings;
  if (!s) return EMPTY_FORM;
  const list = (x: unknown) => (Array.isArray(x) ? x.map(phoneOf).filter((p): p is Phone => p !== null) : []);
  const windows = Array.isArray(s.workWindows)
    ? (s.workWindows as Record<string, unknown>[]).map((w) => ({ days: (w.days as number[]) ?? [], start: String(w.start ?? ""), end: String(w.end ?? "") }))
    : [];
  const action = String(s.afterHoursAction ?? "ring").toUpperCase() as AfterHoursAction;
  const afterHours = list(s.afterHours);
  return {
    destinations: list(s.destinations).length ? list(s.destinations) : EMPTY_FORM.destinations,
    useHours: windows.length > 0,
    workWindows: windows.length ? windows : [NEW_WINDOW],
    observeHolidays: s.observeHolidays !== false,
    afterHoursAction: action,
    afterHours: afterHours.length ? afterHours : EMPTY_FORM.afterHours,
    afterHoursMessage: String(s.afterHoursMessage ?? ""),
    busyForward: phoneOf(s.busyForward),
    noAnswerForward: phoneOf(s.noAnswerForward),
    voicemail: Boolean(s.voicemail),
    recording: Boolean(s.recording),
    ringback: typeof s.ringback === "string" && s.ringback ? s.ringback : null,
    areaRoutes: areaRoutesOf(s.areaRoutes),
  };
}

export function inputOf(f: SimpleForm): SimpleRoutingInput {
  const bound = (p: Phone) => ({ number: p.number.trim(), waitS: p.waitS, name: p.name.trim() });
  const ring = f.afterHoursAction === "RING";
  return {
    destinations: f.destinations.map(bound),
    workWindows: f.useHours ? f.workWindows.map((w) => ({ days: [...w.days].sort(), start: w.start.trim(), end: w.end.trim() })) : [],
    afterHours: f.useHours && ring ? f.afterHours.map(bound) : [],
    afterHoursAction: f.useHours ? f.afterHoursAction : "RING",
    afterHoursMessage: f.useHours && !ring ? f.afterHoursMessage : "",
    observeHolidays: f.observeHolidays,
    busyForward: f.busyForward ? bound(f.busyForward) : null,
    noAnswerForward: f.noAnswerForward ? bound(f.noAnswerForward) : null,
    voicemail: f.voicemail,
    recording: f.recording,
    ringback: f.ringback,
    areaRoutes: areaRoutesInput(f.areaRoutes),
  };
}

/** Every phone number the form rings: the "what happens" panel can let them answer or be busy. */
export function phonesOf(simple: unknown): string[] {
  const f = formOf(simple);
  if (!(simple as { settings?: unknown } | null)?.settings) return [];
  const all = [...f.destinations, ...f.areaRoutes.flatMap((r) => r.destinations), ...(f.useHours ? f.afterHours : []), f.busyForward, f.noAnswerForward];
  return [...new Set(all.filter((p): p is Phone => Boolean(p?.number)).map((p) => p.number))];
}

export type Diagnostic = { code: string; message: string; nodeId: string | null };

/** The generic advice speaks of flow nodes and exits; in this form they are the forwarding options. */
export function plainAdvice(d: Diagnostic): Diagnostic {
  return d.code === "dial_no_failure_exit" ? { ...d, message: NO_FALLBACK } : d;
}
// The generated flow's nodes (api/routing/simple.py) and the part of the form each one comes from.
const NODE_FIELD: Record<string, string> = {
  work: "destinations",
  after_hours: "afterHours",
  hours: "workWindows",
  forward_busy: "busyForward",
  forward_no_answer: "noAnswerForward",
  closed_voicemail: "afterHoursMessage",
  closed: "afterHoursMessage",
  voicemail: "voicemail",
};

/**
 * Which field of the form a message belongs to: a phone row of a list ("destinations.1") when the message
 * names that phone (R10 wait advice, a refused number), else the list, else the form ("form").
 */
export function fieldFor(field: string | null, code: string, message: string, f: SimpleForm): string {
  const node = field?.startsWith("node:") ? field.slice(5) : null;
  const key = node ? (NODE_FIELD[node] ?? (node.startsWith("area_") ? "areaRoutes" : "form")) : field && field in f ? field : "form";
  if (key !== "destinations" && key !== "afterHours") return key;
  const rows = key === "destinations" ? f.destinations : f.afterHours;
  const i = rows.findIndex((p, j) => {
    if (code === "wait_short_multi") return message.includes(`${p.number.trim()}为${p.waitS}秒`);
    if (code === "wait_short_no_next") return j === rows.length - 1;
    if (code === "wait_short_single" || code === "wait_long_single") return rows.length === 1;
    return message.includes(`“${p.number.trim()}”`);
  });
  return i >= 0 ? `${key}.${i}` : key;
}
