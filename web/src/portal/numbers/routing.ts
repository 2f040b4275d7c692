// What the number screens share about one number's routing: its query key, its line package in words,
// storing a saved routing where every card reads it, and the published flow version it runs.
import { keepPreviousData, useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "../../api/client";
import { RunningVersionDocument, type NumberDetailQuery, type RoutingFieldsFragment } from "../../gql/graphql";

export type Routing = RoutingFieldsFragment;

export const STATUS_COLOR: Record<string, string> = { ACTIVE: "green", SUSPENDED: "red", RESERVED: "gold", APPLIED: "blue" };
export const IN_SERVICE = new Set(["ACTIVE", "SUSPENDED"]);
export const detailKey = (id: string) => ["numberDetail", id] as const;

/** R12 in words: "总机套餐(最多 12 路同时通话,含加购 2 路)" or the unlimited trunk. */
export function packageText(r: Pick<Routing, "package" | "extraLines" | "maxLines">): string {
  if (r.package === "TRUNK") return "中继套餐(不限同时通话路数)";
  const extra = r.extraLines ? `,含加购 ${r.extraLines} 路` : "";
  return `总机套餐(最多 ${r.maxLines ?? 10} 路同时通话${extra})`;
}

export function useSaveRouting(numberId: string) {
  const queryClient = useQueryClient();
  return (saved: Routing) => {
    queryClient.setQueryData(detailKey(numberId), (old: NumberDetailQuery | undefined) => (old ? { ...old, numberRouting: saved } : old));
  };
}

export type Running = NonNullable<ReturnType<typeof useRunningVersion>["data"]>;

/** The published flow version the number runs, if any (its flow, number and where else it is live). */
export function useRunningVersion(versionId: string | null) {
  return useQuery({
    queryKey: ["runningVersion", versionId],
    queryFn: async () => (await request(RunningVersionDocument, { id: versionId! })).flowVersion,
    enabled: Boolean(versionId),
    // A save or switch names a new version: keep showing the page (and its messages) while it loads.
    placeholderData: keepPreviousData,
  });
}
