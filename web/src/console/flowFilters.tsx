// The operators' view of the flow list: every customer's flows, with whose each is, narrowed to one
// account or found by flow or company name.
import { useQuery } from "@tanstack/react-query";
import { Input, Select, Space } from "antd";
import { useState } from "react";
import { request } from "../api/client";
import { ConsoleFlowAccountsDocument, ConsoleFlowsDocument, type FlowSummaryFragment } from "../gql/graphql";
import { AppLink } from "../ui/AppLink";

export type FlowFilter = { accountId: string | null; accountName: string | null; search: string };
export type FlowRow = FlowSummaryFragment & { account?: { id: string; name: string } | null };

export const NO_FILTER: FlowFilter = { accountId: null, accountName: null, search: "" };

export async function operatorFlows(filter: FlowFilter): Promise<FlowRow[]> {
  const data = await request(ConsoleFlowsDocument, { accountId: filter.accountId, search: filter.search || null });
  return data.flows.edges.map((e) => e.node);
}

/** The account column, linking to the account's page. */
export const accountColumn = {
  title: "客户",
  key: "account",
  render: (_: unknown, flow: FlowRow) => (flow.account ? <AppLink to={`/accounts/${flow.account.id}`}>{flow.account.name}</AppLink> : "—"),
};

export function FlowFilters({ value, onChange }: { value: FlowFilter; onChange: (f: FlowFilter) => void }) {
  const [typed, setTyped] = useState("");
  const accounts = useQuery({
    queryKey: ["console", "flowAccounts", typed],
    queryFn: async () => (await request(ConsoleFlowAccountsDocument, { search: typed || null })).accounts.edges.map((e) => e.node),
  });
  const options = (accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }));
  // The chosen account stays listed even when the typed text no longer matches it.
  if (value.accountId && value.accountName && !options.some((o) => o.value === value.accountId)) {
    options.unshift({ value: value.accountId, label: value.accountName });
  }
  return (
    <Space wrap style={{ marginBottom: 16 }}>
      <Input.Search
        aria-label="搜索流程或客户"
        placeholder="流程名称或企业名称"
        allowClear
        enterButton="搜索"
        onSearch={(v) => onChange({ ...value, search: v.trim() })}
        style={{ width: 300 }}
      />
      <Select
        aria-label="按客户筛选"
        placeholder="全部客户"
        allowClear
        showSearch={{ filterOption: false, onSearch: (v) => setTyped(v.trim()) }}
        loading={accounts.isFetching}
        notFoundContent={accounts.isFetching ? "正在查找…" : "没有匹配的客户"}
        style={{ width: 260 }}
        value={value.accountId ?? undefined}
        options={options}
        onChange={(id: string | undefined, option) => {
          const label = option && !Array.isArray(option) ? String(option.label) : null;
          onChange({ ...value, accountId: id ?? null, accountName: id ? label : null });
        }}
      />
    </Space>
  );
}
