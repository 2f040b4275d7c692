// A flow opened by its address is fetched as the app starts, beside the session check and the editor's
// code, instead of after both: the editor takes the answer when it mounts.
import { request } from "../api/client";
import { FlowDocument, type FlowQuery } from "../gql/graphql";

let early: { id: string; answer: Promise<FlowQuery> } | null = null;

export function preloadFlow(id: string): void {
  const answer = request(FlowDocument, { id });
  early = { id, answer };
  // Signed out, or no such flow: forget it; the editor asks again (and says why) if it opens at all.
  answer.catch(() => {
    if (early?.answer === answer) early = null;
  });
}

/** The flow as fetched at start-up, once: a later load of the editor asks the service afresh. */
export function flowQuery(id: string): Promise<FlowQuery> {
  const answer = early?.id === id ? early.answer : request(FlowDocument, { id });
  early = null;
  return answer;
}
