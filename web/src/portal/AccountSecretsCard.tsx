// The account's secrets for flows' 查询客户系统 (HTTP request) nodes: an API key or token each, sent only to
// the one host it was saved for. The API never returns a value, so the page cannot show one: a value typed
// here leaves the form as soon as it is saved, and replacing one means typing it again.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Modal, Popconfirm, Space, Table, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import { dateTime } from "../format";
import { AccountSecretsDocument, DeleteAccountSecretDocument, SetAccountSecretDocument, type AccountSecretFieldsFragment } from "../gql/graphql";
import { errorMessage, showErrors } from "../ui/errors";

const SECRETS_KEY = ["accountSecrets"] as const;

type Values = { name: string; host: string; value: string };

// The API's argument names are the form's field names.
const FIELDS = { name: "name", host: "host", value: "value" };

const HOST_HELP = "只填域名或 IP 地址,不带 https:// 和路径,如 crm.example.com";

/** Saves a secret (new or replaced); on a refusal, shows its messages beside the fields and returns false. */
function useSaveSecret() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  return async (form: ReturnType<typeof Form.useForm<Values>>[0], values: Values): Promise<boolean> => {
    try {
      const saved = unwrap((await request(SetAccountSecretDocument, { name: values.name.trim(), host: values.host.trim(), value: values.value })).setAccountSecret);
      await queryClient.invalidateQueries({ queryKey: SECRETS_KEY });
      message.success(`密钥「${saved.name}」已保存,只会发送给 ${saved.host}`);
      return true;
    } catch (e) {
      const rest = showErrors(form, e, FIELDS);
      if (rest) message.error(rest);
      return false;
    }
  };
}

function ReplaceDialog({ secret, onClose }: { secret: AccountSecretFieldsFragment; onClose: () => void }) {
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const save = useSaveSecret();

  async function submit(values: Values) {
    setBusy(true);
    const done = await save(form, { ...values, name: secret.name });
    setBusy(false);
    if (done) onClose();
  }

  return (
    <Modal
      open
      title={`更换密钥「${secret.name}」`}
      okText="保存"
      cancelText="取消"
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form form={form} name="replaceSecret" layout="vertical" requiredMark={false} onFinish={submit} initialValues={{ name: secret.name, host: secret.host, value: "" }}>
        <Form.Item name="host" label="只发送给的主机" extra={HOST_HELP} rules={[{ required: true, whitespace: true, message: "请填写只发送给的主机" }]}>
          <Input autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="value" label="新密钥" extra="保存后不再显示" rules={[{ required: true, message: "请填写新密钥" }]}>
          <Input.Password autoComplete="new-password" visibilityToggle={false} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function AccountSecretsCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const secrets = useQuery({ queryKey: SECRETS_KEY, queryFn: async () => (await request(AccountSecretsDocument)).accountSecrets });
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [replacing, setReplacing] = useState<AccountSecretFieldsFragment | null>(null);
  const save = useSaveSecret();
  const names = new Set((secrets.data ?? []).map((s) => s.name));

  async function add(values: Values) {
    setBusy(true);
    if (await save(form, values)) form.resetFields();
    setBusy(false);
  }

  async function remove(secret: AccountSecretFieldsFragment) {
    try {
      unwrap((await request(DeleteAccountSecretDocument, { name: secret.name })).deleteAccountSecret);
      message.success(`已删除密钥「${secret.name}」`);
    } catch (e) {
      message.error(errorMessage(e));
    }
    await queryClient.invalidateQueries({ queryKey: SECRETS_KEY });
  }

  return (
    <Card title="客户系统密钥" style={{ marginTop: 24 }}>
      <Typography.Paragraph>语音导航中的“查询客户系统”节点调用您的系统时携带的密钥,只会发送给保存时填写的主机。</Typography.Paragraph>
      <Form form={form} name="addSecret" layout="vertical" requiredMark={false} onFinish={add} style={{ maxWidth: 520 }}>
        <Form.Item
          name="name"
          label="名称"
          extra="在“查询客户系统”节点的“密钥名称”中填写它;字母、数字、_ 和 -"
          rules={[
            { required: true, whitespace: true, message: "请填写密钥名称" },
            { validator: (_, v: string | undefined) => (v && names.has(v.trim()) ? Promise.reject(new Error("已有同名密钥;要更换它,请点列表中的“更换”")) : Promise.resolve()) },
          ]}
        >
          <Input placeholder="例如 crm_token" autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="host" label="只发送给的主机" extra={HOST_HELP} rules={[{ required: true, whitespace: true, message: "请填写只发送给的主机" }]}>
          <Input placeholder="例如 crm.example.com" autoComplete="off" spellCheck={false} />
        </Form.Item>
        <Form.Item name="value" label="密钥" extra="保存后不再显示" rules={[{ required: true, message: "请填写密钥" }]}>
          <Input.Password autoComplete="new-password" visibilityToggle={false} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          保存密钥
        </Button>
      </Form>
      {secrets.isError ? <Alert type="error" showIcon title={errorMessage(secrets.error)} style={{ marginTop: 16 }} /> : null}
      <Table<AccountSecretFieldsFragment>
        rowKey="name"
        size="small"
        scroll={{ x: "max-content" }}
        style={{ marginTop: 24 }}
        loading={secrets.isPending}
        dataSource={secrets.data ?? []}
        pagination={false}
        locale={{ emptyText: "还没有密钥" }}
        columns={[
          { title: "名称", dataIndex: "name" },
          { title: "只发送给的主机", dataIndex: "host" },
          { title: "设置时间", dataIndex: "setAt", render: dateTime },
          {
            title: "操作",
            key: "actions",
            fixed: "right",
            render: (_, s) => (
              <Space>
                <Button size="small" autoInsertSpace={false} aria-label={`更换 ${s.name}`} onClick={() => setReplacing(s)}>
                  更换
                </Button>
                <Popconfirm title={`删除密钥「${s.name}」?用到它的“查询客户系统”节点将走“失败”出口。`} okText="删除" cancelText="取消" onConfirm={() => remove(s)}>
                  <Button size="small" danger autoInsertSpace={false} aria-label={`删除 ${s.name}`}>
                    删除
                  </Button>
                </Popconfirm>
              </Space>
            ),
          },
        ]}
      />
      {replacing ? <ReplaceDialog key={replacing.name} secret={replacing} onClose={() => setReplacing(null)} /> : null}
    </Card>
  );
}
