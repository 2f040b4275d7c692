// Choosing a number: search the inventory, reserve one free for two working days, then apply for it.
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Empty, Form, Input, Popconfirm, Row, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import {
  AvailableNumbersDocument,
  ChoiceGradesDocument,
  MyHoldsDocument,
  ReleaseHoldDocument,
  ReserveNumberDocument,
  type ApplicationStatus,
  type Carrier,
  type ChoiceNumberFragment,
  type Grade,
  type HoldFieldsFragment,
  type NumberSearch,
} from "../gql/graphql";
import { yuan } from "../format";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { link } from "../ui/AppLink";
import { Countdown, holdEnd, HOLDS_KEY } from "./holds";
import { errorMessage } from "../ui/errors";

const PAGE = 24;

const CARRIERS: { value: Carrier; label: string }[] = [
  { value: "TELECOM", label: "中国电信" },
  { value: "UNICOM", label: "中国联通" },
  { value: "MOBILE", label: "中国移动" },
];

type SearchForm = { prefix?: string; contains?: string; carrier?: Carrier; grade?: Grade };

function cleaned(values: SearchForm): NumberSearch {
  const digits = (s?: string) => (s ?? "").replace(/[\s-]/g, "") || null;
  return { prefix: digits(values.prefix), contains: digits(values.contains), carrier: values.carrier ?? null, grade: values.grade ?? null };
}

/** The customer's active holds: when each ends, the time left, and the way on to the application. */
type OpenApplication = { id: string; status: ApplicationStatus };

function Holds({ holds, open, fresh }: { holds: HoldFieldsFragment[]; open: Map<string, OpenApplication>; fresh: string | null }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();

  async function release(hold: HoldFieldsFragment) {
    try {
      unwrap((await request(ReleaseHoldDocument, { id: hold.id })).releaseReservation);
      message.success(`已释放 ${hold.display}`);
      await queryClient.invalidateQueries({ queryKey: HOLDS_KEY });
      await queryClient.invalidateQueries({ queryKey: ["availableNumbers"] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  if (holds.length === 0) return null;
  return (
    <Card title="我的预占" style={{ marginBottom: 24 }} role="region" aria-label="我的预占">
      <Typography.Paragraph type="secondary">
        预占免费,保留两个工作日(按国家法定节假日和调休计算)。请在到期前提交开通申请,到期未提交的号码将自动释放。
      </Typography.Paragraph>
      <Space orientation="vertical" style={{ width: "100%" }} size="middle">
        {holds.map((hold) => {
          const app = open.get(hold.numberId);
          const apply = app ? `/applications/${app.id}/edit` : `/applications/new/${hold.id}`;
          return (
            <Alert
              key={hold.id}
              type={hold.id === fresh ? "success" : "info"}
              showIcon
              title={
                <Space wrap>
                  <Typography.Text strong style={{ fontSize: 18 }}>
                    {hold.display}
                  </Typography.Text>
                  {hold.id === fresh ? <span>预占成功</span> : null}
                </Space>
              }
              description={
                app?.status === "SUBMITTED" ? (
                  // Under review the number stays held whatever the date: no countdown to worry about.
                  <span>
                    开通申请审核中,审核期间号码为您保留。
                    <a href={`/applications/${app.id}`} onClick={link(`/applications/${app.id}`)}>
                      查看申请
                    </a>
                  </span>
                ) : (
                  <Space orientation="vertical" size={4} style={{ width: "100%" }}>
                    <span>
                      保留至 <Typography.Text strong>{holdEnd(hold.expiresAt)}</Typography.Text>
                    </span>
                    <Countdown iso={hold.expiresAt} />
                    <Space wrap>
                      <Button type="primary" href={apply} onClick={link(apply)}>
                        {app ? "修改后重新提交" : "填写开通申请"}
                      </Button>
                      {app ? null : (
                        <Popconfirm title={`释放 ${hold.display}?释放后其他客户即可选用。`} okText="释放" cancelText="取消" onConfirm={() => release(hold)}>
                          <Button autoInsertSpace={false} aria-label={`释放 ${hold.display}`}>
                            释放
                          </Button>
                        </Popconfirm>
                      )}
                    </Space>
                  </Space>
                )
              }
            />
          );
        })}
      </Space>
    </Card>
  );
}

function NumberCard({ n, onReserve, busy }: { n: ChoiceNumberFragment; onReserve: () => void; busy: boolean }) {
  return (
    <Card size="small" styles={{ body: { display: "flex", flexDirection: "column", gap: 8 } }}>
      <Typography.Text strong style={{ fontSize: 20, letterSpacing: 1 }}>
        {n.display}
      </Typography.Text>
      <Space wrap size={4}>
        <Tag>{n.carrierName}</Tag>
        {n.grade !== "ORDINARY" ? <Tag color="gold">{n.gradeName}</Tag> : <Tag>{n.gradeName}</Tag>}
      </Space>
      <Typography.Text>{n.priceFen > 0 ? `靓号费 ${yuan(n.priceFen)}` : "无靓号费"}</Typography.Text>
      <Button type="primary" onClick={onReserve} loading={busy} autoInsertSpace={false} aria-label={`预占 ${n.display}`}>
        预占
      </Button>
    </Card>
  );
}

export default function ChooseNumberPage(_: PageProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SearchForm>();
  const [search, setSearch] = useState<NumberSearch>({});
  const [reserving, setReserving] = useState<string | null>(null);
  const [fresh, setFresh] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const grades = useQuery({ queryKey: ["gradePrices"], queryFn: async () => (await request(ChoiceGradesDocument)).gradePrices });
  const holds = useQuery({
    queryKey: HOLDS_KEY,
    queryFn: async () => {
      const data = await request(MyHoldsDocument);
      const open = data.applications.edges.map((e) => e.node).filter((a) => a.status === "SUBMITTED" || a.status === "REJECTED");
      return { holds: data.reservations.edges.map((e) => e.node), open: new Map(open.map((a) => [a.numberId, a])) };
    },
  });
  const numbers = useInfiniteQuery({
    queryKey: ["availableNumbers", search],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => (await request(AvailableNumbersDocument, { search, first: PAGE, after: pageParam })).availableNumbers,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
  const found = numbers.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];
  const total = numbers.data?.pages[0]?.totalCount;

  async function reserve(n: ChoiceNumberFragment) {
    setReserving(n.id);
    setError(null);
    try {
      const hold = unwrap((await request(ReserveNumberDocument, { numberId: n.id })).reserveNumber);
      setFresh(hold.id);
      message.success(`已预占 ${hold.display}`);
      await queryClient.invalidateQueries({ queryKey: HOLDS_KEY });
      window.scrollTo({ top: 0, behavior: "smooth" });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setReserving(null);
      await queryClient.invalidateQueries({ queryKey: ["availableNumbers"] });
    }
  }

  function onSearch(values: SearchForm) {
    const next = cleaned(values);
    for (const [key, value] of [["prefix", next.prefix], ["contains", next.contains]] as const) {
      if (value && !/^\d{1,10}$/.test(value)) {
        form.setFields([{ name: key, errors: ["请输入数字"] }]);
        return;
      }
    }
    setSearch(next);
  }

  return (
    <div className="page">
      <PageTitle title="选号" />
      <Holds holds={holds.data?.holds ?? []} open={holds.data?.open ?? new Map()} fresh={fresh} />
      <Card title="搜索号码" style={{ marginBottom: 16 }}>
        <Form form={form} layout="vertical" onFinish={onSearch}>
          <Row gutter={16}>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="号码开头" name="prefix" extra="例如 4008">
                <Input inputMode="numeric" maxLength={12} allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="包含数字" name="contains" extra="例如 888">
                <Input inputMode="numeric" maxLength={12} allowClear />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="运营商" name="carrier">
                <Select allowClear placeholder="全部运营商" options={CARRIERS} />
              </Form.Item>
            </Col>
            <Col xs={24} sm={12} lg={6}>
              <Form.Item label="靓号等级" name="grade">
                <Select
                  allowClear
                  placeholder="全部等级"
                  options={(grades.data ?? []).map((g) => ({
                    value: g.grade,
                    label: g.priceFen > 0 ? `${g.gradeName}(${yuan(g.priceFen)})` : g.gradeName,
                  }))}
                />
              </Form.Item>
            </Col>
          </Row>
          <Space wrap>
            <Button type="primary" htmlType="submit">
              搜索
            </Button>
            <Button
              onClick={() => {
                form.resetFields();
                setSearch({});
              }}
            >
              清除条件
            </Button>
          </Space>
        </Form>
      </Card>
      {error ? <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} closable onClose={() => setError(null)} /> : null}
      {numbers.isError ? <Alert type="error" showIcon title={errorMessage(numbers.error)} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph aria-live="polite">
        {numbers.isPending ? "正在搜索…" : `共找到 ${total ?? found.length} 个可选号码`}
      </Typography.Paragraph>
      {!numbers.isPending && found.length === 0 ? <Empty description="没有符合条件的号码,请换个条件试试" /> : null}
      <Row gutter={[16, 16]} role="list" aria-label="可选号码">
        {found.map((n) => (
          <Col key={n.id} xs={24} sm={12} md={8} xl={6} role="listitem">
            <NumberCard n={n} busy={reserving === n.id} onReserve={() => reserve(n)} />
          </Col>
        ))}
      </Row>
      {numbers.hasNextPage ? (
        <div style={{ textAlign: "center", marginTop: 16 }}>
          <Button onClick={() => numbers.fetchNextPage()} loading={numbers.isFetchingNextPage}>
            加载更多
          </Button>
        </div>
      ) : null}
    </div>
  );
}
