// The customer's 400 numbers (/numbers) and one number's routing (/numbers/:id): the self-service form
// (bound phones in order, work hours, forwarding), the number's policies (caller types R9, areas R14,
// black/white list R15), switching to a published IVR flow, and "what happens if" someone calls.
// Every refusal the API gives is shown on the field it concerns, in the API's own (Chinese) words.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Radio,
  Result,
  Row,
  Select,
  Skeleton,
  Space,
  Switch,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import dayjs from "dayjs";
import { useMemo, useState, type ReactNode } from "react";
import { request, unwrap, UserErrorsError, type FieldError } from "../api/client";
import { AreaPicker } from "../editor/AreaPicker";
import { MissedCallSmsCard } from "./MissedCallSmsCard";
import { AreaRoutesField, areaRoutesInput, areaRoutesOf, type AreaRoute } from "./SimpleAreaRoutes";
import { WeekGrid } from "../ui/WeekGrid";
import { format400, ZONE } from "../format";
import {
  AddCallerListEntriesDocument,
  ApprovedRingbacksDocument,
  FlowsDocument,
  FlowVersionsDocument,
  ValidateFlowDocument,
  NumberDetailDocument,
  NumberLinePackageDocument,
  PortalNumbersDocument,
  RunningVersionDocument,
  SaveSimpleRoutingDocument,
  SetAreaRestrictionsDocument,
  SetCallerCategoriesDocument,
  SetCallerListDocument,
  SwitchNumberFlowDocument,
  WhatHappensDocument,
  type AfterHoursAction,
  type FlowsQuery,
  type CallerListMode,
  type NumberDetailQuery,
  type PortalNumberFieldsFragment,
  type RoutingFieldsFragment,
  type SimpleRoutingInput,
  type WhatHappensQuery,
} from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { match, navigate } from "../router";
import { errorMessage, splitErrors } from "../ui/errors";

type Routing = RoutingFieldsFragment;

const STATUS_COLOR: Record<string, string> = { ACTIVE: "green", SUSPENDED: "red", RESERVED: "gold", APPLIED: "blue" };
const IN_SERVICE = new Set(["ACTIVE", "SUSPENDED"]);
const detailKey = (id: string) => ["numberDetail", id] as const;

/** R12 in words: "总机套餐(最多 12 路同时通话,含加购 2 路)" or the unlimited trunk. */
function packageText(r: Pick<Routing, "package" | "extraLines" | "maxLines">): string {
  if (r.package === "TRUNK") return "中继套餐(不限同时通话路数)";
  const extra = r.extraLines ? `,含加购 ${r.extraLines} 路` : "";
  return `总机套餐(最多 ${r.maxLines ?? 10} 路同时通话${extra})`;
}

function Link({ to, children }: { to: string; children: ReactNode }) {
  return (
    <a href={to} onClick={(e) => (e.preventDefault(), navigate(to))}>
      {children}
    </a>
  );
}

/**
 * Props that show a field's messages under it: errors in red, the API's advice on amber (own colours:
 * antd's warning text is too pale for WCAG AA contrast).
 */
function status(errors?: string[], advice?: string[]) {
  if (!errors?.length && !advice?.length) return {};
  return {
    validateStatus: errors?.length ? ("error" as const) : undefined,
    help: (
      // antd drops the item's bottom margin while a help text shows: keep the fields apart.
      <div style={{ paddingBottom: 8 }}>
        {errors?.length ? (
          <div role="alert" style={{ color: "#a8071a" }}>
            {errors.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        ) : null}
        {advice?.length ? (
          <div role="note" className="dest-advice">
            {advice.map((m) => (
              <div key={m}>{m}</div>
            ))}
          </div>
        ) : null}
      </div>
    ),
  };
}

// ---------------------------------------------------------------------------------------------------
// /numbers: the list

function PackageCell({ number }: { number: PortalNumberFieldsFragment }) {
  const inService = IN_SERVICE.has(number.status);
  const routing = useQuery({
    queryKey: ["numberPackage", number.id],
    queryFn: async () => (await request(NumberLinePackageDocument, { numberId: number.id })).numberRouting,
    enabled: inService,
  });
  if (!inService) return <Typography.Text type="secondary">开通后可用</Typography.Text>;
  return <>{routing.data ? packageText(routing.data) : "…"}</>;
}

function NumberList() {
  const numbers = useQuery({ queryKey: ["portalNumbers"], queryFn: async () => (await request(PortalNumbersDocument)).numbers });
  return (
    <div className="page">
      <PageTitle title="我的号码" />
      {numbers.isError ? <Alert type="error" showIcon title={numbers.error.message} style={{ marginBottom: 16 }} /> : null}
      <Table<PortalNumberFieldsFragment>
        rowKey="id"
        scroll={{ x: "max-content" }}
        loading={numbers.isPending}
        dataSource={numbers.data?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <Empty description="您还没有400号码">
              <Button type="primary" onClick={() => navigate("/choose")}>
                去选号
              </Button>
            </Empty>
          ),
        }}
        columns={[
          {
            title: "号码",
            key: "number",
            render: (_, n) => (
              <Link to={`/numbers/${n.id}`}>
                <span style={{ fontSize: 16, fontWeight: 600 }}>{format400(n.number)}</span>
              </Link>
            ),
          },
          { title: "状态", key: "status", render: (_, n) => <Tag color={STATUS_COLOR[n.status]}>{n.statusName}</Tag> },
          { title: "运营商", dataIndex: "carrierName" },
          { title: "线路套餐", key: "package", render: (_, n) => <PackageCell number={n} /> },
        ]}
      />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------------
// The self-service form (saveSimpleRouting)

type Phone = { number: string; waitS: number; name: string };
type Hours = { days: number[]; start: string; end: string };
type SimpleForm = {
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

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"].map((d, i) => ({ value: i + 1, label: `周${d}` }));
const NEW_WINDOW: Hours = { days: [1, 2, 3, 4, 5], start: "09:00", end: "18:00" };
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
const TIME = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;

function phoneOf(x: unknown): Phone | null {
  if (!x || typeof x !== "object") return null;
  const o = x as Record<string, unknown>;
  return { number: String(o.number ?? ""), waitS: Number(o.waitS ?? 30), name: String(o.name ?? "") };
}

/** The form as last saved (routing.simple.settings, the API's camel-case JSON), or a fresh one. */
function formOf(simple: unknown): SimpleForm {
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

function inputOf(f: SimpleForm): SimpleRoutingInput {
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
function phonesOf(simple: unknown): string[] {
  const f = formOf(simple);
  if (!(simple as { settings?: unknown } | null)?.settings) return [];
  const all = [...f.destinations, ...f.areaRoutes.flatMap((r) => r.destinations), ...(f.useHours ? f.afterHours : []), f.busyForward, f.noAnswerForward];
  return [...new Set(all.filter((p): p is Phone => Boolean(p?.number)).map((p) => p.number))];
}

type Diagnostic = { code: string; message: string; nodeId: string | null };

/** The generic advice speaks of flow nodes and exits; in this form they are the forwarding options. */
function plainAdvice(d: Diagnostic): Diagnostic {
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
function fieldFor(field: string | null, code: string, message: string, f: SimpleForm): string {
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

function PhoneRows({
  label,
  phones,
  onChange,
  errors,
  advice,
}: {
  label: string;
  phones: Phone[];
  onChange: (next: Phone[]) => void;
  errors: Record<string, string[]>;
  advice: Record<string, string[]>;
}) {
  const put = (i: number, p: Partial<Phone>) => onChange(phones.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const move = (from: number, to: number) => {
    const next = [...phones];
    next.splice(to, 0, ...next.splice(from, 1));
    onChange(next);
  };
  return (
    <>
      {phones.map((p, i) => {
        const name = `${label}${i + 1}`;
        return (
          <div key={i} className="dest-row" data-testid={`${label}-${i + 1}`}>
            <Space wrap align="start">
              <Input
                aria-label={`${name}号码`}
                placeholder="手机或带区号的固话"
                value={p.number}
                inputMode="tel"
                style={{ width: 170 }}
                status={errors[i]?.length ? "error" : undefined}
                onChange={(e) => put(i, { number: e.target.value })}
              />
              <InputNumber
                aria-label={`${name}等待秒数`}
                min={1}
                max={300}
                value={p.waitS}
                prefix="等"
                suffix="秒"
                style={{ width: 110 }}
                status={advice[i]?.length ? "warning" : undefined}
                onChange={(v) => put(i, { waitS: v ?? 30 })}
              />
              <Input aria-label={`${name}名称`} placeholder="名称(可选)" value={p.name} style={{ width: 120 }} onChange={(e) => put(i, { name: e.target.value })} />
              <Space.Compact>
                <Button icon={<ArrowUpOutlined />} aria-label={`${name}上移`} disabled={i === 0} onClick={() => move(i, i - 1)} />
                <Button icon={<ArrowDownOutlined />} aria-label={`${name}下移`} disabled={i === phones.length - 1} onClick={() => move(i, i + 1)} />
                <Button danger icon={<DeleteOutlined />} aria-label={`删除${name}`} disabled={phones.length === 1} onClick={() => onChange(phones.filter((_, j) => j !== i))} />
              </Space.Compact>
            </Space>
            {errors[i]?.length ? (
              <div role="alert" style={{ color: "#a8071a", marginTop: 4, fontSize: 13 }}>
                {errors[i].map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </div>
            ) : null}
            {advice[i]?.length ? (
              <div className="dest-advice" role="note" aria-label={`${name}等待时间建议`}>
                {advice[i].map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={() => onChange([...phones, { number: "", waitS: 20, name: "" }])} style={{ marginTop: 4 }}>
        添加{label}
      </Button>
    </>
  );
}

function ForwardField({ label, value, onChange, errors, advice }: { label: string; value: Phone | null; onChange: (p: Phone | null) => void; errors?: string[]; advice?: string[] }) {
  return (
    <Form.Item label={label} {...status(errors, advice)}>
      <Space wrap>
        <Switch aria-label={label} checked={value !== null} onChange={(on) => onChange(on ? { number: "", waitS: 30, name: "" } : null)} />
        {value ? (
          <>
            <Input aria-label={`${label}号码`} placeholder="手机或带区号的固话" inputMode="tel" value={value.number} style={{ width: 170 }} onChange={(e) => onChange({ ...value, number: e.target.value })} />
            <InputNumber aria-label={`${label}等待秒数`} min={1} max={300} prefix="等" suffix="秒" style={{ width: 110 }} value={value.waitS} onChange={(v) => onChange({ ...value, waitS: v ?? 30 })} />
          </>
        ) : null}
      </Space>
    </Form.Item>
  );
}

/** "语音导航流程「客服菜单」第 2 版": a designed flow's version as the number page names it. */
function flowVersionName(v: { flowName: string; version: number }): string {
  return `语音导航流程「${v.flowName}」第 ${v.version} 版`;
}

function SimpleRoutingCard({
  routing,
  active,
  replacing,
  onSaved,
}: {
  routing: Routing;
  active: boolean;
  /** The designed flow's version the number runs, which saving the form replaces. */
  replacing: Running | null;
  onSaved: () => void;
}) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<SimpleForm>(() => formOf(routing.simple));
  const [saving, setSaving] = useState(false);
  const [refused, setRefused] = useState<{ field: string | null; code: string; message: string }[]>([]);
  const [savedWarnings, setWarnings] = useState<Diagnostic[] | null>(null);
  // Until the form is saved on this visit, the advice is the analysis of the flow the form generated.
  const flowId = (routing.simple as { flowId?: unknown } | null)?.flowId;
  const analysed = useQuery({
    queryKey: ["validateFlow", String(flowId)],
    queryFn: async () => (await request(ValidateFlowDocument, { id: String(flowId) })).validateFlow ?? [],
    enabled: active && flowId != null && savedWarnings === null,
  });
  const warnings = useMemo(
    () => (savedWarnings ?? (active ? (analysed.data ?? []).filter((d) => d.severity === "warning") : [])).map(plainAdvice),
    [savedWarnings, analysed.data, active],
  );
  const ringbacks = useQuery({
    queryKey: ["approvedRingbacks"],
    queryFn: async () => (await request(ApprovedRingbacksDocument)).mediaItems.edges.map((e) => e.node),
  });
  const set = (patch: Partial<SimpleForm>) => setForm((f) => ({ ...f, ...patch }));

  // Messages are placed against the form as it is now, so a row moved after saving keeps its advice.
  const { errors, advice } = useMemo(() => {
    const errors: Record<string, string[]> = {};
    const advice: Record<string, string[]> = {};
    for (const r of refused) (errors[fieldFor(r.field, r.code, r.message, form)] ??= []).push(r.message);
    for (const w of warnings) (advice[fieldFor(w.nodeId ? `node:${w.nodeId}` : null, w.code, w.message, form)] ??= []).push(w.message);
    return { errors, advice };
  }, [refused, warnings, form]);
  const rowsOf = (from: Record<string, string[]>, key: string) =>
    Object.fromEntries(Object.entries(from).filter(([k]) => k.startsWith(`${key}.`)).map(([k, v]) => [Number(k.slice(key.length + 1)), v]));

  function localErrors(): { field: string; code: string; message: string }[] {
    if (!form.useHours) return [];
    const found = [];
    for (const [i, w] of form.workWindows.entries()) {
      if (!w.days.length) found.push({ field: "workWindows", code: "local", message: `时段${i + 1}:请至少选择一天` });
      if (!TIME.test(w.start.trim()) || !TIME.test(w.end.trim())) {
        found.push({ field: "workWindows", code: "local", message: `时段${i + 1}:时间请按“时:分”填写,例如 08:30` });
      }
    }
    return found;
  }

  async function save() {
    const local = localErrors();
    if (local.length) {
      setRefused(local);
      return;
    }
    if (replacing) {
      modal.confirm({
        title: "替换正在使用的流程?",
        content: `该号码正在使用${flowVersionName(replacing)},保存简单设置将替换它。保存后可一键恢复使用该流程。`,
        okText: "保存并替换",
        cancelText: "取消",
        onOk: () => void submit(),
      });
      return;
    }
    await submit();
  }

  async function restore(replaced: NonNullable<Routing["replacedFlowVersion"]>) {
    setSaving(true);
    try {
      const saved = unwrap((await request(SwitchNumberFlowDocument, { numberId: routing.numberId, versionId: replaced.id })).setNumberFlowVersion);
      queryClient.setQueryData(detailKey(routing.numberId), (old: NumberDetailQuery | undefined) => (old ? { ...old, numberRouting: saved } : old));
      message.success(`已恢复使用${flowVersionName(replaced)}`);
      void queryClient.invalidateQueries({ queryKey: ["flowVersions"] });
      onSaved();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  async function submit() {
    setSaving(true);
    try {
      const saved = unwrap((await request(SaveSimpleRoutingDocument, { numberId: routing.numberId, settings: inputOf(form) })).saveSimpleRouting);
      setRefused([]);
      setWarnings(saved.warnings);
      queryClient.setQueryData(detailKey(routing.numberId), (old: NumberDetailQuery | undefined) => (old ? { ...old, numberRouting: saved.routing } : old));
      queryClient.setQueryData(["runningVersion", saved.version.id], saved.version);
      message.success("已保存,新的接听设置已生效");
      void queryClient.invalidateQueries({ queryKey: ["flowVersions"] });
      onSaved();
    } catch (e) {
      if (e instanceof UserErrorsError) setRefused(e.errors.map((x) => ({ field: x.field, code: x.code, message: x.message })));
      else message.error(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  const ring = form.afterHoursAction === "RING";
  const replaced = active ? routing.replacedFlowVersion : null;
  return (
    <Card title="接听设置" extra={active ? <Tag color="green">生效中</Tag> : null}>
      {replaced ? (
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={`简单设置替换了${flowVersionName(replaced)}。`}
          action={
            <Button size="small" loading={saving} onClick={() => void restore(replaced)}>
              恢复使用该流程
            </Button>
          }
        />
      ) : null}
      {replacing ? (
        <Alert type="warning" showIcon style={{ marginBottom: 16 }} title={`该号码正在使用${flowVersionName(replacing)},保存简单设置将替换它。`} />
      ) : null}
      <Form layout="vertical" requiredMark={false}>
        <Form.Item
          label="绑定电话(按顺序呼叫)"
          extra="来电先呼第一个电话,等待时间内无人接听再呼下一个。建议:绑定多个电话时每个等 15 秒以上,只绑定一个时等 50–60 秒。"
          {...status(errors.destinations, advice.destinations)}
        >
          <PhoneRows label="绑定电话" phones={form.destinations} onChange={(destinations) => set({ destinations })} errors={rowsOf(errors, "destinations")} advice={rowsOf(advice, "destinations")} />
        </Form.Item>

        <AreaRoutesField
          routes={form.areaRoutes}
          onChange={(areaRoutes) => set({ areaRoutes })}
          errors={errors.areaRoutes}
          advice={advice.areaRoutes}
          renderPhones={(label, phones, onChange) => <PhoneRows label={label} phones={phones} onChange={onChange} errors={{}} advice={{}} />}
        />

        <Form.Item label="按工作时间接听" extra="工作时间内呼叫上面的绑定电话,其余时间按“非工作时间”处理。">
          <Switch aria-label="按工作时间接听" checked={form.useHours} onChange={(useHours) => set({ useHours })} />
        </Form.Item>
        {form.useHours ? (
          <>
            <Form.Item label="工作时间(每周)" {...status(errors.workWindows, advice.workWindows)}>
              <WeekGrid windows={form.workWindows} onChange={(workWindows) => set({ workWindows: workWindows.length ? workWindows : [NEW_WINDOW] })} />
              {form.workWindows.map((w, i) => {
                const putWindow = (patch: Partial<Hours>) => set({ workWindows: form.workWindows.map((x, j) => (j === i ? { ...x, ...patch } : x)) });
                return (
                  <div key={i} className="dest-row" data-testid={`时段-${i + 1}`}>
                    <Checkbox.Group role="group" aria-label={`时段${i + 1}星期`} value={w.days} options={WEEKDAYS} onChange={(days) => putWindow({ days: days as number[] })} />
                    <Space wrap style={{ marginTop: 6 }}>
                      <Input aria-label={`时段${i + 1}开始时间`} placeholder="08:30" value={w.start} style={{ width: 80 }} onChange={(e) => putWindow({ start: e.target.value })} />
                      <span>至</span>
                      <Input aria-label={`时段${i + 1}结束时间`} placeholder="17:30" value={w.end} style={{ width: 80 }} onChange={(e) => putWindow({ end: e.target.value })} />
                      <Button danger icon={<DeleteOutlined />} aria-label={`删除时段${i + 1}`} disabled={form.workWindows.length === 1}
                        onClick={() => set({ workWindows: form.workWindows.filter((_, j) => j !== i) })} />
                    </Space>
                  </div>
                );
              })}
              <Button icon={<PlusOutlined />} style={{ marginTop: 4 }} onClick={() => set({ workWindows: [...form.workWindows, { days: [6], start: "09:00", end: "12:00" }] })}>
                添加时段
              </Button>
            </Form.Item>
            <Form.Item label="法定节假日休息,调休上班日照常上班">
              <Switch aria-label="法定节假日休息,调休上班日照常上班" checked={form.observeHolidays} onChange={(observeHolidays) => set({ observeHolidays })} />
            </Form.Item>
            <Form.Item label="非工作时间">
              <Radio.Group
                aria-label="非工作时间"
                value={form.afterHoursAction}
                onChange={(e) => set({ afterHoursAction: e.target.value as AfterHoursAction })}
                options={[
                  { value: "RING", label: "转接到其他电话" },
                  { value: "VOICEMAIL", label: "语音留言" },
                  { value: "ANNOUNCEMENT", label: "播放提示音后挂机" },
                ]}
              />
            </Form.Item>
            {ring ? (
              <Form.Item label="非工作时间接听的电话(按顺序呼叫)" {...status(errors.afterHours, advice.afterHours)}>
                <PhoneRows label="非工作时间电话" phones={form.afterHours} onChange={(afterHours) => set({ afterHours })} errors={rowsOf(errors, "afterHours")} advice={rowsOf(advice, "afterHours")} />
              </Form.Item>
            ) : (
              <Form.Item label={form.afterHoursAction === "VOICEMAIL" ? "留言提示语" : "非工作时间提示语"} extra="留空使用默认提示语;以普通话语音播放。" {...status(errors.afterHoursMessage, advice.afterHoursMessage)}>
                <Input.TextArea
                  aria-label="非工作时间提示语"
                  autoSize={{ minRows: 2, maxRows: 4 }}
                  maxLength={200}
                  showCount
                  placeholder={form.afterHoursAction === "VOICEMAIL" ? "您好,现在是非工作时间,请在提示音后留言,我们将在工作时间尽快回复" : "您好,现在是非工作时间,请在工作时间内来电,谢谢"}
                  value={form.afterHoursMessage}
                  onChange={(e) => set({ afterHoursMessage: e.target.value })}
                />
              </Form.Item>
            )}
          </>
        ) : null}

        <ForwardField label="遇忙转接" value={form.busyForward} onChange={(busyForward) => set({ busyForward })} errors={errors.busyForward} advice={advice.busyForward} />
        <ForwardField label="无应答转接" value={form.noAnswerForward} onChange={(noAnswerForward) => set({ noAnswerForward })} errors={errors.noAnswerForward} advice={advice.noAnswerForward} />
        <Row gutter={16}>
          <Col xs={24} sm={12}>
            <Form.Item label="无人接听时语音留言" {...status(errors.voicemail, advice.voicemail)}>
              <Switch aria-label="无人接听时语音留言" checked={form.voicemail} onChange={(voicemail) => set({ voicemail })} />
            </Form.Item>
          </Col>
          <Col xs={24} sm={12}>
            <Form.Item label="通话录音(保存一个月)">
              <Switch aria-label="通话录音" checked={form.recording} onChange={(recording) => set({ recording })} />
            </Form.Item>
          </Col>
        </Row>
        <Form.Item label="等待接听时播放的彩铃" {...status(errors.ringback, advice.ringback)}>
          <Select
            aria-label="等待接听时播放的彩铃"
            value={form.ringback ?? ""}
            loading={ringbacks.isPending}
            onChange={(v: string) => set({ ringback: v || null })}
            options={[{ value: "", label: "默认回铃音" }, ...(ringbacks.data ?? []).map((m) => ({ value: m.promptId, label: m.name }))]}
            style={{ maxWidth: 320 }}
          />
        </Form.Item>
        {errors.form?.length || advice.form?.length ? (
          <Alert
            type={errors.form?.length ? "error" : "warning"}
            showIcon
            style={{ marginBottom: 12 }}
            title={[...(errors.form ?? []), ...(advice.form ?? [])].map((m) => <div key={m}>{m}</div>)}
          />
        ) : null}
        <Button type="primary" loading={saving} onClick={save}>
          保存并生效
        </Button>
      </Form>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------
// A published flow instead (setNumberFlowVersion)

type Running = NonNullable<ReturnType<typeof useRunningVersion>["data"]>;

function useRunningVersion(versionId: string | null) {
  return useQuery({
    queryKey: ["runningVersion", versionId],
    queryFn: async () => (await request(RunningVersionDocument, { id: versionId! })).flowVersion,
    enabled: Boolean(versionId),
    // A save or switch names a new version: keep showing the page (and its messages) while it loads.
    placeholderData: keepPreviousData,
  });
}

/** Every flow of the account, page after page (the picker searches them by name). */
async function allFlows() {
  const all = [];
  let after: string | null = null;
  for (;;) {
    const page: FlowsQuery["flows"] = (await request(FlowsDocument, { after })).flows;
    all.push(...page.edges.map((e) => e.node));
    if (!page.pageInfo.hasNextPage || !page.pageInfo.endCursor) return all;
    after = page.pageInfo.endCursor;
  }
}

/** "(本号码使用中)", "(400-600-0002 使用中)": the numbers a version is live on, this one first. */
function versionUse(live: { numberId: string; display: string }[], numberId: string): string {
  const here = live.some((n) => String(n.numberId) === String(numberId));
  const others = live.filter((n) => String(n.numberId) !== String(numberId)).map((n) => n.display);
  const names = [...(here ? ["本号码"] : []), ...others];
  return names.length ? `(${names.join("、")} 使用中)` : "";
}

function FlowCard({ routing, runsSimple, running, onSwitched }: { routing: Routing; runsSimple: boolean; running: Running | null; onSwitched: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const flows = useQuery({ queryKey: ["portal", "allFlows"], queryFn: allFlows });
  const [flowId, setFlowId] = useState<string | null>(running && !runsSimple ? String(running.flowId) : null);
  const versions = useQuery({
    // The editor's versions panel's key and shape: a version published there shows up here.
    queryKey: ["flowVersions", flowId],
    queryFn: async () => (await request(FlowVersionsDocument, { flowId: flowId! })).flowVersions.edges.map((e) => e.node),
    enabled: Boolean(flowId),
  });
  const [versionId, setVersionId] = useState<string | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  const runningName = running?.flowName;

  async function switchTo() {
    if (!versionId) {
      setErrors({ versionId: ["请选择要使用的版本"] });
      return;
    }
    setBusy(true);
    try {
      const saved = unwrap((await request(SwitchNumberFlowDocument, { numberId: routing.numberId, versionId })).setNumberFlowVersion);
      setErrors({});
      queryClient.setQueryData(detailKey(routing.numberId), (old: NumberDetailQuery | undefined) => (old ? { ...old, numberRouting: saved } : old));
      message.success("已切换,该号码现在按所选流程接听");
      void queryClient.invalidateQueries({ queryKey: ["flowVersions"] });
      onSwitched();
    } catch (e) {
      const { byField, rest } = splitErrors(e, (err) => (err.field === "versionId" ? "versionId" : null));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="使用语音导航流程" extra={running && !runsSimple ? <Tag color="green">生效中</Tag> : null}>
      <Typography.Paragraph>
        {running && !runsSimple ? (
          <>
            当前使用流程「{runningName ?? `#${running.flowId}`}」第 {running.version} 版。{" "}
            <Link to={`/flows/${running.flowId}`}>在编辑器中打开</Link>
          </>
        ) : (
          "需要按键菜单(如“查号请拨1”)等复杂接听方式时,可在“语音导航流程”中设计并发布流程,再在这里让号码使用它。简单设置会保留,重新保存简单设置即可切换回来。"
        )}
      </Typography.Paragraph>
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="流程">
          <Select
            aria-label="流程"
            placeholder="选择或搜索流程"
            showSearch={{ optionFilterProp: "label" }}
            loading={flows.isPending}
            value={flowId ?? undefined}
            onChange={(v: string) => (setFlowId(v), setVersionId(null), setErrors({}))}
            options={[...(flows.data ?? [])].reverse().map((f) => ({ value: String(f.id), label: f.name }))}
            notFoundContent="还没有流程"
            style={{ maxWidth: 360 }}
          />
        </Form.Item>
        {flowId ? (
          <Form.Item label="版本" {...status(errors.versionId)} extra={<Link to={`/flows/${flowId}`}>在编辑器中打开此流程</Link>}>
            <Select
              aria-label="版本"
              placeholder={versions.data?.length === 0 ? "该流程还没有发布的版本" : "选择已发布的版本"}
              loading={versions.isPending}
              value={versionId ?? undefined}
              onChange={(v: string) => setVersionId(v)}
              options={[...(versions.data ?? [])].reverse().map((v) => ({
                value: String(v.id),
                label: `第 ${v.version} 版${v.message ? ` · ${v.message}` : ""}${versionUse(v.liveNumbers, routing.numberId)}`,
              }))}
              style={{ maxWidth: 360 }}
            />
          </Form.Item>
        ) : null}
        {errors.form?.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.form.join(";")} /> : null}
        <Button type="primary" loading={busy} disabled={!flowId} onClick={switchTo}>
          使用此版本
        </Button>
      </Form>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------
// Policies: caller types (R9), areas (R14), black/white list (R15)

const CATEGORIES = [
  { value: "mobile", label: "手机" },
  { value: "office", label: "办公电话" },
  { value: "residential", label: "住宅电话" },
  { value: "pbx", label: "集团总机(PBX)" },
  { value: "did", label: "直拨号码(DID)" },
  { value: "unknown", label: "无法识别类型的号码" },
];

const CATEGORY_NAME: Record<string, string> = {
  ...Object.fromEntries(CATEGORIES.map((c) => [c.value, c.label])),
  campus: "校园电话",
  voip: "网络电话",
  payphone: "公用电话",
};

function useSaveRouting(numberId: string) {
  const queryClient = useQueryClient();
  return (saved: Routing) => {
    queryClient.setQueryData(detailKey(numberId), (old: NumberDetailQuery | undefined) => (old ? { ...old, numberRouting: saved } : old));
  };
}

function CategoriesCard({ routing }: { routing: Routing }) {
  const { message } = App.useApp();
  const store = useSaveRouting(routing.numberId);
  const [value, setValue] = useState<string[]>(routing.allowedCategories);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      store(unwrap((await request(SetCallerCategoriesDocument, { numberId: routing.numberId, categories: value })).setCallerCategories));
      setErrors({});
      message.success("来电类型已保存");
    } catch (e) {
      const { byField, rest } = splitErrors(e, (err) => (err.field === "categories" ? "categories" : null));
      setErrors({ categories: [...(byField.categories ?? []), ...rest] });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title="允许来电的电话类型">
      <Form layout="vertical">
        <Form.Item label="允许以下类型的电话拨打本号码" extra="按规定,校园电话、网络电话和公用电话不能拨打400号码。" {...status(errors.categories)}>
          <Checkbox.Group role="group" aria-label="允许来电的电话类型" value={value} options={CATEGORIES} onChange={(v) => setValue(v as string[])} />
        </Form.Item>
        <Button loading={busy} onClick={save}>
          保存电话类型
        </Button>
      </Form>
    </Card>
  );
}

function AreasCard({ routing }: { routing: Routing }) {
  const { message } = App.useApp();
  const store = useSaveRouting(routing.numberId);
  const [allowed, setAllowed] = useState<string[]>(routing.allowedAreas);
  const [refused, setRefused] = useState<string[]>(routing.refusedAreas);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      store(unwrap((await request(SetAreaRestrictionsDocument, { numberId: routing.numberId, allowed, refused })).setAreaRestrictions));
      setErrors({});
      message.success("地区限制已保存");
    } catch (e) {
      const { byField, rest } = splitErrors(e, (err) => (err.field === "allowed" || err.field === "refused" ? err.field : null));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title="来电地区">
      <Form layout="vertical">
        <Form.Item label="只允许这些地区来电(不选为全国)" extra="可选整个省、市或单个区号。" {...status(errors.allowed)}>
          <div role="group" aria-label="只允许这些地区来电">
            <AreaPicker value={allowed} onChange={setAllowed} />
          </div>
        </Form.Item>
        <Form.Item label="拒绝这些地区来电" extra="被拒绝地区的来电者听到“对不起,您要的电话忙!”。" {...status(errors.refused)}>
          <div role="group" aria-label="拒绝这些地区来电">
            <AreaPicker value={refused} onChange={setRefused} />
          </div>
        </Form.Item>
        {errors.form?.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.form.join(";")} /> : null}
        <Button loading={busy} onClick={save}>
          保存地区限制
        </Button>
      </Form>
    </Card>
  );
}

function CallerListCard({ routing }: { routing: Routing }) {
  const { message } = App.useApp();
  const store = useSaveRouting(routing.numberId);
  const [mode, setMode] = useState<CallerListMode>(routing.listMode);
  const [text, setText] = useState(routing.listEntries.join("\n"));
  const [paste, setPaste] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState<"save" | "import" | null>(null);
  const fieldOf = (into: string) => (err: FieldError) => (err.field === "text" ? into : null);

  async function save() {
    setBusy("save");
    try {
      const saved = unwrap((await request(SetCallerListDocument, { numberId: routing.numberId, mode, text })).setCallerList);
      store(saved);
      setText(saved.listEntries.join("\n"));
      setErrors({});
      message.success("黑白名单已保存");
    } catch (e) {
      const { byField, rest } = splitErrors(e, fieldOf("text"));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(null);
    }
  }

  async function importLines() {
    setBusy("import");
    try {
      const saved = unwrap((await request(AddCallerListEntriesDocument, { numberId: routing.numberId, text: paste })).addCallerListEntries);
      store(saved);
      const added = saved.listEntries.length - routing.listEntries.length;
      setText(saved.listEntries.join("\n"));
      setPaste("");
      setErrors({});
      message.success(`已导入,名单现有 ${saved.listEntries.length} 个号码${added >= 0 ? `(新增 ${added} 个)` : ""}`);
    } catch (e) {
      const { byField, rest } = splitErrors(e, fieldOf("paste"));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title="黑白名单">
      <Form layout="vertical">
        <Form.Item label="名单类型" extra={mode === "BLACK" ? "名单中的号码不能拨打本号码,来电者听到“您无权拨打该号码”。" : mode === "WHITE" ? "只有名单中的号码可以拨打本号码。" : "不限制来电号码。"}>
          <Radio.Group
            aria-label="名单类型"
            value={mode}
            onChange={(e) => setMode(e.target.value as CallerListMode)}
            options={[
              { value: "OFF", label: "不启用" },
              { value: "BLACK", label: "黑名单" },
              { value: "WHITE", label: "白名单" },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={`名单号码(每行一个,共 ${routing.listEntries.length} 个已保存)`}
          extra="填写完整号码(手机号不加0)或号码开头(区号或号段,如 0755、1391),不支持号码结尾。"
          {...status(errors.text, mode === "WHITE" && !text.trim() ? ["白名单为空:任何人都无法拨打该号码"] : undefined)}
        >
          <Input.TextArea aria-label="名单号码" autoSize={{ minRows: 3, maxRows: 10 }} value={text} onChange={(e) => setText(e.target.value)} />
        </Form.Item>
        <Button type="primary" loading={busy === "save"} onClick={save} style={{ marginBottom: 16 }}>
          保存名单
        </Button>
        <Form.Item label="批量导入(粘贴号码,每行一个,加到现有名单中)" {...status(errors.paste)}>
          <Input.TextArea aria-label="批量导入号码" autoSize={{ minRows: 2, maxRows: 8 }} value={paste} placeholder={"13800138000\n0755\n02088886666"} onChange={(e) => setPaste(e.target.value)} />
        </Form.Item>
        {errors.form?.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.form.join(";")} /> : null}
        <Button autoInsertSpace={false} loading={busy === "import"} disabled={!paste.trim()} onClick={importLines}>
          导入
        </Button>
      </Form>
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------
// What happens if … calls at … (whatHappens)

type Simulation = Extract<WhatHappensQuery["whatHappens"], { __typename: "Simulation" }>;
type SimEvent = Simulation["events"][number];

const OUTCOME: Record<string, { text: string; color: string }> = {
  answered: { text: "接通", color: "green" },
  voicemail: { text: "来电者留言", color: "blue" },
  hangup: { text: "未接通,通话结束", color: "orange" },
  rejected: { text: "来电被拒绝", color: "red" },
  loop: { text: "流程循环,已中止", color: "red" },
};
const RING_OUTCOME: Record<string, string> = { answered: "接听", busy: "占线", failed: "无法接通", no_answer: "无人接听" };

/** One line of the timeline in plain words: who rings, what the caller hears, which rule decided. */
function describe(e: SimEvent): { text: string; color: string } {
  switch (e.kind) {
    case "ring":
      // The API's reason adds something only when the phone did not just ring out (a busy landline, R10).
      return {
        text: `呼叫 ${e.number ?? ""},振铃 ${Math.round(e.durationS)} 秒${e.outcome ? `,${RING_OUTCOME[e.outcome] ?? e.outcome}` : ""}${e.outcome === "busy" || e.outcome === "failed" ? `(${e.reason})` : ""}`,
        color: "blue",
      };
    case "hear":
      return { text: `来电者听到:${e.text ? `“${e.text}”` : e.reason || `语音 ${e.prompt ?? ""}`}`, color: "gray" };
    case "answer":
      return { text: e.number ? `${e.number} 接听,开始通话` : "平台应答", color: "green" };
    case "voicemail":
      return { text: `来电者留言(${e.reason})`, color: "blue" };
    case "record":
      return { text: e.outcome === "stop" ? "停止录音" : "开始通话录音", color: "gray" };
    case "hangup":
      return { text: "通话结束", color: "red" };
    case "policy":
      return { text: `检查:${e.reason.replace(/来电类型:(\w+)/, (_, c: string) => `来电类型:${CATEGORY_NAME[c] ?? c}`)}${e.outcome === "refused" ? ",拒绝" : e.outcome === "full" ? ",线路已满" : ",通过"}`, color: e.outcome === "refused" || e.outcome === "full" ? "red" : "gray" };
    case "branch":
      if (e.step.includes("time") || e.node === "hours") return { text: `${e.outcome === "match" ? "工作时间内" : "非工作时间"}(${e.reason})`, color: "gray" };
      return { text: e.reason, color: "gray" };
    default:
      return { text: e.reason || e.kind, color: "gray" };
  }
}

function WhatHappensCard({ routing, runsSimple }: { routing: Routing; runsSimple: boolean }) {
  const now = dayjs().tz(ZONE);
  const [caller, setCaller] = useState("13812345678");
  const [day, setDay] = useState(now.format("YYYY-MM-DD"));
  const [time, setTime] = useState("10:00");
  const [phoneState, setPhoneState] = useState("no_answer");
  const [digits, setDigits] = useState("");
  const [result, setResult] = useState<Simulation | null>(null);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  // The phones the form rings; an editor flow's phones are its own business (they ring unanswered).
  const phones = runsSimple ? phonesOf(routing.simple) : [];
  const flowRuns = Boolean(routing.flowVersionId) && !runsSimple;

  async function ask() {
    const local: Record<string, string[]> = {};
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day)) local.day = ["请选择来电日期"];
    if (!TIME.test(time)) local.time = ["请填写来电时间,例如 13:00"];
    if (!caller.trim()) local.caller = ["请填写来电号码"];
    setErrors(local);
    if (Object.keys(local).length) return;
    setBusy(true);
    try {
      const digits = caller.replace(/\D/g, "");
      const call = {
        caller: caller.trim(),
        category: /^(0?1[3-9]\d{9})$/.test(digits) ? "mobile" : "office",
        at: `${day}T${time}:00`, // Beijing time: the API reads a time without offset as such
        digits: flowRuns ? digits.trim() : "",
        phones: phoneState === "no_answer" ? [] : phones.map((number) => ({ number, state: phoneState, answerAfterS: 5 })),
      };
      setResult(unwrap((await request(WhatHappensDocument, { numberId: routing.numberId, call })).whatHappens));
    } catch (e) {
      setResult(null);
      const { byField, rest } = splitErrors(e, (err) => (err.field === "caller" ? "caller" : err.field === "at" ? "time" : null));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(false);
    }
  }

  const outcome = result ? (OUTCOME[result.outcome] ?? { text: result.outcome, color: "default" }) : null;
  const weekday = "日一二三四五六"[dayjs(day).day()] ?? "";
  return (
    <Card title="如果有人来电,会怎样?">
      <Form layout="vertical" requiredMark={false}>
        <Form.Item label="来电号码" {...status(errors.caller)}>
          <Input aria-label="来电号码" inputMode="tel" value={caller} onChange={(e) => setCaller(e.target.value)} />
        </Form.Item>
        <Row gutter={8}>
          <Col span={14}>
            <Form.Item label={`来电日期${weekday ? `(周${weekday})` : ""}`} {...status(errors.day)}>
              <Input type="date" aria-label="来电日期" value={day} onChange={(e) => setDay(e.target.value)} />
            </Form.Item>
          </Col>
          <Col span={10}>
            <Form.Item label="来电时间" {...status(errors.time)}>
              <Input type="time" aria-label="来电时间" value={time} onChange={(e) => setTime(e.target.value)} />
            </Form.Item>
          </Col>
        </Row>
        {flowRuns ? (
          <Form.Item label="来电者按键(可选)" extra="依次按下的键,例如 1;“-”表示不按键等待超时。">
            <Input aria-label="来电者按键" value={digits} onChange={(e) => setDigits(e.target.value)} style={{ maxWidth: 160 }} />
          </Form.Item>
        ) : null}
        {phones.length ? (
          <Form.Item label="假设被呼叫的电话">
            <Select
              aria-label="假设被呼叫的电话"
              value={phoneState}
              onChange={setPhoneState}
              options={[
                { value: "no_answer", label: "都无人接听" },
                { value: "answer", label: "响铃 5 秒后接听" },
                { value: "busy", label: "都占线" },
              ]}
            />
          </Form.Item>
        ) : null}
        {errors.form?.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.form.join(";")} /> : null}
        <Button type="primary" loading={busy} onClick={ask}>
          查看结果
        </Button>
      </Form>
      {result && outcome ? (
        <section aria-label="来电结果" style={{ marginTop: 16 }}>
          <Typography.Paragraph>
            <Tag color={outcome.color}>{outcome.text}</Tag>
            {result.answeredBy ? `由 ${result.answeredBy} 接听` : null}
            {result.callerProvince ? ` · 来电地区 ${result.callerProvince}${result.callerCity}` : null}
          </Typography.Paragraph>
          {result.rings.length ? (
            <>
              <Typography.Text strong>依次呼叫</Typography.Text>
              <ol aria-label="依次呼叫" style={{ paddingLeft: 20, margin: "4px 0 12px" }}>
                {result.rings.map((r, i) => (
                  <li key={i}>
                    {r.number},振铃 {Math.round(r.durationS)} 秒{r.outcome ? `,${RING_OUTCOME[r.outcome] ?? r.outcome}` : ""}
                  </li>
                ))}
              </ol>
            </>
          ) : (
            <Typography.Paragraph>没有电话振铃。</Typography.Paragraph>
          )}
          <Typography.Text strong>经过</Typography.Text>
          <Timeline
            style={{ marginTop: 8 }}
            items={result.events.map((e) => {
              const d = describe(e);
              return { color: d.color, content: <span>第 {Math.round(e.t)} 秒 · {d.text}</span> };
            })}
          />
        </section>
      ) : null}
    </Card>
  );
}

// ---------------------------------------------------------------------------------------------------
// /numbers/:id

type Mode = "simple" | "flow";

function Fact({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <div data-testid={testId}>
      <span style={{ color: "#595959" }}>{label}:</span>
      {children}
    </div>
  );
}

function NumberDetail({ id }: { id: string }) {
  const detail = useQuery({ queryKey: detailKey(id), queryFn: () => request(NumberDetailDocument, { id }) });
  const routing = detail.data?.numberRouting ?? null;
  const number = detail.data?.number ?? null;
  const running = useRunningVersion(routing?.flowVersionId ?? null);
  const simpleFlowId = (routing?.simple as { flowId?: unknown } | null)?.flowId;
  const runsSimple = Boolean(routing?.flowVersionId && simpleFlowId != null && running.data && String(running.data.flowId) === String(simpleFlowId));
  const currentMode: Mode = !routing?.flowVersionId || runsSimple ? "simple" : "flow";
  const [chosen, setChosen] = useState<Mode | null>(null);
  const mode = chosen ?? currentMode;

  const back = <Link to="/numbers">‹ 返回我的号码</Link>;
  const loadingTitle = <PageTitle title="号码设置" extra={back} />;
  if (detail.isPending || (routing?.flowVersionId && running.isPending)) {
    return (
      <div className="page">
        {loadingTitle}
        <Skeleton active />
      </div>
    );
  }
  if (detail.isError) {
    return (
      <div className="page">
        {loadingTitle}
        <Alert type="error" showIcon title={detail.error.message} />
      </div>
    );
  }
  if (!number || !routing) {
    return (
      <div className="page">
        {loadingTitle}
        <Result status="404" title="未找到该号码" subTitle="号码不存在,或不属于您的账户。" />
      </div>
    );
  }
  const inService = IN_SERVICE.has(number.status);
  return (
    <div className="page">
      <PageTitle
        title={format400(number.number)}
        extra={
          <>
            <Tag color={STATUS_COLOR[number.status]}>{number.statusName}</Tag>
            {back}
          </>
        }
      />
      {/* Wraps by CSS alone: a layout switched by script would overflow a phone until it re-renders. */}
      <div style={{ display: "flex", flexWrap: "wrap", gap: "4px 32px", marginBottom: 16 }}>
        <Fact label="运营商">{number.carrierName}</Fact>
        <Fact label="线路套餐">{packageText(routing)}</Fact>
        <Fact label="当前接听方式" testId="answering">
          {!routing.flowVersionId ? "尚未设置" : runsSimple ? "简单设置" : `语音导航流程「${running.data?.flowName ?? ""}」第 ${running.data?.version ?? "?"} 版`}
        </Fact>
      </div>
      {!inService ? (
        <Alert type="info" showIcon title="号码开通后即可设置接听方式。" />
      ) : (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={15}>
            <Space orientation="vertical" size={16} style={{ width: "100%" }}>
              {!routing.flowVersionId ? <Alert type="warning" showIcon title="该号码还没有设置接听方式,来电无法接通。请填写下面的设置并保存。" /> : null}
              <Space wrap>
                <span id="mode-label">接听方式:</span>
                <Radio.Group
                  aria-labelledby="mode-label"
                  optionType="button"
                  buttonStyle="solid"
                  value={mode}
                  onChange={(e) => setChosen(e.target.value as Mode)}
                  options={[
                    { value: "simple", label: "简单设置" },
                    { value: "flow", label: "语音导航流程" },
                  ]}
                />
              </Space>
              {mode === "simple" ? (
                <SimpleRoutingCard routing={routing} active={runsSimple} replacing={routing.flowVersionId && !runsSimple ? (running.data ?? null) : null} onSaved={() => setChosen(null)} />
              ) : (
                <FlowCard routing={routing} runsSimple={runsSimple} running={running.data ?? null} onSwitched={() => setChosen(null)} />
              )}
              <CallerListCard routing={routing} />
              <AreasCard routing={routing} />
              <CategoriesCard routing={routing} />
              <MissedCallSmsCard numberId={routing.numberId} />
            </Space>
          </Col>
          <Col xs={24} xl={9}>
            <WhatHappensCard routing={routing} runsSimple={runsSimple} />
          </Col>
        </Row>
      )}
    </div>
  );
}

export default function NumbersPage({ path }: PageProps) {
  const params = match("/numbers/:id", path);
  return params ? <NumberDetail key={params.id} id={params.id} /> : <NumberList />;
}
