import { ApiOutlined, LogoutOutlined, MenuOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Button, Layout, Menu, Result, Spin, Tag } from "antd";
import { Suspense, useEffect, useState } from "react";
import { request } from "../api/client";
import { LogoutDocument } from "../gql/graphql";
import { screenFor, screens } from "../nav";
import { navigate } from "../router";
import { ME_KEY, type Viewer } from "../session";

export default function Shell({ viewer, path }: { viewer: Viewer; path: string }) {
  const queryClient = useQueryClient();
  const list = screens(viewer);
  const current = screenFor(list, path);
  // Below the lg breakpoint (phones, small tablets) the menu is a drawer: it slides over the content from a
  // button in the header, and closes after a choice or a tap beside it.
  const [narrow, setNarrow] = useState(() => window.matchMedia("(max-width: 991.98px)").matches);
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => {
    if (!menuOpen) return;
    const close = (event: KeyboardEvent) => event.key === "Escape" && setMenuOpen(false);
    window.addEventListener("keydown", close);
    return () => window.removeEventListener("keydown", close);
  }, [menuOpen]);

  async function logout() {
    await request(LogoutDocument);
    queryClient.clear();
    navigate("/login", true);
    await queryClient.invalidateQueries({ queryKey: ME_KEY });
  }

  const Page = current?.page;
  return (
    <Layout style={{ minHeight: "100%" }}>
      <Layout.Sider
        breakpoint="lg"
        collapsedWidth={0}
        width={200}
        trigger={null}
        collapsed={narrow && !menuOpen}
        onBreakpoint={(broken) => {
          setNarrow(broken);
          setMenuOpen(false);
        }}
        className={narrow ? "app-sider-drawer" : undefined}
        id="main-menu"
      >
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
          onClick={({ key }) => {
            setMenuOpen(false);
            if (key !== "graphiql") navigate(key);
          }}
        />
      </Layout.Sider>
      {narrow && menuOpen ? <div className="app-sider-backdrop" aria-hidden="true" onClick={() => setMenuOpen(false)} /> : null}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="app-header">
          {narrow ? (
            <Button
              className="app-menu-button"
              icon={<MenuOutlined />}
              aria-label={menuOpen ? "收起菜单" : "打开菜单"}
              aria-expanded={menuOpen}
              aria-controls="main-menu"
              onClick={() => setMenuOpen(!menuOpen)}
            />
          ) : null}
          <span className="app-user">
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
