import { describe, expect, it } from "vitest";
import { dateTime, format400, formatPhone, maskPhone, parseYuan, yuan } from "./format";

describe("yuan", () => {
  it("groups thousands and keeps two decimals from integer fen", () => {
    expect(yuan(123450)).toBe("1,234.50 元");
    expect(yuan(5)).toBe("0.05 元");
    expect(yuan(0)).toBe("0.00 元");
    expect(yuan(-3000)).toBe("-30.00 元");
    expect(yuan(123456789012)).toBe("1,234,567,890.12 元");
  });
  it("reads what a user types back into fen, refusing more than two decimals", () => {
    expect(parseYuan("1,234.5")).toBe(123450);
    expect(parseYuan("30")).toBe(3000);
    expect(parseYuan("0.07 元")).toBe(7);
    expect(parseYuan("1.234")).toBeNull();
    expect(parseYuan("-5")).toBeNull();
    expect(parseYuan("abc")).toBeNull();
  });
});

describe("phone numbers", () => {
  it("masks mobiles and landlines alike, never the customer's own phones", () => {
    expect(maskPhone("13812345678")).toBe("138****5678");
    expect(maskPhone("01088886666")).toBe("010****6666");
    expect(maskPhone("075512345678")).toBe("0755****5678");
    expect(maskPhone("95555")).toBe("95555");
    expect(maskPhone("01088886666", new Set(["01088886666"]))).toBe("01088886666");
    expect(maskPhone("13812345678", new Set(["13812345678"]))).toBe("13812345678");
  });
  it("writes 400 numbers as 400-XXX-XXXX", () => {
    expect(format400("4008123456")).toBe("400-812-3456");
    expect(format400("400-812-3456")).toBe("400-812-3456");
    expect(format400("12345")).toBe("12345");
  });
});

describe("times", () => {
  it("shows UTC instants in Asia/Shanghai", () => {
    expect(dateTime("2026-12-01T16:30:00Z")).toBe("2026-12-02 00:30");
    expect(dateTime(null)).toBe("—");
  });
});

describe("formatPhone", () => {
  it("sets the area code of a landline apart and leaves mobiles as they are", () => {
    expect(formatPhone("01088886666")).toBe("010-88886666");
    expect(formatPhone("075512345678")).toBe("0755-12345678");
    expect(formatPhone("02012345678")).toBe("020-12345678");
    expect(formatPhone("13812345678")).toBe("13812345678");
  });
});
