import {
  ApartmentOutlined,
  ApiOutlined,
  AudioOutlined,
  BranchesOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  FieldNumberOutlined,
  ForkOutlined,
  MessageOutlined,
  NumberOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PoweroffOutlined,
  QuestionCircleOutlined,
  RollbackOutlined,
  SoundOutlined,
  UnorderedListOutlined,
} from "@ant-design/icons";
import Icon from "@ant-design/icons";
import type { ComponentType, ReactNode } from "react";
import { kindOf } from "./kinds";

/**
 * The Ant Design icons node types name (`icon` in ivr_flows/nodes): imported one by one, so the bundle
 * holds only these. A type naming an icon not listed here shows a question mark until it is added.
 */
const ICONS: Record<string, ComponentType> = {
  ApartmentOutlined,
  ApiOutlined,
  AudioOutlined,
  BranchesOutlined,
  ClockCircleOutlined,
  EnvironmentOutlined,
  FieldNumberOutlined,
  ForkOutlined,
  MessageOutlined,
  NumberOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PoweroffOutlined,
  RollbackOutlined,
  SoundOutlined,
  UnorderedListOutlined,
};

/** Whether the editor has the icon a type names (the definitions test checks every type). */
export function hasIcon(name: string): boolean {
  return name in ICONS;
}

/** A node type's icon. */
export function typeIcon(type: string): ReactNode {
  const Named = ICONS[kindOf(type).icon] ?? QuestionCircleOutlined;
  return <Named />;
}

/** A node type's accent colour (the card's top border and icon). */
export function typeColor(type: string): string {
  return kindOf(type).color;
}

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
