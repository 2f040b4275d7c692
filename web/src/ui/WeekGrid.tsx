// The time switch's week at a glance: 7 days × 48 half-hours, shaded where a window covers them. Paint
// with the mouse: press on a cell and drag; the block from that cell to the pointer is set on (or off, if
// the first cell was on). The window rows below stay the exact (minute) and keyboard way to edit.
import { useRef, useState } from "react";

export type Window = { name?: string; days: number[]; start: string; end: string };

const DAYS = ["一", "二", "三", "四", "五", "六", "日"];
const SLOTS = 48;

function minutes(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return (h || 0) * 60 + (m || 0);
}

function hhmm(slot: number): string {
  const m = slot * 30;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
}

/** covered[day 0–6][slot]: a window across midnight covers the evening and the next morning. */
export function coverage(windows: Window[]): boolean[][] {
  const grid = DAYS.map(() => Array<boolean>(SLOTS).fill(false));
  for (const w of windows) {
    const start = minutes(w.start);
    const end = minutes(w.end);
    for (const day of w.days) {
      for (let s = 0; s < SLOTS; s++) {
        const m = s * 30;
        if (end > start ? m >= start && m < end : m >= start) grid[day - 1][s] = true;
        if (end <= start && m < end) grid[day % 7][s] = true;
      }
    }
  }
  return grid;
}

/** Windows from a painted grid: each day's runs, days with the same run sharing one window. */
export function windowsOf(grid: boolean[][]): Window[] {
  const byRun = new Map<string, number[]>();
  grid.forEach((slots, day) => {
    let s = 0;
    while (s < SLOTS) {
      if (!slots[s]) {
        s++;
        continue;
      }
      const first = s;
      while (s < SLOTS && slots[s]) s++;
      const key = `${hhmm(first)}-${s === SLOTS ? "24:00" : hhmm(s)}`;
      byRun.set(key, [...(byRun.get(key) ?? []), day + 1]);
    }
  });
  return [...byRun.entries()].map(([key, days]) => {
    const [start, end] = key.split("-");
    return { days, start, end };
  });
}

export type Cell = { day: number; slot: number };

/** ``grid`` with the block between two cells (any corners) set to ``on``. */
export function paintBlock(grid: boolean[][], from: Cell, to: Cell, on: boolean): boolean[][] {
  const [d0, d1] = [Math.min(from.day, to.day), Math.max(from.day, to.day)];
  const [s0, s1] = [Math.min(from.slot, to.slot), Math.max(from.slot, to.slot)];
  return grid.map((row, day) => (day < d0 || day > d1 ? row : row.map((v, slot) => (slot >= s0 && slot <= s1 ? on : v))));
}

function cellAt(x: number, y: number): Cell | null {
  const found = document.elementFromPoint(x, y)?.closest<HTMLElement>("[data-cell]")?.dataset.cell;
  if (!found) return null;
  const [day, at] = found.split("-");
  return { day: Number(day) - 1, slot: minutes(at) / 30 };
}

export function WeekGrid({ windows, onChange }: { windows: Window[]; onChange: (w: Window[]) => void }) {
  // The block depends only on where the stroke started and where the pointer is now, so a pointer event
  // the browser coalesced or React has not rendered yet loses nothing; the release point decides.
  const stroke = useRef<{ base: boolean[][]; anchor: Cell; paint: boolean; last: boolean[][] } | null>(null);
  const [draft, setDraft] = useState<boolean[][] | null>(null);
  const grid = draft ?? coverage(windows);
  const paintTo = (cell: Cell | null) => {
    const current = stroke.current;
    if (!current || !cell) return;
    current.last = paintBlock(current.base, current.anchor, cell, current.paint);
    setDraft(current.last);
  };
  const finish = (e: React.PointerEvent) => {
    paintTo(cellAt(e.clientX, e.clientY));
    const done = stroke.current;
    stroke.current = null;
    setDraft(null);
    if (done) onChange(windowsOf(done.last));
  };
  return (
    <div className="week-grid" aria-hidden onPointerUp={finish} onPointerLeave={finish}>
      <div className="week-grid-hours">
        {[0, 6, 12, 18, 24].map((h) => <span key={h} style={{ left: `calc(28px + (100% - 28px) * ${h / 24})` }}>{h}</span>)}
      </div>
      {grid.map((slots, day) => (
        <div key={day} className="week-grid-row">
          <span className="week-grid-day">周{DAYS[day]}</span>
          {slots.map((on, slot) => (
            <span key={slot} className={on ? "on" : undefined} data-cell={`${day + 1}-${hhmm(slot)}`}
              onPointerDown={(e) => {
                e.preventDefault();
                (e.target as HTMLElement).releasePointerCapture?.(e.pointerId);
                stroke.current = { base: grid, anchor: { day, slot }, paint: !on, last: grid };
                paintTo({ day, slot });
              }}
              onPointerEnter={(e) => e.buttons === 1 && paintTo({ day, slot })} />
          ))}
        </div>
      ))}
    </div>
  );
}
