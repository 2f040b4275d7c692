// Service tokens for the telephony layer (the agent beside Asterisk): it fetches plans and reports calls
// with one, and nothing else. The secret is shown once, when the token is made.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Input, Popconfirm, Space, Table, Tag, Typography } from "antd";
import { useState } from "react";
import { request, unwrap, UserErrorsError } from "../api/client";
import { dateTime } from "../format";
import { ApiTokensDocument, ConsoleCreateServiceTokenDocument, RevokeApiTokenDocument, type ApiTokenFieldsFragment } from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { errorMessage } from "../ui/errors";

// The same list the settings screen reads (operators get every token), so either screen stays current.
const TOKENS_KEY = ["apiTokens"] as const;

export default function ServiceTokensPage(_: PageProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: TOKENS_KEY, queryFn: async () => (await request(ApiTokensDocument)).apiTokens });
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [created, setCreated] = useState<{ name: string; secret: string } | null>(null);
  const service = (tokens.data ?? []).filter((t) => t.scope === "TELEPHONY");

  async function create() {
    setError(null);
    try {
      const made = unwrap((await request(ConsoleCreateServiceTokenDocument, { name })).createServiceToken);
      setCreated({ name: made.token.name, secret: made.secret });
      setName("");
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    } catch (e) {
      if (e instanceof UserErrorsError) setError(e.message);
      else message.error(errorMessage(e));
    }
  }

  async function revoke(token: ApiTokenFieldsFragment) {
    try {
      unwrap((await request(RevokeApiTokenDocument, { id: token.id })).revokeApiToken);
      message.success(`已吊销服务令牌「${token.name}」`);
      await queryClient.invalidateQueries({ queryKey: TOKENS_KEY });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <div className="page">
      <PageTitle title="服务令牌" />
      <Typography.Paragraph>
        服务令牌供话务层(Asterisk 旁的代理程序)获取各号码的呼叫计划、上报通话记录与录音,不能用于其他操作。 请将令牌配置在代理程序的环境变量中;令牌只在创建时显示一次。
      </Typography.Paragraph>
      <Card size="small" title="创建服务令牌" style={{ marginBottom: 16 }}>
        <Space.Compact style={{ width: "100%", maxWidth: 520 }}>
          <Input
            aria-label="服务令牌名称"
            placeholder="名称,例如:广州机房话务代理"
            value={name}
            status={error ? "error" : undefined}
            onChange={(e) => setName(e.target.value)}
            onPressEnter={() => name.trim() && create()}
          />
          <Button type="primary" onClick={create} disabled={!name.trim()}>
            创建服务令牌
          </Button>
        </Space.Compact>
        {error ? (
          <Typography.Paragraph type="danger" style={{ marginTop: 8, marginBottom: 0 }}>
            {error}
          </Typography.Paragraph>
        ) : null}
        {created ? (
          <Alert
            type="success"
            showIcon
            closable
            onClose={() => setCreated(null)}
            style={{ marginTop: 16 }}
            title={`服务令牌「${created.name}」已创建,请立即复制保存,关闭后将无法再次查看:`}
            description={
              <Typography.Text code copyable={{ text: created.secret }} style={{ wordBreak: "break-all" }}>
                {created.secret}
              </Typography.Text>
            }
          />
        ) : null}
      </Card>
      {tokens.isError ? <Alert type="error" showIcon title={errorMessage(tokens.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<ApiTokenFieldsFragment>
        rowKey="id"
        size="small"
        scroll={{ x: "max-content" }}
        loading={tokens.isPending}
        dataSource={service}
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
                <Tag>已吊销 {dateTime(t.revokedAt)}</Tag>
              ) : (
                <Space>
                  <Tag color="green">有效</Tag>
                  <Popconfirm title={`吊销服务令牌「${t.name}」?使用它的话务代理将立即无法获取呼叫计划和上报通话。`} okText="吊销" cancelText="取消" onConfirm={() => revoke(t)}>
                    <Button size="small" danger autoInsertSpace={false} aria-label={`吊销 ${t.name}`}>
                      吊销
                    </Button>
                  </Popconfirm>
                </Space>
              ),
          },
        ]}
      />
    </div>
  );
}
