// Bulk sign-ups: recent self-service sign-ups grouped by the network address they came from (or by the
// browser, known by its device cookie), busiest first, and the clean-up of the bulk ones (accounts without paid activity are disabled and their held
// numbers go back on sale, in one step recorded in the account's and the numbers' audit logs).
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Empty, Form, Input, Modal, Segmented, Space, Table, Tag, Typography } from "antd";
import { useMemo, useState } from "react";
import { request, unwrap } from "../api/client";
import { dateTime } from "../format";
import {
  ConsoleCleanUpSignupsDocument,
  ConsoleSignupGroupsDocument,
  type ConsoleSignupGroupsQuery,
  type SignupGrouping,
} from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { errorMessage, showErrors } from "../ui/errors";

type Group = ConsoleSignupGroupsQuery["signupGroups"][number];
type SignupRow = Group["accounts"][number];
type Target = { title: string; accounts: SignupRow[] };

const PERIODS = [
  { value: 1, label: "近24小时" },
  { value: 7, label: "近7天" },
  { value: 30, label: "近30天" },
];
const GROUPINGS: { value: SignupGrouping; label: string }[] = [
  { value: "ADDRESS", label: "按网络地址" },
  { value: "DEVICE", label: "按浏览器" },
];
const THRESHOLDS = [
  { value: 2, label: "2个及以上" },
  { value: 5, label: "5个及以上" },
  { value: 1, label: "全部" },
];

const cleanable = (a: SignupRow) => a.accountId !== null && !a.paid && !a.disabledAt;

/** 浏览器1, 浏览器2… in order of first appearance within a group: same label, same browser. */
function browserLabels(group: Group): Map<string, string> {
  const labels = new Map<string, string>();
  for (const a of [...group.accounts].reverse()) {
    if (a.device && !labels.has(a.device)) labels.set(a.device, `浏览器${labels.size + 1}`);
  }
  return labels;
}

function AccountState({ account }: { account: SignupRow }) {
  if (account.disabledAt)
    return (
      <Space orientation="vertical" size={0}>
        <Tag color="default">已停用</Tag>
        <Typography.Text type="secondary">
          {account.disabledBy} 于 {dateTime(account.disabledAt)} 停用,原因:{account.disabledReason}
        </Typography.Text>
      </Space>
    );
  if (account.accountId === null) return <Tag>未完成注册</Tag>;
  if (account.paid) return <Tag color="green">有付费记录,不可清理</Tag>;
  return <Tag color="orange">可清理</Tag>;
}

/** "203.0.113.1、203.0.113.2 等5个地址": a browser's addresses, short enough for a table cell. */
function addressList(addresses: string[]): string {
  const shown = addresses.slice(0, 3).join("、");
  return addresses.length > 3 ? `${shown} 等${addresses.length}个地址` : shown;
}

type GroupProps = { group: Group; by: SignupGrouping; selected: string[]; onSelect: (ids: string[]) => void };

function GroupAccounts({ group, by, selected, onSelect }: GroupProps) {
  const labels = browserLabels(group);
  return (
    <Table<SignupRow>
      rowKey={(a) => a.accountId ?? `unfinished-${a.signedUpAt}`}
      size="small"
      pagination={false}
      dataSource={group.accounts}
      rowSelection={{
        selectedRowKeys: selected.filter((id) => group.accounts.some((a) => a.accountId === id)),
        onChange: (keys) => onSelect(keys.map(String)),
        getCheckboxProps: (a) => ({ disabled: !cleanable(a), "aria-label": `选择 ${a.companyName ?? "未完成注册"}` }),
      }}
      columns={[
        { title: "公司名称", dataIndex: "companyName", render: (name: string | null) => name ?? "—" },
        { title: "登录名", dataIndex: "login", render: (login: string | null) => login ?? "—" },
        { title: "注册时间", dataIndex: "signedUpAt", render: dateTime },
        by === "ADDRESS"
          ? { title: "浏览器", dataIndex: "device", render: (d: string | null) => (d ? labels.get(d) : "未知") }
          : { title: "网络地址", dataIndex: "address", render: (a: string) => <Typography.Text code>{a}</Typography.Text> },
        {
          title: "预占号码",
          dataIndex: "heldNumbers",
          render: (numbers: string[]) => (numbers.length ? numbers.join("、") : <Typography.Text type="secondary">无</Typography.Text>),
        },
        { title: "状态", key: "state", render: (_, a) => <AccountState account={a} /> },
      ]}
    />
  );
}

export default function SignupsPage(_: PageProps) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [days, setDays] = useState(7);
  const [minSignups, setMinSignups] = useState(2);
  const [by, setBy] = useState<SignupGrouping>("ADDRESS");
  const [selected, setSelected] = useState<Record<string, string[]>>({});
  const [target, setTarget] = useState<Target | null>(null);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const groups = useQuery({
    queryKey: ["signupGroups", days, minSignups, by],
    queryFn: async () => (await request(ConsoleSignupGroupsDocument, { days, minSignups, by })).signupGroups,
  });
  const rows = useMemo(() => groups.data ?? [], [groups.data]);
  const chosen = rows.flatMap((g) => g.accounts.filter((a) => a.accountId && selected[g.key]?.includes(a.accountId)));

  function open(title: string, accounts: SignupRow[]) {
    form.resetFields();
    setTarget({ title, accounts: accounts.filter(cleanable) });
  }

  async function cleanUp() {
    if (!target) return;
    let reason: string;
    try {
      ({ reason } = await form.validateFields());
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    try {
      const done = unwrap(
        (await request(ConsoleCleanUpSignupsDocument, { accountIds: target.accounts.map((a) => a.accountId!), reason })).cleanUpSignups,
      );
      const released = done.releasedNumbers.length;
      message.success(`已停用 ${done.disabledAccountIds.length} 个账户${released ? `,释放 ${released} 个预占号码` : ""}`);
      setTarget(null);
      setSelected({});
      await queryClient.invalidateQueries({ queryKey: ["signupGroups"] });
    } catch (e) {
      const rest = showErrors(form, e, { reason: "reason" });
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  const held = target ? target.accounts.reduce((n, a) => n + a.heldNumbers.length, 0) : 0;
  return (
    <div className="page">
      <PageTitle
        title="批量注册"
        extra={
          <Button danger disabled={chosen.length === 0} onClick={() => open("清理选中的账户", chosen)}>
            {chosen.length ? `清理选中的 ${chosen.length} 个账户` : "清理选中的账户"}
          </Button>
        }
      />
      <Typography.Paragraph type="secondary">
        按注册时的网络地址或浏览器汇总客户自助注册的账户,注册最多的排在前面。同一地址或同一浏览器短时间内注册大量账户、占用号码的,可以清理:停用其中没有充值、扣费、开通申请的账户,并释放它们预占的号码。清理会记入账户和号码的操作记录。
      </Typography.Paragraph>
      <Space wrap size="large" style={{ marginBottom: 16 }}>
        <Segmented<SignupGrouping> aria-label="分组方式" value={by} onChange={setBy} options={GROUPINGS} />
        <Space>
          <Typography.Text id="signups-period">注册时间</Typography.Text>
          <Segmented aria-labelledby="signups-period" value={days} onChange={(v) => setDays(Number(v))} options={PERIODS} />
        </Space>
        <Space>
          <Typography.Text id="signups-threshold">{by === "ADDRESS" ? "同一地址注册" : "同一浏览器注册"}</Typography.Text>
          <Segmented aria-labelledby="signups-threshold" value={minSignups} onChange={(v) => setMinSignups(Number(v))} options={THRESHOLDS} />
        </Space>
      </Space>
      {groups.isError ? <Alert type="error" showIcon title={errorMessage(groups.error)} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph aria-live="polite">
        {groups.isPending
          ? "正在加载…"
          : `共 ${rows.length} 个${by === "ADDRESS" ? "网络地址" : "浏览器"},${rows.reduce((n, g) => n + g.signupCount, 0)} 次注册`}
      </Typography.Paragraph>
      <Table<Group>
        rowKey="key"
        size="middle"
        loading={groups.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description="这段时间没有符合条件的注册" /> }}
        expandable={{
          expandedRowRender: (g) => (
            <GroupAccounts group={g} by={by} selected={selected[g.key] ?? []} onSelect={(ids) => setSelected((s) => ({ ...s, [g.key]: ids }))} />
          ),
        }}
        columns={[
          ...(by === "ADDRESS"
            ? [
                { title: "网络地址", key: "address", render: (_: unknown, g: Group) => <Typography.Text code>{g.key}</Typography.Text> },
                { title: "注册账户", dataIndex: "signupCount", align: "right" as const },
                { title: "浏览器数", dataIndex: "deviceCount", align: "right" as const },
              ]
            : [
                { title: "浏览器", key: "browser", render: (_: unknown, g: Group) => `浏览器${rows.indexOf(g) + 1}` },
                { title: "网络地址", key: "addresses", render: (_: unknown, g: Group) => addressList(g.addresses) },
                { title: "注册账户", dataIndex: "signupCount", align: "right" as const },
              ]),
          { title: "首次注册", dataIndex: "firstAt", render: dateTime },
          { title: "最近注册", dataIndex: "lastAt", render: dateTime },
          { title: "预占号码", dataIndex: "heldCount", align: "right" },
          {
            title: "操作",
            key: "action",
            render: (_, g) => {
              const label = g.cleanableCount ? `清理 ${g.cleanableCount} 个账户` : "无可清理账户";
              const source = by === "ADDRESS" ? g.key : `浏览器${rows.indexOf(g) + 1}`;
              return (
                <Button
                  size="small"
                  danger
                  disabled={g.cleanableCount === 0}
                  aria-label={`${label},来自 ${source}`}
                  onClick={() => open(`清理来自 ${source} 的账户`, g.accounts)}
                >
                  {label}
                </Button>
              );
            },
          },
        ]}
      />
      <Modal
        open={target !== null}
        title={target?.title}
        okText="停用并释放号码"
        okButtonProps={{ danger: true, disabled: busy }}
        cancelText="取消"
        onOk={cleanUp}
        onCancel={() => setTarget(null)}
        destroyOnHidden
      >
        <Typography.Paragraph>
          将停用 {target?.accounts.length ?? 0} 个账户(其用户立即退出登录、不能再登录){held ? `,并释放 ${held} 个预占号码` : ""}。
          有付费记录的账户不会被清理。
        </Typography.Paragraph>
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="reason" label="清理原因" rules={[{ required: true, whitespace: true, message: "请填写清理原因" }]}>
            <Input.TextArea rows={2} maxLength={200} showCount placeholder="例如:同一地址半分钟内注册200个账户占号" />
          </Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
