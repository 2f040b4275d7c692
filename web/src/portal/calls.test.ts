import { describe, expect, it } from "vitest";
import { callsPerDay } from "./calls";

describe("callsPerDay", () => {
  it("sums numbers per Shanghai day and fills quiet days with zero", () => {
    const periods = [
      { periodStart: "2026-11-30T16:00:00Z", totals: { calls: 3, answered: 2, missed: 1 } }, // 12-01 00:00 Shanghai
      { periodStart: "2026-11-30T16:00:00Z", totals: { calls: 1, answered: 1, missed: 0 } }, // another number
      { periodStart: "2026-12-02T16:00:00Z", totals: { calls: 5, answered: 0, missed: 5 } }, // 12-03
      { periodStart: "2026-10-01T16:00:00Z", totals: { calls: 9, answered: 9, missed: 0 } }, // outside the range
    ];
    expect(callsPerDay(periods, "2026-12-01", "2026-12-03")).toEqual([
      { day: "2026-12-01", calls: 4, answered: 3, missed: 1 },
      { day: "2026-12-02", calls: 0, answered: 0, missed: 0 },
      { day: "2026-12-03", calls: 5, answered: 0, missed: 5 },
    ]);
  });
});
