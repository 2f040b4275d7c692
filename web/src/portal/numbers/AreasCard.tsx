// The areas callers may call from (R14).
import { Alert, App, Button, Card, Form } from "antd";
import { useState } from "react";
import { request, unwrap } from "../../api/client";
import { AreaPicker } from "../../editor/AreaPicker";
import { SetAreaRestrictionsDocument } from "../../gql/graphql";
import { splitErrors } from "../../ui/errors";
import { status } from "./fieldStatus";
import { type Routing, useSaveRouting } from "./routing";

export function AreasCard({ routing }: { routing: Routing }) {
  const { message } = App.useApp();
  const store = useSaveRouting(routing.numberId);
  const [allowed, setAllowed] = useState<string[]>(routing.allowedAreas);
  const [refused, setRefused] = useState<string[]>(routing.refusedAreas);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      store(unwrap((await request(SetAreaRestrictionsDocument, { numberId: routing.numberId, allowed, refused })).setAreaRestrictions));
      setErrors({});
      message.success("地区限制已保存");
    } catch (e) {
      const { byField, rest } = splitErrors(e, (err) => (err.field === "allowed" || err.field === "refused" ? err.field : null));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title="来电地区">
      <Form layout="vertical">
        <Form.Item label="只允许这些地区来电(不选为全国)" extra="可选整个省、市或单个区号。" {...status(errors.allowed)}>
          <div role="group" aria-label="只允许这些地区来电">
            <AreaPicker value={allowed} onChange={setAllowed} />
          </div>
        </Form.Item>
        <Form.Item label="拒绝这些地区来电" extra="被拒绝地区的来电者听到“对不起,您要的电话忙!”。" {...status(errors.refused)}>
          <div role="group" aria-label="拒绝这些地区来电">
            <AreaPicker value={refused} onChange={setRefused} />
          </div>
        </Form.Item>
        {errors.form?.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.form.join(";")} /> : null}
        <Button loading={busy} onClick={save}>
          保存地区限制
        </Button>
      </Form>
    </Card>
  );
}
