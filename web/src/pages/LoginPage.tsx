import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import { LoginDocument } from "../gql/graphql";
import { navigate } from "../router";
import { AppLink } from "../ui/AppLink";
import { ME_KEY } from "../session";
import { errorMessage } from "../ui/errors";

export default function LoginPage() {
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(values: { login: string; password: string }) {
    setBusy(true);
    setError(null);
    try {
      const viewer = unwrap((await request(LoginDocument, values)).login);
      queryClient.setQueryData(ME_KEY, viewer);
      navigate("/", true);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <Card style={{ width: 380, maxWidth: "100%" }}>
        <Typography.Title level={3} style={{ textAlign: "center" }}>
          400 热线管理平台
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          登录后管理号码、语音导航和录音
        </Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        <Form layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="登录名" name="login" rules={[{ required: true, message: "请输入登录名" }]}>
            <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请输入密码" }]}>
            <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            登录
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: "center" }}>
          还没有账户?
          <AppLink to="/signup">注册企业账户</AppLink>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
