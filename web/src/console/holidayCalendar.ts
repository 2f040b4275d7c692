// Calendar arithmetic of the holiday year view, kept apart from React so it can be tested on its own.
// Dates are calendar dates (no time of day): computed in UTC so the browser's zone cannot shift a day.

export type DayInfo = { workday: boolean; name: string };

/** "2027-02-08" for a calendar date (month 0–11). */
export function isoDay(year: number, month: number, day: number): string {
  return `${year}-${String(month + 1).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** The cells of a month, Monday first: null before the 1st. */
export function monthCells(year: number, month: number): (number | null)[] {
  const first = new Date(Date.UTC(year, month, 1)).getUTCDay(); // 0 = Sunday
  const lead = (first + 6) % 7;
  const days = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return [...Array<null>(lead).fill(null), ...Array.from({ length: days }, (_, i) => i + 1)];
}

export function isWeekend(year: number, month: number, day: number): boolean {
  const wd = new Date(Date.UTC(year, month, day)).getUTCDay();
  return wd === 0 || wd === 6;
}

export type DayKind = "holiday" | "makeup" | "weekend" | "workday";

/**
 * What a day is, and the words a screen reader says for it: the operator's entry wins over the bundled
 * schedule, which wins over the plain week (as the service's calendar decides).
 */
export function describeDay(weekend: boolean, bundled: DayInfo | undefined, own: DayInfo | undefined): { kind: DayKind; own: boolean; label: string } {
  const effective = own ?? bundled;
  const source = own ? "自定义" : "法定";
  const name = effective?.name ? ` ${effective.name}` : "";
  if (effective && !effective.workday) return { kind: "holiday", own: Boolean(own), label: `${source}节假日${name}` };
  if (effective && weekend) return { kind: "makeup", own: Boolean(own), label: `${source}调休上班${name}` };
  if (effective) return { kind: "workday", own: Boolean(own), label: `${source}工作日${name}` };
  return weekend ? { kind: "weekend", own: false, label: "周末" } : { kind: "workday", own: false, label: "工作日" };
}
