import { describe, expect, it } from "vitest";
import { coverage, paintBlock, windowsOf } from "./WeekGrid";

describe("the week grid", () => {
  it("shades a window's half-hours and gives the same windows back", () => {
    const windows = [{ days: [1, 2, 3, 4, 5], start: "08:30", end: "17:30" }];
    const grid = coverage(windows);
    expect(grid[0][16]).toBe(false); // Monday 08:00
    expect(grid[0][17]).toBe(true); // Monday 08:30
    expect(grid[0][34]).toBe(true); // Monday 17:00–17:30, the last covered half-hour
    expect(grid[0][35]).toBe(false); // 17:30
    expect(grid[5].some(Boolean)).toBe(false); // Saturday
    expect(windowsOf(grid)).toEqual(windows);
  });

  it("covers the next morning for a window across midnight", () => {
    const grid = coverage([{ days: [7], start: "22:00", end: "06:00" }]);
    expect(grid[6][44]).toBe(true); // Sunday 22:00
    expect(grid[0][0]).toBe(true); // Monday 00:00
    expect(grid[0][12]).toBe(false); // Monday 06:00
    expect(windowsOf(grid)).toEqual([
      { days: [1], start: "00:00", end: "06:00" },
      { days: [7], start: "22:00", end: "24:00" },
    ]);
  });
});

describe("painting the week grid", () => {
  it("sets the block between the pressed cell and the pointer, in either direction", () => {
    const empty = coverage([]);
    const block = paintBlock(empty, { day: 4, slot: 35 }, { day: 0, slot: 17 }, true); // Fri 17:30 → Mon 08:30
    expect(windowsOf(block)).toEqual([{ days: [1, 2, 3, 4, 5], start: "08:30", end: "18:00" }]);
    const lunch = paintBlock(block, { day: 0, slot: 24 }, { day: 4, slot: 25 }, false);
    expect(windowsOf(lunch)).toEqual([
      { days: [1, 2, 3, 4, 5], start: "08:30", end: "12:00" },
      { days: [1, 2, 3, 4, 5], start: "13:00", end: "18:00" },
    ]);
    expect(block).not.toBe(empty);
    expect(empty.some((row) => row.some(Boolean))).toBe(false); // the grid it started from is untouched
  });
});
