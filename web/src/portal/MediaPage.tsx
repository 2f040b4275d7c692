// The customer's media library: ringback tones (彩铃, reviewed and charged per upload, R16), IVR prompts and
// voicemail greetings, uploaded as audio or spoken from text; with a player, rename, delete and the quota.
import { DeleteOutlined, EditOutlined, FileTextOutlined, PlayCircleOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, List, Modal, Popconfirm, Progress, Radio, Segmented, Space, Tag, Typography, Upload } from "antd";
import type { UploadFile } from "antd";
import { useState } from "react";
import { request, unwrap, UserErrorsError } from "../api/client";
import { requestWithFiles } from "../api/multipart";
import { date, dateTime, yuan } from "../format";
import {
  CreateTextPromptDocument,
  DeleteMediaDocument,
  MediaLibraryDocument,
  RenameMediaDocument,
  UploadMediaDocument,
  type MediaItemFieldsFragment,
  type MediaLibraryQuery,
  type MediaKind,
  type MediaUsageFieldsFragment,
  type ReviewStatus,
} from "../gql/graphql";
import { AudioPlayer } from "../pages/AudioPlayer";
import { PageTitle } from "../ui/PageTitle";
import { errorMessage } from "../ui/errors";

export const MEDIA_KEY = ["mediaLibrary"] as const;

export const KIND_NAMES: Record<MediaKind, string> = {
  RINGBACK: "彩铃",
  IVR_PROMPT: "语音提示",
  VOICEMAIL_GREETING: "留言问候语",
};

const REVIEW: Record<ReviewStatus, { label: string; color: string } | null> = {
  NOT_REQUIRED: null,
  PENDING: { label: "待审核", color: "orange" },
  APPROVED: { label: "已通过", color: "green" },
  REJECTED: { label: "已驳回", color: "red" },
};

const MB = 1024 * 1024;

/** Storage sizes: KB below a megabyte, so a few short prompts do not read as "0.0 MB". */
function megabytes(bytes: number): string {
  return bytes < MB ? `${Math.round(bytes / 1024)} KB` : `${(bytes / MB).toFixed(1)} MB`;
}

function seconds(s: number): string {
  return s < 60 ? `${s.toFixed(1)} 秒` : `${Math.floor(s / 60)} 分 ${Math.round(s % 60)} 秒`;
}

/** A client request key for one upload: a retry after a lost answer reuses it and is not charged twice. */
function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `upload-${Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("")}`;
}

function UsageCard({ usage }: { usage: MediaUsageFieldsFragment }) {
  const percent = usage.quotaBytes ? Math.min(100, Math.round((usage.usedBytes / usage.quotaBytes) * 100)) : 0;
  return (
    <Card size="small" style={{ marginBottom: 16 }}>
      <Typography.Text>
        存储空间:已用 {megabytes(usage.usedBytes)},上限 {megabytes(usage.quotaBytes)}
      </Typography.Text>
      <Progress percent={percent} status={percent >= 90 ? "exception" : "normal"} aria-label="存储空间使用比例" />
    </Card>
  );
}

type UploadForm = { kind: MediaKind; name: string };

function UploadDialog({ open, fee, onClose }: { open: boolean; fee: number; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UploadForm>();
  const kind = Form.useWatch("kind", form);
  const [files, setFiles] = useState<UploadFile[]>([]);
  const [key, setKey] = useState(newKey);
  const [progress, setProgress] = useState<number | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);

  function close() {
    form.resetFields();
    setFiles([]);
    setProgress(null);
    setFileError(null);
    setKey(newKey());
    onClose();
  }

  async function submit(values: UploadForm) {
    const file = files[0]?.originFileObj;
    if (!file) {
      setFileError("请选择音频文件");
      return;
    }
    setProgress(0);
    try {
      const result = await requestWithFiles(
        UploadMediaDocument,
        { kind: values.kind, name: values.name, file, idempotencyKey: key },
        { file },
        setProgress,
      );
      const item = unwrap(result.uploadMedia);
      message.success(item.kind === "RINGBACK" ? `已上传彩铃「${item.name}」,等待审核` : `已上传「${item.name}」`);
      await queryClient.invalidateQueries({ queryKey: MEDIA_KEY });
      close();
    } catch (e) {
      setProgress(null);
      if (e instanceof UserErrorsError) {
        const onFile = e.errors.filter((err) => err.field === "file" || err.field === "idempotencyKey");
        if (onFile.length) setFileError(onFile.map((err) => err.message).join(";"));
        form.setFields(e.errors.filter((err) => err.field === "name").map((err) => ({ name: "name", errors: [err.message] })));
        if (e.errors.some((err) => err.field === "idempotencyKey")) setKey(newKey());
      } else message.error(errorMessage(e)); // the same key is kept: a retry is not charged again
    }
  }

  const ringback = kind === "RINGBACK";
  return (
    <Modal
      open={open}
      title="上传音频"
      onCancel={close}
      okText={ringback ? `支付 ${yuan(fee)} 并上传` : "上传"}
      cancelText="取消"
      onOk={() => form.submit()}
      okButtonProps={{ loading: progress !== null }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ kind: "RINGBACK" }}>
        <Form.Item name="kind" label="用途">
          <Radio.Group
            aria-label="用途"
            onChange={() => setKey(newKey())}
            options={(Object.keys(KIND_NAMES) as MediaKind[]).map((k) => ({ value: k, label: KIND_NAMES[k] }))}
          />
        </Form.Item>
        {ringback ? (
          <Alert
            type="warning"
            showIcon
            style={{ marginBottom: 16 }}
            title={`每次上传彩铃收取彩铃审核费 ${yuan(fee)},从账户余额扣除(驳回不退)。`}
            description="彩铃内容须健康合法,审核通过后才能在流程中播放。"
          />
        ) : null}
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: "请填写名称" }, { max: 80, message: "名称不能超过80个字" }]}>
          <Input placeholder="例如:公司彩铃、主菜单提示" />
        </Form.Item>
        <Form.Item label="音频文件" help={fileError ?? "支持 WAV、MP3、M4A/AAC、OGG、AMR"} validateStatus={fileError ? "error" : undefined}>
          <Upload
            accept=".wav,.mp3,.m4a,.aac,.ogg,.amr,audio/*"
            maxCount={1}
            fileList={files}
            beforeUpload={() => false}
            onChange={({ fileList }) => {
              setFiles(fileList.slice(-1));
              setFileError(null);
              setKey(newKey());
            }}
          >
            <Button icon={<UploadOutlined />}>选择文件</Button>
          </Upload>
        </Form.Item>
        {progress !== null ? <Progress percent={progress} aria-label="上传进度" status={progress < 100 ? "active" : "normal"} /> : null}
        {progress === 100 ? <Typography.Text type="secondary">上传完成,正在处理音频…</Typography.Text> : null}
      </Form>
    </Modal>
  );
}

type TextForm = { kind: MediaKind; name: string; text: string };

function TextPromptDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<TextForm>();
  const [busy, setBusy] = useState(false);

  async function submit(values: TextForm) {
    setBusy(true);
    try {
      const item = unwrap((await request(CreateTextPromptDocument, values)).createTextPrompt);
      message.success(`已生成「${item.name}」`);
      await queryClient.invalidateQueries({ queryKey: MEDIA_KEY });
      form.resetFields();
      onClose();
    } catch (e) {
      if (e instanceof UserErrorsError) {
        form.setFields(e.errors.map((err) => ({ name: err.field === "name" ? "name" : "text", errors: [err.message] })));
      } else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={open}
      title="文字合成语音"
      onCancel={onClose}
      okText="合成"
      cancelText="取消"
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ kind: "IVR_PROMPT" }}>
        <Form.Item name="kind" label="用途">
          <Radio.Group
            aria-label="用途"
            options={(["IVR_PROMPT", "VOICEMAIL_GREETING"] as MediaKind[]).map((k) => ({ value: k, label: KIND_NAMES[k] }))}
          />
        </Form.Item>
        <Form.Item name="name" label="名称" rules={[{ required: true, whitespace: true, message: "请填写名称" }, { max: 80, message: "名称不能超过80个字" }]}>
          <Input placeholder="例如:主菜单" />
        </Form.Item>
        <Form.Item name="text" label="播报文字" rules={[{ required: true, whitespace: true, message: "请填写要播报的文字" }]}>
          <Input.TextArea rows={4} maxLength={500} showCount placeholder="欢迎致电……,查号请拨1,值班请拨2,投诉请拨3" />
        </Form.Item>
        <Typography.Text type="secondary">彩铃须上传录音文件并经审核,不能由文字合成。</Typography.Text>
      </Form>
    </Modal>
  );
}

function RenameDialog({ item, onClose }: { item: MediaItemFieldsFragment | null; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<{ name: string }>();
  const [busy, setBusy] = useState(false);

  async function submit({ name }: { name: string }) {
    if (!item) return;
    setBusy(true);
    try {
      const renamed = unwrap((await request(RenameMediaDocument, { id: item.id, name })).renameMedia);
      message.success(`已改名为「${renamed.name}」`);
      await queryClient.invalidateQueries({ queryKey: MEDIA_KEY });
      onClose();
    } catch (e) {
      if (e instanceof UserErrorsError) form.setFields([{ name: "name", errors: e.errors.map((err) => err.message) }]);
      else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal
      open={item !== null}
      title="重命名"
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      onOk={() => form.submit()}
      okButtonProps={{ loading: busy }}
      destroyOnHidden
      afterOpenChange={(open) => open && item && form.setFieldsValue({ name: item.name })}
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="name" label="新名称" rules={[{ required: true, whitespace: true, message: "请填写名称" }, { max: 80, message: "名称不能超过80个字" }]}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function MediaRow({ item, onRename }: { item: MediaItemFieldsFragment; onRename: () => void }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [playing, setPlaying] = useState(false);
  const review = REVIEW[item.reviewStatus];

  async function remove() {
    try {
      unwrap((await request(DeleteMediaDocument, { id: item.id })).deleteMedia);
      message.success(`已删除「${item.name}」`);
      await queryClient.invalidateQueries({ queryKey: MEDIA_KEY });
    } catch (e) {
      // Refused while a published flow plays it: the message names those flows, worth reading in full.
      modal.error({ title: `无法删除「${item.name}」`, content: errorMessage(e), okText: "知道了" });
    }
  }

  return (
    <List.Item>
      <div style={{ width: "100%" }}>
        <Space wrap size={[8, 4]} style={{ marginBottom: 4 }}>
          <Typography.Text strong>{item.name}</Typography.Text>
          <Tag color="blue">{KIND_NAMES[item.kind]}</Tag>
          {review ? <Tag color={review.color}>{review.label}</Tag> : null}
          {item.text ? (
            <Tag icon={<FileTextOutlined />} color="gold">
              文字合成
            </Tag>
          ) : null}
        </Space>
        {item.reviewStatus === "REJECTED" && item.rejectReason ? (
          <Alert type="error" showIcon style={{ margin: "4px 0" }} title={`驳回原因:${item.rejectReason}`} />
        ) : null}
        {item.text ? <Typography.Paragraph style={{ margin: "4px 0" }}>“{item.text}”</Typography.Paragraph> : null}
        <Typography.Text type="secondary" style={{ display: "block" }}>
          时长 {seconds(item.durationSeconds)} · {megabytes(item.sizeBytes)} · 上传于 {dateTime(item.createdAt)}
          {item.reviewedAt ? ` · 审核于 ${date(item.reviewedAt)}` : ""}
        </Typography.Text>
        <Space wrap size={0} style={{ marginTop: 4 }}>
          {item.previewUrl ? (
            <Button type="link" icon={<PlayCircleOutlined />} onClick={() => setPlaying(!playing)} aria-expanded={playing} aria-label={`${playing ? "收起" : "试听"} ${item.name}`} autoInsertSpace={false}>
              {playing ? "收起" : "试听"}
            </Button>
          ) : null}
          <Button type="link" icon={<EditOutlined />} onClick={onRename} aria-label={`重命名 ${item.name}`} autoInsertSpace={false}>
            重命名
          </Button>
          <Popconfirm title={`删除「${item.name}」?`} description="删除后不可恢复。" okText="删除" cancelText="取消" onConfirm={remove}>
            <Button type="link" danger icon={<DeleteOutlined />} aria-label={`删除 ${item.name}`} autoInsertSpace={false}>
              删除
            </Button>
          </Popconfirm>
        </Space>
        {playing && item.previewUrl ? <AudioPlayer src={item.previewUrl} label={item.name} autoPlay /> : null}
      </div>
    </List.Item>
  );
}

/** The whole library (the storage quota keeps it small), newest first, with the account's usage. */
async function loadLibrary(): Promise<{ items: MediaItemFieldsFragment[]; usage: MediaUsageFieldsFragment }> {
  const items: MediaItemFieldsFragment[] = [];
  let after: string | null = null;
  for (;;) {
    const page: MediaLibraryQuery = await request(MediaLibraryDocument, { first: 100, after });
    items.push(...page.mediaItems.edges.map((e) => e.node));
    if (!page.mediaItems.pageInfo.hasNextPage) return { items: items.reverse(), usage: page.mediaUsage };
    after = page.mediaItems.pageInfo.endCursor;
  }
}

export default function MediaPage() {
  const library = useQuery({ queryKey: MEDIA_KEY, queryFn: loadLibrary });
  const [filter, setFilter] = useState<MediaKind | "ALL">("ALL");
  const [uploading, setUploading] = useState(false);
  const [writing, setWriting] = useState(false);
  const [renaming, setRenaming] = useState<MediaItemFieldsFragment | null>(null);
  const usage = library.data?.usage;
  const items = library.data?.items ?? [];
  const shown = filter === "ALL" ? items : items.filter((i) => i.kind === filter);

  return (
    <div className="page">
      <PageTitle
        title="语音文件"
        extra={
          <>
            {/* Enabled once the fee is known: the dialog must name it before a ringback is charged. */}
            <Button type="primary" icon={<UploadOutlined />} onClick={() => setUploading(true)} disabled={!usage}>
              上传音频
            </Button>
            <Button icon={<FileTextOutlined />} onClick={() => setWriting(true)}>
              文字合成
            </Button>
          </>
        }
      />
      {library.error ? <Alert type="error" showIcon title={errorMessage(library.error)} style={{ marginBottom: 16 }} /> : null}
      {usage ? (
        <>
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title={`上传彩铃每次收取彩铃审核费 ${yuan(usage.ringbackFeeFen)},审核通过后方可播放;语音提示和留言问候语免费。`}
          />
          <UsageCard usage={usage} />
        </>
      ) : null}
      <Segmented<MediaKind | "ALL">
        aria-label="按用途筛选"
        value={filter}
        onChange={setFilter}
        style={{ marginBottom: 8, maxWidth: "100%", overflowX: "auto" }}
        options={[{ value: "ALL", label: "全部" }, ...(Object.keys(KIND_NAMES) as MediaKind[]).map((k) => ({ value: k, label: KIND_NAMES[k] }))]}
      />
      <List<MediaItemFieldsFragment>
        loading={library.isPending}
        dataSource={shown}
        rowKey="id"
        locale={{ emptyText: "还没有语音文件:上传彩铃或录音,或用文字合成语音提示" }}
        renderItem={(item) => <MediaRow item={item} onRename={() => setRenaming(item)} />}
      />
      <UploadDialog open={uploading} fee={usage?.ringbackFeeFen ?? 0} onClose={() => setUploading(false)} />
      <TextPromptDialog open={writing} onClose={() => setWriting(false)} />
      <RenameDialog item={renaming} onClose={() => setRenaming(null)} />
    </div>
  );
}
