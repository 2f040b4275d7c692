// 费用中心 → 通话统计: where callers call from (by province) and when (by hour of the day, Beijing time),
// over a chosen period and number: for staffing the phones and planning area routing.
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, DatePicker, Form, Row, Select, Table, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { request } from "../api/client";
import { yuan, ZONE } from "../format";
import { MoneyNumbersDocument, PortalCallStatisticsDocument } from "../gql/graphql";
import { errorMessage } from "../ui/errors";

type Tally = { calls: number; answered: number; missed: number; minutes: number; chargeFen: number };
const ZERO: Tally = { calls: 0, answered: 0, missed: 0, minutes: 0, chargeFen: 0 };

function add(a: Tally, b: Tally): Tally {
  return { calls: a.calls + b.calls, answered: a.answered + b.answered, missed: a.missed + b.missed, minutes: a.minutes + b.minutes, chargeFen: a.chargeFen + b.chargeFen };
}

function percent(part: number, whole: number): string {
  return whole ? `${Math.round((part / whole) * 100)}%` : "—";
}

/** A bar under a count, scaled to the busiest row: the shape of the day at a glance. */
function Bar({ value, max, label }: { value: number; max: number; label: string }) {
  return (
    <div style={{ display: "flex", alignItems: "center", gap: 8, minWidth: 140 }}>
      <span style={{ width: 36, textAlign: "right" }}>{value}</span>
      <div aria-hidden="true" style={{ flex: 1, background: "#f0f0f0", height: 10, borderRadius: 2 }} title={label}>
        <div style={{ width: `${max ? (value / max) * 100 : 0}%`, background: "#1464c8", height: "100%", borderRadius: 2 }} />
      </div>
    </div>
  );
}

export function CallStatisticsPanel() {
  const [range, setRange] = useState<[Dayjs, Dayjs]>(() => [dayjs().tz(ZONE).subtract(29, "day"), dayjs().tz(ZONE)]);
  const [numberId, setNumberId] = useState<string | null>(null);
  const numbers = useQuery({ queryKey: ["moneyNumbers"], queryFn: () => request(MoneyNumbersDocument) });
  const since = dayjs.tz(range[0].format("YYYY-MM-DD"), ZONE);
  const until = dayjs.tz(range[1].format("YYYY-MM-DD"), ZONE).add(1, "day");
  const stats = useQuery({
    queryKey: ["callStatistics", since.toISOString(), until.toISOString(), numberId],
    queryFn: async () =>
      (await request(PortalCallStatisticsDocument, { since: since.toISOString(), until: until.toISOString(), bucket: "HOUR", numberId })).callStatistics,
  });
  const hours = Array.from({ length: 24 }, (_, hour) => ({ hour, ...ZERO }));
  for (const p of stats.data?.periods ?? []) {
    const h = dayjs(p.periodStart).tz(ZONE).hour();
    hours[h] = { ...add(hours[h], p.totals), hour: h };
  }
  const busiest = Math.max(0, ...hours.map((h) => h.calls));
  const provinces = stats.data?.provinces ?? [];
  const topProvince = Math.max(0, ...provinces.map((p) => p.totals.calls));
  const total = hours.reduce((sum, h) => sum + h.calls, 0);

  return (
    <>
      <Form layout="inline" style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item label="日期">
          <DatePicker.RangePicker
            aria-label="统计日期"
            allowClear={false}
            value={range}
            onChange={(v) => v?.[0] && v[1] && setRange([v[0], v[1]])}
            disabledDate={(d) => d.isAfter(dayjs().tz(ZONE), "day")}
          />
        </Form.Item>
        <Form.Item label="号码">
          <Select
            aria-label="统计号码"
            allowClear
            placeholder="全部号码"
            style={{ width: 170 }}
            value={numberId ?? undefined}
            onChange={(v?: string) => setNumberId(v ?? null)}
            options={numbers.data?.numbers.edges.map((e) => ({ value: e.node.id, label: e.node.display })) ?? []}
          />
        </Form.Item>
      </Form>
      {stats.error ? <Alert type="error" showIcon title={errorMessage(stats.error)} style={{ marginBottom: 12 }} /> : null}
      <Typography.Paragraph type="secondary">
        {range[0].format("YYYY-MM-DD")} 至 {range[1].format("YYYY-MM-DD")}(北京时间)共 {total} 通来电
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title="按来电省份">
            <div className="table-scroll">
              <Table
                rowKey="province"
                size="small"
                scroll={{ x: "max-content" }}
                loading={stats.isPending}
                dataSource={provinces}
                pagination={false}
                locale={{ emptyText: "该时段没有来电" }}
                columns={[
                  { title: "省份", dataIndex: "province" },
                  { title: "来电", key: "calls", render: (_, p) => <Bar value={p.totals.calls} max={topProvince} label={`${p.province} ${p.totals.calls} 通`} /> },
                  { title: "接通", key: "answered", align: "right", render: (_, p) => p.totals.answered },
                  { title: "漏接", key: "missed", align: "right", render: (_, p) => p.totals.missed },
                  { title: "接通率", key: "rate", align: "right", render: (_, p) => percent(p.totals.answered, p.totals.calls) },
                  { title: "通话分钟", key: "minutes", align: "right", render: (_, p) => p.totals.minutes.toFixed(1) },
                  { title: "费用", key: "charge", align: "right", render: (_, p) => yuan(p.totals.chargeFen) },
                ]}
              />
            </div>
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title="按来电时段(北京时间)">
            <div className="table-scroll">
              <Table
                rowKey="hour"
                size="small"
                scroll={{ x: "max-content" }}
                loading={stats.isPending}
                dataSource={hours}
                pagination={false}
                columns={[
                  { title: "时段", key: "hour", render: (_, h) => `${String(h.hour).padStart(2, "0")}:00–${String(h.hour + 1).padStart(2, "0")}:00` },
                  { title: "来电", key: "calls", render: (_, h) => <Bar value={h.calls} max={busiest} label={`${h.hour} 点 ${h.calls} 通`} /> },
                  { title: "接通", dataIndex: "answered", align: "right" },
                  { title: "漏接", dataIndex: "missed", align: "right" },
                  { title: "接通率", key: "rate", align: "right", render: (_, h) => percent(h.answered, h.calls) },
                ]}
              />
            </div>
          </Card>
        </Col>
      </Row>
    </>
  );
}
