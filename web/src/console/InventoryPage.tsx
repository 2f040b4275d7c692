// The number inventory: import lists and ranges, price the 靓号 grades, find numbers, change a number's
// state with a reason, and read each number's audit log.
import { UploadOutlined } from "@ant-design/icons";
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Drawer, Empty, Form, Input, InputNumber, Select, Space, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { request, unwrap, UserErrorsError } from "../api/client";
import { requestWithFiles } from "../api/multipart";
import { dateTime, parseYuan, yuan } from "../format";
import {
  ConsoleChangeNumberStatusDocument,
  ConsoleGradePricesDocument,
  ConsoleImportNumbersDocument,
  ConsoleImportNumbersFileDocument,
  ConsoleNumberEventsDocument,
  ConsoleNumbersDocument,
  ConsoleSetGradePriceDocument,
  type ConsoleNumberRowFragment,
  type Grade,
  type NumberStatus,
} from "../gql/graphql";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { AppLink } from "../ui/AppLink";
import { STATUS_NAMES, StatusTag } from "./consoleShared";
import { errorMessage, showErrors } from "../ui/errors";

const NUMBERS_KEY = ["console", "numbers"] as const;
const PRICES_KEY = ["console", "gradePrices"] as const;

/** What an operator may do by hand from each state (reservations and applications have their own screens). */
const TARGETS: Partial<Record<NumberStatus, NumberStatus[]>> = {
  ACTIVE: ["SUSPENDED", "RECLAIMED"],
  SUSPENDED: ["ACTIVE", "RECLAIMED"],
  RECLAIMED: ["AVAILABLE"],
};

const ACTION_NAMES: Partial<Record<NumberStatus, string>> = {
  SUSPENDED: "停机",
  ACTIVE: "复机",
  RECLAIMED: "回收",
  AVAILABLE: "重新上架",
};

// ------------------------------------------------------------------------------------------- import

type ImportOutcome = { kind: "done"; imported: number; skipped: string[]; file?: string } | { kind: "refused"; messages: string[]; file?: string };
type Imported = { importedCount: number; skippedExisting: string[] };

function ImportCard() {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [text, setText] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);

  async function run(send: () => Promise<Imported>, file?: string) {
    setBusy(true);
    setOutcome(null);
    try {
      const result = await send();
      setOutcome({ kind: "done", imported: result.importedCount, skipped: result.skippedExisting, file });
      if (!file) setText("");
      await queryClient.invalidateQueries({ queryKey: NUMBERS_KEY });
    } catch (e) {
      if (e instanceof UserErrorsError) setOutcome({ kind: "refused", messages: e.errors.map((err) => err.message), file });
      else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  const submit = () => run(async () => unwrap((await request(ConsoleImportNumbersDocument, { text })).importNumbers));
  // The server reads the spreadsheet, so a file is checked by the same rules as typed lines.
  const submitFile = (file: File) =>
    run(async () => unwrap((await requestWithFiles(ConsoleImportNumbersFileDocument, { file }, { file })).importNumbersFile), file.name);

  return (
    <Card title="导入号码" size="small">
      <Typography.Paragraph type="secondary">
        每行一个号码或一个号段,例如 4006001234、400-600-1235、4006001300-4006001399;“#”之后为注释。也可上传 CSV 或 XLSX 表格:第一列为号码或号段,或第一、二列为号段的起止号码,其余列忽略;首行可为标题。任何一行有误时整批不导入。
      </Typography.Paragraph>
      <Input.TextArea
        aria-label="号码清单"
        rows={6}
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder={"4006001234\n4008880000-4008880099"}
        style={{ fontFamily: "monospace", marginBottom: 12 }}
      />
      <Space wrap>
        <Button type="primary" onClick={submit} disabled={busy || !text.trim()}>
          导入
        </Button>
        <Upload accept=".csv,.xlsx,.xls" showUploadList={false} disabled={busy} beforeUpload={(f) => (void submitFile(f), false)}>
          <Button icon={<UploadOutlined />} disabled={busy}>
            从文件导入(CSV / XLSX)
          </Button>
        </Upload>
      </Space>
      {outcome?.kind === "done" ? (
        <Alert
          style={{ marginTop: 12 }}
          type="success"
          showIcon
          closable
          onClose={() => setOutcome(null)}
          title={`${outcome.file ? `「${outcome.file}」` : ""}已导入 ${outcome.imported} 个号码`}
          description={outcome.skipped.length ? `已在库中、未改动的 ${outcome.skipped.length} 个:${outcome.skipped.slice(0, 20).join("、")}${outcome.skipped.length > 20 ? " …" : ""}` : undefined}
        />
      ) : null}
      {outcome?.kind === "refused" ? (
        <Alert
          style={{ marginTop: 12 }}
          type="error"
          showIcon
          title={outcome.file ? `「${outcome.file}」未导入任何号码,请修改以下问题后重新上传:` : "未导入任何号码,请修改以下各行后重试:"}
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }} aria-label="导入错误">
              {outcome.messages.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
          }
        />
      ) : null}
    </Card>
  );
}

// ----------------------------------------------------------------------------------------- prices

function PriceRow({ grade, name, priceFen }: { grade: Grade; name: string; priceFen: number }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [value, setValue] = useState((priceFen / 100).toFixed(2));
  const fen = parseYuan(value);

  async function save() {
    if (fen === null) return;
    try {
      unwrap((await request(ConsoleSetGradePriceDocument, { grade, priceFen: fen })).setGradePrice);
      message.success(`${name}价格已设为 ${yuan(fen)}`);
      await queryClient.invalidateQueries({ queryKey: PRICES_KEY });
      await queryClient.invalidateQueries({ queryKey: NUMBERS_KEY });
    } catch (e) {
      message.error(errorMessage(e));
    }
  }

  return (
    <Space.Compact>
      <Input aria-label={`${name}价格(元)`} value={value} onChange={(e) => setValue(e.target.value)} suffix="元" status={fen === null ? "error" : undefined} style={{ width: 160 }} />
      <Button onClick={save} disabled={fen === null || fen === priceFen} autoInsertSpace={false} aria-label={`保存${name}价格`}>
        保存
      </Button>
    </Space.Compact>
  );
}

function PricesCard() {
  const prices = useQuery({ queryKey: PRICES_KEY, queryFn: async () => (await request(ConsoleGradePricesDocument)).gradePrices });
  return (
    <Card title="靓号等级与价格" size="small">
      <Table
        rowKey="grade"
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        loading={prices.isPending}
        dataSource={prices.data ?? []}
        columns={[
          { title: "等级", dataIndex: "gradeName" },
          { title: "当前价格", dataIndex: "priceFen", render: (fen: number) => yuan(fen) },
          { title: "修改价格", key: "edit", render: (_, p) => <PriceRow key={p.priceFen} grade={p.grade} name={p.gradeName} priceFen={p.priceFen} /> },
        ]}
      />
    </Card>
  );
}

// ---------------------------------------------------------------------------------- number drawer

type ChangeForm = { status: NumberStatus; reason: string; coolDownDays?: number };

function NumberDrawer({ number, onClose, onChanged }: { number: ConsoleNumberRowFragment | null; onClose: () => void; onChanged: (n: ConsoleNumberRowFragment) => void }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<ChangeForm>();
  const [busy, setBusy] = useState(false);
  const target = Form.useWatch("status", form);
  const events = useQuery({
    queryKey: ["console", "numberEvents", number?.id],
    enabled: number !== null,
    queryFn: async () => (await request(ConsoleNumberEventsDocument, { numberId: number!.id })).numberEvents,
  });
  const targets = number ? (TARGETS[number.status] ?? []) : [];

  async function submit(values: ChangeForm) {
    if (!number) return;
    setBusy(true);
    try {
      const changed = unwrap(
        (
          await request(ConsoleChangeNumberStatusDocument, {
            id: number.id,
            status: values.status,
            reason: values.reason,
            coolDownDays: values.status === "RECLAIMED" ? (values.coolDownDays ?? 0) : null,
          })
        ).changeNumberStatus,
      );
      message.success(`${changed.display} 已改为「${changed.statusName}」`);
      form.resetFields();
      onChanged(changed);
      await Promise.all([queryClient.invalidateQueries({ queryKey: NUMBERS_KEY }), events.refetch()]);
    } catch (e) {
      const rest = showErrors(form, e, { status: "status", reason: "reason", coolDownDays: "coolDownDays" });
      if (rest) message.error(rest);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer title={number ? `号码 ${number.display}` : "号码"} open={number !== null} onClose={onClose} size="large" destroyOnHidden>
      {number ? (
        <>
          <Space wrap style={{ marginBottom: 16 }}>
            <StatusTag status={number.status} name={number.statusName} />
            <span>
              {number.carrierName} · {number.gradeName}
              {number.priceFen ? ` · ${yuan(number.priceFen)}` : ""}
            </span>
            {number.account ? <AppLink to={`/accounts/${number.account.id}`}>{number.account.name}</AppLink> : null}
          </Space>
          <Card title="变更状态" size="small" style={{ marginBottom: 16 }}>
            {targets.length ? (
              <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
                <Form.Item name="status" label="改为" rules={[{ required: true, message: "请选择新状态" }]}>
                  <Select placeholder="请选择" options={targets.map((s) => ({ value: s, label: `${ACTION_NAMES[s]}(${STATUS_NAMES[s]})` }))} />
                </Form.Item>
                {target === "RECLAIMED" ? (
                  <Form.Item name="coolDownDays" label="冷却期(天)" initialValue={30} extra="冷却期满后号码自动重新上架。" rules={[{ required: true, message: "请填写冷却期" }]}>
                    <InputNumber min={0} max={3650} precision={0} />
                  </Form.Item>
                ) : null}
                <Form.Item name="reason" label="原因" rules={[{ required: true, whitespace: true, message: "请填写原因(将记入操作记录)" }]}>
                  <Input.TextArea rows={2} maxLength={500} />
                </Form.Item>
                <Button type="primary" htmlType="submit" disabled={busy}>
                  确认变更
                </Button>
              </Form>
            ) : (
              <Typography.Text type="secondary">「{number.statusName}」状态的号码不能在此手动变更(预占和受理请在对应页面处理)。</Typography.Text>
            )}
          </Card>
          <Card title="操作记录" size="small">
            <Table
              rowKey={(e) => `${e.at}-${e.toStatus}-${e.reason}`}
              size="small"
              pagination={false}
              scroll={{ x: "max-content" }}
              loading={events.isPending}
              dataSource={events.data ?? []}
              locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无记录" /> }}
              columns={[
                { title: "时间", dataIndex: "at", render: dateTime },
                {
                  title: "状态",
                  key: "change",
                  render: (_, e) => (
                    <span>
                      {e.fromStatus ? `${STATUS_NAMES[e.fromStatus]} → ` : ""}
                      {STATUS_NAMES[e.toStatus]}
                    </span>
                  ),
                },
                { title: "操作人", dataIndex: "actor" },
                { title: "原因", dataIndex: "reason" },
              ]}
            />
          </Card>
        </>
      ) : null}
    </Drawer>
  );
}

// ------------------------------------------------------------------------------------------- list

type Filters = { digits: string; status: NumberStatus | null; grade: Grade | null };

function NumbersCard() {
  const [filters, setFilters] = useState<Filters>({ digits: "", status: null, grade: null });
  const [open, setOpen] = useState<ConsoleNumberRowFragment | null>(null);
  const prices = useQuery({ queryKey: PRICES_KEY, queryFn: async () => (await request(ConsoleGradePricesDocument)).gradePrices });
  const digits = filters.digits.replace(/[\s-]/g, "");
  const search = {
    ...(digits ? (digits.startsWith("400") ? { prefix: digits } : { contains: digits }) : {}),
    ...(filters.grade ? { grade: filters.grade } : {}),
  };
  const numbers = useInfiniteQuery({
    queryKey: [...NUMBERS_KEY, filters],
    queryFn: async ({ pageParam }) => (await request(ConsoleNumbersDocument, { status: filters.status, search, after: pageParam })).numbers,
    initialPageParam: null as string | null,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
  const rows = numbers.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];

  return (
    <Card title="号码列表" size="small">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          aria-label="号码"
          placeholder="号码开头(400…)或包含的数字"
          allowClear
          enterButton="查询"
          onSearch={(v) => setFilters((f) => ({ ...f, digits: v.trim() }))}
          style={{ width: 300 }}
        />
        <Select
          aria-label="状态"
          style={{ width: 140 }}
          value={filters.status ?? ""}
          onChange={(v) => setFilters((f) => ({ ...f, status: (v || null) as NumberStatus | null }))}
          options={[{ value: "", label: "全部状态" }, ...Object.entries(STATUS_NAMES).map(([value, label]) => ({ value, label }))]}
        />
        <Select
          aria-label="等级"
          style={{ width: 140 }}
          value={filters.grade ?? ""}
          onChange={(v) => setFilters((f) => ({ ...f, grade: (v || null) as Grade | null }))}
          options={[{ value: "", label: "全部等级" }, ...(prices.data ?? []).map((p) => ({ value: p.grade, label: p.gradeName }))]}
        />
        {numbers.data ? <Typography.Text type="secondary">共 {numbers.data.pages[0].totalCount} 个</Typography.Text> : null}
      </Space>
      {numbers.isError ? <Alert type="error" showIcon title={errorMessage(numbers.error)} style={{ marginBottom: 12 }} /> : null}
      <Table<ConsoleNumberRowFragment>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: "max-content" }}
        loading={numbers.isPending}
        dataSource={rows}
        columns={[
          {
            title: "号码",
            dataIndex: "display",
            render: (display: string, n) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpen(n)}>
                {display}
              </Button>
            ),
          },
          { title: "运营商", dataIndex: "carrierName" },
          { title: "等级", dataIndex: "gradeName" },
          { title: "状态", dataIndex: "status", render: (s: NumberStatus, n) => <StatusTag status={s} name={n.statusName} /> },
          { title: "客户", key: "account", render: (_, n) => (n.account ? <AppLink to={`/accounts/${n.account.id}`}>{n.account.name}</AppLink> : "—") },
          { title: "状态变更", dataIndex: "statusChangedAt", render: dateTime },
        ]}
      />
      {numbers.hasNextPage ? (
        <Button style={{ marginTop: 12 }} onClick={() => numbers.fetchNextPage()} disabled={numbers.isFetchingNextPage}>
          加载更多
        </Button>
      ) : null}
      <NumberDrawer number={open} onClose={() => setOpen(null)} onChanged={setOpen} />
    </Card>
  );
}

export default function InventoryPage(_: PageProps) {
  return (
    <div className="page">
      <PageTitle title="号码库存" />
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <NumbersCard />
        <ImportCard />
        <PricesCard />
      </Space>
    </div>
  );
}
