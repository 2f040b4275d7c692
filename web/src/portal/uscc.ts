// The unified social credit code (统一社会信用代码, GB 32100-2015): 18 characters from a 31-character
// alphabet (no I, O, Z, S, V), the last a check character over the first 17 (weights 3^i mod 31).
// The service checks the same (api/applications/checks.py); both test against uscc.vectors.json.

const CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** What is wrong with a code as typed so far, in Chinese, or null when nothing is (yet). */
export function creditCodeProblem(raw: string, complete: boolean): string | null {
  const code = raw.trim().toUpperCase();
  const bad = [...code].filter((c) => !CHARS.includes(c));
  if (bad.length) return `统一社会信用代码不含字符“${[...new Set(bad)].join("")}”(不使用 I、O、Z、S、V),请核对营业执照`;
  if (code.length > 18) return "统一社会信用代码为18位";
  if (code.length < 18) return complete ? "统一社会信用代码为18位" : null;
  const total = WEIGHTS.reduce((sum, w, i) => sum + CHARS.indexOf(code[i]) * w, 0);
  return CHARS[(31 - (total % 31)) % 31] === code[17] ? null : "统一社会信用代码校验位不符,请核对营业执照";
}

export function validCreditCode(code: string): boolean {
  return creditCodeProblem(code, true) === null && code.trim().length === 18;
}
