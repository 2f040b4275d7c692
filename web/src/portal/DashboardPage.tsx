// The customer's first screen: numbers, balance, today's calls and missed calls, the latest voicemail,
// and calls per day for the last 30 days.
import { useQueries, useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, List, Row, Skeleton, Statistic, Table, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { lazy, Suspense, useMemo } from "react";
import { request } from "../api/client";
import { date, dateTime, maskPhone, yuan, ZONE } from "../format";
import { DashboardDocument, DashboardLinesDocument, type LinePackage, type NumberStatus } from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { useOwnPhones } from "./ownPhones";
import { link } from "../ui/AppLink";
import { callsPerDay } from "./calls";
import { errorMessage } from "../ui/errors";

const CallsChart = lazy(() => import("./CallsChart"));

const DAYS = 30;
const STATUS_COLOUR: Partial<Record<NumberStatus, string>> = {
  ACTIVE: "green",
  SUSPENDED: "red",
  APPLIED: "blue",
  RESERVED: "gold",
};
const PACKAGE_NAME: Record<LinePackage, string> = { SWITCHBOARD: "总机套餐", TRUNK: "中继套餐" };

export default function DashboardPage(_: PageProps) {
  const own = useOwnPhones();
  const today = dayjs().tz(ZONE).startOf("day");
  const first = today.subtract(DAYS - 1, "day");
  const since = first.toISOString();
  const until = today.add(1, "day").toISOString();
  const board = useQuery({
    queryKey: ["dashboard", since],
    queryFn: () => request(DashboardDocument, { since, until }),
  });
  const numbers = board.data?.me.account?.numbers.edges.map((e) => e.node) ?? [];
  const lines = useQueries({
    queries: numbers
      .filter((n) => n.status === "ACTIVE" || n.status === "SUSPENDED")
      .map((n) => ({
        queryKey: ["dashboardLines", n.id],
        queryFn: async () => (await request(DashboardLinesDocument, { numberId: n.id })).numberRouting,
      })),
  });
  const days = useMemo(
    () => callsPerDay(board.data?.callStatistics.periods ?? [], first.format("YYYY-MM-DD"), today.format("YYYY-MM-DD")),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [board.data, since],
  );

  if (board.error) return <Alert type="error" showIcon title={`概览加载失败:${errorMessage(board.error)}`} />;
  if (!board.data) return <Skeleton active />;
  const account = board.data.me.account;
  const todays = days[days.length - 1];
  const routing = new Map(lines.flatMap((q) => (q.data ? [[q.data.numberId, q.data] as const] : [])));
  const voicemail = board.data.recordings.edges.map((e) => e.node);

  return (
    <div className="page">
      <PageTitle title="概览" />
      <Row gutter={[16, 16]}>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="账户余额" value={account ? yuan(account.balanceFen) : "—"} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="在用号码" value={numbers.filter((n) => n.status === "ACTIVE").length} suffix="个" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="今日来电" value={todays?.calls ?? 0} suffix="通" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card>
            <Statistic title="今日漏接" value={todays?.missed ?? 0} suffix="通" />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card title={`近 ${DAYS} 天来电`}>
            <Suspense fallback={<Skeleton active />}>
              <CallsChart days={days} />
            </Suspense>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title="最新留言" extra={<a href="/recordings" onClick={link("/recordings")}>全部录音与留言</a>}>
            <List
              dataSource={voicemail}
              locale={{ emptyText: "暂无留言" }}
              renderItem={(v) => (
                <List.Item>
                  <List.Item.Meta
                    title={`${maskPhone(v.caller, own)} → ${v.display}`}
                    description={`${dateTime(v.startedAt)} · ${v.state === "PENDING" ? "处理中" : v.state === "FAILED" ? "处理失败" : `${Math.round(v.durationSeconds)} 秒`}`}
                  />
                  {v.playUrl ? <audio controls preload="none" src={v.playUrl} aria-label={`播放 ${dateTime(v.startedAt)} 的留言`} /> : null}
                </List.Item>
              )}
            />
          </Card>
        </Col>
        <Col xs={24}>
          <Card title="我的号码" extra={<a href="/choose" onClick={link("/choose")}>选号</a>}>
            {numbers.length === 0 ? (
              <Typography.Paragraph>
                还没有号码。<a href="/choose" onClick={link("/choose")}>去选一个 400 号码</a>
              </Typography.Paragraph>
            ) : (
              <div className="table-scroll">
                <Table
                  rowKey="id"
          scroll={{ x: "max-content" }}
                  size="small"
                  pagination={false}
                  dataSource={numbers}
                  columns={[
                    {
                      title: "号码",
                      key: "display",
                      render: (_, n) => (
                        <a href={`/numbers/${n.id}`} onClick={link(`/numbers/${n.id}`)}>
                          {n.display}
                        </a>
                      ),
                    },
                    { title: "状态", key: "status", render: (_, n) => <Tag color={STATUS_COLOUR[n.status]}>{n.statusName}</Tag> },
                    { title: "套餐", key: "package", render: (_, n) => { const r = routing.get(n.id); return r ? PACKAGE_NAME[r.package] : "—"; } },
                    {
                      title: "并发线路",
                      key: "lines",
                      render: (_, n) => {
                        const r = routing.get(n.id);
                        return r ? (r.maxLines === null || r.maxLines === undefined ? "不限" : `${r.maxLines} 路`) : "—";
                      },
                    },
                  ]}
                />
              </div>
            )}
          </Card>
        </Col>
      </Row>
      <Typography.Paragraph type="secondary" style={{ marginTop: 16 }}>
        统计 {date(since)} 至今(北京时间),通话由话务平台实时上报。
      </Typography.Paragraph>
    </div>
  );
}
