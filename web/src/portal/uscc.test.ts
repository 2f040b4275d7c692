import { describe, expect, it } from "vitest";
import { creditCodeProblem, validCreditCode } from "./uscc";
import vectors from "./uscc.vectors.json";

describe("unified social credit code (GB 32100-2015)", () => {
  it("accepts codes whose check character matches, in either case", () => {
    for (const code of vectors.valid) {
      expect(validCreditCode(code)).toBe(true);
      expect(validCreditCode(code.toLowerCase())).toBe(true);
    }
  });
  it("refuses a wrong check character, letters outside the alphabet and wrong lengths", () => {
    for (const code of [...vectors.wrongCheck, ...vectors.badCharacters, ...vectors.wrongLength]) expect(validCreditCode(code)).toBe(false);
    expect(creditCodeProblem(vectors.wrongCheck[0], true)).toContain("校验位");
    expect(creditCodeProblem("91350100M000100YI", false)).toContain("I");
  });
  it("says nothing while a correct beginning is still being typed", () => {
    expect(creditCodeProblem("913501", false)).toBeNull();
    expect(creditCodeProblem("913501", true)).toBe("统一社会信用代码为18位");
  });
});
