// The kinds of node a designer can add, and the two places they are offered: the palette beside the
// canvas, and the picker that opens where a connection was dropped on empty canvas.
import { Button, Tooltip, Typography } from "antd";
import { useEffect, useRef, type KeyboardEvent } from "react";
import { TYPE_ICON } from "./icons";
import { NODE_TYPES, type NodeType } from "./model";

/** Every kind but the start: a flow has exactly one, made with it. */
export const PALETTE = NODE_TYPES.filter((t) => t.type !== "start");

export const DRAG_TYPE = "application/x-hotline-node";

/** `disabled` while the canvas shows a published version: nodes are added to the draft only. */
export function Palette({ onAdd, disabled = false }: { onAdd: (kind: NodeType) => void; disabled?: boolean }) {
  return (
    <nav className="palette" aria-label="节点类型">
      <Typography.Text type="secondary" style={{ display: "block", marginBottom: 8 }}>
        {disabled ? "返回编辑草稿后才能添加节点" : "拖到画布上,或按回车添加"}
      </Typography.Text>
      {PALETTE.map((t) => (
        <Tooltip key={t.type} title={t.hint} placement="right">
          <Button icon={TYPE_ICON[t.type]} draggable={!disabled} disabled={disabled} aria-label={`添加${t.name}`}
            onDragStart={(e) => (e.dataTransfer.setData(DRAG_TYPE, t.type), (e.dataTransfer.effectAllowed = "move"))}
            onClick={() => onAdd(t.type)}>
            {t.name}
          </Button>
        </Tooltip>
      ))}
    </nav>
  );
}

type PickerProps = {
  /** Where the connection was dropped, in the canvas element's own pixels. */
  at: { x: number; y: number };
  /** What the new node will be connected from, as the designer reads it ("按键菜单 的出口:按1"). */
  from: string;
  onPick: (kind: NodeType) => void;
  onClose: () => void;
};

/**
 * A menu of node kinds at the end of a connection dropped on empty canvas: the chosen node is made there
 * and connected. Arrow keys move, Enter picks, Escape (or a click elsewhere) closes without a change.
 */
export function NodePicker({ at, from, onPick, onClose }: PickerProps) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector("button")?.focus();
    const away = (e: PointerEvent) => !menu.current?.contains(e.target as Node) && onClose();
    window.addEventListener("pointerdown", away, true);
    return () => window.removeEventListener("pointerdown", away, true);
  }, [onClose]);

  function onKeyDown(e: KeyboardEvent) {
    const items = [...(menu.current?.querySelectorAll("button") ?? [])];
    const i = items.indexOf(document.activeElement as HTMLButtonElement);
    const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
    if (step) items[(i + step + items.length) % items.length]?.focus();
    else if (e.key === "Home") items[0]?.focus();
    else if (e.key === "End") items[items.length - 1]?.focus();
    else if (e.key === "Escape") onClose();
    else return;
    e.preventDefault();
    e.stopPropagation();
  }

  return (
    <div ref={menu} className="node-picker nodrag nopan" role="menu" aria-label={`添加节点并连接到${from}`}
      style={{ left: at.x, top: at.y }} onKeyDown={onKeyDown}>
      <Typography.Text type="secondary" className="node-picker-title">连接到新节点</Typography.Text>
      {PALETTE.map((t) => (
        <button key={t.type} type="button" role="menuitem" title={t.hint} onClick={() => onPick(t.type)}>
          {TYPE_ICON[t.type]}
          <span>{t.name}</span>
        </button>
      ))}
    </div>
  );
}
