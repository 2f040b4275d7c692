// The customer's 400 numbers (/numbers) and one number's routing (/numbers/:id): the self-service form
// (bound phones in order, work hours, forwarding), the number's policies (caller types R9, areas R14,
// black/white list R15), switching to a published IVR flow, and "what happens if" someone calls.
// Every refusal the API gives is shown on the field it concerns, in the API's own (Chinese) words.
import type { PageProps } from "../../ui/page";
import { match } from "../../router";
import { NumberDetail } from "./NumberDetail";
import { NumberList } from "./NumberList";

export default function NumbersPage({ path }: PageProps) {
  const params = match("/numbers/:id", path);
  return params ? <NumberDetail key={params.id} id={params.id} /> : <NumberList />;
}
