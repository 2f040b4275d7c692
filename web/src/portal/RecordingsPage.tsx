// Call recordings (kept one month, R18) and voicemail messages (kept as long as the customer sets, R17):
// filtered by number, kind and date; played, downloaded or deleted before their time.
import { DeleteOutlined, DownloadOutlined, PlayCircleOutlined } from "@ant-design/icons";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, DatePicker, Form, InputNumber, List, Popconfirm, Segmented, Select, Space, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { request, unwrap, UserErrorsError } from "../api/client";
import { dateTime, maskPhone, ZONE } from "../format";
import { TimeOrderSwitch } from "./listOrder";
import { useOwnPhones } from "./ownPhones";
import {
  DeleteRecordingDocument,
  RecordingNumbersDocument,
  RecordingsDocument,
  RecordingSettingsDocument,
  SetVoicemailRetentionDocument,
  type RecordingFieldsFragment,
  type RecordingKind,
} from "../gql/graphql";
import { AudioPlayer } from "../pages/AudioPlayer";
import { PageTitle } from "../ui/PageTitle";
import { errorMessage } from "../ui/errors";

const RECORDINGS_KEY = ["recordings"] as const;
const SETTINGS_KEY = ["recordingSettings"] as const;
const PAGE = 50;

const KIND: Record<RecordingKind, { label: string; color: string }> = {
  VOICEMAIL: { label: "留言", color: "gold" },
  CALL: { label: "通话录音", color: "blue" },
};

function seconds(s: number): string {
  return s < 60 ? `${Math.round(s)} 秒` : `${Math.floor(s / 60)} 分 ${Math.round(s % 60)} 秒`;
}

function RetentionCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const settings = useQuery({ queryKey: SETTINGS_KEY, queryFn: async () => (await request(RecordingSettingsDocument)).mediaUsage });
  const [form] = Form.useForm<{ days: number }>();
  const [busy, setBusy] = useState(false);

  async function save({ days }: { days: number }) {
    setBusy(true);
    try {
      const saved = unwrap((await request(SetVoicemailRetentionDocument, { days })).setVoicemailRetention);
      message.success(`留言将保存 ${saved.voicemailRetentionDays} 天`);
      await queryClient.invalidateQueries({ queryKey: SETTINGS_KEY });
      await queryClient.invalidateQueries({ queryKey: RECORDINGS_KEY }); // expiry dates move with it
    } catch (e) {
      if (e instanceof UserErrorsError) form.setFields([{ name: "days", errors: e.errors.map((err) => err.message) }]);
      else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title="保存期限" style={{ marginBottom: 16 }}>
      <Typography.Paragraph>通话录音保存一个月后自动删除;留言的保存天数由您设定(1 至 365 天)。到期前请及时下载需要留存的文件。</Typography.Paragraph>
      {settings.data ? (
        <Form
          form={form}
          layout="inline"
          onFinish={save}
          requiredMark={false}
          initialValues={{ days: settings.data.voicemailRetentionDays }}
          style={{ rowGap: 8 }}
        >
          <Form.Item name="days" label="留言保存天数" rules={[{ required: true, message: "请填写天数" }]}>
            <InputNumber min={1} max={365} precision={0} suffix="天" style={{ width: 120 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={busy}>
              保存
            </Button>
          </Form.Item>
        </Form>
      ) : null}
    </Card>
  );
}

function RecordingRow({ row }: { row: RecordingFieldsFragment }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [playing, setPlaying] = useState(false);
  const own = useOwnPhones();
  const kind = KIND[row.kind];
  const caller = maskPhone(row.caller, own);
  const title = `${kind.label} ${caller} ${dateTime(row.startedAt)}`;

  async function remove() {
    try {
      unwrap((await request(DeleteRecordingDocument, { id: row.id })).deleteRecording);
      message.success(`已删除${kind.label}`);
      await queryClient.invalidateQueries({ queryKey: RECORDINGS_KEY });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <List.Item>
      <div style={{ width: "100%" }} aria-label={title} role="group">
        <Space wrap size={[8, 4]}>
          <Tag color={kind.color}>{kind.label}</Tag>
          <Typography.Text strong>{row.display}</Typography.Text>
          <Typography.Text>来电 {caller}</Typography.Text>
        </Space>
        <Typography.Text type="secondary" style={{ display: "block", marginTop: 4 }}>
          {dateTime(row.startedAt)} · {row.state === "READY" ? `时长 ${seconds(row.durationSeconds)}` : row.state === "PENDING" ? "处理中" : "处理失败"} · 将于 {dateTime(row.expiresAt)} 自动删除
        </Typography.Text>
        {row.state === "FAILED" && row.failure ? (
          <Typography.Text type="danger" style={{ display: "block", marginTop: 4 }}>
            {row.failure}
          </Typography.Text>
        ) : null}
        <Space wrap size={0} style={{ marginTop: 4 }}>
          {row.playUrl ? (
            <Button type="link" icon={<PlayCircleOutlined />} onClick={() => setPlaying(!playing)} aria-expanded={playing} aria-label={`${playing ? "收起" : "播放"} ${title}`} autoInsertSpace={false}>
              {playing ? "收起" : "播放"}
            </Button>
          ) : null}
          {row.downloadUrl ? (
            <Button type="link" icon={<DownloadOutlined />} href={row.downloadUrl} aria-label={`下载 ${title}`} autoInsertSpace={false}>
              下载
            </Button>
          ) : null}
          <Popconfirm title="删除这条录音?" description="删除后无法恢复。" okText="删除" cancelText="取消" onConfirm={remove}>
            <Button type="link" danger icon={<DeleteOutlined />} aria-label={`删除 ${title}`} autoInsertSpace={false}>
              删除
            </Button>
          </Popconfirm>
        </Space>
        {playing && row.playUrl ? <AudioPlayer src={row.playUrl} label={title} autoPlay /> : null}
      </div>
    </List.Item>
  );
}

type Filters = { kind: RecordingKind | "ALL"; numberId: string | null; days: [Dayjs, Dayjs] | null; order: string };

export default function RecordingsPage() {
  const [filters, setFilters] = useState<Filters>({ kind: "ALL", numberId: null, days: null, order: "-startedAt" });
  const numbers = useQuery({
    queryKey: ["recordingNumbers"],
    queryFn: async () => (await request(RecordingNumbersDocument)).me.account?.numbers.edges.map((e) => e.node) ?? [],
  });
  const recordings = useInfiniteQuery({
    queryKey: [...RECORDINGS_KEY, filters.kind, filters.numberId, filters.days?.map((d) => d.format("YYYY-MM-DD")), filters.order],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => {
      // Whole days in China: from the first day's midnight to the midnight after the last day.
      const [from, to] = filters.days ?? [null, null];
      return (
        await request(RecordingsDocument, {
          first: PAGE,
          after: pageParam,
          order: filters.order,
          kind: filters.kind === "ALL" ? null : filters.kind,
          numberId: filters.numberId,
          since: from ? dayjs.tz(from.format("YYYY-MM-DD"), ZONE).toISOString() : null,
          until: to ? dayjs.tz(to.format("YYYY-MM-DD"), ZONE).add(1, "day").toISOString() : null,
        })
      ).recordings;
    },
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : null),
    // A recording still 处理中 (a worker transcodes it) shows up playable without a reload.
    refetchInterval: (query) =>
      query.state.data?.pages.some((p) => p.edges.some((e) => e.node.state === "PENDING")) ? 3000 : false,
  });
  const rows = recordings.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];
  const total = recordings.data?.pages[0]?.totalCount;

  return (
    <div className="page">
      <PageTitle title="录音与留言" />
      <RetentionCard />
      <Space wrap style={{ marginBottom: 8 }}>
        <Segmented<RecordingKind | "ALL">
          aria-label="按类型筛选"
          value={filters.kind}
          onChange={(kind) => setFilters({ ...filters, kind })}
          options={[
            { value: "ALL", label: "全部" },
            { value: "VOICEMAIL", label: "留言" },
            { value: "CALL", label: "通话录音" },
          ]}
        />
        <Select
          aria-label="按号码筛选"
          style={{ minWidth: 170 }}
          value={filters.numberId ?? ""}
          onChange={(numberId) => setFilters({ ...filters, numberId: numberId || null })}
          options={[{ value: "", label: "全部号码" }, ...(numbers.data ?? []).map((n) => ({ value: n.id, label: n.display }))]}
        />
        <DatePicker.RangePicker
          aria-label="按日期筛选"
          placeholder={["开始日期", "结束日期"]}
          value={filters.days}
          onChange={(days) => setFilters({ ...filters, days: days && days[0] && days[1] ? [days[0], days[1]] : null })}
          style={{ maxWidth: "100%" }}
        />
        <TimeOrderSwitch field="startedAt" label="排序" order={filters.order} onChange={(order) => setFilters({ ...filters, order })} />
      </Space>
      {recordings.error ? <Alert type="error" showIcon title={errorMessage(recordings.error)} style={{ marginBottom: 8 }} /> : null}
      {total !== undefined ? <Typography.Paragraph type="secondary">共 {total} 条,{filters.order === "startedAt" ? "最早的在前" : "最新的在前"}</Typography.Paragraph> : null}
      <List<RecordingFieldsFragment>
        loading={recordings.isPending}
        dataSource={rows}
        rowKey="id"
        locale={{ emptyText: "没有符合条件的录音或留言" }}
        renderItem={(row) => <RecordingRow row={row} />}
        loadMore={
          recordings.hasNextPage ? (
            <div style={{ textAlign: "center", marginTop: 12 }}>
              <Button onClick={() => recordings.fetchNextPage()} loading={recordings.isFetchingNextPage}>
                加载更多
              </Button>
            </div>
          ) : null
        }
      />
    </div>
  );
}
