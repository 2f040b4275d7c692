// The operators' allowlist for flows' 查询客户系统 (HTTP request) nodes: a host listed here may be asked
// over plain http or on an internal address (a customer's intranet CRM, a test server); every other host
// must be public https. The service's test request reads this list; agents beside Asterisk read their own
// setting, so the page says the host belongs there too.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Form, Input, Popconfirm, Table, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import { dateTime } from "../format";
import { ConsoleAllowHttpHostDocument, ConsoleHttpAllowedHostsDocument, ConsoleRemoveHttpHostDocument, type HttpAllowedHostFieldsFragment } from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { errorMessage, showErrors } from "../ui/errors";

const HOSTS_KEY = ["httpAllowedHosts"] as const;

type Values = { host: string; note: string };

export default function HttpHostsPage(_: PageProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const hosts = useQuery({ queryKey: HOSTS_KEY, queryFn: async () => (await request(ConsoleHttpAllowedHostsDocument)).httpAllowedHosts });
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  async function allow(values: Values) {
    setBusy(true);
    try {
      const saved = unwrap((await request(ConsoleAllowHttpHostDocument, { host: values.host.trim(), note: (values.note ?? "").trim() })).allowHttpHost);
      form.resetFields();
      message.success(`已将 ${saved.host} 加入白名单`);
      await queryClient.invalidateQueries({ queryKey: HOSTS_KEY });
    } catch (e) {
      const rest = showErrors(form, e, { host: "host", note: "note" });
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  async function remove(row: HttpAllowedHostFieldsFragment) {
    try {
      unwrap((await request(ConsoleRemoveHttpHostDocument, { host: row.host })).removeHttpHost);
      message.success(`已将 ${row.host} 移出白名单`);
    } catch (e) {
      message.error(errorMessage(e));
    }
    await queryClient.invalidateQueries({ queryKey: HOSTS_KEY });
  }

  return (
    <div className="page">
      <PageTitle title="外部接口白名单" />
      <Typography.Paragraph>
        语音导航流程的“查询客户系统”节点可以用明文 http 或内网地址调用这里的主机,供企业内网的客户系统和测试使用;其他主机一律只能通过公网 https 调用。
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">
        这份名单管的是在流程编辑器里试发的请求;通话中的请求由各话务节点发出,请同时让运维人员把该主机加入各话务节点的白名单配置。
      </Typography.Paragraph>
      <Card size="small" title="添加主机" style={{ marginBottom: 16 }}>
        <Form form={form} name="allowHost" layout="vertical" requiredMark={false} onFinish={allow} style={{ maxWidth: 520 }}>
          <Form.Item name="host" label="主机" extra="只填域名或 IP 地址,不带 http:// 和路径,如 crm.intranet.example" rules={[{ required: true, whitespace: true, message: "请填写主机" }]}>
            <Input placeholder="例如 crm.intranet.example" autoComplete="off" spellCheck={false} />
          </Form.Item>
          <Form.Item name="note" label="备注" extra="谁的系统、为什么放行,最多200个字符">
            <Input placeholder="例如 某某公司内网客户系统" autoComplete="off" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            加入白名单
          </Button>
        </Form>
      </Card>
      {hosts.isError ? <Alert type="error" showIcon title={errorMessage(hosts.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<HttpAllowedHostFieldsFragment>
        rowKey="host"
        size="small"
        scroll={{ x: "max-content" }}
        loading={hosts.isPending}
        dataSource={hosts.data ?? []}
        pagination={false}
        locale={{ emptyText: "白名单为空:所有主机都只能通过公网 https 调用" }}
        columns={[
          { title: "主机", dataIndex: "host" },
          { title: "备注", dataIndex: "note", render: (n: string) => n || "—" },
          { title: "加入时间", dataIndex: "createdAt", render: dateTime },
          {
            title: "操作",
            key: "actions",
            fixed: "right",
            render: (_, row) => (
              <Popconfirm
                title={`将 ${row.host} 移出白名单?之后只能通过公网 https 调用它。`}
                okText="移出"
                cancelText="取消"
                onConfirm={() => remove(row)}
              >
                <Button size="small" danger autoInsertSpace={false} aria-label={`移出 ${row.host}`}>
                  移出
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
    </div>
  );
}
