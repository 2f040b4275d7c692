// /numbers: the customer's numbers with their status and line package.
import { useQuery } from "@tanstack/react-query";
import { Alert, Button, Empty, Table, Tag, Typography } from "antd";
import { request } from "../../api/client";
import { format400 } from "../../format";
import { NumberLinePackageDocument, PortalNumbersDocument, type PortalNumberFieldsFragment } from "../../gql/graphql";
import { PageTitle } from "../../ui/PageTitle";
import { navigate } from "../../router";
import { AppLink } from "../../ui/AppLink";
import { IN_SERVICE, packageText, STATUS_COLOR } from "./routing";

function PackageCell({ number }: { number: PortalNumberFieldsFragment }) {
  const inService = IN_SERVICE.has(number.status);
  const routing = useQuery({
    queryKey: ["numberPackage", number.id],
    queryFn: async () => (await request(NumberLinePackageDocument, { numberId: number.id })).numberRouting,
    enabled: inService,
  });
  if (!inService) return <Typography.Text type="secondary">开通后可用</Typography.Text>;
  return <>{routing.data ? packageText(routing.data) : "…"}</>;
}

export function NumberList() {
  const numbers = useQuery({ queryKey: ["portalNumbers"], queryFn: async () => (await request(PortalNumbersDocument)).numbers });
  return (
    <div className="page">
      <PageTitle title="我的号码" />
      {numbers.isError ? <Alert type="error" showIcon title={numbers.error.message} style={{ marginBottom: 16 }} /> : null}
      <Table<PortalNumberFieldsFragment>
        rowKey="id"
        scroll={{ x: "max-content" }}
        loading={numbers.isPending}
        dataSource={numbers.data?.edges.map((e) => e.node) ?? []}
        pagination={false}
        locale={{
          emptyText: (
            <Empty description="您还没有400号码">
              <Button type="primary" onClick={() => navigate("/choose")}>
                去选号
              </Button>
            </Empty>
          ),
        }}
        columns={[
          {
            title: "号码",
            key: "number",
            render: (_, n) => (
              <AppLink to={`/numbers/${n.id}`}>
                <span style={{ fontSize: 16, fontWeight: 600 }}>{format400(n.number)}</span>
              </AppLink>
            ),
          },
          { title: "状态", key: "status", render: (_, n) => <Tag color={STATUS_COLOR[n.status]}>{n.statusName}</Tag> },
          { title: "运营商", dataIndex: "carrierName" },
          { title: "线路套餐", key: "package", render: (_, n) => <PackageCell number={n} /> },
        ]}
      />
    </div>
  );
}
