import { describe, expect, it } from "vitest";
import { peaksOf } from "./AudioPlayer";

describe("peaksOf", () => {
  it("keeps each slice's lowest and highest sample", () => {
    const samples = new Float32Array([0.1, -0.5, 0.2, 0.9, -0.1, 0.3, 0, 0]);
    const { min, max } = peaksOf(samples, 4);
    expect(Array.from(min)).toEqual([-0.5, 0, -0.1, 0].map(Math.fround));
    expect(Array.from(max)).toEqual([0.1, 0.9, 0.3, 0].map(Math.fround));
  });

  it("covers audio shorter than the number of slices", () => {
    const { min, max } = peaksOf(new Float32Array([0.5, -0.5]), 4);
    expect(Array.from(max).some((v) => v > 0)).toBe(true);
    expect(Array.from(min).some((v) => v < 0)).toBe(true);
  });
});
