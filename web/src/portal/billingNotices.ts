// The account's notice settings (billing contacts, numbers with missed-call texts): one query key, so the
// 费用中心 card and a number's switch stay in step.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { request } from "../api/client";
import { BillingNoticesDocument, BillingNoticeSettingsDocument, type BillingNoticeFieldsFragment } from "../gql/graphql";

export const NOTICES_KEY = ["billingNotices"] as const;

export function useBillingNotices() {
  return useQuery({
    queryKey: NOTICES_KEY,
    queryFn: async () => {
      const accountId = (await request(BillingNoticesDocument)).me.account?.id;
      if (!accountId) return null;
      return (await request(BillingNoticeSettingsDocument, { accountId })).billingSettings ?? null;
    },
  });
}

export function useStoreNotices() {
  const queryClient = useQueryClient();
  return (settings: BillingNoticeFieldsFragment) => queryClient.setQueryData(NOTICES_KEY, settings);
}
