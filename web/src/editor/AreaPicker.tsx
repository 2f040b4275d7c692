// Areas for an area switch, picked province → city → area code (R14 routes at area-code precision).
// The list comes from the API's flowAreas; codes typed by hand still work through search.
import { useQuery } from "@tanstack/react-query";
import { Cascader } from "antd";
import { useMemo } from "react";
import { request } from "../api/client";
import { FlowAreasDocument } from "../gql/graphql";

type Option = { value: string; label: string; children?: Option[] };

export function AreaPicker({ value, onChange }: { value: string[]; onChange: (codes: string[]) => void }) {
  const areas = useQuery({ queryKey: ["flowAreas"], queryFn: async () => (await request(FlowAreasDocument)).flowAreas, staleTime: Infinity });
  const { options, paths } = useMemo(() => {
    const provinces = new Map<string, Map<string, Option[]>>();
    const paths = new Map<string, string[]>();
    for (const a of areas.data ?? []) {
      const cities = provinces.get(a.province) ?? new Map<string, Option[]>();
      provinces.set(a.province, cities);
      cities.set(a.city, [...(cities.get(a.city) ?? []), { value: a.code, label: `${a.code} ${a.city}` }]);
      paths.set(a.code, [a.province, a.city, a.code]);
    }
    const options: Option[] = [...provinces.entries()].map(([province, cities]) => ({
      value: province,
      label: province,
      children: [...cities.entries()].map(([city, codes]) => ({ value: city, label: city, children: codes })),
    }));
    return { options, paths };
  }, [areas.data]);
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
      showCheckedStrategy={Cascader.SHOW_CHILD}
      // Names the list does not hold (a province written by hand in an imported flow) are kept as they are.
      onChange={(picked) => onChange([...new Set([...value.filter((v) => !paths.has(v)), ...(picked as string[][]).flatMap((path) => expand(options, path))])])}
      maxTagCount="responsive"
    />
  );
}

/** The area codes under a picked path: a whole province or city stands for all its codes. */
function expand(options: Option[], path: string[]): string[] {
  let level: Option | undefined = { value: "", label: "", children: options };
  for (const step of path) level = level?.children?.find((o) => o.value === step);
  const leaves = (o: Option | undefined): string[] => (!o ? [] : o.children ? o.children.flatMap(leaves) : [o.value]);
  return leaves(level);
}
