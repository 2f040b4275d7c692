import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  CalendarOutlined,
  HomeOutlined,
  LogoutOutlined,
  PhoneOutlined,
  SoundOutlined,
  TeamOutlined,
} from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Card, Col, Layout, Menu, Row, Space, Tag, Typography } from "antd";
import type { ReactNode } from "react";
import { request } from "../api/client";
import { LogoutDocument } from "../gql/graphql";
import { navigate } from "../router";
import { capabilities, ME_KEY, type Viewer } from "../session";
import { FlowListPage } from "./FlowListPage";

type Item = { key: string; icon: ReactNode; label: string; ready: boolean };

function menuItems(viewer: Viewer): Item[] {
  const can = capabilities(viewer);
  const items: (Item | false)[] = [
    { key: "/", icon: <HomeOutlined />, label: "概览", ready: true },
    can.flows && { key: "/flows", icon: <ApartmentOutlined />, label: "语音导航流程", ready: true },
    can.numbers && { key: "/numbers", icon: <PhoneOutlined />, label: viewer.isOperator ? "号码库存" : "我的号码", ready: false },
    can.media && { key: "/media", icon: <SoundOutlined />, label: "语音文件", ready: false },
    can.review && { key: "/review", icon: <AuditOutlined />, label: "受理审核", ready: false },
    can.accounts && { key: "/accounts", icon: <TeamOutlined />, label: "客户账户", ready: false },
    can.holidays && { key: "/holidays", icon: <CalendarOutlined />, label: "节假日设置", ready: false },
  ];
  return items.filter((i): i is Item => Boolean(i));
}

function Home({ viewer, items }: { viewer: Viewer; items: Item[] }) {
  return (
    <div className="page">
      <Typography.Title level={2}>您好,{viewer.user?.displayName}</Typography.Title>
      <Typography.Paragraph>
        {viewer.isOperator ? "您以运营人员身份登录,可以管理所有客户的号码和流程。" : `您以企业用户身份登录:${viewer.account?.name ?? ""}。`}
      </Typography.Paragraph>
      <Row gutter={[16, 16]}>
        {items
          .filter((i) => i.key !== "/")
          .map((i) => (
            <Col key={i.key} xs={24} sm={12} lg={8}>
              <Card
                hoverable={i.ready}
                onClick={i.ready ? () => navigate(i.key) : undefined}
                title={
                  <Space>
                    {i.icon}
                    {i.label}
                  </Space>
                }
                extra={i.ready ? null : <Tag>即将上线</Tag>}
              >
                {i.key === "/flows" ? "可视化编辑来电的语音导航、转接和留言。" : "该功能将在后续版本中提供。"}
              </Card>
            </Col>
          ))}
      </Row>
    </div>
  );
}

export default function Shell({ viewer, path }: { viewer: Viewer; path: string }) {
  const queryClient = useQueryClient();
  const items = menuItems(viewer);

  async function logout() {
    await request(LogoutDocument);
    queryClient.clear();
    navigate("/login", true);
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  }

  const current = items.find((i) => i.key === path) ?? items[0];
  return (
    <Layout style={{ minHeight: "100%" }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={200}>
        <div className="app-logo">400 热线管理平台</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={[current.key]}
          aria-label="主导航"
          items={[
            ...items.map((i) => ({
              key: i.key,
              icon: i.icon,
              label: i.ready ? i.label : `${i.label}(即将上线)`,
              disabled: !i.ready,
            })),
            { key: "graphiql", icon: <ApiOutlined />, label: <a href="/graphql">API 调试台</a> },
          ]}
          onClick={({ key }) => key !== "graphiql" && navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header style={{ background: "#fff", display: "flex", justifyContent: "flex-end", alignItems: "center", gap: 12 }}>
          <span>
            {viewer.user?.displayName}
            <Tag color={viewer.isOperator ? "purple" : "blue"} style={{ marginLeft: 8 }}>
              {viewer.isOperator ? "运营人员" : "企业用户"}
            </Tag>
          </span>
          <Button icon={<LogoutOutlined />} onClick={logout}>
            退出登录
          </Button>
        </Layout.Header>
        <Layout.Content>
          {current.key === "/flows" ? <FlowListPage /> : <Home viewer={viewer} items={items} />}
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
