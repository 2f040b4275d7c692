// A prospect opens an enterprise account: the first step before choosing and applying for a number.
import { useQueryClient } from "@tanstack/react-query";
import { Alert, Button, Card, Form, Input, Typography } from "antd";
import { useState } from "react";
import { request, unwrap, UserErrorsError } from "../api/client";
import { SignUpDocument } from "../gql/graphql";
import { navigate } from "../router";
import { AppLink } from "../ui/AppLink";
import { ME_KEY } from "../session";
import { errorMessage } from "../ui/errors";

type SignUpForm = { companyName: string; displayName: string; login: string; password: string; repeat: string };

export default function SignupPage() {
  const queryClient = useQueryClient();
  const [form] = Form.useForm<SignUpForm>();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit({ repeat: _repeat, ...values }: SignUpForm) {
    setBusy(true);
    setError(null);
    try {
      const viewer = unwrap((await request(SignUpDocument, values)).signUp);
      queryClient.setQueryData(ME_KEY, viewer);
      navigate("/choose", true);
    } catch (e) {
      if (e instanceof UserErrorsError) {
        form.setFields(e.errors.filter((err) => err.field).map((err) => ({ name: err.field as keyof SignUpForm, errors: [err.message] })));
        if (e.errors.some((err) => !err.field)) setError(e.message);
      } else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="login-page">
      <Card style={{ width: 420, maxWidth: "100%" }}>
        <Typography.Title level={3} style={{ textAlign: "center" }}>
          注册企业账户
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ textAlign: "center" }}>
          注册后即可选号、提交开通申请
        </Typography.Paragraph>
        {error && <Alert type="error" title={error} style={{ marginBottom: 16 }} showIcon />}
        <Form form={form} layout="vertical" onFinish={submit} requiredMark={false}>
          <Form.Item label="企业名称" name="companyName" rules={[{ required: true, message: "请输入营业执照上的企业名称" }]}>
            <Input autoComplete="organization" />
          </Form.Item>
          <Form.Item label="联系人姓名" name="displayName" rules={[{ required: true, message: "请输入联系人姓名" }]}>
            <Input autoComplete="name" />
          </Form.Item>
          <Form.Item label="登录名" name="login" rules={[{ required: true, message: "请输入登录名(可用邮箱)" }]}>
            <Input autoComplete="username" />
          </Form.Item>
          <Form.Item label="密码" name="password" rules={[{ required: true, message: "请设置密码" }]}>
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Form.Item
            label="确认密码"
            name="repeat"
            dependencies={["password"]}
            rules={[
              { required: true, message: "请再次输入密码" },
              ({ getFieldValue }) => ({
                validator: (_, value) => (!value || value === getFieldValue("password") ? Promise.resolve() : Promise.reject(new Error("两次输入的密码不一致"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
          <Button type="primary" htmlType="submit" block loading={busy}>
            注册
          </Button>
        </Form>
        <Typography.Paragraph style={{ marginTop: 16, textAlign: "center" }}>
          已有账户?
          <AppLink to="/login">去登录</AppLink>
        </Typography.Paragraph>
      </Card>
    </main>
  );
}
