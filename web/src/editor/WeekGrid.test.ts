import { describe, expect, it } from "vitest";
import { coverage, windowsOf } from "./WeekGrid";

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
