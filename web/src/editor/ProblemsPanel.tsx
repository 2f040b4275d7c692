// The problems list: every diagnostic, named by the node it concerns ("传真:转接节点没有……").
import { Button, List, Tag } from "antd";
import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { nodeName } from "./model";
import { useOverlay } from "./overlay";
import { useEditor } from "./store";

export function ProblemsPanel({ jumpTo }: { jumpTo: (id: string) => void }) {
  const diagnostics = useOverlay((s) => s.diagnostics);
  // Names only (strings): a drag moves nodes without re-rendering the list.
  const named = useEditor(useShallow((s) => s.nodes.map((n) => `${n.id}\u0000${nodeName(n)}`)));
  const names = useMemo(() => new Map(named.map((l) => l.split("\u0000") as [string, string])), [named]);
  return (
    <List
      size="small"
      aria-label="问题列表"
      dataSource={diagnostics}
      locale={{ emptyText: "没有发现问题" }}
      renderItem={(d) => {
        const where = d.nodeId ? names.get(d.nodeId) : undefined;
        return (
          <List.Item>
            <Button type="link" style={{ whiteSpace: "normal", textAlign: "left", height: "auto", padding: 0 }} disabled={!where}
              onClick={() => d.nodeId && jumpTo(d.nodeId)}>
              <Tag color={d.severity === "error" ? "red" : "orange"}>{d.severity === "error" ? "错误" : "提醒"}</Tag>
              {where ? `${where}:${d.message}` : d.message}
            </Button>
          </List.Item>
        );
      }}
    />
  );
}
