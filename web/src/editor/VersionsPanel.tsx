import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useReactFlow } from "@xyflow/react";
import { App, Button, Form, Input, List, Modal, Select, Space, Tag, Tooltip, Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useMemo, useState } from "react";
import { request, unwrap } from "../api/client";
import {
  ActiveNumbersDocument,
  FlowDiffDocument,
  FlowVersionDocumentDocument,
  FlowVersionsDocument,
  PublishFlowDocument,
  SetNumberFlowVersionDocument,
  type FlowDiffQuery,
  type LiveNumberFieldsFragment,
} from "../gql/graphql";
import { describe, type Change, type NodeName } from "./changes";
import { docToGraph, type FlowDoc } from "./model";
import { useOverlay, type DiffMark } from "./overlay";
import { useMedia } from "./PromptPicker";

type Diff = Extract<FlowDiffQuery["flowDiff"], { __typename: "FlowDiff" }>;
/** Two versions to compare; `to` null is the draft (only then are the changes marked on the canvas). */
type Comparison = { from: string; to: string | null };

const KIND_TAG: Record<Change["kind"], { color: string; text: string }> = {
  ADDED: { color: "green", text: "新增" },
  CHANGED: { color: "orange", text: "修改" },
  REMOVED: { color: "red", text: "删除" },
};

/** A change line that shows its node: reads as text, in the link colour, wrapping like the lines around it. */
const JUMP_STYLE = { background: "none", border: "none", padding: 0, font: "inherit", color: "#1464c8", cursor: "pointer", textAlign: "left" } as const;

export function useActiveNumbers() {
  return useQuery({ queryKey: ["numbers", "active"], queryFn: async () => (await request(ActiveNumbersDocument)).numbers.edges.map((e) => e.node) });
}

/** The flow's published versions, oldest first, each with the numbers it is live on. */
export function useFlowVersions(flowId: string) {
  return useQuery({
    queryKey: ["flowVersions", flowId],
    queryFn: async () => (await request(FlowVersionsDocument, { flowId })).flowVersions.edges.map((e) => e.node),
  });
}

/** "400-600-0001 用第 2 版" for every number the flow is live on. */
export function liveText(live: Pick<LiveNumberFieldsFragment, "display" | "version">[]): string {
  return live.map((n) => `${n.display} 用第 ${n.version} 版`).join(",");
}

async function fetchDiff(from: string, to: string | null): Promise<Diff> {
  return unwrap((await request(FlowDiffDocument, { fromVersionId: from, toVersionId: to })).flowDiff);
}

/** In the editor's header: which version callers reach, on which numbers. */
export function LiveTag({ flowId }: { flowId: string }) {
  const versions = useFlowVersions(flowId);
  if (!versions.data) return null;
  const live = versions.data.flatMap((v) => v.liveNumbers);
  if (!versions.data.length) return <Tag>尚未发布</Tag>;
  if (!live.length) return <Tag>已发布 {versions.data.length} 个版本,未用于号码</Tag>;
  const text = liveText(live);
  return (
    <Tooltip title={text}>
      <Tag color="blue" data-testid="live-tag" style={{ maxWidth: 320, overflow: "hidden", textOverflow: "ellipsis" }}>
        使用中:{text}
      </Tag>
    </Tooltip>
  );
}

export function VersionsPanel({
  flowId,
  revision,
  flush,
  hasErrors,
  restore,
}: {
  flowId: string;
  /** The draft's saved revision: comparisons with the draft follow every save. */
  revision: number;
  flush: () => Promise<boolean>;
  hasErrors: boolean;
  restore: (doc: FlowDoc) => void;
}) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const versions = useFlowVersions(flowId);
  const numbers = useActiveNumbers();
  const media = useMedia();
  const [publishing, setPublishing] = useState(false);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [form] = Form.useForm<{ message: string; numberIds: string[] }>();
  const [assignForm] = Form.useForm<{ numberId: string }>();
  const setDiff = useOverlay((s) => s.setDiff);
  const setGhosts = useOverlay((s) => s.setGhosts);
  const canvas = useReactFlow();
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [pick, setPick] = useState<{ from?: string; to: string }>({ to: "draft" });

  const list = useMemo(() => versions.data ?? [], [versions.data]);
  const latest = list.at(-1);
  const byId = useMemo(() => new Map(list.map((v) => [v.id, v])), [list]);
  const versionName = (id: string | null) => (id === null ? "草稿" : `第 ${byId.get(id)?.version ?? "?"} 版`);
  // Which version each number runs, among this flow's versions.
  const runs = useMemo(() => new Map(list.flatMap((v) => v.liveNumbers.map((n) => [n.numberId, v.version] as const))), [list]);
  const numberOptions = (numbers.data ?? []).map((n) => ({ value: n.id, label: runs.has(n.id) ? `${n.display}(正在用第 ${runs.get(n.id)} 版)` : n.display }));

  // The draft against the newest version: kept current after every save and every publication.
  const pending = useQuery({
    queryKey: ["flowDiff", flowId, latest?.id, "draft", revision],
    queryFn: () => fetchDiff(latest!.id, null),
    enabled: Boolean(latest),
  });
  const compared = useQuery({
    queryKey: ["flowDiff", flowId, comparison?.from, comparison?.to ?? "draft", comparison?.to ? 0 : revision],
    queryFn: () => fetchDiff(comparison!.from, comparison!.to),
    enabled: comparison !== null,
  });
  const fromDoc = useQuery({
    queryKey: ["flowVersionDocument", comparison?.from],
    queryFn: async () => (await request(FlowVersionDocumentDocument, { id: comparison!.from })).flowVersion,
    enabled: comparison !== null && comparison.to === null,
    staleTime: Infinity, // a version never changes
  });

  // Marks on the canvas, only when the canvas (the draft) is one side of the comparison.
  useEffect(() => {
    const diff = compared.data;
    if (!comparison || comparison.to !== null || !diff || !fromDoc.data) {
      setDiff({});
      setGhosts({ nodes: [], edges: [] });
      return;
    }
    const marks: Record<string, DiffMark> = {};
    for (const id of [...diff.nodesAdded, ...diff.edgesAdded]) marks[id] = "added";
    for (const id of [...diff.nodesChanged, ...diff.edgesChanged]) marks[id] = "changed";
    for (const id of [...diff.nodesRemoved, ...diff.edgesRemoved]) marks[id] = "removed";
    // Removed nodes are drawn where they stood in that version, as ghosts that cannot be edited.
    const before = docToGraph(fromDoc.data.document as FlowDoc);
    const removedNodes = new Set(diff.nodesRemoved);
    const removedEdges = new Set(diff.edgesRemoved);
    setGhosts({
      nodes: before.nodes.filter((n) => removedNodes.has(n.id)).map((n) => ({ ...n, selectable: false, draggable: false, deletable: false, connectable: false, focusable: false })),
      edges: before.edges.filter((e) => removedEdges.has(e.id)),
    });
    setDiff(marks);
  }, [comparison, compared.data, fromDoc.data, setDiff, setGhosts]);
  useEffect(() => () => (setDiff({}), setGhosts({ nodes: [], edges: [] })), [setDiff, setGhosts]);

  async function compare(from: string, to: string | null) {
    if (to === null && !(await flush())) return;
    setPick({ from, to: to ?? "draft" });
    setComparison({ from, to });
  }

  async function refreshAfterChange() {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: ["flowVersions", flowId] }),
      queryClient.invalidateQueries({ queryKey: ["flowDiff", flowId] }),
      queryClient.invalidateQueries({ queryKey: ["flows"] }),
      queryClient.invalidateQueries({ queryKey: ["numberDetail"] }),
      queryClient.invalidateQueries({ queryKey: ["runningVersion"] }),
    ]);
  }

  const publish = useMutation({
    mutationFn: async (v: { message: string; numberIds: string[] }) => {
      if (!(await flush())) throw new Error("草稿未能保存,无法发布");
      return unwrap((await request(PublishFlowDocument, { id: flowId, message: v.message ?? "", numberIds: v.numberIds?.length ? v.numberIds : null })).publishFlow);
    },
    onSuccess: async (v) => {
      const on = v.liveNumbers.length ? `,已用于 ${v.liveNumbers.map((n) => n.display).join("、")}` : "";
      message.success(`已发布第 ${v.version} 版${on}`);
      setPublishing(false);
      form.resetFields();
      await refreshAfterChange();
    },
    onError: (e) => message.error(e.message),
  });

  const assign = useMutation({
    mutationFn: async (v: { numberId: string; versionId: string }) => unwrap((await request(SetNumberFlowVersionDocument, v)).setNumberFlowVersion),
    onSuccess: async () => {
      message.success("号码已切换到该版本");
      setAssigning(null);
      await refreshAfterChange();
    },
    onError: (e) => message.error(e.message),
  });

  async function restoreVersion(versionId: string, version: number) {
    const v = (await request(FlowVersionDocumentDocument, { id: versionId })).flowVersion;
    if (!v) return;
    modal.confirm({
      title: `用第 ${version} 版替换当前草稿?`,
      content: "当前草稿的修改可以用「撤销」找回。",
      okText: "替换",
      cancelText: "取消",
      onOk: () => restore(v.document as FlowDoc),
    });
  }

  const names = useMemo(() => new Map<string, NodeName>((compared.data?.names ?? []).map((n) => [n.id, n])), [compared.data]);
  const prompts = useMemo(() => new Map((media.data ?? []).map((m) => [m.promptId, m.name])), [media.data]);
  const lines = (compared.data?.changes ?? []).map((c) => describe(c as Change, names, prompts));
  const pendingCount = pending.data?.changes.length ?? 0;
  const versionOptions = [...list].reverse().map((v) => ({ value: v.id, label: `第 ${v.version} 版` }));

  return (
    <div>
      <Space style={{ marginBottom: 8 }} wrap>
        <Button type="primary" disabled={hasErrors} onClick={() => setPublishing(true)}>发布</Button>
        {hasErrors && <Typography.Text type="danger">有错误,修正后才能发布</Typography.Text>}
      </Space>
      <div aria-live="polite" data-testid="draft-status" style={{ marginBottom: 12 }}>
        {!latest ? (
          <Typography.Text type="secondary">尚未发布:发布后,号码才能使用这个流程。</Typography.Text>
        ) : pending.data && pendingCount === 0 ? (
          <Typography.Text>草稿与第 {latest.version} 版相同。</Typography.Text>
        ) : pending.data ? (
          <Typography.Text>
            草稿有 {pendingCount} 处改动尚未发布(与第 {latest.version} 版相比)
            <Button size="small" type="link" onClick={() => void compare(latest.id, null)}>查看</Button>
          </Typography.Text>
        ) : null}
      </div>

      {list.length > 0 && (
        <Space wrap size={4} style={{ marginBottom: 8 }} aria-label="对比版本">
          <Select size="small" aria-label="对比的旧版本" placeholder="选择版本" style={{ width: 96 }} value={pick.from} options={versionOptions} onChange={(from: string) => setPick((p) => ({ ...p, from }))} />
          <span>与</span>
          <Select size="small" aria-label="对比的新版本" style={{ width: 96 }} value={pick.to} options={[{ value: "draft", label: "草稿" }, ...versionOptions]} onChange={(to: string) => setPick((p) => ({ ...p, to }))} />
          <Button size="small" autoInsertSpace={false} disabled={!pick.from || pick.from === pick.to} onClick={() => pick.from && void compare(pick.from, pick.to === "draft" ? null : pick.to)}>
            对比
          </Button>
        </Space>
      )}

      {comparison && (
        <section aria-label="版本对比" className="version-compare" style={{ marginBottom: 12, padding: 8, border: "1px solid #f0f0f0", borderRadius: 6 }}>
          <Space style={{ width: "100%", justifyContent: "space-between" }}>
            <Typography.Text strong>
              {versionName(comparison.from)} → {versionName(comparison.to)}:{compared.data ? (lines.length ? `${lines.length} 处改动` : "没有改动") : "正在对比…"}
            </Typography.Text>
            <Button size="small" type="link" onClick={() => setComparison(null)}>清除标记</Button>
          </Space>
          <div>
            {comparison.to === null ? (
              <Typography.Text type="secondary">
                画布上已标出:<Tag color="green">新增</Tag><Tag color="orange">修改</Tag><Tag color="red">删除(虚线)</Tag>
              </Typography.Text>
            ) : (
              <Typography.Text type="secondary">画布显示的是草稿;两个已发布版本之间的改动只列在下面。</Typography.Text>
            )}
          </div>
          {lines.length > 0 && (
            <ul aria-label="改动列表" style={{ paddingLeft: 0, listStyle: "none", margin: "8px 0 0" }}>
              {lines.map((l, i) => {
                // A node on the canvas (the draft, or a removed node's ghost) can be shown from its line.
                const shown = comparison.to === null && l.nodeId ? canvas.getNode(l.nodeId) : undefined;
                return (
                  <li key={i} style={{ marginBottom: 4, display: "flex", alignItems: "flex-start" }}>
                    <Tag color={KIND_TAG[l.kind].color} style={{ flex: "none" }}>{KIND_TAG[l.kind].text}</Tag>
                    {shown ? (
                      <button type="button" style={JUMP_STYLE}
                        onClick={() => void canvas.setCenter(shown.position.x + 100, shown.position.y + 40, { zoom: 1.2, duration: 300 })}>
                        {l.text}
                      </button>
                    ) : (
                      <span>{l.text}</span>
                    )}
                  </li>
                );
              })}
            </ul>
          )}
        </section>
      )}

      <List
        loading={versions.isPending}
        dataSource={[...list].reverse()}
        locale={{ emptyText: "还没有发布过版本" }}
        renderItem={(v) => (
          <List.Item>
            <div style={{ width: "100%" }} data-testid={`version-${v.version}`}>
              <div>
                <strong>第 {v.version} 版</strong> {v.message && `· ${v.message}`}
              </div>
              {v.liveNumbers.length > 0 && (
                <div>
                  {v.liveNumbers.map((n) => (
                    <Tag key={n.numberId} color="blue">{n.display} 使用中</Tag>
                  ))}
                </div>
              )}
              <Typography.Text type="secondary">
                {v.publishedBy} · {dayjs(v.createdAt).format("YYYY-MM-DD HH:mm")}
              </Typography.Text>
              <div>
                <Button size="small" type="link" onClick={() => void compare(v.id, null)}>与草稿对比</Button>
                <Button size="small" type="link" onClick={() => setAssigning(v.id)}>用于号码</Button>
                <Button size="small" type="link" onClick={() => void restoreVersion(v.id, v.version)}>恢复为草稿</Button>
              </div>
            </div>
          </List.Item>
        )}
      />
      <Modal open={publishing} title="发布新版本" okText="发布" cancelText="取消" confirmLoading={publish.isPending} onCancel={() => setPublishing(false)} onOk={() => form.submit()}>
        <Form form={form} layout="vertical" onFinish={(v) => publish.mutate(v)}>
          <Form.Item label="版本说明" name="message"><Input maxLength={200} placeholder="例如:增加传真分机" /></Form.Item>
          <Form.Item label="立即用于这些号码(可选)" name="numberIds">
            <Select mode="multiple" aria-label="立即用于这些号码" loading={numbers.isPending} options={numberOptions} notFoundContent="没有已开通的号码" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={assigning !== null} title="把该版本用于号码" okText="切换" cancelText="取消" confirmLoading={assign.isPending} onCancel={() => setAssigning(null)} onOk={() => assignForm.submit()}>
        <Form form={assignForm} layout="vertical" onFinish={(v) => assigning && assign.mutate({ numberId: v.numberId, versionId: assigning })}>
          <Form.Item label="号码" name="numberId" rules={[{ required: true, message: "请选择号码" }]}>
            <Select aria-label="号码" options={numberOptions} notFoundContent="没有已开通的号码" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
