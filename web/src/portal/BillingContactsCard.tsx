// Where balance notices (R8: 35 元 warning, suspension, reclamation) and missed-call texts go.
import { App, Button, Card, Form, Input, Skeleton, Typography } from "antd";
import { useState } from "react";
import { unwrap, UserErrorsError, request } from "../api/client";
import { SetBillingContactsDocument } from "../gql/graphql";
import { useBillingNotices, useStoreNotices } from "./billingNotices";
import { errorMessage } from "../ui/errors";

type Values = { email: string; phone: string };

export function BillingContactsCard() {
  const { message } = App.useApp();
  const notices = useBillingNotices();
  const store = useStoreNotices();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const settings = notices.data;

  async function save(values: Values) {
    if (!settings) return;
    setBusy(true);
    try {
      const saved = unwrap(
        (await request(SetBillingContactsDocument, { accountId: settings.accountId, email: values.email.trim(), phone: values.phone.trim() })).setBillingContacts,
      );
      store(saved);
      form.setFields([
        { name: "email", value: saved.notifyEmail, errors: [] },
        { name: "phone", value: saved.notifyPhone, errors: [] },
      ]);
      message.success("提醒联系方式已保存");
    } catch (e) {
      if (e instanceof UserErrorsError) {
        form.setFields(e.errors.filter((err) => err.field === "email" || err.field === "phone").map((err) => ({ name: err.field as keyof Values, errors: [err.message] })));
      } else message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card size="small" title="余额提醒联系方式" style={{ marginBottom: 16 }}>
      <Typography.Paragraph type="secondary">
        余额不足 35 元时提醒,低于 15 元自动停机、停机 3 天未充值回收号码,都会通过短信、电话和邮件通知;漏接来电短信也发到这个手机。留空的方式不发送(手机留空时使用开通申请中的联系电话)。
      </Typography.Paragraph>
      {settings ? (
        <Form form={form} layout="inline" onFinish={save} initialValues={{ email: settings.notifyEmail, phone: settings.notifyPhone }} style={{ rowGap: 8 }}>
          <Form.Item name="phone" label="提醒手机">
            <Input inputMode="tel" placeholder="例如 13812345678" style={{ width: 180 }} />
          </Form.Item>
          <Form.Item name="email" label="提醒邮箱">
            <Input inputMode="email" placeholder="例如 finance@example.com" style={{ width: 240 }} />
          </Form.Item>
          <Form.Item>
            <Button htmlType="submit" loading={busy}>
              保存
            </Button>
          </Form.Item>
        </Form>
      ) : (
        <Skeleton active paragraph={{ rows: 1 }} />
      )}
    </Card>
  );
}
