// Ringback review (R16): operators listen to each uploaded tone and approve healthy, lawful content or
// reject it with a reason the customer reads on their media screen.
import { CheckOutlined, CloseOutlined, PlayCircleOutlined } from "@ant-design/icons";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, List, Modal, Space, Tabs, Tag, Typography } from "antd";
import { useState } from "react";
import { request, unwrap, UserErrorsError } from "../api/client";
import { dateTime } from "../format";
import {
  ApproveRingbackDocument,
  RejectRingbackDocument,
  RingbackAccountDocument,
  RingbackQueueDocument,
  type ReviewStatus,
  type RingbackFieldsFragment,
} from "../gql/graphql";
import { AudioPlayer } from "../pages/AudioPlayer";
import { PageTitle } from "../ui/PageTitle";
import { errorMessage } from "../ui/errors";

const QUEUE_KEY = ["ringbackQueue"] as const;

const TABS: { key: ReviewStatus; label: string }[] = [
  { key: "PENDING", label: "待审核" },
  { key: "APPROVED", label: "已通过" },
  { key: "REJECTED", label: "已驳回" },
];

function AccountName({ id }: { id: string }) {
  const account = useQuery({
    queryKey: ["ringbackAccount", id],
    queryFn: async () => (await request(RingbackAccountDocument, { id })).account,
    staleTime: 5 * 60_000,
  });
  return <>{account.data?.name ?? `账户 ${id}`}</>;
}

function level(dbfs: number | null): string {
  return dbfs === null ? "—" : `${dbfs.toFixed(1)} dBFS`;
}

function RejectDialog({ item, onClose }: { item: RingbackFieldsFragment | null; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ reason: string }>();
  const [busy, setBusy] = useState(false);

  async function submit({ reason }: { reason: string }) {
    if (!item) return;
    setBusy(true);
    try {
      unwrap((await request(RejectRingbackDocument, { id: item.id, reason })).rejectRingback);
      message.success(`已驳回「${item.name}」`);
      await queryClient.invalidateQueries({ queryKey: QUEUE_KEY });
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof UserErrorsError) form.setFields([{ name: "reason", errors: e.errors.map((err) => err.message) }]);
      else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={item !== null}
      title={item ? `驳回彩铃「${item.name}」` : "驳回彩铃"}
      onCancel={onClose}
      okText="驳回"
      okButtonProps={{ danger: true, loading: busy }}
      cancelText="取消"
      onOk={() => form.submit()}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item
          name="reason"
          label="驳回原因(客户可见)"
          rules={[{ required: true, whitespace: true, message: "请填写驳回原因,客户将看到此原因" }]}
        >
          <Input.TextArea rows={3} maxLength={500} showCount placeholder="例如:含有未经授权的背景音乐,请更换后重新上传" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function RingbackCard({ item, onReject }: { item: RingbackFieldsFragment; onReject: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  // Pending tones are there to be heard; decided ones load their audio only when asked.
  const [listening, setListening] = useState(item.reviewStatus === "PENDING");

  async function approve() {
    setBusy(true);
    try {
      unwrap((await request(ApproveRingbackDocument, { id: item.id })).approveRingback);
      message.success(`已通过「${item.name}」`);
      await queryClient.invalidateQueries({ queryKey: QUEUE_KEY });
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <List.Item>
      <Card
        size="small"
        style={{ width: "100%" }}
        title={
          <Space wrap>
            <span>{item.name}</span>
            {item.reviewStatus === "APPROVED" ? <Tag color="green">已通过</Tag> : null}
            {item.reviewStatus === "REJECTED" ? <Tag color="red">已驳回</Tag> : null}
          </Space>
        }
      >
        <Typography.Paragraph style={{ marginBottom: 8 }}>
          客户:<AccountName id={item.accountId} /> · 上传于 {dateTime(item.createdAt)} · 时长 {item.durationSeconds.toFixed(1)} 秒 · 峰值 {level(item.peakDbfs)} · 平均音量{" "}
          {level(item.activeLevelDbfs)}
          {item.reviewedAt ? ` · 审核于 ${dateTime(item.reviewedAt)}` : ""}
        </Typography.Paragraph>
        {item.rejectReason ? <Alert type="error" showIcon title={`驳回原因:${item.rejectReason}`} style={{ marginBottom: 8 }} /> : null}
        {item.previewUrl && listening ? <AudioPlayer src={item.previewUrl} label={item.name} /> : null}
        {item.previewUrl && !listening ? (
          <Button icon={<PlayCircleOutlined />} onClick={() => setListening(true)} aria-label={`试听 ${item.name}`} autoInsertSpace={false}>
            试听
          </Button>
        ) : null}
        {item.reviewStatus === "PENDING" ? (
          <Space wrap style={{ marginTop: 12 }}>
            <Button type="primary" icon={<CheckOutlined />} loading={busy} onClick={approve} aria-label={`通过 ${item.name}`} autoInsertSpace={false}>
              通过
            </Button>
            <Button danger icon={<CloseOutlined />} onClick={onReject} aria-label={`驳回 ${item.name}`} autoInsertSpace={false}>
              驳回
            </Button>
          </Space>
        ) : null}
      </Card>
    </List.Item>
  );
}

export default function RingbackReviewPage() {
  const [status, setStatus] = useState<ReviewStatus>("PENDING");
  const [rejecting, setRejecting] = useState<RingbackFieldsFragment | null>(null);
  // Oldest first: the tone uploaded first has waited longest for its review.
  const queue = useInfiniteQuery({
    queryKey: [...QUEUE_KEY, status],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => (await request(RingbackQueueDocument, { status, first: 50, after: pageParam, newestFirst: status !== "PENDING" }))
        .mediaItems,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : null),
  });
  const rows = queue.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];
  const total = queue.data?.pages[0]?.totalCount;

  return (
    <div className="page">
      <PageTitle title="彩铃审核" />
      <Typography.Paragraph>试听每条彩铃,内容健康合法的予以通过;驳回时请写明原因,客户将在语音文件页面看到。上传时已收取的彩铃审核费不因驳回退还。</Typography.Paragraph>
      <Tabs activeKey={status} onChange={(key) => setStatus(key as ReviewStatus)} items={TABS.map((t) => ({ key: t.key, label: t.label }))} />
      {queue.error ? <Alert type="error" showIcon title={errorMessage(queue.error)} /> : null}
      {total !== undefined ? <Typography.Paragraph type="secondary">共 {total} 条</Typography.Paragraph> : null}
      <List<RingbackFieldsFragment>
        loading={queue.isPending}
        dataSource={rows}
        rowKey="id"
        locale={{ emptyText: status === "PENDING" ? "没有待审核的彩铃" : "暂无记录" }}
        renderItem={(item) => <RingbackCard item={item} onReject={() => setRejecting(item)} />}
        loadMore={
          queue.hasNextPage ? (
            <div style={{ textAlign: "center", marginTop: 12 }}>
              <Button onClick={() => queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
                加载更多
              </Button>
            </div>
          ) : null
        }
      />
      <RejectDialog item={rejecting} onClose={() => setRejecting(null)} />
    </div>
  );
}
