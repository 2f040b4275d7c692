import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { TYPE_COLOR, TYPE_ICON } from "./icons";
import { exitName, exitsOf, TYPE_NAME, type FlowNode, type Props } from "./model";
import { useOverlay } from "./overlay";
import { useMedia } from "./PromptPicker";

type FileName = (promptId: string) => string | undefined;

function promptText(prompt: unknown, fileName: FileName): string {
  const p = prompt as { tts?: string; prompt?: string } | undefined;
  return p?.tts ?? (p?.prompt ? `语音文件 ${fileName(p.prompt) ?? ""}`.trim() : "");
}

/** One line that says what the node does, so the canvas reads without opening each node. */
export function summary(kind: string, props: Props, fileName: FileName = () => undefined): string {
  switch (kind) {
    case "play":
    case "menu":
      return promptText(props.prompt, fileName);
    case "dial": {
      const d = (props.destinations as { number: string; wait_s: number }[] | undefined) ?? [];
      return d.length ? d.map((x) => `${x.number}(${x.wait_s}秒)`).join("、") : "未添加电话";
    }
    case "voicemail":
      return promptText(props.greeting, fileName) || `最长 ${props.max_length_s ?? 120} 秒`;
    case "hangup":
      return promptText(props.announcement, fileName);
    case "area_switch":
      return ((props.areas as string[]) ?? []).join("、") || "未选择地区";
    case "caller_list":
      return `${((props.entries as string[]) ?? []).length} 个号码`;
    case "record":
      return props.action === "stop" ? "停止录音" : "开始录音";
    case "time_switch": {
      const w = ((props.schedule as { windows?: { start: string; end: string }[] })?.windows ?? [])[0];
      return w ? `${w.start}–${w.end}` : "未设置时段";
    }
    default:
      return "";
  }
}

function FlowNodeViewImpl({ id, data, selected }: NodeProps<FlowNode>) {
  // The draft's problems and simulated path are not a published version's: none on a version on view.
  const problems = useOverlay((s) => (s.viewing ? undefined : s.byNode[id]));
  const media = useMedia();
  const fileName = (promptId: string) => media.data?.find((m) => m.promptId === promptId)?.name;
  const onPath = useOverlay((s) => !s.viewing && s.path.slice(0, s.step + 1).includes(id));
  const current = useOverlay((s) => !s.viewing && s.step >= 0 && s.path[s.step] === id);
  const mark = useOverlay((s) => s.diff[id]);
  const errors = problems?.filter((p) => p.severity === "error") ?? [];
  const warnings = problems?.filter((p) => p.severity !== "error") ?? [];
  const unreachable = warnings.some((w) => w.code === "unreachable_node");
  const exits = exitsOf(data);
  const name = data.label || TYPE_NAME[data.kind];
  const classes = ["flow-node", selected && "selected", errors.length && "has-error", !errors.length && warnings.length && "has-warning",
    unreachable && "unreachable", onPath && "on-path", current && "current", mark && `diff-${mark}`].filter(Boolean).join(" ");
  return (
    <div className={classes} style={{ borderTopColor: TYPE_COLOR[data.kind] }} data-node-id={id} aria-label={`${TYPE_NAME[data.kind]}:${name}`}>
      {data.kind !== "start" && <Handle type="target" position={Position.Left} role="button" aria-label={`${name} 的入口`} />}
      <div className="flow-node-head">
        <span style={{ color: TYPE_COLOR[data.kind] }}>{TYPE_ICON[data.kind]}</span>
        <strong>{name}</strong>
        {data.label && <span className="flow-node-type">{TYPE_NAME[data.kind]}</span>}
        {mark === "removed" && <span className="badge removed">已删除</span>}
        {errors.length > 0 && <span className="badge error" title={errors.map((e) => e.message).join("\n")}>{errors.length} 个错误</span>}
        {!errors.length && warnings.length > 0 && (
          <span className="badge warning" title={warnings.map((e) => e.message).join("\n")}>{warnings.length} 个提醒</span>
        )}
      </div>
      <div className="flow-node-summary">{summary(data.kind, data.props, fileName)}</div>
      {data.note ? (
        <div className="flow-node-note" title={data.note}>
          备注:{data.note}
        </div>
      ) : null}
      {exits.length > 0 && (
        <div className="flow-node-exits">
          {exits.map((exit) => (
            <div key={exit} className="flow-node-exit">
              <span>{exitName(exit)}</span>
              <Handle type="source" id={exit} position={Position.Right} role="button" aria-label={`${name} 的出口:${exitName(exit)}`} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const FlowNodeView = memo(FlowNodeViewImpl);
