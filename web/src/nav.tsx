// The screens of each role: the shell's menu and its router read this one table.
import {
  ApartmentOutlined,
  ApiOutlined,
  AuditOutlined,
  CalendarOutlined,
  ClockCircleOutlined,
  CustomerServiceOutlined,
  DashboardOutlined,
  FileDoneOutlined,
  KeyOutlined,
  PhoneOutlined,
  SearchOutlined,
  SettingOutlined,
  SoundOutlined,
  TeamOutlined,
  UsergroupDeleteOutlined,
  WalletOutlined,
} from "@ant-design/icons";
import { lazy, type ComponentType, type LazyExoticComponent, type ReactNode } from "react";
import type { Viewer } from "./session";
import type { PageProps } from "./ui/page";

export type Screen = {
  /** The path the screen owns; it also answers every path below it (`/numbers/12`). */
  key: string;
  label: string;
  icon: ReactNode;
  page: LazyExoticComponent<ComponentType<PageProps>>;
};

// Each screen is its own chunk, loaded when first opened.
const FlowList = lazy(() => import("./pages/FlowListPage"));
const Settings = lazy(() => import("./pages/SettingsPage"));

const CUSTOMER: Screen[] = [
  { key: "/", label: "概览", icon: <DashboardOutlined />, page: lazy(() => import("./portal/DashboardPage")) },
  { key: "/numbers", label: "我的号码", icon: <PhoneOutlined />, page: lazy(() => import("./portal/numbers/NumbersPage")) },
  { key: "/choose", label: "选号", icon: <SearchOutlined />, page: lazy(() => import("./portal/ChooseNumberPage")) },
  { key: "/applications", label: "开通申请", icon: <FileDoneOutlined />, page: lazy(() => import("./portal/ApplicationsPage")) },
  { key: "/flows", label: "语音导航流程", icon: <ApartmentOutlined />, page: FlowList },
  { key: "/media", label: "语音文件", icon: <SoundOutlined />, page: lazy(() => import("./portal/MediaPage")) },
  { key: "/recordings", label: "录音与留言", icon: <CustomerServiceOutlined />, page: lazy(() => import("./portal/RecordingsPage")) },
  { key: "/money", label: "费用中心", icon: <WalletOutlined />, page: lazy(() => import("./portal/MoneyPage")) },
  { key: "/settings", label: "账户设置", icon: <SettingOutlined />, page: Settings },
];

const OPERATOR: Screen[] = [
  { key: "/", label: "概览", icon: <DashboardOutlined />, page: lazy(() => import("./console/OverviewPage")) },
  { key: "/accounts", label: "客户账户", icon: <TeamOutlined />, page: lazy(() => import("./console/AccountsPage")) },
  { key: "/inventory", label: "号码库存", icon: <PhoneOutlined />, page: lazy(() => import("./console/InventoryPage")) },
  { key: "/reservations", label: "号码预占", icon: <ClockCircleOutlined />, page: lazy(() => import("./console/ReservationsPage")) },
  { key: "/signups", label: "批量注册", icon: <UsergroupDeleteOutlined />, page: lazy(() => import("./console/SignupsPage")) },
  { key: "/review", label: "受理审核", icon: <AuditOutlined />, page: lazy(() => import("./console/ReviewPage")) },
  { key: "/ringbacks", label: "彩铃审核", icon: <SoundOutlined />, page: lazy(() => import("./console/RingbackReviewPage")) },
  { key: "/holidays", label: "节假日设置", icon: <CalendarOutlined />, page: lazy(() => import("./console/HolidaysPage")) },
  { key: "/flows", label: "语音导航流程", icon: <ApartmentOutlined />, page: FlowList },
  { key: "/tokens", label: "服务令牌", icon: <KeyOutlined />, page: lazy(() => import("./console/ServiceTokensPage")) },
  { key: "/http-hosts", label: "外部接口白名单", icon: <ApiOutlined />, page: lazy(() => import("./console/HttpHostsPage")) },
  { key: "/settings", label: "账户设置", icon: <SettingOutlined />, page: Settings },
];

export function screens(viewer: Viewer): Screen[] {
  return viewer.isOperator ? OPERATOR : CUSTOMER;
}

/** The screen that owns `path`: the longest key that is `path` or a parent of it. */
export function screenFor(list: Screen[], path: string): Screen | undefined {
  let best: Screen | undefined;
  for (const s of list) {
    const owns = s.key === "/" ? path === "/" : path === s.key || path.startsWith(`${s.key}/`);
    if (owns && (!best || s.key.length > best.key.length)) best = s;
  }
  return best;
}
