// Areas for an area switch or a number's area policy, picked province → city → area code (R14 routes at
// area-code precision). The list comes from the API's flowAreas, provinces already in GB/T 2260 order (as
// on official forms); codes typed by hand still work through search.
import { useQuery } from "@tanstack/react-query";
import { Cascader } from "antd";
import { useMemo } from "react";
import { request } from "../api/client";
import { FlowAreasDocument } from "../gql/graphql";

export type AreaOption = { value: string; label: string; children?: AreaOption[] };
type Area = { province: string; city: string; code: string };

/**
 * The picker's tree. A level with nothing to choose is left out, so no name is said twice: a city with one
 * area code is itself the choice ("广州 020"), and a municipality (上海, whose only city is 上海) is a
 * single choice at the top ("上海 021"), never "上海 / 上海".
 */
export function areaOptions(areas: readonly Area[]): { options: AreaOption[]; paths: Map<string, string[]> } {
  const provinces = new Map<string, Map<string, string[]>>();
  for (const a of areas) {
    const cities = provinces.get(a.province) ?? new Map<string, string[]>();
    provinces.set(a.province, cities);
    cities.set(a.city, [...(cities.get(a.city) ?? []), a.code]);
  }
  const paths = new Map<string, string[]>();
  const options: AreaOption[] = [];
  for (const [province, cities] of provinces) {
    const only = cities.size === 1 ? cities.get(province) : undefined;
    if (only) {
      // A municipality: its codes straight under its name.
      if (only.length === 1) {
        options.push({ value: only[0], label: `${province} ${only[0]}` });
        paths.set(only[0], [only[0]]);
      } else {
        options.push({ value: province, label: province, children: only.map((code) => ({ value: code, label: code })) });
        for (const code of only) paths.set(code, [province, code]);
      }
      continue;
    }
    const children: AreaOption[] = [];
    for (const [city, codes] of cities) {
      if (codes.length === 1) {
        children.push({ value: codes[0], label: `${city} ${codes[0]}` });
        paths.set(codes[0], [province, codes[0]]);
      } else {
        children.push({ value: city, label: city, children: codes.map((code) => ({ value: code, label: code })) });
        for (const code of codes) paths.set(code, [province, city, code]);
      }
    }
    options.push({ value: province, label: province, children });
  }
  return { options, paths };
}

export function AreaPicker({ value, onChange }: { value: string[]; onChange: (codes: string[]) => void }) {
  const areas = useQuery({ queryKey: ["flowAreas"], queryFn: async () => (await request(FlowAreasDocument)).flowAreas, staleTime: Infinity });
  const { options, paths } = useMemo(() => areaOptions(areas.data ?? []), [areas.data]);
  const selected = value.map((code) => paths.get(code)).filter((p): p is string[] => Boolean(p));
  return (
    <Cascader
      multiple
      showSearch
      aria-label="地区(省 → 市 → 区号)"
      style={{ width: "100%" }}
      loading={areas.isPending}
      placeholder="选择省、市或区号"
      options={options}
      value={selected}
      // A whole province (or city) picked stays one tag; its area codes are what is saved.
      showCheckedStrategy={Cascader.SHOW_PARENT}
      // Names the list does not hold (a province written by hand in an imported flow) are kept as they are.
      onChange={(picked) => onChange([...new Set([...value.filter((v) => !paths.has(v)), ...(picked as string[][]).flatMap((path) => expand(options, path))])])}
      maxTagCount="responsive"
    />
  );
}

/** The area codes under a picked path: a whole province or city stands for all its codes. */
function expand(options: AreaOption[], path: string[]): string[] {
  let level: AreaOption | undefined = { value: "", label: "", children: options };
  for (const step of path) level = level?.children?.find((o) => o.value === step);
  const leaves = (o: AreaOption | undefined): string[] => (!o ? [] : o.children ? o.children.flatMap(leaves) : [o.value]);
  return leaves(level);
}
