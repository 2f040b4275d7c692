// The bound phones of the self-service form, rung in order, and a forwarding phone's field.
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from "@ant-design/icons";
import { Button, Form, Input, InputNumber, Space, Switch } from "antd";
import { status } from "./fieldStatus";
import type { Phone } from "./simpleForm";

export function PhoneRows({
  label,
  phones,
  onChange,
  errors,
  advice,
}: {
  label: string;
  phones: Phone[];
  onChange: (next: Phone[]) => void;
  errors: Record<string, string[]>;
  advice: Record<string, string[]>;
}) {
  const put = (i: number, p: Partial<Phone>) => onChange(phones.map((x, j) => (j === i ? { ...x, ...p } : x)));
  const move = (from: number, to: number) => {
    const next = [...phones];
    next.splice(to, 0, ...next.splice(from, 1));
    onChange(next);
  };
  return (
    <>
      {phones.map((p, i) => {
        const name = `${label}${i + 1}`;
        return (
          <div key={i} className="dest-row" data-testid={`${label}-${i + 1}`}>
            <Space wrap align="start">
              <Input
                aria-label={`${name}号码`}
                placeholder="手机或带区号的固话"
                value={p.number}
                inputMode="tel"
                style={{ width: 170 }}
                status={errors[i]?.length ? "error" : undefined}
                onChange={(e) => put(i, { number: e.target.value })}
              />
              <InputNumber
                aria-label={`${name}等待秒数`}
                min={1}
                max={300}
                value={p.waitS}
                prefix="等"
                suffix="秒"
                style={{ width: 110 }}
                status={advice[i]?.length ? "warning" : undefined}
                onChange={(v) => put(i, { waitS: v ?? 30 })}
              />
              <Input aria-label={`${name}名称`} placeholder="名称(可选)" value={p.name} style={{ width: 120 }} onChange={(e) => put(i, { name: e.target.value })} />
              <Space.Compact>
                <Button icon={<ArrowUpOutlined />} aria-label={`${name}上移`} disabled={i === 0} onClick={() => move(i, i - 1)} />
                <Button icon={<ArrowDownOutlined />} aria-label={`${name}下移`} disabled={i === phones.length - 1} onClick={() => move(i, i + 1)} />
                <Button danger icon={<DeleteOutlined />} aria-label={`删除${name}`} disabled={phones.length === 1} onClick={() => onChange(phones.filter((_, j) => j !== i))} />
              </Space.Compact>
            </Space>
            {errors[i]?.length ? (
              <div role="alert" style={{ color: "#a8071a", marginTop: 4, fontSize: 13 }}>
                {errors[i].map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </div>
            ) : null}
            {advice[i]?.length ? (
              <div className="dest-advice" role="note" aria-label={`${name}等待时间建议`}>
                {advice[i].map((m) => (
                  <div key={m}>{m}</div>
                ))}
              </div>
            ) : null}
          </div>
        );
      })}
      <Button icon={<PlusOutlined />} onClick={() => onChange([...phones, { number: "", waitS: 20, name: "" }])} style={{ marginTop: 4 }}>
        添加{label}
      </Button>
    </>
  );
}

export function ForwardField({ label, value, onChange, errors, advice }: { label: string; value: Phone | null; onChange: (p: Phone | null) => void; errors?: string[]; advice?: string[] }) {
  return (
    <Form.Item label={label} {...status(errors, advice)}>
      <Space wrap>
        <Switch aria-label={label} checked={value !== null} onChange={(on) => onChange(on ? { number: "", waitS: 30, name: "" } : null)} />
        {value ? (
          <>
            <Input aria-label={`${label}号码`} placeholder="手机或带区号的固话" inputMode="tel" value={value.number} style={{ width: 170 }} onChange={(e) => onChange({ ...value, number: e.target.value })} />
            <InputNumber aria-label={`${label}等待秒数`} min={1} max={300} prefix="等" suffix="秒" style={{ width: 110 }} value={value.waitS} onChange={(v) => onChange({ ...value, waitS: v ?? 30 })} />
          </>
        ) : null}
      </Space>
    </Form.Item>
  );
}
