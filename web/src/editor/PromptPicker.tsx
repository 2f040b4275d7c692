import { PlayCircleOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Input, Radio, Select, Space } from "antd";
import { request } from "../api/client";
import { MediaPromptsDocument } from "../gql/graphql";

export type PromptRef = { tts?: string; prompt?: string } | null | undefined;

export function useMedia() {
  return useQuery({
    queryKey: ["media"],
    queryFn: async () => (await request(MediaPromptsDocument)).mediaItems.edges.map((e) => e.node),
    staleTime: 60_000,
  });
}

export function playUrl(url: string | null | undefined): void {
  if (url) void new Audio(url).play();
}

/** A prompt: the account's media (playable) or 文字转语音 text. */
export function PromptPicker({ label, value, onChange, optional }: { label: string; value: PromptRef; onChange: (v: PromptRef) => void; optional?: boolean }) {
  const media = useMedia();
  const mode = value?.prompt ? "media" : value?.tts !== undefined || !optional ? "tts" : "none";
  const item = media.data?.find((m) => m.promptId === value?.prompt);
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Radio.Group
        aria-label={`${label}的来源`}
        value={mode}
        onChange={(e) => onChange(e.target.value === "tts" ? { tts: value?.tts ?? "" } : e.target.value === "media" ? { prompt: media.data?.[0]?.promptId ?? "" } : null)}
        options={[
          ...(optional ? [{ value: "none", label: "不播放" }] : []),
          { value: "tts", label: "文字转语音" },
          { value: "media", label: "语音文件" },
        ]}
        optionType="button"
        size="small"
      />
      {mode === "tts" && (
        <Input.TextArea aria-label={label} value={value?.tts ?? ""} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500}
          onChange={(e) => onChange({ tts: e.target.value })} placeholder="来电者将听到的文字" />
      )}
      {mode === "media" && (
        <Space.Compact style={{ width: "100%" }}>
          <Select aria-label={label} style={{ flex: 1 }} value={value?.prompt || undefined} loading={media.isPending}
            placeholder="选择已上传的语音文件" notFoundContent="还没有语音文件"
            options={(media.data ?? []).map((m) => ({ value: m.promptId, label: m.name }))}
            onChange={(prompt: string) => onChange({ prompt })} />
          <Button icon={<PlayCircleOutlined />} aria-label="试听" disabled={!item?.previewUrl} onClick={() => playUrl(item?.previewUrl)} />
        </Space.Compact>
      )}
    </Space>
  );
}
