// The operator's start screen: what waits for a decision (applications, ringback tones), customers whose
// balance is at the notice line (R8), and the inventory at a glance.
import { useQuery } from "@tanstack/react-query";
import { Alert, Card, Col, Row, Spin, Statistic, Table, Typography } from "antd";
import { request } from "../api/client";
import { yuan } from "../format";
import { ConsoleOverviewDocument } from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { AppLink } from "../ui/AppLink";
import { errorMessage } from "../ui/errors";

function Tile({ title, value, to, action }: { title: string; value: number; to: string; action: string }) {
  return (
    <Card size="small">
      <Statistic title={title} value={value} />
      <AppLink to={to}>{action}</AppLink>
    </Card>
  );
}

export default function OverviewPage({ viewer }: PageProps) {
  const overview = useQuery({ queryKey: ["console", "overview"], queryFn: () => request(ConsoleOverviewDocument) });
  const data = overview.data;

  return (
    <div className="page">
      <PageTitle title="概览" />
      <Typography.Paragraph>您好,{viewer.user?.displayName || viewer.user?.login}。以下是需要处理的事项。</Typography.Paragraph>
      {overview.isError ? <Alert type="error" showIcon title={errorMessage(overview.error)} /> : null}
      {overview.isPending ? <Spin /> : null}
      {data ? (
        <Row gutter={[16, 16]}>
          <Col xs={24} sm={12} lg={6}>
            <Tile title="待审核的开通申请" value={data.pendingApplications.totalCount} to="/review" action="去审核" />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Tile title="待审核的彩铃" value={data.pendingRingbacks.totalCount} to="/ringbacks" action="去审核" />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Tile title="余额不足的客户(≤35 元)" value={data.lowBalance.totalCount} to="/accounts?low=1" action="查看客户" />
          </Col>
          <Col xs={24} sm={12} lg={6}>
            <Card size="small">
              <Statistic title="可选号码" value={data.availableNumbers.totalCount} />
              <Typography.Text type="secondary">
                使用中 {data.activeNumbers.totalCount} · 已停机 {data.suspendedNumbers.totalCount}
              </Typography.Text>
              <br />
              <AppLink to="/inventory">号码库存</AppLink>
            </Card>
          </Col>
          <Col xs={24}>
            <Card size="small" title="余额不足的客户">
              <Table
                rowKey="id"
                size="small"
                pagination={false}
                dataSource={data.lowBalance.edges.map((e) => e.node)}
                locale={{ emptyText: "没有余额不足的客户" }}
                columns={[
                  { title: "企业名称", dataIndex: "name", render: (name: string, a) => <AppLink to={`/accounts/${a.id}`}>{name}</AppLink> },
                  { title: "余额", dataIndex: "balanceFen", align: "right", render: (fen: number) => <Typography.Text type="danger">{yuan(fen)}</Typography.Text> },
                ]}
              />
              {data.lowBalance.totalCount > data.lowBalance.edges.length ? <AppLink to="/accounts?low=1">查看全部 {data.lowBalance.totalCount} 个</AppLink> : null}
            </Card>
          </Col>
        </Row>
      ) : null}
    </div>
  );
}
