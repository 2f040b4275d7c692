// The caller types (R9) in Chinese: the ones a number may allow, and every type a call can be of.
export const CATEGORIES = [
  { value: "mobile", label: "手机" },
  { value: "office", label: "办公电话" },
  { value: "residential", label: "住宅电话" },
  { value: "pbx", label: "集团总机(PBX)" },
  { value: "did", label: "直拨号码(DID)" },
  { value: "unknown", label: "无法识别类型的号码" },
];

export const CATEGORY_NAME: Record<string, string> = {
  ...Object.fromEntries(CATEGORIES.map((c) => [c.value, c.label])),
  campus: "校园电话",
  voip: "网络电话",
  payphone: "公用电话",
};
