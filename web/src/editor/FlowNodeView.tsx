import { Handle, Position, type NodeProps } from "@xyflow/react";
import { memo } from "react";
import { typeColor, typeIcon } from "./icons";
import { fieldOf, kindOf, type NodeField } from "./kinds";
import { exitLabel, exitsOf, typeName, type FlowNode, type Props } from "./model";
import { useOverlay } from "./overlay";
import { BUILTIN_VARIABLES } from "../gql/nodeTypes";
import { useMedia } from "./PromptPicker";
import { useEditor } from "./store";

type FileName = (promptId: string) => string | undefined;
type VariableName = (name: string) => string | undefined;

/** A built-in variable's name as designers read it ("来电区号"). */
const builtinName: VariableName = (name) => BUILTIN_VARIABLES.find((v) => v.name === name)?.label;

function promptText(prompt: unknown, fileName: FileName): string {
  const p = prompt as { tts?: string; prompt?: string } | undefined | null;
  return p?.tts ?? (p?.prompt ? `语音文件 ${fileName(p.prompt) ?? ""}`.trim() : "");
}

/** One property's value as the card shows it, by its field's widget; "" when there is nothing to say. */
export function fieldText(field: NodeField, value: unknown, fileName: FileName = () => undefined, variableName: VariableName = builtinName): string {
  const v = value ?? field.default;
  const list = Array.isArray(v) ? (v as unknown[]) : [];
  switch (field.widget) {
    case "prompt":
      return promptText(v, fileName);
    case "phones":
      return list.length ? (list as { number: string; wait_s: number }[]).map((x) => `${x.number}(${x.wait_s}秒)`).join("、") : "未添加电话";
    case "areas":
      return list.join("、") || "未选择地区";
    case "lines":
      return `${list.length} 个号码`;
    case "keys":
      return list.length ? `按键 ${list.join(" ")}` : "";
    case "choice":
      return field.options?.find((o) => o.value === v)?.label ?? "";
    case "schedule": {
      const w = ((v as { windows?: { start: string; end: string }[] } | undefined)?.windows ?? [])[0];
      return w ? `${w.start}–${w.end}` : "未设置时段";
    }
    case "number":
      return typeof v === "number" ? `${field.label} ${v}${field.unit ?? ""}` : "";
    case "variable":
      return typeof v === "string" && v ? `存入 ${variableName(v) ?? v}` : "";
    case "rules": {
      const rules = list as { variable?: string; op?: string; value?: unknown }[];
      if (!rules.length) return "未设置条件";
      const first = rules[0];
      const op = field.options?.find((o) => o.value === first.op)?.label ?? "";
      const range = first.op === "range" && first.value && typeof first.value === "object" ? (first.value as { min?: number | null; max?: number | null }) : null;
      const shown = Array.isArray(first.value)
        ? first.value.join("、")
        : typeof first.value === "string"
          ? first.value
          : range
            ? range.max == null ? `${range.min ?? ""} 以上` : range.min == null ? `${range.max} 以下` : `${range.min}–${range.max}`
            : "";
      const text = `${variableName(first.variable ?? "") ?? "未选变量"} ${op} ${shown}`.trim();
      return rules.length > 1 ? `${text} 等 ${rules.length} 条` : text;
    }
    case "branches":
      return (list as Record<string, unknown>[])
        .map((b, i) => `${typeof b.label === "string" && b.label.trim() ? b.label.trim() : `分支${i + 1}`} ${b.weight ?? "?"}%`)
        .join(" · ");
    case "switch":
      return v ? field.label : "";
    default:
      return typeof v === "string" ? v : "";
  }
}

/**
 * One line that says what the node does, so the canvas reads without opening each node: the first of
 * the type's card properties that has something to say. The variable a node fills always leads (or
 * says none is chosen yet): it is what later conditions depend on, and a prompt's text would hide it.
 */
export function summary(kind: string, props: Props, fileName: FileName = () => undefined, variableName: VariableName = builtinName): string {
  const fields = kindOf(kind).card.map((name) => fieldOf(kind, name)).filter((f): f is NodeField => f !== undefined);
  const filled = fields.filter((f) => f.widget === "variable").map((f) => fieldText(f, props[f.name], fileName, variableName) || "未选择变量");
  for (const field of fields.filter((f) => f.widget !== "variable")) {
    const text = fieldText(field, props[field.name], fileName, variableName);
    if (text) return [...filled, text].join(" · ");
  }
  return filled.join(" · ");
}

function FlowNodeViewImpl({ id, data, selected }: NodeProps<FlowNode>) {
  // The draft's problems and simulated path are not a published version's: none on a version on view.
  const problems = useOverlay((s) => (s.viewing ? undefined : s.byNode[id]));
  const media = useMedia();
  const fileName = (promptId: string) => media.data?.find((m) => m.promptId === promptId)?.name;
  const declared = useEditor((s) => s.variables);
  const variableName = (name: string) => declared.find((v) => v.name === name)?.label || builtinName(name);
  const onPath = useOverlay((s) => !s.viewing && s.path.slice(0, s.step + 1).includes(id));
  const current = useOverlay((s) => !s.viewing && s.step >= 0 && s.path[s.step] === id);
  const mark = useOverlay((s) => s.diff[id]);
  const errors = problems?.filter((p) => p.severity === "error") ?? [];
  const warnings = problems?.filter((p) => p.severity !== "error") ?? [];
  const unreachable = warnings.some((w) => w.code === "unreachable_node");
  const exits = exitsOf(data);
  const name = data.label || typeName(data.kind);
  const classes = ["flow-node", selected && "selected", errors.length && "has-error", !errors.length && warnings.length && "has-warning",
    unreachable && "unreachable", onPath && "on-path", current && "current", mark && `diff-${mark}`].filter(Boolean).join(" ");
  return (
    <div className={classes} style={{ borderTopColor: typeColor(data.kind) }} data-node-id={id} aria-label={`${typeName(data.kind)}:${name}`}>
      {data.kind !== "start" && <Handle type="target" position={Position.Left} role="button" aria-label={`${name} 的入口`} />}
      <div className="flow-node-head">
        <span style={{ color: typeColor(data.kind) }}>{typeIcon(data.kind)}</span>
        <strong>{name}</strong>
        {data.label && <span className="flow-node-type">{typeName(data.kind)}</span>}
        {mark === "removed" && <span className="badge removed">已删除</span>}
        {errors.length > 0 && <span className="badge error" title={errors.map((e) => e.message).join("\n")}>{errors.length} 个错误</span>}
        {!errors.length && warnings.length > 0 && (
          <span className="badge warning" title={warnings.map((e) => e.message).join("\n")}>{warnings.length} 个提醒</span>
        )}
      </div>
      <div className="flow-node-summary">{summary(data.kind, data.props, fileName, variableName)}</div>
      {data.note ? (
        <div className="flow-node-note" title={data.note}>
          备注:{data.note}
        </div>
      ) : null}
      {exits.length > 0 && (
        <div className="flow-node-exits">
          {exits.map((exit) => (
            <div key={exit} className="flow-node-exit">
              <span>{exitLabel(data, exit)}</span>
              <Handle type="source" id={exit} position={Position.Right} role="button" aria-label={`${name} 的出口:${exitLabel(data, exit)}`} />
            </div>
          ))}
        </div>
      )}
    </div>
  );
}

export const FlowNodeView = memo(FlowNodeViewImpl);
