// Which caller types may call the number (R9).
import { App, Button, Card, Checkbox, Form } from "antd";
import { useState } from "react";
import { request, unwrap } from "../../api/client";
import { SetCallerCategoriesDocument } from "../../gql/graphql";
import { splitErrors } from "../../ui/errors";
import { CATEGORIES } from "./categories";
import { status } from "./fieldStatus";
import { type Routing, useSaveRouting } from "./routing";

export function CategoriesCard({ routing }: { routing: Routing }) {
  const { message } = App.useApp();
  const store = useSaveRouting(routing.numberId);
  const [value, setValue] = useState<string[]>(routing.allowedCategories);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState(false);
  async function save() {
    setBusy(true);
    try {
      store(unwrap((await request(SetCallerCategoriesDocument, { numberId: routing.numberId, categories: value })).setCallerCategories));
      setErrors({});
      message.success("来电类型已保存");
    } catch (e) {
      const { byField, rest } = splitErrors(e, (err) => (err.field === "categories" ? "categories" : null));
      setErrors({ categories: [...(byField.categories ?? []), ...rest] });
    } finally {
      setBusy(false);
    }
  }
  return (
    <Card title="允许来电的电话类型">
      <Form layout="vertical">
        <Form.Item label="允许以下类型的电话拨打本号码" extra="按规定,校园电话、网络电话和公用电话不能拨打400号码。" {...status(errors.categories)}>
          <Checkbox.Group role="group" aria-label="允许来电的电话类型" value={value} options={CATEGORIES} onChange={(v) => setValue(v as string[])} />
        </Form.Item>
        <Button loading={busy} onClick={save}>
          保存电话类型
        </Button>
      </Form>
    </Card>
  );
}
