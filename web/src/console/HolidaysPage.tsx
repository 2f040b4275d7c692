// The holiday table on a year view: the bundled official schedule, and the operator's own holidays and
// make-up workdays (调休) on top of it. Reservations (R2) and every number's plan count days on this.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Form, Input, Modal, Radio, Space, Spin, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import { ConsoleDeleteHolidayDocument, ConsoleHolidaysDocument, ConsoleSetHolidayDocument } from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { match, navigate } from "../router";
import { describeDay, isoDay, isWeekend, monthCells, type DayInfo } from "./holidayCalendar";
import "./holidays.css";
import { errorMessage, showErrors } from "../ui/errors";

const WEEKDAYS = ["一", "二", "三", "四", "五", "六", "日"];

type Choice = "holiday" | "workday" | "default";

function Month({
  year,
  month,
  bundled,
  own,
  onPick,
}: {
  year: number;
  month: number;
  bundled: Map<string, DayInfo>;
  own: Map<string, DayInfo>;
  onPick: (day: string) => void;
}) {
  const cells = monthCells(year, month);
  const weeks: (number | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return (
    <table className="holiday-month">
      <caption>{month + 1}月</caption>
      <thead>
        <tr>
          {WEEKDAYS.map((w) => (
            <th key={w} scope="col">
              {w}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {weeks.map((week, i) => (
          <tr key={i}>
            {Array.from({ length: 7 }, (_, j) => {
              const day = week[j];
              if (!day) return <td key={j} />;
              const key = isoDay(year, month, day);
              const { kind, own: mine, label } = describeDay(isWeekend(year, month, day), bundled.get(key), own.get(key));
              const cls = `day ${kind}${mine ? " own" : ""}`;
              const mark = kind === "holiday" ? "休" : kind === "makeup" ? "班" : "";
              return (
                <td key={j}>
                  {/* The name is the content, so screen readers hear the whole date and what it is. */}
                  <button type="button" className={cls} title={label} onClick={() => onPick(key)}>
                    <span aria-hidden="true">{day}</span>
                    <span className="sr-only">{`${month + 1}月${day}日 ${label}`}</span>
                    {mark ? (
                      <span className="day-mark" aria-hidden="true">
                        {mark}
                      </span>
                    ) : null}
                  </button>
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

type EditForm = { choice: Choice; name: string };

function DayModal({
  day,
  bundled,
  own,
  onClose,
}: {
  day: string | null;
  bundled: DayInfo | undefined;
  own: DayInfo | undefined;
  onClose: () => void;
}) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<EditForm>();
  const [busy, setBusy] = useState(false);
  const choice = Form.useWatch("choice", form);

  async function submit(values: EditForm) {
    if (!day) return;
    setBusy(true);
    try {
      if (values.choice === "default") {
        await request(ConsoleDeleteHolidayDocument, { day });
        message.success(`${day} 已恢复为默认日历`);
      } else {
        unwrap((await request(ConsoleSetHolidayDocument, { day, workday: values.choice === "workday", name: values.name ?? "" })).setHolidayOverride);
        message.success(`${day} 已设为${values.choice === "workday" ? "调休上班" : "节假日"}`);
      }
      await queryClient.invalidateQueries({ queryKey: ["console", "holidays"] });
      onClose();
    } catch (e) {
      const rest = showErrors(form, e, { name: "name" });
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  const initial: EditForm = { choice: own ? (own.workday ? "workday" : "holiday") : "default", name: own?.name ?? "" };
  return (
    <Modal title={day ? `设置 ${day}` : "设置日期"} open={day !== null} onCancel={onClose} onOk={() => form.submit()} okText="保存" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Typography.Paragraph type="secondary">
        默认日历:{bundled ? `${bundled.workday ? "调休上班" : "节假日"}(${bundled.name})` : "按周一至周五上班"}
      </Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={initial} preserve={false}>
        <Form.Item name="choice" label="这一天">
          <Radio.Group
            options={[
              { value: "holiday", label: "节假日(休息)" },
              { value: "workday", label: "调休上班" },
              { value: "default", label: "按默认日历" },
            ]}
          />
        </Form.Item>
        {choice !== "default" ? (
          <Form.Item name="name" label="名称(可选)" rules={[{ max: 50, message: "名称不能超过50个字" }]}>
            <Input placeholder="例如 春节" autoComplete="off" />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}

export default function HolidaysPage({ path }: PageProps) {
  const thisYear = Number(new Intl.DateTimeFormat("en", { timeZone: "Asia/Shanghai", year: "numeric" }).format(new Date()));
  const param = match("/holidays/:year", path)?.year;
  const year = param && /^\d{4}$/.test(param) ? Number(param) : thisYear;
  const [picked, setPicked] = useState<string | null>(null);
  const data = useQuery({ queryKey: ["console", "holidays", year], queryFn: () => request(ConsoleHolidaysDocument, { year }) });

  const bundled = new Map<string, DayInfo>((data.data?.bundledHolidays.days ?? []).map((d) => [d.day, d]));
  const own = new Map<string, DayInfo>((data.data?.holidayOverrides ?? []).map((d) => [d.day, d]));
  const go = (y: number) => navigate(`/holidays/${y}`);

  return (
    <div className="page">
      <PageTitle
        title="节假日设置"
        extra={
          <Space>
            <Button onClick={() => go(year - 1)} disabled={year <= 2000}>
              上一年
            </Button>
            <Typography.Text strong style={{ fontSize: 18 }}>
              {year}年
            </Typography.Text>
            <Button onClick={() => go(year + 1)} disabled={year >= 2100}>
              下一年
            </Button>
          </Space>
        }
      />
      <Typography.Paragraph>
        预占期(两个工作日)与各号码的节假日路由按此日历计算。点击日期可设为节假日或调休上班,自定义设置优先于默认日历。
      </Typography.Paragraph>
      <Space wrap className="holiday-legend" style={{ marginBottom: 12 }}>
        <span>
          <span className="day holiday legend-swatch">休</span> 节假日
        </span>
        <span>
          <span className="day makeup legend-swatch">班</span> 调休上班
        </span>
        <span>
          <span className="day weekend legend-swatch">六</span> 周末
        </span>
        <span>
          <span className="day own legend-swatch">自</span> 自定义(加粗边框)
        </span>
      </Space>
      {data.data && !data.data.bundledHolidays.covered ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title={`系统自带日历尚无 ${year} 年的官方安排:未自定义的日子按周一至周五上班计算,请在国务院公布安排后录入节假日和调休。`}
        />
      ) : null}
      {data.isError ? <Alert type="error" showIcon title={errorMessage(data.error)} /> : null}
      {data.isPending ? (
        <Spin />
      ) : (
        <div className="holiday-year" aria-label={`${year}年日历`} role="group">
          {Array.from({ length: 12 }, (_, m) => (
            <Month key={m} year={year} month={m} bundled={bundled} own={own} onPick={setPicked} />
          ))}
        </div>
      )}
      {own.size ? (
        <div style={{ marginTop: 16 }}>
          <Typography.Title level={3} style={{ fontSize: 16 }}>
            {year}年自定义
          </Typography.Title>
          <ul aria-label="自定义日期">
            {[...own.entries()].map(([day, info]) => (
              <li key={day}>
                {day} {info.workday ? "调休上班" : "节假日"}
                {info.name ? `(${info.name})` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <DayModal key={picked ?? ""} day={picked} bundled={picked ? bundled.get(picked) : undefined} own={picked ? own.get(picked) : undefined} onClose={() => setPicked(null)} />
    </div>
  );
}
