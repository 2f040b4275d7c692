import {
  AudioOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  MessageOutlined,
  NumberOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PoweroffOutlined,
  SoundOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import type { ReactNode } from "react";
import type { NodeType } from "./model";

export const TYPE_ICON: Record<NodeType, ReactNode> = {
  start: <PlayCircleOutlined />,
  play: <SoundOutlined />,
  menu: <NumberOutlined />,
  time_switch: <ClockCircleOutlined />,
  area_switch: <EnvironmentOutlined />,
  caller_list: <UnorderedListOutlined />,
  dial: <PhoneOutlined />,
  voicemail: <MessageOutlined />,
  record: <AudioOutlined />,
  hangup: <PoweroffOutlined />,
};

export const TYPE_COLOR: Record<NodeType, string> = {
  start: "#389e0d",
  play: "#1464c8",
  menu: "#722ed1",
  time_switch: "#d48806",
  area_switch: "#d48806",
  caller_list: "#d48806",
  dial: "#08979c",
  voicemail: "#c41d7f",
  record: "#595959",
  hangup: "#cf1322",
};
