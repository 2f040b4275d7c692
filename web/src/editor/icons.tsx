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
import Icon from "@ant-design/icons";
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

/**
 * Undo and redo as hooked arrows, mirror images of each other: Ant Design's pair are two near-identical
 * circles whose small arrowheads are hard to tell apart at toolbar size.
 */
function HookedArrow({ mirrored }: { mirrored?: boolean }) {
  return (
    <svg viewBox="0 0 24 24" width="1em" height="1em" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round"
      strokeLinejoin="round" style={mirrored ? { transform: "scaleX(-1)" } : undefined} aria-hidden="true" focusable="false">
      <path d="M8.5 4.5 3.5 9.5l5 5" />
      <path d="M3.5 9.5h11a5.5 5.5 0 0 1 0 11H10" />
    </svg>
  );
}

const UndoSvg = () => <HookedArrow />;
const RedoSvg = () => <HookedArrow mirrored />;
export const UndoIcon = () => <Icon component={UndoSvg} aria-hidden="true" />;
export const RedoIcon = () => <Icon component={RedoSvg} aria-hidden="true" />;
