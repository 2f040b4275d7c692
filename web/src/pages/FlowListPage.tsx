import { CopyOutlined, DeleteOutlined, DownloadOutlined, EditOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { App, Button, Form, Input, Modal, Popconfirm, Space, Table, Tag, Typography, Upload } from "antd";
import dayjs from "dayjs";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import { accountColumn, FlowFilters, NO_FILTER, operatorFlows, type FlowFilter, type FlowRow } from "../console/flowFilters";
import {
  CopyFlowDocument,
  CreateFlowDocument,
  DeleteFlowDocument,
  FlowDocument,
  FlowsDocument,
  ImportFlowDocument,
  RenameFlowDocument,
  type FlowSummaryFragment,
} from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { navigate } from "../router";
import { AppLink } from "../ui/AppLink";
import { errorMessage } from "../ui/errors";

export const FLOWS_KEY = ["flows"] as const;

type NameDialog = { title: string; initial: string; submit: (name: string) => Promise<unknown> };

export default function FlowListPage({ viewer }: Partial<PageProps>) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  // Operators see every customer's flows, with whose each is, and narrow them by account or name.
  const operator = viewer?.isOperator ?? false;
  const [filter, setFilter] = useState<FlowFilter>(NO_FILTER);
  const flows = useQuery({
    queryKey: [...FLOWS_KEY, operator ? filter : null],
    queryFn: async (): Promise<FlowRow[]> =>
      operator ? operatorFlows(filter) : (await request(FlowsDocument, {})).flows.edges.map((e) => e.node),
  });
  const [dialog, setDialog] = useState<NameDialog | null>(null);
  const [form] = Form.useForm<{ name: string }>();

  async function act(run: () => Promise<unknown>, done: string) {
    try {
      await run();
      message.success(done);
      await queryClient.invalidateQueries({ queryKey: FLOWS_KEY });
      return true;
    } catch (e) {
      message.error(errorMessage(e));
      return false;
    }
  }

  function openDialog(d: NameDialog) {
    setDialog(d);
    form.setFieldsValue({ name: d.initial });
  }

  async function exportFlow(flow: FlowSummaryFragment) {
    const data = await request(FlowDocument, { id: flow.id });
    const blob = new Blob([JSON.stringify(data.flow?.draft, null, 2)], { type: "application/json" });
    const link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = `${flow.name}.flow.json`;
    link.click();
    URL.revokeObjectURL(link.href);
  }

  async function importFile(file: File) {
    const text = await file.text();
    let name = file.name.replace(/(\.flow)?\.json$/i, "");
    try {
      const parsed = JSON.parse(text) as { name?: unknown };
      if (typeof parsed.name === "string" && parsed.name) name = parsed.name;
    } catch {
      message.error("文件不是有效的 JSON");
      return;
    }
    await act(async () => unwrap((await request(ImportFlowDocument, { name, document: text })).importFlow), `已导入流程「${name}」`);
  }

  return (
    <div className="page">
      <Space style={{ width: "100%", justifyContent: "space-between", marginBottom: 16 }}>
        <Typography.Title level={2} style={{ margin: 0 }}>
          语音导航流程
        </Typography.Title>
        <Space>
          <Upload accept=".json,application/json" showUploadList={false} beforeUpload={(f) => (void importFile(f), false)}>
            <Button icon={<UploadOutlined />}>导入 JSON</Button>
          </Upload>
          <Button
            type="primary"
            icon={<PlusOutlined />}
            onClick={() =>
              openDialog({
                title: "新建流程",
                initial: "",
                submit: async (name) => {
                  const flow = unwrap((await request(CreateFlowDocument, { name })).createFlow);
                  // Close the dialog before leaving: kept open, it would live on hidden (focus trap and
                  // all) under the editor while the editor's code loads.
                  setDialog(null);
                  navigate(`/flows/${flow.id}`);
                },
              })
            }
          >
            新建流程
          </Button>
        </Space>
      </Space>
      {operator ? <FlowFilters value={filter} onChange={setFilter} /> : null}
      <Table<FlowRow>
        rowKey="id"
        scroll={{ x: "max-content" }}
        loading={flows.isPending}
        dataSource={flows.data ?? []}
        pagination={false}
        locale={{ emptyText: operator && (filter.accountId || filter.search) ? "没有符合条件的流程" : "还没有流程:点击「新建流程」开始设计来电导航" }}
        columns={[
          {
            title: "名称",
            dataIndex: "name",
            render: (name: string, flow) => <AppLink to={`/flows/${flow.id}`}>{name}</AppLink>,
          },
          ...(operator ? [accountColumn] : []),
          {
            title: "已发布",
            key: "latest",
            width: 100,
            render: (_: unknown, flow) => (flow.latestVersion ? `第 ${flow.latestVersion} 版` : <Typography.Text type="secondary">未发布</Typography.Text>),
          },
          {
            title: "使用中",
            key: "live",
            render: (_: unknown, flow) =>
              flow.liveNumbers.length ? (
                <Space size={[0, 4]} wrap>
                  {flow.liveNumbers.map((n) => (
                    <Tag key={n.numberId} color="blue">
                      {n.display} · 第 {n.version} 版
                    </Tag>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">未用于号码</Typography.Text>
              ),
          },
          { title: "最后修改", dataIndex: "updatedAt", width: 180, render: (t: string) => dayjs(t).format("YYYY-MM-DD HH:mm") },
          {
            title: "操作",
            width: 330,
            render: (_: unknown, flow) => (
              <Space size={0} wrap>
                <Button type="link" icon={<EditOutlined />} onClick={() => openDialog({
                  title: "重命名流程",
                  initial: flow.name,
                  submit: async (name) => unwrap((await request(RenameFlowDocument, { id: flow.id, name })).renameFlow),
                })} aria-label={`重命名 ${flow.name}`}>
                  重命名
                </Button>
                <Button type="link" icon={<CopyOutlined />} onClick={() => openDialog({
                  title: "复制流程",
                  initial: `${flow.name} 副本`,
                  submit: async (name) => unwrap((await request(CopyFlowDocument, { id: flow.id, name })).copyFlow),
                })} aria-label={`复制 ${flow.name}`}>
                  复制
                </Button>
                <Button type="link" icon={<DownloadOutlined />} onClick={() => void exportFlow(flow)} aria-label={`导出 ${flow.name}`}>
                  导出
                </Button>
                <Popconfirm
                  title={`删除流程「${flow.name}」?`}
                  description={
                    flow.liveNumbers.length
                      ? `${flow.liveNumbers.map((n) => n.display).join("、")} 正在使用该流程,请先为这些号码换用其他接听方式。`
                      : "流程及其所有已发布版本都将删除,无法恢复。"
                  }
                  okText="删除"
                  cancelText="取消"
                  okButtonProps={{ danger: true }}
                  onConfirm={() => act(async () => unwrap((await request(DeleteFlowDocument, { id: flow.id })).deleteFlow), "已删除")}
                >
                  <Button type="link" danger icon={<DeleteOutlined />} aria-label={`删除 ${flow.name}`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      <Modal
        open={dialog !== null}
        title={dialog?.title}
        okText="确定"
        cancelText="取消"
        onCancel={() => setDialog(null)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={async ({ name }) => {
            if (dialog && (await act(() => dialog.submit(name.trim()), "已保存"))) setDialog(null);
          }}
        >
          <Form.Item label="流程名称" name="name" rules={[{ required: true, whitespace: true, message: "请输入流程名称" }]}>
            <Input maxLength={80} autoFocus />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
