import { ApiOutlined, LogoutOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Layout, Menu, Result, Spin, Tag } from "antd";
import { Suspense } from "react";
import { request } from "../api/client";
import { LogoutDocument } from "../gql/graphql";
import { screenFor, screens } from "../nav";
import { navigate } from "../router";
import { ME_KEY, type Viewer } from "../session";

export default function Shell({ viewer, path }: { viewer: Viewer; path: string }) {
  const queryClient = useQueryClient();
  const list = screens(viewer);
  const current = screenFor(list, path);

  async function logout() {
    await request(LogoutDocument);
    queryClient.clear();
    navigate("/login", true);
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  }

  const Page = current?.page;
  return (
    <Layout style={{ minHeight: "100%" }}>
      <Layout.Sider breakpoint="lg" collapsedWidth={0} width={200}>
        <div className="app-logo">400 热线管理平台</div>
        <Menu
          theme="dark"
          mode="inline"
          selectedKeys={current ? [current.key] : []}
          aria-label="主导航"
          items={[
            ...list.map((s) => ({ key: s.key, icon: s.icon, label: s.label })),
            { key: "graphiql", icon: <ApiOutlined />, label: <a href="/graphql">API 调试台</a> },
          ]}
          onClick={({ key }) => key !== "graphiql" && navigate(key)}
        />
      </Layout.Sider>
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
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
          <Suspense fallback={<Spin style={{ display: "block", margin: 48 }} />}>
            {Page ? (
              <Page viewer={viewer} path={path} />
            ) : (
              <Result status="404" title="页面不存在" extra={<Button onClick={() => navigate("/")}>返回概览</Button>} />
            )}
          </Suspense>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
