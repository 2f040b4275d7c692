// The self-service routing form's card (saveSimpleRouting).
import { DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Checkbox, Col, Form, Input, Radio, Row, Select, Space, Switch, Tag } from "antd";
import { useMemo, useState } from "react";
import { request, unwrap, UserErrorsError } from "../../api/client";
import { AreaRoutesField } from "../SimpleAreaRoutes";
import { WeekGrid } from "../../ui/WeekGrid";
import { ApprovedRingbacksDocument, ValidateFlowDocument, SaveSimpleRoutingDocument, SwitchNumberFlowDocument, type AfterHoursAction, type NumberDetailQuery } from "../../gql/graphql";
import { errorMessage } from "../../ui/errors";
import { ForwardField, PhoneRows } from "./PhoneRows";
import { status } from "./fieldStatus";
import { detailKey, type Routing, type Running } from "./routing";
import { fieldFor, formOf, inputOf, NEW_WINDOW, plainAdvice, TIME, WEEKDAYS, type Diagnostic, type Hours, type SimpleForm } from "./simpleForm";

/** "语音导航流程「客服菜单」第 2 版": a designed flow's version as the number page names it. */
function flowVersionName(v: { flowName: string; version: number }): string {
  return `语音导航流程「${v.flowName}」第 ${v.version} 版`;
}

export function SimpleRoutingCard({
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
