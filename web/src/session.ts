// Who is signed in: the `me` query, shared by every screen through react-query.
import { useQuery } from "@tanstack/react-query";
import { request } from "./api/client";
import { MeDocument, type ViewerFieldsFragment } from "./gql/graphql";

export const ME_KEY = ["me"] as const;

export function useViewer() {
  return useQuery({ queryKey: ME_KEY, queryFn: async () => (await request(MeDocument)).me as ViewerFieldsFragment });
}

export type Viewer = ViewerFieldsFragment;
