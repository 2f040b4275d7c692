import type { Viewer } from "../session";

export default function EditorPage({ flowId }: { flowId: string; viewer: Viewer }) {
  return <div>流程 {flowId}</div>;
}
