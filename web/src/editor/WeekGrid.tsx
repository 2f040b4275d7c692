// The time switch's week at a glance: 7 days × 48 half-hours, shaded where a window covers them. Paint
// with the mouse (press on a cell and drag; the first cell decides on or off) to redraw the windows; the
// window rows below stay the exact (minute) and keyboard way to edit.
import { useState } from "react";

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

export function WeekGrid({ windows, onChange }: { windows: Window[]; onChange: (w: Window[]) => void }) {
  const [draft, setDraft] = useState<boolean[][] | null>(null);
  const [paint, setPaint] = useState(true);
  const grid = draft ?? coverage(windows);
  const set = (day: number, slot: number, on: boolean, from: boolean[][]) => {
    const next = from.map((row) => [...row]);
    next[day][slot] = on;
    setDraft(next);
  };
  const finish = () => {
    if (draft) onChange(windowsOf(draft));
    setDraft(null);
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
                setPaint(!on);
                set(day, slot, !on, grid);
              }}
              onPointerEnter={(e) => draft && e.buttons === 1 && set(day, slot, paint, draft)} />
          ))}
        </div>
      ))}
    </div>
  );
}
