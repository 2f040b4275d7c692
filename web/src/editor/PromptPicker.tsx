import { PlayCircleOutlined } from "@ant-design/icons";
import { useQuery } from "@tanstack/react-query";
import { Button, Input, Radio, Select, Space, Typography } from "antd";
import { request } from "../api/client";
import { MediaPromptsDocument, type MediaKind } from "../gql/graphql";
import type { KeptPrompt } from "./model";

export type PromptRef = { tts?: string; prompt?: string } | null | undefined;

/** What a prompt is for, which decides the files that may fill it (R16: ringbacks are their own kind). */
export type PromptUse = "prompt" | "ringback" | "greeting";

const KIND_OF: Record<PromptUse, MediaKind> = { prompt: "IVR_PROMPT", ringback: "RINGBACK", greeting: "VOICEMAIL_GREETING" };
const USE_NAME: Record<PromptUse, string> = { prompt: "提示音", ringback: "彩铃", greeting: "留言提示音" };
const REVIEW: Record<string, string> = { PENDING: "审核中", REJECTED: "未通过审核" };
/** The longest text-to-speech prompt a flow may hold (the flow model's limit). */
export const MAX_TTS = 500;

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

/** The value and what was kept of the other source, merged: everything the designer gave this prompt. */
function remembered(value: PromptRef, kept: KeptPrompt | undefined): KeptPrompt {
  return {
    ...kept,
    ...(value?.tts !== undefined ? { tts: value.tts } : {}),
    ...(value?.prompt !== undefined ? { prompt: value.prompt } : {}),
  };
}

/**
 * A prompt: one of the account's files for this use (playable), or 文字转语音 text. Switching the source
 * keeps the other one (`kept`) so switching back restores it; a file is never chosen for the designer.
 */
export function PromptPicker({ label, value, kept, onChange, optional, use = "prompt" }: {
  label: string;
  value: PromptRef;
  kept?: KeptPrompt;
  onChange: (v: PromptRef, kept: KeptPrompt) => void;
  optional?: boolean;
  use?: PromptUse;
}) {
  const media = useMedia();
  const mode = value?.prompt !== undefined ? "media" : value?.tts !== undefined || !optional ? "tts" : "none";
  const memory = remembered(value, kept);
  const files = (media.data ?? []).filter((m) => m.kind === KIND_OF[use]);
  const chosen = value?.prompt || undefined;
  const item = media.data?.find((m) => m.promptId === chosen);
  const options = files.map((m) => ({ value: m.promptId, label: REVIEW[m.reviewStatus] ? `${m.name}(${REVIEW[m.reviewStatus]})` : m.name }));
  if (chosen && !files.some((m) => m.promptId === chosen)) {
    // A file chosen for another use, or deleted since: named, never shown as its id.
    options.unshift({ value: chosen, label: item ? `${item.name}(不是${USE_NAME[use]},请另选)` : "已删除的语音文件,请另选" });
  }
  return (
    <Space orientation="vertical" style={{ width: "100%" }}>
      <Radio.Group
        aria-label={`${label}的来源`}
        value={mode}
        onChange={(e) => {
          const next = e.target.value;
          onChange(next === "tts" ? { tts: memory.tts ?? "" } : next === "media" ? { prompt: memory.prompt ?? "" } : null, memory);
        }}
        options={[
          ...(optional ? [{ value: "none", label: "不播放" }] : []),
          { value: "tts", label: "文字转语音" },
          { value: "media", label: "语音文件" },
        ]}
        optionType="button"
        size="small"
      />
      {mode === "tts" && (
        <Input.TextArea aria-label={label} value={value?.tts ?? ""} autoSize={{ minRows: 2, maxRows: 5 }} maxLength={MAX_TTS} showCount
          onChange={(e) => onChange({ tts: e.target.value }, memory)} placeholder="来电者将听到的文字" />
      )}
      {mode === "media" && (
        <>
          <Space.Compact style={{ width: "100%" }}>
            <Select aria-label={label} style={{ flex: 1, minWidth: 0 }} value={chosen} loading={media.isPending}
              placeholder={`选择${USE_NAME[use]}文件`} notFoundContent={`还没有${USE_NAME[use]}文件`}
              options={options} onChange={(prompt: string) => onChange({ prompt }, memory)} />
            <Button icon={<PlayCircleOutlined />} aria-label={`试听${label}`} disabled={!item?.previewUrl} onClick={() => playUrl(item?.previewUrl)} />
          </Space.Compact>
          {!media.isPending && files.length === 0 && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              还没有{USE_NAME[use]}文件,可在「语音文件」页上传{use === "ringback" ? "(彩铃需审核通过后才能播放)" : ""}。
            </Typography.Text>
          )}
        </>
      )}
    </Space>
  );
}
