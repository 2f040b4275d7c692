// An application's state as customers and operators both see it.
import { Tag } from "antd";
import type { ApplicationStatus } from "../gql/graphql";

export const APPLICATION_STATUS: Record<ApplicationStatus, { label: string; color: string }> = {
  SUBMITTED: { label: "待审核", color: "blue" },
  APPROVED: { label: "已开通", color: "green" },
  REJECTED: { label: "已驳回", color: "red" },
  WITHDRAWN: { label: "已撤回", color: "default" },
};

export function StatusTag({ status }: { status: ApplicationStatus }) {
  return <Tag color={APPLICATION_STATUS[status].color}>{APPLICATION_STATUS[status].label}</Tag>;
}
