import { describe, expect, it } from "vitest";
import { areaOptions } from "./AreaPicker";

const AREAS = [
  { province: "北京", city: "北京", code: "010" },
  { province: "上海", city: "上海", code: "021" },
  { province: "广东", city: "广州", code: "020" },
  { province: "广东", city: "深圳", code: "0755" },
  { province: "四川", city: "成都", code: "028" },
  { province: "四川", city: "成都", code: "0832" },
];

describe("areaOptions", () => {
  it("keeps the API's province order and never names a place twice", () => {
    const { options } = areaOptions(AREAS);
    expect(options.map((o) => o.label)).toEqual(["北京 010", "上海 021", "广东", "四川"]);
    expect(options[2].children?.map((o) => o.label)).toEqual(["广州 020", "深圳 0755"]);
    expect(options[3].children?.[0]).toMatchObject({ label: "成都", children: [{ label: "028" }, { label: "0832" }] });
    const labels = JSON.stringify(options);
    expect(labels).not.toContain("上海上海");
    expect(labels).not.toContain("上海 / 上海");
  });

  it("maps each code to its path in the tree", () => {
    const { paths } = areaOptions(AREAS);
    expect(paths.get("021")).toEqual(["021"]);
    expect(paths.get("0755")).toEqual(["广东", "0755"]);
    expect(paths.get("0832")).toEqual(["四川", "成都", "0832"]);
  });
});
