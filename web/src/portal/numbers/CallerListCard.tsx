// The number's black or white list of callers (R15).
import { Alert, App, Button, Card, Form, Input, Radio } from "antd";
import { useState } from "react";
import { request, unwrap, type FieldError } from "../../api/client";
import { AddCallerListEntriesDocument, SetCallerListDocument, type CallerListMode } from "../../gql/graphql";
import { splitErrors } from "../../ui/errors";
import { status } from "./fieldStatus";
import { type Routing, useSaveRouting } from "./routing";

export function CallerListCard({ routing }: { routing: Routing }) {
  const { message } = App.useApp();
  const store = useSaveRouting(routing.numberId);
  const [mode, setMode] = useState<CallerListMode>(routing.listMode);
  const [text, setText] = useState(routing.listEntries.join("\n"));
  const [paste, setPaste] = useState("");
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [busy, setBusy] = useState<"save" | "import" | null>(null);
  const fieldOf = (into: string) => (err: FieldError) => (err.field === "text" ? into : null);

  async function save() {
    setBusy("save");
    try {
      const saved = unwrap((await request(SetCallerListDocument, { numberId: routing.numberId, mode, text })).setCallerList);
      store(saved);
      setText(saved.listEntries.join("\n"));
      setErrors({});
      message.success("黑白名单已保存");
    } catch (e) {
      const { byField, rest } = splitErrors(e, fieldOf("text"));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(null);
    }
  }

  async function importLines() {
    setBusy("import");
    try {
      const saved = unwrap((await request(AddCallerListEntriesDocument, { numberId: routing.numberId, text: paste })).addCallerListEntries);
      store(saved);
      const added = saved.listEntries.length - routing.listEntries.length;
      setText(saved.listEntries.join("\n"));
      setPaste("");
      setErrors({});
      message.success(`已导入,名单现有 ${saved.listEntries.length} 个号码${added >= 0 ? `(新增 ${added} 个)` : ""}`);
    } catch (e) {
      const { byField, rest } = splitErrors(e, fieldOf("paste"));
      setErrors({ ...byField, form: rest });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Card title="黑白名单">
      <Form layout="vertical">
        <Form.Item label="名单类型" extra={mode === "BLACK" ? "名单中的号码不能拨打本号码,来电者听到“您无权拨打该号码”。" : mode === "WHITE" ? "只有名单中的号码可以拨打本号码。" : "不限制来电号码。"}>
          <Radio.Group
            aria-label="名单类型"
            value={mode}
            onChange={(e) => setMode(e.target.value as CallerListMode)}
            options={[
              { value: "OFF", label: "不启用" },
              { value: "BLACK", label: "黑名单" },
              { value: "WHITE", label: "白名单" },
            ]}
          />
        </Form.Item>
        <Form.Item
          label={`名单号码(每行一个,共 ${routing.listEntries.length} 个已保存)`}
          extra="填写完整号码(手机号不加0)或号码开头(区号或号段,如 0755、1391),不支持号码结尾。"
          {...status(errors.text, mode === "WHITE" && !text.trim() ? ["白名单为空:任何人都无法拨打该号码"] : undefined)}
        >
          <Input.TextArea aria-label="名单号码" autoSize={{ minRows: 3, maxRows: 10 }} value={text} onChange={(e) => setText(e.target.value)} />
        </Form.Item>
        <Button type="primary" loading={busy === "save"} onClick={save} style={{ marginBottom: 16 }}>
          保存名单
        </Button>
        <Form.Item label="批量导入(粘贴号码,每行一个,加到现有名单中)" {...status(errors.paste)}>
          <Input.TextArea aria-label="批量导入号码" autoSize={{ minRows: 2, maxRows: 8 }} value={paste} placeholder={"13800138000\n0755\n02088886666"} onChange={(e) => setPaste(e.target.value)} />
        </Form.Item>
        {errors.form?.length ? <Alert type="error" showIcon style={{ marginBottom: 12 }} title={errors.form.join(";")} /> : null}
        <Button autoInsertSpace={false} loading={busy === "import"} disabled={!paste.trim()} onClick={importLines}>
          导入
        </Button>
      </Form>
    </Card>
  );
}
