// Calls per day in Asia/Shanghai, summed over numbers: what the dashboard's chart and tiles show.
import dayjs from "dayjs";
import { ZONE } from "../format";

export type DayPeriod = { periodStart: string; totals: { calls: number; answered: number; missed: number } };
export type DayTotals = { day: string; calls: number; answered: number; missed: number };

/** One entry per day from `first` to `last` (YYYY-MM-DD, inclusive), zero where nothing was reported. */
export function callsPerDay(periods: DayPeriod[], first: string, last: string): DayTotals[] {
  const byDay = new Map<string, DayTotals>();
  for (let d = dayjs.tz(first, ZONE); !d.isAfter(dayjs.tz(last, ZONE), "day"); d = d.add(1, "day")) {
    const day = d.format("YYYY-MM-DD");
    byDay.set(day, { day, calls: 0, answered: 0, missed: 0 });
  }
  for (const p of periods) {
    const entry = byDay.get(dayjs(p.periodStart).tz(ZONE).format("YYYY-MM-DD"));
    if (!entry) continue;
    entry.calls += p.totals.calls;
    entry.answered += p.totals.answered;
    entry.missed += p.totals.missed;
  }
  return [...byDay.values()];
}
