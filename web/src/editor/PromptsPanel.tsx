// The prompts a flow uses, one row per use: which node, what for, and a play button (the media's preview,
// or the browser's speech synthesis for 文字转语音 text, when it has a voice).
import { PlayCircleOutlined } from "@ant-design/icons";
import { Button, List, Tag, Typography } from "antd";
import { useMemo } from "react";
import { useShallow } from "zustand/react/shallow";
import { nodeName, type NodeData } from "./model";
import { playUrl, useMedia, type PromptRef } from "./PromptPicker";
import { useEditor } from "./store";

/** Where a node keeps its prompts, and what each one is for. */
const PROMPT_FIELDS: [string, string][] = [
  ["prompt", "提示音"],
  ["invalid_prompt", "按错键提示"],
  ["timeout_prompt", "未按键提示"],
  ["ringback", "转接彩铃"],
  ["greeting", "留言提示音"],
  ["announcement", "结束语"],
];

export type PromptUse = { nodeId: string; node: string; role: string; tts?: string; prompt?: string };

/** Every prompt the nodes use, in node order. */
export function promptUses(nodes: { id: string; data: NodeData }[]): PromptUse[] {
  const out: PromptUse[] = [];
  for (const n of nodes) {
    for (const [field, role] of PROMPT_FIELDS) {
      const ref = n.data.props[field] as PromptRef;
      if (!ref || (!ref.tts && !ref.prompt)) continue;
      out.push({ nodeId: n.id, node: nodeName(n), role, tts: ref.tts, prompt: ref.prompt });
    }
  }
  return out;
}

function speak(text: string): void {
  const synth = window.speechSynthesis;
  synth.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = "zh-CN";
  synth.speak(utterance);
}

export function PromptsPanel({ jumpTo }: { jumpTo: (id: string) => void }) {
  const ids = useEditor(useShallow((s) => s.nodes.map((n) => n.id)));
  const datas = useEditor(useShallow((s) => s.nodes.map((n) => n.data)));
  const uses = useMemo(() => promptUses(ids.map((id, i) => ({ id, data: datas[i] }))), [ids, datas]);
  const media = useMedia();
  const canSpeak = typeof window !== "undefined" && "speechSynthesis" in window;
  return (
    <List
      size="small"
      aria-label="流程用到的提示音"
      dataSource={uses}
      locale={{ emptyText: "流程还没有用到提示音" }}
      renderItem={(u) => {
        const item = u.prompt ? media.data?.find((m) => m.promptId === u.prompt) : undefined;
        const what = u.prompt ? `语音文件 ${item?.name ?? (media.isPending ? "" : "(已删除)")}` : u.tts ?? "";
        return (
          <List.Item
            actions={[
              <Button key="play" size="small" icon={<PlayCircleOutlined />} aria-label={`试听 ${u.node} 的${u.role}`}
                disabled={u.prompt ? !item?.previewUrl : !canSpeak}
                onClick={() => (u.prompt ? playUrl(item?.previewUrl) : speak(u.tts ?? ""))} />,
            ]}
          >
            <div style={{ minWidth: 0 }}>
              <Button type="link" size="small" style={{ padding: 0 }} onClick={() => jumpTo(u.nodeId)}>{u.node}</Button>
              <Tag style={{ marginLeft: 6 }}>{u.prompt ? "语音文件" : "文字转语音"}</Tag>
              <Typography.Text type="secondary">{u.role}</Typography.Text>
              <div>{what}</div>
            </div>
          </List.Item>
        );
      }}
    />
  );
}
