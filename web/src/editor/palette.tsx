// The kinds of node a designer can add, and the two places they are offered: the palette beside the
// canvas, and the picker that opens where a connection was dropped on empty canvas. Both list the node
// types ivr_flows declares, in its palette groups (基础 / 路由 / 数据 / 结束; a group with no type is left out).
import { SearchOutlined } from "@ant-design/icons";
import { Button, Input, Tooltip, Typography } from "antd";
import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { typeIcon } from "./icons";
import { PALETTE_GROUPS, type NodeKindDef, type NodeType } from "./kinds";

export const DRAG_TYPE = "application/x-hotline-node";

/** The groups with the types whose name or hint holds `query` (no query: all of them). */
export function paletteMatches(query: string): typeof PALETTE_GROUPS {
  const q = query.trim().toLowerCase();
  if (!q) return PALETTE_GROUPS;
  const hit = (k: NodeKindDef) => k.name.toLowerCase().includes(q) || k.hint.toLowerCase().includes(q);
  return PALETTE_GROUPS.map((g) => ({ ...g, kinds: g.kinds.filter(hit) })).filter((g) => g.kinds.length > 0);
}

/** Arrow keys, Home and End move the focus among `items`; true when the key was one of them. */
function moveFocus(e: KeyboardEvent, items: HTMLElement[]): boolean {
  const i = items.indexOf(document.activeElement as HTMLElement);
  const step = { ArrowDown: 1, ArrowUp: -1 }[e.key];
  if (step) items[(i + step + items.length) % items.length]?.focus();
  else if (e.key === "Home") items[0]?.focus();
  else if (e.key === "End") items[items.length - 1]?.focus();
  else return false;
  return true;
}

const GROUP_TITLE = { display: "block", margin: "8px 0 4px", fontSize: 12 } as const;

/**
 * The palette: a search box (name or hint, as typed), then the types by group. Enter in the search box
 * adds the first match; the arrow keys go from the box into the list and along it. `disabled` while the
 * canvas shows a published version: nodes are added to the draft only.
 */
export function Palette({ onAdd, disabled = false }: { onAdd: (kind: NodeType) => void; disabled?: boolean }) {
  const [query, setQuery] = useState("");
  const list = useRef<HTMLDivElement>(null);
  const groups = paletteMatches(query);
  const buttons = () => [...(list.current?.querySelectorAll<HTMLElement>("button[draggable]") ?? [])];

  function onSearchKey(e: KeyboardEvent<HTMLInputElement>) {
    const first = groups[0]?.kinds[0];
    if (e.key === "Enter" && first && !disabled) onAdd(first.type);
    else if (e.key === "ArrowDown") buttons()[0]?.focus();
    else if (e.key === "Escape" && query) setQuery("");
    else return;
    e.preventDefault();
  }

  return (
    <nav className="palette" aria-label="节点类型">
      <Typography.Text type="secondary" style={{ display: "block", marginBottom: 8 }}>
        {disabled ? "返回编辑草稿后才能添加节点" : "拖到画布上,或按回车添加"}
      </Typography.Text>
      <Input prefix={<SearchOutlined aria-hidden />} aria-label="搜索节点类型" placeholder="搜索节点" allowClear size="small" value={query}
        onChange={(e) => setQuery(e.target.value)} onKeyDown={onSearchKey} style={{ marginBottom: 4 }} />
      <div ref={list} onKeyDown={(e) => moveFocus(e, buttons()) && e.preventDefault()}>
        {groups.map((g) => (
          <div key={g.id} role="group" aria-label={g.name}>
            <Typography.Text type="secondary" style={GROUP_TITLE} aria-hidden>{g.name}</Typography.Text>
            {g.kinds.map((t) => (
              <Tooltip key={t.type} title={t.hint} placement="right">
                <Button icon={typeIcon(t.type)} draggable={!disabled} disabled={disabled} aria-label={`添加${t.name}`}
                  onDragStart={(e) => (e.dataTransfer.setData(DRAG_TYPE, t.type), (e.dataTransfer.effectAllowed = "move"))}
                  onClick={() => onAdd(t.type)}>
                  {t.name}
                </Button>
              </Tooltip>
            ))}
          </div>
        ))}
        {groups.length === 0 && <Typography.Text type="secondary" role="status">没有找到“{query.trim()}”</Typography.Text>}
      </div>
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
 * A menu of node kinds at the end of a connection dropped on empty canvas, grouped as in the palette:
 * the chosen node is made there and connected. Arrow keys move, Enter picks, Escape (or a click
 * elsewhere) closes without a change.
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
    if (!moveFocus(e, [...(menu.current?.querySelectorAll("button") ?? [])])) {
      if (e.key !== "Escape") return;
      onClose();
    }
    e.preventDefault();
    e.stopPropagation();
  }

  return (
    <div ref={menu} className="node-picker nodrag nopan" role="menu" aria-label={`添加节点并连接到${from}`}
      style={{ left: at.x, top: at.y, maxHeight: PICKER_HEIGHT, overflowY: "auto" }} onKeyDown={onKeyDown}>
      <Typography.Text type="secondary" className="node-picker-title">连接到新节点</Typography.Text>
      {PALETTE_GROUPS.map((g) => (
        <div key={g.id} role="group" aria-label={g.name}>
          <Typography.Text type="secondary" className="node-picker-title" aria-hidden>{g.name}</Typography.Text>
          {g.kinds.map((t) => (
            <button key={t.type} type="button" role="menuitem" title={t.hint} onClick={() => onPick(t.type)}>
              {typeIcon(t.type)}
              <span>{t.name}</span>
            </button>
          ))}
        </div>
      ))}
    </div>
  );
}

/** The picker's tallest: it scrolls beyond, so it always fits where the canvas placed it. */
export const PICKER_HEIGHT = 380;
