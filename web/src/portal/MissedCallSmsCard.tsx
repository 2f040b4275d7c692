// A number's missed-call texts: each busy, unanswered or voicemail call is texted to the account's notice
// phone, 0.10 元 a message from the balance.
import { App, Card, Space, Switch, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import { SetMissedCallSmsDocument } from "../gql/graphql";
import { useBillingNotices, useStoreNotices } from "./billingNotices";
import { errorMessage } from "../ui/errors";

export function MissedCallSmsCard({ numberId }: { numberId: string }) {
  const { message } = App.useApp();
  const notices = useBillingNotices();
  const store = useStoreNotices();
  const [busy, setBusy] = useState(false);
  const settings = notices.data;
  const on = settings?.missedCallNumberIds.includes(numberId) ?? false;

  async function toggle(enabled: boolean) {
    setBusy(true);
    try {
      store(unwrap((await request(SetMissedCallSmsDocument, { numberId, enabled })).setMissedCallSms));
      message.success(enabled ? "已开启漏接来电短信提醒" : "已关闭漏接来电短信提醒");
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Card title="漏接来电短信提醒">
      <Space align="start">
        <Switch aria-label="漏接来电短信提醒" checked={on} loading={busy || notices.isPending} disabled={!settings} onChange={toggle} />
        <Typography.Text>
          来电未接通(忙、无人接听或转入留言)时,把来电号码和时间用短信发给
          {settings?.notifyPhone ? ` ${settings.notifyPhone}` : "余额提醒手机(在费用中心设置)"}
          ,每条 0.10 元,从账户余额扣除。
        </Typography.Text>
      </Space>
    </Card>
  );
}
