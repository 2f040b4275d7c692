// The node types as ivr_flows declares them (generated into gql/nodeTypes.ts): one lookup for the
// palette, the cards, the exits and the forms, so that a new node type needs no table here.
import { NODE_GROUPS, NODE_KINDS, type NodeField, type NodeKindDef, type NodeType } from "../gql/nodeTypes";

export type { NodeField, NodeKindDef, NodeType };

const BY_TYPE = new Map<string, NodeKindDef>(NODE_KINDS.map((k) => [k.type, k]));

/** A stand-in for a type this build does not know (a document from a newer service): no fields, no exits. */
const UNKNOWN: NodeKindDef = {
  type: "start",
  name: "节点",
  hint: "",
  group: "basic",
  icon: "",
  color: "#8c8c8c",
  inPalette: false,
  exits: [],
  keyExits: null,
  listExits: null,
  defaults: {},
  card: [],
  fields: [],
};

export function kindOf(type: string): NodeKindDef {
  return BY_TYPE.get(type) ?? UNKNOWN;
}

/** The palette's name of a type ("转接电话"). */
export function typeName(type: string): string {
  return kindOf(type).name;
}

/** One property's definition, or undefined when the type has no such property. */
export function fieldOf(type: string, name: string): NodeField | undefined {
  return kindOf(type).fields.find((f) => f.name === name);
}

/** What a node can be added as (every type but the start), by palette group; empty groups left out. */
export const PALETTE_GROUPS: { id: string; name: string; kinds: NodeKindDef[] }[] = NODE_GROUPS.map((g) => ({
  ...g,
  kinds: NODE_KINDS.filter((k) => k.inPalette && k.group === g.id),
})).filter((g) => g.kinds.length > 0);

/** Every exit name's label, for exits named without their node (an edge in a version's change list). */
const ANY_EXIT = new Map<string, string>();
for (const k of NODE_KINDS) for (const e of k.exits) if (!ANY_EXIT.has(e.name)) ANY_EXIT.set(e.name, e.label);

/** The keys a key-exit name stands for, or null: "digit:3" → "3" for a menu. */
function keyOf(kind: NodeKindDef, exit: string): string | null {
  const keys = kind.keyExits;
  return keys && exit.startsWith(keys.prefix) ? exit.slice(keys.prefix.length) : null;
}

/** The entry number (1-based) a list-exit name stands for, or null: "branch:2" → 2 for a split. */
export function entryOf(kind: NodeKindDef, exit: string): number | null {
  const list = kind.listExits;
  if (!list || !exit.startsWith(list.prefix)) return null;
  const n = Number(exit.slice(list.prefix.length));
  return Number.isInteger(n) && n >= 1 && n <= list.most ? n : null;
}

/**
 * What designers call an exit: the label its node type gives it ("超时", "按3", "分支2"). Without a type,
 * the first type that has an exit of that name, and a key or list exit of any type.
 */
export function exitName(exit: string, type?: string): string {
  const kinds = type ? [kindOf(type)] : NODE_KINDS;
  for (const kind of kinds) {
    const fixed = kind.exits.find((e) => e.name === exit);
    if (fixed) return fixed.label;
    const key = keyOf(kind, exit);
    if (key !== null && kind.keyExits) return kind.keyExits.label.replace("{key}", key);
    const entry = entryOf(kind, exit);
    if (entry !== null && kind.listExits) return kind.listExits.label.replace("{n}", String(entry));
  }
  return (!type && ANY_EXIT.get(exit)) || exit;
}

/** A type's key exits in display order, only keys it offers: ["3", "1", "3"] → ["1", "3"]. */
export function sortKeys(type: string, keys: Iterable<string>): string[] {
  const all = kindOf(type).keyExits?.keys ?? [];
  return [...new Set(keys)].filter((k) => all.includes(k)).sort((a, b) => all.indexOf(a) - all.indexOf(b));
}
