import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import {
  ActiveNumbersDocument,
  FlowDiffDocument,
  FlowVersionDocumentDocument,
  FlowVersionsDocument,
  PublishFlowDocument,
  SetNumberFlowVersionDocument,
} from "../gql/graphql";
import { docToGraph, type FlowDoc } from "./model";
import { useOverlay, type DiffMark } from "./overlay";

export function useActiveNumbers() {
  return useQuery({ queryKey: ["numbers", "active"], queryFn: async () => (await request(ActiveNumbersDocument)).numbers.edges.map((e) => e.node) });
}

export function VersionsPanel({
  flowId,
  flush,
  hasErrors,
  restore,
}: {
  flowId: string;
  flush: () => Promise<boolean>;
  hasErrors: boolean;
  restore: (doc: FlowDoc) => void;
}) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const key = ["flowVersions", flowId];
  const versions = useQuery({ queryKey: key, queryFn: async () => (await request(FlowVersionsDocument, { flowId })).flowVersions.edges.map((e) => e.node) });
  const numbers = useActiveNumbers();
  const [publishing, setPublishing] = useState(false);
  const [assigning, setAssigning] = useState<string | null>(null);
  const [form] = Form.useForm<{ message: string; numberIds: string[] }>();
  const [assignForm] = Form.useForm<{ numberId: string }>();
  const setDiff = useOverlay((s) => s.setDiff);
  const setGhosts = useOverlay((s) => s.setGhosts);
  const diffMarks = useOverlay((s) => s.diff);
  const [diffOf, setDiffOf] = useState<{ version: number; removed: string[] } | null>(null);

  const publish = useMutation({
    mutationFn: async (v: { message: string; numberIds: string[] }) => {
      if (!(await flush())) throw new Error("草稿未能保存,无法发布");
      return unwrap((await request(PublishFlowDocument, { id: flowId, message: v.message ?? "", numberIds: v.numberIds?.length ? v.numberIds : null })).publishFlow);
    },
    onSuccess: async (v) => {
      message.success(`已发布第 ${v.version} 版`);
      setPublishing(false);
      form.resetFields();
      await queryClient.invalidateQueries({ queryKey: key });
    },
    onError: (e) => message.error(e.message),
  });

  const assign = useMutation({
    mutationFn: async (v: { numberId: string; versionId: string }) => unwrap((await request(SetNumberFlowVersionDocument, v)).setNumberFlowVersion),
    onSuccess: () => {
      message.success("号码已切换到该版本");
      setAssigning(null);
    },
    onError: (e) => message.error(e.message),
  });

  async function showDiff(versionId: string, version: number) {
    if (!(await flush())) return;
    const [diffResult, old] = await Promise.all([
      request(FlowDiffDocument, { fromVersionId: versionId }),
      request(FlowVersionDocumentDocument, { id: versionId }),
    ]);
    const diff = unwrap(diffResult.flowDiff);
    const marks: Record<string, DiffMark> = {};
    for (const id of [...diff.nodesAdded, ...diff.edgesAdded]) marks[id] = "added";
    for (const id of [...diff.nodesChanged, ...diff.edgesChanged]) marks[id] = "changed";
    for (const id of [...diff.nodesRemoved, ...diff.edgesRemoved]) marks[id] = "removed";
    // Removed nodes are drawn where they stood in that version, as ghosts that cannot be edited.
    const before = old.flowVersion ? docToGraph(old.flowVersion.document as FlowDoc) : { nodes: [], edges: [] };
    const removedNodes = new Set(diff.nodesRemoved);
    const removedEdges = new Set(diff.edgesRemoved);
    setGhosts({
      nodes: before.nodes.filter((n) => removedNodes.has(n.id)).map((n) => ({ ...n, selectable: false, draggable: false, deletable: false, connectable: false, focusable: false })),
      edges: before.edges.filter((e) => removedEdges.has(e.id)),
    });
    setDiff(marks);
    setDiffOf({ version, removed: [...diff.nodesRemoved, ...diff.edgesRemoved] });
  }

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

  return (
    <div>
      <Space style={{ marginBottom: 12 }}>
        <Button type="primary" disabled={hasErrors} onClick={() => setPublishing(true)}>发布</Button>
        {hasErrors && <Typography.Text type="danger">有错误,修正后才能发布</Typography.Text>}
      </Space>
      {diffOf && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text>
            与第 {diffOf.version} 版相比:<Tag color="green">新增</Tag>
            <Tag color="orange">修改</Tag><Tag color="red">删除(虚线)</Tag>已在画布上标出({Object.keys(diffMarks).length} 处)
            {diffOf.removed.length > 0 && <>;已删除:{diffOf.removed.join("、")}</>}
          </Typography.Text>
          <Button size="small" type="link" onClick={() => (setDiff({}), setGhosts({ nodes: [], edges: [] }), setDiffOf(null))}>清除标记</Button>
        </div>
      )}
      <List
        loading={versions.isPending}
        dataSource={[...(versions.data ?? [])].reverse()}
        locale={{ emptyText: "还没有发布过版本" }}
        renderItem={(v) => (
          <List.Item>
            <div style={{ width: "100%" }}>
              <div>
                <strong>第 {v.version} 版</strong> {v.message && `· ${v.message}`}
              </div>
              <Typography.Text type="secondary">
                {v.publishedBy} · {dayjs(v.createdAt).format("YYYY-MM-DD HH:mm")}
              </Typography.Text>
              <div>
                <Button size="small" type="link" onClick={() => void showDiff(v.id, v.version)}>与草稿对比</Button>
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
            <Select mode="multiple" aria-label="立即用于这些号码" loading={numbers.isPending} options={(numbers.data ?? []).map((n) => ({ value: n.id, label: n.display }))}
              notFoundContent="没有已开通的号码" />
          </Form.Item>
        </Form>
      </Modal>
      <Modal open={assigning !== null} title="把该版本用于号码" okText="切换" cancelText="取消" confirmLoading={assign.isPending} onCancel={() => setAssigning(null)} onOk={() => assignForm.submit()}>
        <Form form={assignForm} layout="vertical" onFinish={(v) => assigning && assign.mutate({ numberId: v.numberId, versionId: assigning })}>
          <Form.Item label="号码" name="numberId" rules={[{ required: true, message: "请选择号码" }]}>
            <Select aria-label="号码" options={(numbers.data ?? []).map((n) => ({ value: n.id, label: n.display }))} notFoundContent="没有已开通的号码" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
