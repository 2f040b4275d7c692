// Lists sorted by the service, never a loaded page re-sorted in the browser: an order is the API's order
// argument ("-startedAt": newest first), and table headers and the 最新/最早 switch only choose it.
import { Segmented } from "antd";
import type { SorterResult } from "antd/es/table/interface";

type Direction = "ascend" | "descend";

/** What a column header shows for the list's current order. */
export function sortOrderFor(order: string, field: string): Direction | null {
  if (order === field) return "ascend";
  if (order === `-${field}`) return "descend";
  return null;
}

/** The order a header click asks for; a cleared sort goes back to the list's default. */
export function orderFromSorter<T>(sorter: SorterResult<T> | SorterResult<T>[], fallback: string): string {
  const one = Array.isArray(sorter) ? sorter[0] : sorter;
  if (!one?.order || !one.columnKey) return fallback;
  return `${one.order === "descend" ? "-" : ""}${String(one.columnKey)}`;
}

/** A sortable column's settings: first click newest (largest) first, then oldest (smallest) first. */
export function sortable(order: string, field: string) {
  return { key: field, sorter: true, sortOrder: sortOrderFor(order, field), sortDirections: ["descend", "ascend", "descend"] as Direction[] };
}

/** Newest or oldest first, for lists without column headers (recordings, applications). */
export function TimeOrderSwitch({ field, order, onChange, label }: { field: string; order: string; onChange: (order: string) => void; label: string }) {
  return (
    <Segmented
      aria-label={label}
      value={order}
      onChange={(v) => onChange(String(v))}
      options={[
        { value: `-${field}`, label: "最新在前" },
        { value: field, label: "最早在前" },
      ]}
    />
  );
}
