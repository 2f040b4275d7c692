// Edits that take several store calls but are one thing to the designer, so one undo takes them back.
import { useEditor } from "./store";

/** Run `edit` (any number of store changes) as a single undo step. */
export function asOneEdit<T>(edit: () => T): T {
  const temporal = useEditor.temporal;
  const { nodes, edges } = useEditor.getState();
  temporal.getState().pause();
  let result: T;
  try {
    result = edit();
  } finally {
    temporal.getState().resume();
  }
  temporal.setState({
    pastStates: [...temporal.getState().pastStates, { nodes: nodes.map((n) => ({ ...n, selected: false })), edges }],
    futureStates: [],
  });
  return result;
}
