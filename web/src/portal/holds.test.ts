import { describe, expect, it } from "vitest";
import { holdEnd, timeLeft } from "./holds";

describe("holdEnd", () => {
  it("names the last day of a hold ending at midnight, with its weekday", () => {
    expect(holdEnd("2026-12-08T16:00:00Z")).toBe("2026-12-08(周二)24:00");
    expect(holdEnd("2026-12-09T00:00:00+08:00")).toBe("2026-12-08(周二)24:00");
  });
  it("shows other times as they are", () => {
    expect(holdEnd("2026-12-08T02:30:00Z")).toBe("2026-12-08 10:30(周二)");
  });
});

describe("timeLeft", () => {
  const end = "2026-12-09T00:00:00+08:00";
  it("counts days, hours, minutes and seconds", () => {
    expect(timeLeft(end, Date.parse("2026-12-04T10:00:00+08:00"))).toBe("4天 14:00:00");
    expect(timeLeft(end, Date.parse("2026-12-08T23:59:01+08:00"))).toBe("00:00:59");
  });
  it("is null once the hold has ended", () => {
    expect(timeLeft(end, Date.parse(end))).toBeNull();
  });
});
