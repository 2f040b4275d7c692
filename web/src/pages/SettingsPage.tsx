// The signed-in user's own settings: password and personal API tokens (for scripts calling the API);
// for customers also the account's secrets for flows' 查询客户系统 nodes.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { request, unwrap, UserErrorsError } from "../api/client";
import { ApiTokensDocument, ChangePasswordDocument, CreateApiTokenDocument, RevokeApiTokenDocument, type ApiTokenFieldsFragment } from "../gql/graphql";
import { dateTime } from "../format";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { errorMessage } from "../ui/errors";
import { AccountSecretsCard } from "../portal/AccountSecretsCard";

const TOKENS_KEY = ["apiTokens"] as const;

type PasswordForm = { current: string; next: string; repeat: string };

function PasswordCard() {
  const { message } = App.useApp();
  const [form] = Form.useForm<PasswordForm>();
  const [busy, setBusy] = useState(false);

  async function submit(values: PasswordForm) {
    setBusy(true);
    try {
      unwrap((await request(ChangePasswordDocument, { current: values.current, new: values.next })).changePassword);
      form.resetFields();
      message.success("密码已修改,其他设备上的登录已退出");
    } catch (e) {
      if (e instanceof UserErrorsError) {
        form.setFields(
          e.errors.map((err) => ({ name: err.field === "currentPassword" ? "current" : "next", errors: [err.message] })),
        );
      } else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="修改密码" style={{ maxWidth: 520, marginBottom: 24 }}>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="current" label="当前密码" rules={[{ required: true, message: "请输入当前密码" }]}>
          <Input.Password autoComplete="current-password" />
        </Form.Item>
        <Form.Item name="next" label="新密码" rules={[{ required: true, message: "请输入新密码" }]}>
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="repeat"
          label="确认新密码"
          dependencies={["next"]}
          rules={[
            { required: true, message: "请再次输入新密码" },
            ({ getFieldValue }) => ({
              validator: (_, value) => (!value || value === getFieldValue("next") ? Promise.resolve() : Promise.reject(new Error("两次输入的新密码不一致"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy}>
          修改密码
        </Button>
      </Form>
    </Card>
  );
}

function TokensCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: async () => (await request(ApiTokensDocument)).apiTokens });
  const [name, setName] = useState("");
  const [secret, setSecret] = useState<string | null>(null);

  async function create() {
    try {
      const created = unwrap((await request(CreateApiTokenDocument, { name })).createApiToken);
      setSecret(created.secret);
      setName("");
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  async function revoke(token: ApiTokenFieldsFragment) {
    try {
      unwrap((await request(RevokeApiTokenDocument, { id: token.id })).revokeApiToken);
      message.success(`已吊销令牌「${token.name}」`);
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <Card title="API 令牌">
      <Typography.Paragraph>令牌让您的程序以您的身份调用接口(请求头 Authorization: Bearer 令牌)。令牌只在创建时显示一次。</Typography.Paragraph>
      <Space.Compact style={{ width: "100%", maxWidth: 520, marginBottom: 16 }}>
        <Input aria-label="令牌名称" placeholder="令牌名称,例如:CRM 对接" value={name} onChange={(e) => setName(e.target.value)} />
        <Button type="primary" onClick={create} disabled={!name.trim()}>
          创建令牌
        </Button>
      </Space.Compact>
      {secret ? (
        <Alert
          type="success"
          showIcon
          closable
          onClose={() => setSecret(null)}
          style={{ marginBottom: 16 }}
          title="令牌已创建,请立即复制保存,关闭后将无法再次查看:"
          description={
            <Typography.Text code copyable={{ text: secret }} style={{ wordBreak: "break-all" }}>
              {secret}
            </Typography.Text>
          }
        />
      ) : null}
      <Table<ApiTokenFieldsFragment>
        rowKey="id"
        size="small"
        scroll={{ x: "max-content" }}
        loading={tokens.isPending}
        dataSource={tokens.data ?? []}
        pagination={false}
        columns={[
          { title: "名称", dataIndex: "name" },
          { title: "前缀", dataIndex: "prefix", render: (p: string) => <Typography.Text code>{p}…</Typography.Text> },
          { title: "创建时间", dataIndex: "createdAt", render: dateTime },
          { title: "最近使用", dataIndex: "lastUsedAt", render: (t: string | null) => (t ? dateTime(t) : "从未使用") },
          {
            title: "状态",
            key: "state",
            render: (_, t) =>
              t.revokedAt ? (
                <Tag>已吊销</Tag>
              ) : (
                <Popconfirm title={`吊销令牌「${t.name}」?使用它的程序将立即失去访问权限。`} okText="吊销" cancelText="取消" onConfirm={() => revoke(t)}>
                  <Button size="small" danger autoInsertSpace={false} aria-label={`吊销 ${t.name}`}>
                    吊销
                  </Button>
                </Popconfirm>
              ),
          },
        ]}
      />
    </Card>
  );
}

export default function SettingsPage({ viewer }: PageProps) {
  return (
    <div className="page">
      <PageTitle title="账户设置" />
      <Typography.Paragraph>
        登录名:{viewer.user?.login}
        {viewer.account ? `,所属企业:${viewer.account.name}` : ""}
      </Typography.Paragraph>
      <PasswordCard />
      <TokensCard />
      {viewer.isOperator ? null : <AccountSecretsCard />}
    </div>
  );
}
