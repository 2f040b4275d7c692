// Holds (预占) on numbers: who holds which number until when; operators may revoke a hold (R2).
import { useInfiniteQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Empty, Popconfirm, Segmented, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import { AllReservationsDocument, RevokeReservationDocument, type AllReservationsQuery, type ReservationEnd } from "../gql/graphql";
import { dateTime } from "../format";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { Countdown, holdEnd } from "../portal/holds";
import { errorMessage } from "../ui/errors";

type Hold = AllReservationsQuery["reservations"]["edges"][number]["node"];
type Filter = "active" | "all";
const PAGE = 100;

const ENDS: Record<ReservationEnd, { label: string; color: string }> = {
  RELEASED: { label: "客户释放", color: "default" },
  EXPIRED: { label: "到期释放", color: "orange" },
  CONTRACTED: { label: "已签约", color: "green" },
  REVOKED: { label: "运营撤销", color: "red" },
};

export default function ReservationsPage(_: PageProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [filter, setFilter] = useState<Filter>("active");
  const holds = useInfiniteQuery({
    queryKey: ["reservations", filter],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) =>
      (await request(AllReservationsDocument, { active: filter === "active" ? true : null, first: PAGE, after: pageParam })).reservations,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
  const rows = holds.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];

  async function revoke(hold: Hold) {
    try {
      unwrap((await request(RevokeReservationDocument, { id: hold.id })).releaseReservation);
      message.success(`已撤销 ${hold.display} 的预占,号码已回到可选号码`);
      await queryClient.invalidateQueries({ queryKey: ["reservations"] });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <div className="page">
      <PageTitle title="号码预占" />
      <Typography.Paragraph type="secondary">
        客户预占号码免费,保留两个工作日(按节假日设置计算),到期未提交申请的自动释放;已提交申请的号码在审核期间保留。
      </Typography.Paragraph>
      <Segmented<Filter>
        aria-label="预占范围"
        value={filter}
        onChange={setFilter}
        options={[
          { value: "active", label: "进行中" },
          { value: "all", label: "全部" },
        ]}
        style={{ marginBottom: 16 }}
      />
      {holds.isError ? <Alert type="error" showIcon title={errorMessage(holds.error)} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph aria-live="polite">{holds.isPending ? "正在加载…" : `共 ${holds.data?.pages[0]?.totalCount ?? rows.length} 条预占`}</Typography.Paragraph>
      <Table<Hold>
        rowKey="id"
        size="middle"
        loading={holds.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={filter === "active" ? "当前没有进行中的预占" : "还没有预占记录"} /> }}
        columns={[
          { title: "号码", dataIndex: "display" },
          { title: "客户", dataIndex: "accountName" },
          { title: "预占时间", dataIndex: "createdAt", render: dateTime },
          {
            title: "保留至",
            dataIndex: "expiresAt",
            render: (iso: string, h) => (h.active && h.applicationStatus === "SUBMITTED" ? "审核结束" : holdEnd(iso)),
          },
          {
            title: "状态",
            key: "state",
            render: (_, h) =>
              h.active && h.applicationStatus === "SUBMITTED" ? (
                // A submitted application keeps the number until it is reviewed: no deadline runs.
                <>
                  <Tag color="purple">已提交申请</Tag>
                  <Typography.Text type="secondary">审核期间保留</Typography.Text>
                </>
              ) : h.active ? (
                <>
                  <Tag color="blue">进行中</Tag>
                  {h.applicationStatus === "REJECTED" ? <Tag color="orange">申请被驳回</Tag> : null}
                  <Countdown iso={h.expiresAt} />
                </>
              ) : h.endReason ? (
                <>
                  <Tag color={ENDS[h.endReason].color}>{ENDS[h.endReason].label}</Tag>
                  <Typography.Text type="secondary">{dateTime(h.endedAt)}</Typography.Text>
                </>
              ) : null,
          },
          {
            title: "操作",
            key: "action",
            render: (_, h) =>
              h.active && h.applicationStatus !== "SUBMITTED" ? (
                <Popconfirm
                  title={`撤销 ${h.accountName} 对 ${h.display} 的预占?`}
                  okText="撤销"
                  cancelText="取消"
                  onConfirm={() => revoke(h)}
                >
                  <Button size="small" danger autoInsertSpace={false} aria-label={`撤销 ${h.display} 的预占`}>
                    撤销
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
      {holds.hasNextPage ? (
        <div style={{ textAlign: "center", marginTop: 16 }}>
          <Button onClick={() => holds.fetchNextPage()} loading={holds.isFetchingNextPage}>
            加载更多
          </Button>
        </div>
      ) : null}
    </div>
  );
}
