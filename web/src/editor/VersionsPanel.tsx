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
import { clearOfShown, diffMarks, ghostsOf, inOrder, lookOnly, type Comparison } from "./comparison";
import { docToGraph, type FlowDoc } from "./model";
import { useOverlay } from "./overlay";
import { useMedia } from "./PromptPicker";
import { useEditor } from "./store";

type Diff = Extract<FlowDiffQuery["flowDiff"], { __typename: "FlowDiff" }>;

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
  compareOnly = false,
  onShowCanvas,
}: {
  flowId: string;
  /** The draft's saved revision: comparisons with the draft follow every save. */
  revision: number;
  flush: () => Promise<boolean>;
  hasErrors: boolean;
  restore: (doc: FlowDoc) => void;
  /** On a phone, where nothing is edited: versions are compared, never published, assigned or restored. */
  compareOnly?: boolean;
  /** Where the canvas is elsewhere (a phone's other view): brings it up to look at the marks. */
  onShowCanvas?: () => void;
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
  const setViewing = useOverlay((s) => s.setViewing);
  const viewingShown = useOverlay((s) => s.viewing !== null);
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
  // A version never changes: each is fetched once.
  const fromDoc = useQuery({
    queryKey: ["flowVersionDocument", comparison?.from],
    queryFn: async () => (await request(FlowVersionDocumentDocument, { id: comparison!.from })).flowVersion,
    enabled: comparison !== null,
    staleTime: Infinity,
  });
  const toDoc = useQuery({
    queryKey: ["flowVersionDocument", comparison?.to],
    queryFn: async () => (await request(FlowVersionDocumentDocument, { id: comparison!.to! })).flowVersion,
    enabled: Boolean(comparison?.to),
    staleTime: Infinity,
  });

  // Marks on the canvas, which shows the newer side: the draft, or the newer published version drawn
  // read-only in the draft's place (the draft itself is left alone). Removed nodes are drawn where they
  // stood in the older version, as ghosts that cannot be edited.
  useEffect(() => {
    const diff = compared.data;
    const after = comparison?.to ? toDoc.data : undefined;
    if (!comparison || !diff || !fromDoc.data || (comparison.to !== null && !after)) {
      setDiff({});
      setGhosts({ nodes: [], edges: [] });
      setViewing(null);
      return;
    }
    const name = (id: string) => `第 ${byId.get(id)?.version ?? "?"} 版`;
    const shown = comparison.to !== null && after ? lookOnly(docToGraph(after.document as FlowDoc)) : null;
    const ghosts = ghostsOf(docToGraph(fromDoc.data.document as FlowDoc), diff);
    setGhosts({ ...ghosts, nodes: clearOfShown(ghosts.nodes, shown?.nodes ?? useEditor.getState().nodes) });
    setDiff(diffMarks(diff));
    setViewing(
      comparison.to !== null && shown
        ? { key: `${comparison.from}:${comparison.to}`, name: name(comparison.to), against: name(comparison.from), ...shown, leave: () => setComparison(null) }
        : null,
    );
  }, [comparison, compared.data, fromDoc.data, toDoc.data, byId, setDiff, setGhosts, setViewing]);
  useEffect(() => () => (setDiff({}), setGhosts({ nodes: [], edges: [] }), setViewing(null)), [setDiff, setGhosts, setViewing]);

  async function compare(from: string, to: string | null) {
    if (to === null && !(await flush())) return;
    const ordered = inOrder(from, to, (id) => byId.get(id)?.version);
    setPick({ from: ordered.from, to: ordered.to ?? "draft" });
    setComparison(ordered);
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
      onOk: () => {
        restore(v.document as FlowDoc);
        // The restored draft is what the designer wants to see next, not a version on view.
        setComparison((c) => (c?.to ? null : c));
      },
    });
  }

  const names = useMemo(() => new Map<string, NodeName>((compared.data?.names ?? []).map((n) => [n.id, n])), [compared.data]);
  const prompts = useMemo(() => new Map((media.data ?? []).map((m) => [m.promptId, m.name])), [media.data]);
  const lines = (compared.data?.changes ?? []).map((c) => describe(c as Change, names, prompts));
  const pendingCount = pending.data?.changes.length ?? 0;
  const versionOptions = [...list].reverse().map((v) => ({ value: v.id, label: `第 ${v.version} 版` }));

  return (
    <div>
      {!compareOnly && (
        <Space style={{ marginBottom: 8 }} wrap>
          <Button type="primary" disabled={hasErrors} onClick={() => setPublishing(true)}>发布</Button>
          {hasErrors && <Typography.Text type="danger">有错误,修正后才能发布</Typography.Text>}
        </Space>
      )}
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
            {comparison.to === null ? (
              <Button size="small" type="link" onClick={() => setComparison(null)}>清除标记</Button>
            ) : (
              <Button size="small" type="primary" onClick={() => setComparison(null)}>{compareOnly ? "返回草稿" : "返回编辑草稿"}</Button>
            )}
          </Space>
          <div>
            <Typography.Text type="secondary">
              {comparison.to === null ? "画布上已标出:" : `画布显示${versionName(comparison.to)}(只读),已标出:`}
              <Tag color="green">新增</Tag><Tag color="orange">修改</Tag><Tag color="red">删除(虚线)</Tag>
            </Typography.Text>
          </div>
          {onShowCanvas && (
            <Button size="small" style={{ marginTop: 8 }} disabled={!compared.data} onClick={onShowCanvas}>在流程图上查看</Button>
          )}
          {lines.length > 0 && (
            <ul aria-label="改动列表" style={{ paddingLeft: 0, listStyle: "none", margin: "8px 0 0" }}>
              {lines.map((l, i) => {
                // A node's line shows it on the canvas: the newer side holds it, or its ghost stands there.
                const nodeId = !onShowCanvas && (comparison.to === null || viewingShown) && l.nodeId;
                const show = (id: string) => {
                  const shown = canvas.getNode(id);
                  if (shown) void canvas.setCenter(shown.position.x + 100, shown.position.y + 40, { zoom: 1.2, duration: 300 });
                };
                return (
                  <li key={i} style={{ marginBottom: 4, display: "flex", alignItems: "flex-start" }}>
                    <Tag color={KIND_TAG[l.kind].color} style={{ flex: "none" }}>{KIND_TAG[l.kind].text}</Tag>
                    {nodeId ? (
                      <button type="button" style={JUMP_STYLE} onClick={() => show(nodeId)}>
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
                {!compareOnly && (
                  <>
                    <Button size="small" type="link" onClick={() => setAssigning(v.id)}>用于号码</Button>
                    <Button size="small" type="link" onClick={() => void restoreVersion(v.id, v.version)}>恢复为草稿</Button>
                  </>
                )}
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
