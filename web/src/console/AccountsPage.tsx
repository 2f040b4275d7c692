// Operators' customer accounts: find one, open it, and do what the back office does for a customer —
// users, recharges, rate plans, media quota and each number's line package.
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Col,
  Descriptions,
  Empty,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Result,
  Row,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import { dateTime, parseYuan, yuan } from "../format";
import {
  ConsoleAccountDocument,
  ConsoleAccountsDocument,
  ConsoleAssignRatePlanDocument,
  ConsoleCreateAccountDocument,
  ConsoleCreateRatePlanDocument,
  ConsoleCreateUserDocument,
  ConsoleLedgerDocument,
  ConsoleRechargeReceiptDocument,
  ConsoleNumberRoutingDocument,
  ConsoleRechargeDocument,
  ConsoleSetLinePackageDocument,
  ConsoleSetMediaQuotaDocument,
  type AccountStage,
  type BalanceState,
  type ConsoleAccountQuery,
  type ConsoleAccountsQuery,
  type ConsoleReceiptFragment,
  type LinePackage,
  type RechargeMethod,
} from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { match, navigate } from "../router";
import { AppLink } from "../ui/AppLink";
import { LEDGER_KIND_NAMES, megabytes, RECHARGE_METHOD_NAMES, StatusTag } from "./consoleShared";
import { RechargeReceiptModal } from "./RechargeReceipt";
import { errorMessage, showErrors } from "../ui/errors";

type Account = NonNullable<ConsoleAccountQuery["account"]>;
type Billing = ConsoleAccountQuery["billingSettings"];
type RatePlan = ConsoleAccountQuery["ratePlans"][number];
type AccountNumber = Account["numbers"]["edges"][number]["node"];

type AccountRow = ConsoleAccountsQuery["accounts"]["edges"][number]["node"];

const BALANCE_STATE_COLOURS: Record<BalanceState, string> = { NORMAL: "green", LOW: "orange", SUSPENDED: "red" };
const STAGE_COLOURS: Record<AccountStage, string> = { PROSPECT: "default", RESERVED: "gold", APPLYING: "blue", IN_SERVICE: "green" };

const accountKey = (id: string) => ["console", "account", id] as const;
const ledgerKey = (id: string) => ["console", "ledger", id] as const;

// ---------------------------------------------------------------------------------------------- list

type NewAccountForm = { companyName: string; login: string; password: string; displayName: string };

function NewAccountModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<NewAccountForm>();
  const [busy, setBusy] = useState(false);

  async function submit(values: NewAccountForm) {
    setBusy(true);
    try {
      const created = unwrap((await request(ConsoleCreateAccountDocument, values)).createAccount);
      message.success(`已开户:${values.companyName}`);
      await queryClient.invalidateQueries({ queryKey: ["console", "accounts"] });
      form.resetFields();
      onClose();
      navigate(`/accounts/${created.id}`);
    } catch (e) {
      const rest = showErrors(form, e, { companyName: "companyName", login: "login", password: "password", displayName: "displayName" });
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal title="新建客户账户" open={open} onCancel={onClose} onOk={() => form.submit()} okText="开户" cancelText="取消" confirmLoading={busy} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
        <Form.Item name="companyName" label="企业名称" rules={[{ required: true, message: "请填写企业名称" }]}>
          <Input autoComplete="organization" />
        </Form.Item>
        <Form.Item name="displayName" label="联系人姓名" rules={[{ required: true, message: "请填写联系人姓名" }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="login" label="登录名" rules={[{ required: true, message: "请填写登录名" }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item name="password" label="初始密码" rules={[{ required: true, message: "请填写初始密码" }]} extra="请通过安全渠道告知客户,并提醒其登录后修改。">
          <Input.Password autoComplete="new-password" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function AccountList() {
  const [search, setSearch] = useState("");
  // The overview links here with ?low=1 for the customers at the notice line.
  const [lowBalance, setLowBalance] = useState(() => new URLSearchParams(window.location.search).get("low") === "1");
  const [creating, setCreating] = useState(false);
  const accounts = useInfiniteQuery({
    queryKey: ["console", "accounts", search, lowBalance],
    queryFn: async ({ pageParam }) =>
      (await request(ConsoleAccountsDocument, { search: search || null, lowBalance: lowBalance || null, after: pageParam })).accounts,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
  const rows = accounts.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];
  const total = accounts.data?.pages[0]?.totalCount;

  return (
    <div className="page">
      <PageTitle
        title="客户账户"
        extra={
          <Button type="primary" onClick={() => setCreating(true)}>
            新建账户
          </Button>
        }
      />
      <Space wrap style={{ marginBottom: 16 }}>
        <Input.Search aria-label="搜索企业名称" placeholder="搜索企业名称" allowClear onSearch={(v) => setSearch(v.trim())} style={{ width: 280 }} enterButton="搜索" />
        <Checkbox checked={lowBalance} onChange={(e) => setLowBalance(e.target.checked)}>
          只看余额不足(≤35 元)
        </Checkbox>
        {total !== undefined ? <Typography.Text type="secondary">共 {total} 个账户</Typography.Text> : null}
      </Space>
      {accounts.isError ? <Alert type="error" showIcon title={errorMessage(accounts.error)} style={{ marginBottom: 16 }} /> : null}
      <Table<AccountRow>
        rowKey="id"
        size="middle"
        loading={accounts.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        columns={[
          { title: "企业名称", dataIndex: "name", render: (name: string, a) => <AppLink to={`/accounts/${a.id}`}>{name}</AppLink> },
          {
            title: "余额",
            dataIndex: "balanceFen",
            align: "right",
            render: (fen: number) => (fen <= 3500 ? <Typography.Text type="danger">{yuan(fen)}</Typography.Text> : yuan(fen)),
          },
          {
            title: "余额状态",
            dataIndex: "balanceState",
            render: (state: BalanceState, a) => <Tag color={BALANCE_STATE_COLOURS[state]}>{a.balanceStateName}</Tag>,
          },
          { title: "号码数", dataIndex: "numberCount", align: "right" },
          { title: "状态", dataIndex: "stage", render: (stage: AccountStage, a) => <Tag color={STAGE_COLOURS[stage]}>{a.stageName}</Tag> },
          { title: "开户时间", dataIndex: "createdAt", render: dateTime },
        ]}
      />
      {accounts.hasNextPage ? (
        <Button style={{ marginTop: 12 }} onClick={() => accounts.fetchNextPage()} disabled={accounts.isFetchingNextPage}>
          加载更多
        </Button>
      ) : null}
      <NewAccountModal open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

// -------------------------------------------------------------------------------------------- detail

type RechargeForm = { amount: string; method: RechargeMethod; reference: string };

function RechargeCard({ account, onReceipt }: { account: Account; onReceipt: (r: ConsoleReceiptFragment) => void }) {
  const { message, modal } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<RechargeForm>();
  const [busy, setBusy] = useState(false);

  async function book(values: RechargeForm, fen: number) {
    setBusy(true);
    try {
      const receipt = unwrap(
        (await request(ConsoleRechargeDocument, { accountId: account.id, amountFen: fen, method: values.method, reference: values.reference.trim() })).rechargeAccount,
      );
      if (receipt.replayed) message.warning(`该付款流水号已入账(收据 ${receipt.number}),本次未重复充值`);
      else message.success(`充值成功,余额 ${yuan(receipt.balanceAfterFen)}`);
      onReceipt(receipt);
      form.resetFields();
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: accountKey(account.id) }),
        queryClient.invalidateQueries({ queryKey: ledgerKey(account.id) }),
        queryClient.invalidateQueries({ queryKey: ["console", "accounts"] }),
      ]);
    } catch (e) {
      const rest = showErrors(form, e, { amountFen: "amount", method: "method", reference: "reference" });
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  function submit(values: RechargeForm) {
    const fen = parseYuan(values.amount);
    if (fen === null) return;
    modal.confirm({
      title: "确认充值",
      content: (
        <div>
          为「{account.name}」充值 <Typography.Text strong>{yuan(fen)}</Typography.Text>
          <br />
          支付方式:{RECHARGE_METHOD_NAMES[values.method]},付款流水号:{values.reference}
        </div>
      ),
      okText: "确认充值",
      cancelText: "取消",
      onOk: () => book(values, fen),
    });
  }

  return (
    <Card title="充值" size="small">
      <Form form={form} layout="vertical" onFinish={submit} requiredMark={false} initialValues={{ method: "BANK_TRANSFER" }}>
        <Form.Item
          name="amount"
          label="充值金额(元)"
          rules={[
            { required: true, message: "请填写充值金额" },
            {
              validator: (_, v: string | undefined) => {
                if (!v) return Promise.resolve();
                const fen = parseYuan(v);
                if (fen === null) return Promise.reject(new Error("请输入金额,最多两位小数,例如 100.50"));
                if (fen <= 0) return Promise.reject(new Error("充值金额须大于 0"));
                return Promise.resolve();
              },
            },
          ]}
        >
          <Input inputMode="decimal" placeholder="例如 100.50" suffix="元" />
        </Form.Item>
        <Form.Item name="method" label="支付方式">
          <Select options={Object.entries(RECHARGE_METHOD_NAMES).map(([value, label]) => ({ value, label }))} />
        </Form.Item>
        <Form.Item name="reference" label="付款流水号" rules={[{ required: true, whitespace: true, message: "请填写付款流水号(同一流水号只入账一次)" }]}>
          <Input autoComplete="off" />
        </Form.Item>
        <Button type="primary" htmlType="submit" disabled={busy}>
          充值
        </Button>
      </Form>
    </Card>
  );
}

type UserForm = { login: string; password: string; displayName: string };

function UsersCard({ account }: { account: Account }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<UserForm>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(values: UserForm) {
    setBusy(true);
    try {
      unwrap((await request(ConsoleCreateUserDocument, { accountId: account.id, ...values })).createCustomerUser);
      message.success(`已添加用户 ${values.login}`);
      form.resetFields();
      setOpen(false);
      await queryClient.invalidateQueries({ queryKey: accountKey(account.id) });
    } catch (e) {
      const rest = showErrors(form, e, { login: "login", password: "password", displayName: "displayName" });
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card
      title="用户"
      size="small"
      extra={
        <Button size="small" onClick={() => setOpen(true)}>
          添加用户
        </Button>
      }
    >
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={account.users}
        columns={[
          { title: "登录名", dataIndex: "login" },
          { title: "姓名", dataIndex: "displayName" },
          { title: "状态", dataIndex: "isActive", render: (active: boolean) => (active ? <Tag color="green">正常</Tag> : <Tag>已停用</Tag>) },
        ]}
      />
      <Modal title={`为「${account.name}」添加用户`} open={open} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText="添加" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item name="displayName" label="姓名" rules={[{ required: true, message: "请填写姓名" }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="login" label="登录名" rules={[{ required: true, message: "请填写登录名" }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="password" label="初始密码" rules={[{ required: true, message: "请填写初始密码" }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

type RatePlanForm = { name: string; price: string; incrementSeconds: number; minimum: string };

function BillingCard({ account, billing, plans }: { account: Account; billing: Billing; plans: RatePlan[] }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [planId, setPlanId] = useState<string>(billing?.ratePlan?.id ?? "");
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<RatePlanForm>();
  const [busy, setBusy] = useState(false);

  async function assign() {
    try {
      unwrap((await request(ConsoleAssignRatePlanDocument, { accountId: account.id, ratePlanId: planId || null })).assignRatePlan);
      message.success("费率已更新,之后的通话按新费率计费");
      await queryClient.invalidateQueries({ queryKey: accountKey(account.id) });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  async function createPlan(values: RatePlanForm) {
    const price = parseYuan(values.price);
    const minimum = parseYuan(values.minimum || "0");
    if (price === null || minimum === null) return;
    setBusy(true);
    try {
      const plan = unwrap(
        (await request(ConsoleCreateRatePlanDocument, { name: values.name, pricePerMinuteFen: price, incrementSeconds: values.incrementSeconds, minimumFen: minimum })).createRatePlan,
      );
      message.success(`已新建费率「${values.name}」`);
      form.resetFields();
      setCreating(false);
      setPlanId(plan.id);
      await queryClient.invalidateQueries({ queryKey: accountKey(account.id) });
    } catch (e) {
      const rest = showErrors(form, e, { name: "name", pricePerMinuteFen: "price", incrementSeconds: "incrementSeconds", minimumFen: "minimum" });
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  const yuanRule = {
    validator: (_: unknown, v: string | undefined) => (!v || parseYuan(v) !== null ? Promise.resolve() : Promise.reject(new Error("请输入金额,最多两位小数"))),
  };

  return (
    <Card title="计费设置" size="small">
      {billing ? (
        <Descriptions size="small" column={1} style={{ marginBottom: 12 }}>
          <Descriptions.Item label="当前费率">{billing.ratePlan?.name ?? "默认费率"}</Descriptions.Item>
          <Descriptions.Item label="每分钟">{yuan(billing.pricePerMinuteFen)}</Descriptions.Item>
          <Descriptions.Item label="计费单位">{billing.incrementSeconds === 6 ? "每 6 秒" : "每分钟(不足一分钟按一分钟)"}</Descriptions.Item>
          <Descriptions.Item label="最低收费">{yuan(billing.minimumFen)}</Descriptions.Item>
          <Descriptions.Item label="余额通知">{[billing.notifyEmail, billing.notifyPhone].filter(Boolean).join(",") || "未设置"}</Descriptions.Item>
          {billing.suspendedAt ? <Descriptions.Item label="欠费停机">{dateTime(billing.suspendedAt)}</Descriptions.Item> : null}
        </Descriptions>
      ) : null}
      <Space.Compact style={{ width: "100%", maxWidth: 420 }}>
        <Select
          aria-label="费率"
          style={{ flex: 1 }}
          value={planId}
          onChange={setPlanId}
          options={[{ value: "", label: "默认费率" }, ...plans.map((p) => ({ value: p.id, label: `${p.name}(${yuan(p.pricePerMinuteFen)}/分钟)` }))]}
        />
        <Button type="primary" onClick={assign} disabled={planId === (billing?.ratePlan?.id ?? "")}>
          应用费率
        </Button>
      </Space.Compact>
      <div style={{ marginTop: 8 }}>
        <Button type="link" style={{ padding: 0 }} onClick={() => setCreating(true)}>
          新建费率…
        </Button>
      </div>
      <Modal title="新建费率" open={creating} onCancel={() => setCreating(false)} onOk={() => form.submit()} okText="新建" cancelText="取消" confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={createPlan} requiredMark={false} initialValues={{ incrementSeconds: 60, minimum: "0" }}>
          <Form.Item name="name" label="费率名称" rules={[{ required: true, message: "请填写费率名称" }]}>
            <Input autoComplete="off" />
          </Form.Item>
          <Form.Item name="price" label="每分钟价格(元)" rules={[{ required: true, message: "请填写价格" }, yuanRule]}>
            <Input inputMode="decimal" suffix="元" />
          </Form.Item>
          <Form.Item name="incrementSeconds" label="计费单位">
            <Radio.Group
              options={[
                { value: 60, label: "按分钟" },
                { value: 6, label: "按 6 秒" },
              ]}
            />
          </Form.Item>
          <Form.Item name="minimum" label="每次通话最低收费(元)" rules={[yuanRule]}>
            <Input inputMode="decimal" suffix="元" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}

function MediaQuotaCard({ account }: { account: Account }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const usage = account.mediaUsage;
  const [quota, setQuota] = useState<number | null>(Math.round(usage.quotaBytes / 1024 / 1024));

  async function save(value: number | null) {
    try {
      unwrap((await request(ConsoleSetMediaQuotaDocument, { accountId: account.id, quotaMegabytes: value })).setMediaQuota);
      message.success(value === null ? "已恢复默认配额" : `配额已设为 ${value} MB`);
      await queryClient.invalidateQueries({ queryKey: accountKey(account.id) });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <Card title="语音文件空间" size="small">
      <Typography.Paragraph>
        已用 {megabytes(usage.usedBytes)} / 配额 {megabytes(usage.quotaBytes)},留言保存 {usage.voicemailRetentionDays} 天
      </Typography.Paragraph>
      <Space wrap>
        <InputNumber aria-label="空间配额(MB)" min={0} precision={0} value={quota} onChange={(v) => setQuota(v)} suffix="MB" style={{ width: 160 }} />
        <Button type="primary" onClick={() => save(quota)} disabled={quota === null}>
          保存配额
        </Button>
        <Button onClick={() => save(null)}>恢复默认</Button>
      </Space>
    </Card>
  );
}

function LinePackageModal({ number, onClose }: { number: AccountNumber | null; onClose: () => void }) {
  const { message } = App.useApp();
  const routing = useQuery({
    queryKey: ["console", "routing", number?.id],
    enabled: number !== null,
    queryFn: async () => (await request(ConsoleNumberRoutingDocument, { numberId: number!.id })).numberRouting,
  });
  const [pkg, setPkg] = useState<LinePackage | null>(null);
  const [extra, setExtra] = useState<number | null>(null);
  const current = routing.data;
  const chosen = pkg ?? current?.package ?? "SWITCHBOARD";
  const extraLines = extra ?? current?.extraLines ?? 0;

  async function save() {
    if (!number) return;
    try {
      const saved = unwrap((await request(ConsoleSetLinePackageDocument, { numberId: number.id, package: chosen, extraLines: chosen === "TRUNK" ? 0 : extraLines })).setLinePackage);
      message.success(saved.maxLines === null ? "已改为中继套餐(不限并发)" : `已改为总机套餐,最多 ${saved.maxLines} 路并发`);
      await routing.refetch();
      close();
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  function close() {
    setPkg(null);
    setExtra(null);
    onClose();
  }

  return (
    <Modal title={number ? `线路套餐:${number.display}` : "线路套餐"} open={number !== null} onCancel={close} onOk={save} okText="保存" cancelText="取消" destroyOnHidden>
      {routing.isPending ? (
        <Spin />
      ) : current ? (
        <Space orientation="vertical" style={{ width: "100%" }}>
          <Radio.Group
            aria-label="线路套餐"
            value={chosen}
            onChange={(e) => setPkg(e.target.value as LinePackage)}
            options={[
              { value: "SWITCHBOARD", label: "总机(10 路并发,可加购)" },
              { value: "TRUNK", label: "中继(不限并发)" },
            ]}
          />
          {chosen === "SWITCHBOARD" ? (
            <Space>
              <InputNumber aria-label="加购线路数" min={0} max={1000} precision={0} value={extraLines} onChange={(v) => setExtra(v ?? 0)} />
              <Typography.Text type="secondary">加购线路每路每年 30 元</Typography.Text>
            </Space>
          ) : null}
        </Space>
      ) : (
        <Alert type="warning" showIcon title="未能读取该号码的线路设置" />
      )}
    </Modal>
  );
}

function NumbersCard({ account }: { account: Account }) {
  const [editing, setEditing] = useState<AccountNumber | null>(null);
  const rows = account.numbers.edges.map((e) => e.node);
  return (
    <Card title={`号码(${account.numbers.totalCount})`} size="small">
      <Table<AccountNumber>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="该账户还没有号码" /> }}
        columns={[
          { title: "号码", dataIndex: "display" },
          { title: "运营商", dataIndex: "carrierName" },
          { title: "等级", dataIndex: "gradeName" },
          { title: "状态", dataIndex: "status", render: (s: AccountNumber["status"], n) => <StatusTag status={s} name={n.statusName} /> },
          { title: "状态变更", dataIndex: "statusChangedAt", render: dateTime },
          {
            title: "线路",
            key: "lines",
            render: (_, n) => (
              <Button size="small" autoInsertSpace={false} aria-label={`线路套餐 ${n.display}`} onClick={() => setEditing(n)}>
                线路套餐
              </Button>
            ),
          },
        ]}
      />
      <LinePackageModal number={editing} onClose={() => setEditing(null)} />
    </Card>
  );
}

function LedgerCard({ account, onReceipt }: { account: Account; onReceipt: (r: ConsoleReceiptFragment) => void }) {
  const { message } = App.useApp();
  const ledger = useInfiniteQuery({
    queryKey: ledgerKey(account.id),
    queryFn: async ({ pageParam }) => (await request(ConsoleLedgerDocument, { accountId: account.id, after: pageParam })).ledgerEntries,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
  const rows = ledger.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];

  async function openReceipt(entryId: string) {
    try {
      const receipt = (await request(ConsoleRechargeReceiptDocument, { entryId })).rechargeReceipt;
      if (receipt) onReceipt(receipt);
      else message.error("未找到这笔充值的收据");
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <Card title="账户流水" size="small">
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        loading={ledger.isPending}
        dataSource={rows}
        locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无流水" /> }}
        columns={[
          { title: "时间", dataIndex: "createdAt", render: dateTime },
          { title: "类型", dataIndex: "kind", render: (k: keyof typeof LEDGER_KIND_NAMES) => LEDGER_KIND_NAMES[k] },
          {
            title: "金额",
            dataIndex: "amountFen",
            align: "right",
            render: (fen: number) => (fen < 0 ? <Typography.Text type="danger">{yuan(fen)}</Typography.Text> : `+${yuan(fen)}`),
          },
          { title: "说明", dataIndex: "description" },
          { title: "参考号", dataIndex: "reference" },
          {
            title: "收据",
            key: "receipt",
            render: (_, e) =>
              e.kind === "RECHARGE" ? (
                <Button size="small" autoInsertSpace={false} aria-label={`查看收据 ${e.reference.split(":").slice(1).join(":")}`} onClick={() => void openReceipt(e.id)}>
                  收据
                </Button>
              ) : null,
          },
        ]}
      />
      {ledger.hasNextPage ? (
        <Button style={{ marginTop: 12 }} onClick={() => ledger.fetchNextPage()} disabled={ledger.isFetchingNextPage}>
          加载更多
        </Button>
      ) : null}
    </Card>
  );
}

function AccountDetail({ id }: { id: string }) {
  const detail = useQuery({ queryKey: accountKey(id), queryFn: () => request(ConsoleAccountDocument, { id }) });
  const [receipt, setReceipt] = useState<ConsoleReceiptFragment | null>(null);
  const back = <AppLink to="/accounts">‹ 返回客户列表</AppLink>;

  if (detail.isPending) {
    return (
      <div className="page">
        <Spin />
      </div>
    );
  }
  if (detail.isError) {
    return (
      <div className="page">
        {back}
        <Alert type="error" showIcon title={errorMessage(detail.error)} />
      </div>
    );
  }
  const account = detail.data.account;
  if (!account) {
    return (
      <div className="page">
        <Result status="404" title="未找到该账户" extra={back} />
      </div>
    );
  }

  return (
    <div className="page">
      <div style={{ marginBottom: 8 }}>{back}</div>
      <PageTitle title={account.name} />
      <Descriptions size="small" style={{ marginBottom: 16 }} column={{ xs: 1, sm: 2, md: 3 }}>
        <Descriptions.Item label="余额">
          <Typography.Text strong type={account.balanceFen <= 3500 ? "danger" : undefined} data-testid="account-balance">
            {yuan(account.balanceFen)}
          </Typography.Text>
        </Descriptions.Item>
        <Descriptions.Item label="开户时间">{dateTime(account.createdAt)}</Descriptions.Item>
        <Descriptions.Item label="账户编号">{account.id}</Descriptions.Item>
      </Descriptions>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <RechargeCard account={account} onReceipt={setReceipt} />
        </Col>
        <Col xs={24} lg={12}>
          <Space orientation="vertical" size={16} style={{ width: "100%" }}>
            <BillingCard key={detail.data.billingSettings?.ratePlan?.id ?? ""} account={account} billing={detail.data.billingSettings} plans={detail.data.ratePlans} />
            <MediaQuotaCard key={account.mediaUsage.quotaBytes} account={account} />
          </Space>
        </Col>
        <Col xs={24}>
          <UsersCard account={account} />
        </Col>
        <Col xs={24}>
          <NumbersCard account={account} />
        </Col>
        <Col xs={24}>
          <LedgerCard account={account} onReceipt={setReceipt} />
        </Col>
      </Row>
      <RechargeReceiptModal receipt={receipt} onClose={() => setReceipt(null)} />
    </div>
  );
}

export default function AccountsPage({ path }: PageProps) {
  const params = match("/accounts/:id", path);
  return params ? <AccountDetail key={params.id} id={params.id} /> : <AccountList />;
}
