// Small pieces the operator console pages share: Chinese names of API enums, form error mapping.
// Buttons of these pages are disabled while a request runs rather than given `loading`: antd's loading
// icon sometimes keeps its leave animation class after a quick request, which screenshots wait on.
import type { FormInstance } from "antd";
import { Tag } from "antd";
import { UserErrorsError } from "../api/client";
import type { LedgerEntryKind, NumberStatus, RechargeMethod } from "../gql/graphql";

export const LEDGER_KIND_NAMES: Record<LedgerEntryKind, string> = {
  RECHARGE: "充值",
  ADJUSTMENT: "调账",
  CALL_CHARGE: "通话费",
  RINGBACK_FEE: "彩铃审核费",
  LINE_FEE: "线路费",
  SMS_FEE: "短信费",
};

export const RECHARGE_METHOD_NAMES: Record<RechargeMethod, string> = {
  BANK_TRANSFER: "银行转账",
  ALIPAY: "支付宝",
  WECHAT_PAY: "微信支付",
  CASH: "现金",
  OTHER: "其他",
};

export const STATUS_NAMES: Record<NumberStatus, string> = {
  AVAILABLE: "可选",
  RESERVED: "已预占",
  APPLIED: "审核中",
  ACTIVE: "使用中",
  SUSPENDED: "已停机",
  RECLAIMED: "已回收",
};

const STATUS_COLOURS: Record<NumberStatus, string> = {
  AVAILABLE: "blue",
  RESERVED: "gold",
  APPLIED: "orange",
  ACTIVE: "green",
  SUSPENDED: "red",
  RECLAIMED: "default",
};

export function StatusTag({ status, name }: { status: NumberStatus; name?: string }) {
  return <Tag color={STATUS_COLOURS[status]}>{name ?? STATUS_NAMES[status]}</Tag>;
}

/**
 * Shows a mutation's refusal on the form: messages of known fields beside them, the rest returned for a
 * message box. `fields` maps the API's argument names to the form's field names.
 */
export function showErrors<T>(form: FormInstance<T>, error: unknown, fields: Record<string, string>): string | null {
  if (!(error instanceof UserErrorsError)) return (error as Error).message;
  const rest: string[] = [];
  const placed: { name: string; errors: string[] }[] = [];
  for (const e of error.errors) {
    const name = e.field ? fields[e.field] : undefined;
    if (name) placed.push({ name, errors: [e.message] });
    else rest.push(e.message);
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  form.setFields(placed as any);
  return rest.length ? rest.join(";") : null;
}

/** Bytes as MB with one decimal (media quotas are set in MB). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
