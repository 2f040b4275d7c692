// The customer's own phones, which caller lists show unmasked (a colleague testing the hotline, the duty mobile).
import { useQuery } from "@tanstack/react-query";
import { request } from "../api/client";
import { OwnPhonesDocument } from "../gql/graphql";

const NONE: ReadonlySet<string> = new Set();

export function useOwnPhones(): ReadonlySet<string> {
  const phones = useQuery({
    queryKey: ["ownPhones"],
    queryFn: async () => new Set((await request(OwnPhonesDocument)).ownPhones) as ReadonlySet<string>,
    staleTime: 60_000,
  });
  return phones.data ?? NONE;
}
