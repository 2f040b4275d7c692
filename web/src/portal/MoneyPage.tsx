// 费用中心: the balance and its ledger, monthly statements (CSV/PDF) and call records with filters and CSV export.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Alert, Button, Card, DatePicker, Form, Input, Select, Space, Statistic, Table, Tabs, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { request } from "../api/client";
import { dateTime, format400, maskPhone, yuan, ZONE } from "../format";
import {
  MoneyCallsDocument,
  MoneyLedgerDocument,
  MoneyNumbersDocument,
  MoneyStatementsDocument,
  type CallDisposition,
  type LedgerEntryKind,
} from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { BillingContactsCard } from "./BillingContactsCard";
import { CallStatisticsPanel } from "./CallStatisticsPanel";
import { orderFromSorter, sortable } from "./listOrder";
import { useOwnPhones } from "./ownPhones";
import { errorMessage } from "../ui/errors";

const KIND_NAME: Record<LedgerEntryKind, string> = {
  RECHARGE: "充值",
  CALL_CHARGE: "通话费",
  RINGBACK_FEE: "彩铃审核费",
  LINE_FEE: "线路费",
  SMS_FEE: "短信费",
  ADJUSTMENT: "调账",
};

const DISPOSITION_NAME: Record<CallDisposition, string> = {
  ANSWERED: "已接通",
  BUSY: "忙",
  NO_ANSWER: "无人接听",
  VOICEMAIL: "留言",
  REFUSED_LIST: "黑白名单拒接",
  REFUSED_AREA: "地区拒接",
  REFUSED_CATEGORY: "号码类型拒接",
  SUSPENDED: "停机提示",
  FAILED: "失败",
};

function Amount({ fen }: { fen: number }) {
  return <span style={{ color: fen < 0 ? "#a8071a" : fen > 0 ? "#237804" : undefined }}>{fen > 0 ? `+${yuan(fen)}` : yuan(fen)}</span>;
}

function Ledger() {
  const [order, setOrder] = useState("-createdAt");
  const ledger = useInfiniteQuery({
    queryKey: ["moneyLedger", order],
    queryFn: ({ pageParam }) => request(MoneyLedgerDocument, { after: pageParam, order }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.ledgerEntries.pageInfo.hasNextPage ? last.ledgerEntries.pageInfo.endCursor : null),
  });
  if (ledger.error) return <Alert type="error" showIcon title={errorMessage(ledger.error)} />;
  const rows = ledger.data?.pages.flatMap((p) => p.ledgerEntries.edges.map((e) => e.node)) ?? [];
  const balance = ledger.data?.pages[0].me.account?.balanceFen;
  return (
    <>
      <Card style={{ marginBottom: 16 }}>
        <Space wrap size="large" align="end">
          <Statistic title="当前余额" value={balance === undefined ? "—" : yuan(balance)} />
          <Typography.Text type="secondary">充值请联系客户经理或对公转账,到账后在此显示。</Typography.Text>
        </Space>
      </Card>
      <div className="table-scroll">
        <Table
          rowKey="id"
          scroll={{ x: "max-content" }}
          size="small"
          loading={ledger.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: "暂无收支记录" }}
          onChange={(_, __, sorter) => setOrder(orderFromSorter(sorter, "-createdAt"))}
          columns={[
            { title: "时间", ...sortable(order, "createdAt"), render: (_, r) => dateTime(r.createdAt) },
            { title: "类型", key: "kind", render: (_, r) => <Tag>{KIND_NAME[r.kind]}</Tag> },
            { title: "金额", key: "amount", align: "right", render: (_, r) => <Amount fen={r.amountFen} /> },
            { title: "说明", dataIndex: "description" },
            { title: "凭证", dataIndex: "referenceLabel" },
          ]}
        />
      </div>
      {ledger.hasNextPage ? (
        <Button style={{ marginTop: 12 }} loading={ledger.isFetchingNextPage} onClick={() => ledger.fetchNextPage()}>
          加载更多
        </Button>
      ) : null}
    </>
  );
}

function Statements() {
  const [order, setOrder] = useState("-month");
  const statements = useInfiniteQuery({
    queryKey: ["moneyStatements", order],
    queryFn: ({ pageParam }) => request(MoneyStatementsDocument, { after: pageParam, order }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.statements.pageInfo.hasNextPage ? last.statements.pageInfo.endCursor : null),
  });
  if (statements.error) return <Alert type="error" showIcon title={errorMessage(statements.error)} />;
  const rows = statements.data?.pages.flatMap((p) => p.statements.edges.map((e) => e.node)) ?? [];
  return (
    <div className="table-scroll">
      <Table
        onChange={(_, __, sorter) => setOrder(orderFromSorter(sorter, "-month"))}
        rowKey="id"
          scroll={{ x: "max-content" }}
        size="small"
        loading={statements.isPending}
        dataSource={rows}
        pagination={false}
        locale={{ emptyText: "月度账单将在每月初出具" }}
        columns={[
          { title: "月份", dataIndex: "month", ...sortable(order, "month") },
          { title: "期初", key: "opening", align: "right", render: (_, s) => yuan(s.openingFen) },
          { title: "充值", key: "recharges", align: "right", render: (_, s) => yuan(s.rechargesFen) },
          { title: "通话费", key: "calls", align: "right", render: (_, s) => yuan(s.callChargesFen) },
          { title: "其他费用", key: "fees", align: "right", render: (_, s) => yuan(s.feesFen) },
          { title: "期末", key: "closing", align: "right", render: (_, s) => yuan(s.closingFen) },
          { title: "计费通话", key: "count", align: "right", render: (_, s) => `${s.calls} 通` },
          {
            title: "下载",
            key: "download",
            render: (_, s) => (
              <Space>
                <a href={s.csvUrl} download aria-label={`下载 ${s.month} 账单 CSV`}>
                  CSV
                </a>
                <a href={s.pdfUrl} download aria-label={`下载 ${s.month} 账单 PDF`}>
                  PDF
                </a>
              </Space>
            ),
          },
        ]}
      />
      {statements.hasNextPage ? (
        <Button style={{ marginTop: 12 }} loading={statements.isFetchingNextPage} onClick={() => statements.fetchNextPage()}>
          加载更多
        </Button>
      ) : null}
    </div>
  );
}

type CallFilters = { numberId?: string; range?: [Dayjs | null, Dayjs | null] | null; caller?: string; disposition?: CallDisposition };

/** The filters as API variables (and as the query string of /calls.csv, which takes the same names). */
function callVariables(f: CallFilters) {
  return {
    numberId: f.numberId || null,
    since: f.range?.[0] ? f.range[0].tz(ZONE, true).startOf("day").toISOString() : null,
    until: f.range?.[1] ? f.range[1].tz(ZONE, true).add(1, "day").startOf("day").toISOString() : null,
    caller: f.caller?.trim() || null,
    disposition: f.disposition ?? null,
  };
}

function csvLink(f: CallFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(callVariables(f))) if (v) params.set(k, k === "disposition" ? v.toLowerCase() : v);
  const query = params.toString();
  return `/calls.csv${query ? `?${query}` : ""}`;
}

function Calls() {
  const [filters, setFilters] = useState<CallFilters>({});
  const numbers = useQuery({ queryKey: ["moneyNumbers"], queryFn: () => request(MoneyNumbersDocument) });
  const own = useOwnPhones();
  const [order, setOrder] = useState("-startedAt");
  const calls = useInfiniteQuery({
    queryKey: ["moneyCalls", callVariables(filters), order],
    queryFn: ({ pageParam }) => request(MoneyCallsDocument, { ...callVariables(filters), order, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.callRecords.pageInfo.hasNextPage ? last.callRecords.pageInfo.endCursor : null),
  });
  const rows = calls.data?.pages.flatMap((p) => p.callRecords.edges.map((e) => e.node)) ?? [];
  return (
    <>
      <Form layout="inline" onFinish={(values: CallFilters) => setFilters(values)} style={{ marginBottom: 12, rowGap: 8 }}>
        <Form.Item name="numberId" label="号码">
          <Select
            allowClear
            placeholder="全部号码"
            style={{ width: 170 }}
            options={numbers.data?.numbers.edges.map((e) => ({ value: e.node.id, label: e.node.display })) ?? []}
          />
        </Form.Item>
        <Form.Item name="range" label="日期">
          <DatePicker.RangePicker allowEmpty={[true, true]} />
        </Form.Item>
        <Form.Item name="caller" label="主叫号码">
          <Input placeholder="号码或开头几位" style={{ width: 150 }} />
        </Form.Item>
        <Form.Item name="disposition" label="结果">
          <Select
            allowClear
            placeholder="全部"
            style={{ width: 140 }}
            options={Object.entries(DISPOSITION_NAME).map(([value, label]) => ({ value, label }))}
          />
        </Form.Item>
        <Space wrap>
          <Button type="primary" htmlType="submit">
            查询
          </Button>
          <a className="ant-btn" href={csvLink(filters)} download>
            导出 CSV
          </a>
        </Space>
      </Form>
      {calls.error ? <Alert type="error" showIcon title={errorMessage(calls.error)} /> : null}
      <Typography.Paragraph type="secondary">共 {calls.data?.pages[0].callRecords.totalCount ?? "…"} 条通话记录</Typography.Paragraph>
      <div className="table-scroll">
        <Table
          rowKey="id"
          scroll={{ x: "max-content" }}
          size="small"
          loading={calls.isPending}
          dataSource={rows}
          pagination={false}
          locale={{ emptyText: "没有符合条件的通话" }}
          onChange={(_, __, sorter) => setOrder(orderFromSorter(sorter, "-startedAt"))}
          columns={[
            { title: "开始时间", ...sortable(order, "startedAt"), render: (_, c) => dateTime(c.startedAt) },
            { title: "被叫号码", key: "number", render: (_, c) => format400(c.number) },
            { title: "主叫", key: "caller", render: (_, c) => `${maskPhone(c.caller, own) || "未知"}${c.callerProvince ? `(${c.callerProvince})` : ""}` },
            { title: "结果", key: "disposition", render: (_, c) => <Tag color={c.disposition === "ANSWERED" ? "green" : "orange"}>{DISPOSITION_NAME[c.disposition]}</Tag> },
            // The phone that answered is always one of the customer's own: shown in full.
            { title: "接听电话", key: "answered", render: (_, c) => c.answeredPhone || "—" },
            { title: "通话时长", ...sortable(order, "talkSeconds"), align: "right", render: (_, c) => `${c.talkSeconds} 秒` },
            { title: "费用", ...sortable(order, "chargeFen"), align: "right", render: (_, c) => yuan(c.chargeFen) },
          ]}
        />
      </div>
      {calls.hasNextPage ? (
        <Button style={{ marginTop: 12 }} loading={calls.isFetchingNextPage} onClick={() => calls.fetchNextPage()}>
          加载更多
        </Button>
      ) : null}
    </>
  );
}

export default function MoneyPage(_: PageProps) {
  return (
    <div className="page">
      <PageTitle title="费用中心" />
      <Tabs
        items={[
          { key: "ledger", label: "收支明细", children: <Ledger /> },
          { key: "statements", label: "月度账单", children: <Statements /> },
          { key: "calls", label: "通话记录", children: <Calls /> },
          { key: "statistics", label: "通话统计", children: <CallStatisticsPanel /> },
          { key: "notices", label: "余额提醒", children: <BillingContactsCard /> },
        ]}
      />
    </div>
  );
}
