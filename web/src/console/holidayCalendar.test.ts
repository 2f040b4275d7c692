import { describe, expect, it } from "vitest";
import { describeDay, isoDay, isWeekend, monthCells } from "./holidayCalendar";

describe("monthCells", () => {
  it("starts the grid on Monday", () => {
    // 2026-10-01 is a Thursday: three empty cells, then 31 days.
    const october = monthCells(2026, 9);
    expect(october.slice(0, 4)).toEqual([null, null, null, 1]);
    expect(october.filter((c) => c !== null)).toHaveLength(31);
    // 2027-02-01 is a Monday; February 2028 has 29 days.
    expect(monthCells(2027, 1)[0]).toBe(1);
    expect(monthCells(2028, 1).filter((c) => c !== null)).toHaveLength(29);
    // 2026-11-01 is a Sunday: six empty cells.
    expect(monthCells(2026, 10).indexOf(1)).toBe(6);
  });
});

describe("describeDay", () => {
  const holiday = { workday: false, name: "国庆节" };
  const makeup = { workday: true, name: "国庆节" };
  it("prefers the operator's entry over the bundled schedule over the week", () => {
    expect(describeDay(false, holiday, undefined)).toEqual({ kind: "holiday", own: false, label: "法定节假日 国庆节" });
    expect(describeDay(true, makeup, undefined)).toEqual({ kind: "makeup", own: false, label: "法定调休上班 国庆节" });
    expect(describeDay(false, holiday, { workday: true, name: "" })).toEqual({ kind: "workday", own: true, label: "自定义工作日" });
    expect(describeDay(true, undefined, { workday: true, name: "中秋调休" })).toEqual({ kind: "makeup", own: true, label: "自定义调休上班 中秋调休" });
    expect(describeDay(true, undefined, undefined)).toEqual({ kind: "weekend", own: false, label: "周末" });
    expect(describeDay(false, undefined, undefined)).toEqual({ kind: "workday", own: false, label: "工作日" });
  });
  it("knows weekends and writes ISO days", () => {
    expect(isWeekend(2027, 8, 18)).toBe(true);
    expect(isWeekend(2027, 8, 15)).toBe(false);
    expect(isoDay(2027, 1, 8)).toBe("2027-02-08");
  });
});
