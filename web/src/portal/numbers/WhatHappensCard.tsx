// What happens if someone calls at a given time (whatHappens), as a timeline in plain words.
import { Alert, Button, Card, Col, Form, Input, Row, Select, Tag, Timeline, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { request, unwrap } from "../../api/client";
import { ZONE } from "../../format";
import { WhatHappensDocument, type WhatHappensQuery } from "../../gql/graphql";
import { splitErrors } from "../../ui/errors";
import { CATEGORY_NAME } from "./categories";
import { status } from "./fieldStatus";
import type { Routing } from "./routing";
import { phonesOf, TIME } from "./simpleForm";

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

export function WhatHappensCard({ routing, runsSimple }: { routing: Routing; runsSimple: boolean }) {
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
