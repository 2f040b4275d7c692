// Small pieces the operator console pages share: Chinese names of API enums, status tags, sizes.
// Buttons of these pages are disabled while a request runs rather than given `loading`: antd's loading
// icon sometimes keeps its leave animation class after a quick request, which screenshots wait on.
import { Tag } from "antd";
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

/** Bytes as MB with one decimal (media quotas are set in MB). */
export function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
