import { describe, expect, it } from "vitest";
import { screenFor, type Screen } from "./nav";

const list = [{ key: "/" }, { key: "/numbers" }, { key: "/flows" }] as Screen[];

describe("screenFor", () => {
  it("gives each path the screen that owns it", () => {
    expect(screenFor(list, "/")?.key).toBe("/");
    expect(screenFor(list, "/numbers")?.key).toBe("/numbers");
    expect(screenFor(list, "/numbers/12/routing")?.key).toBe("/numbers");
    expect(screenFor(list, "/numbersx")).toBeUndefined();
    expect(screenFor(list, "/nowhere")).toBeUndefined();
  });
});
