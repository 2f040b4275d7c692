// Diagnostics that follow the edits: the server's analysis of the document on the canvas (not the last
// saved draft), asked for shortly after each edit, refined with what only the editor knows.
import { useEffect, useRef } from "react";
import { request } from "../api/client";
import { ValidateFlowDocument } from "../gql/graphql";
import type { FlowDoc, FlowEdge, FlowNode } from "./model";
import { useOverlay, type Diagnostic } from "./overlay";
import { useMedia } from "./PromptPicker";
import { useEditor } from "./store";

/** Quiet time after an edit before asking: typing a word is one request, yet warnings refresh at once. */
export const DIAGNOSE_AFTER_MS = 80;

type Named = { promptId: string; name: string };

/**
 * The server's diagnostics as the designer should read them. Menu keys are editor state (saved only as
 * the edges of connected keys), so analysis cannot tell "no keys" from "keys not connected yet": say
 * which it is. Prompt files are named by their names, not their ids.
 */
export function refine(found: Diagnostic[], nodes: FlowNode[], edges: FlowEdge[], media: Named[] = []): Diagnostic[] {
  const out: Diagnostic[] = [];
  const names = new Map(media.map((m) => [m.promptId, m.name]));
  const menus = new Map(nodes.filter((n) => n.data.kind === "menu").map((n) => [n.id, n]));
  const unconnected = (menu: FlowNode) => {
    const wired = new Set(edges.filter((e) => e.source === menu.id && e.sourceHandle?.startsWith("digit:")).map((e) => e.sourceHandle!.slice(6)));
    return (menu.data.keys ?? []).filter((k) => !wired.has(k));
  };
  for (const d of found) {
    const message = d.message.replace(/“(media-\d+)”/g, (all, id: string) => (names.has(id) ? `“${names.get(id)}”` : all));
    const menu = d.code === "menu_no_options" && d.nodeId ? menus.get(d.nodeId) : undefined;
    if (menu) {
      const keys = unconnected(menu);
      out.push({
        ...d,
        message: keys.length ? `按键${keys.join("、")}还没有连到下一步` : "菜单还没有可按的键:在「可按的键」中勾选,再把按键连到下一步",
      });
    } else {
      out.push({ ...d, message });
    }
  }
  for (const menu of menus.values()) {
    const keys = unconnected(menu);
    const some = edges.some((e) => e.source === menu.id && e.sourceHandle?.startsWith("digit:"));
    if (some && keys.length) {
      out.push({
        code: "menu_key_unconnected",
        severity: "warning",
        message: `按键${keys.join("、")}还没有连到下一步,来电者按了会当作按错键`,
        nodeId: menu.id,
        edgeId: null,
      });
    }
  }
  return out;
}

/**
 * Keep the overlay's diagnostics on the document being edited: asked for `DIAGNOSE_AFTER_MS` after each
 * edit, independent of autosave; an answer to an older document than the last one asked is dropped.
 */
export function useLiveDiagnostics(flowId: string, ready: boolean, doc: () => FlowDoc): void {
  const version = useEditor((s) => s.version);
  const media = useMedia();
  const asked = useRef(0);
  const docRef = useRef(doc);
  docRef.current = doc;
  const mediaRef = useRef<Named[]>([]);
  mediaRef.current = media.data ?? [];
  useEffect(() => {
    if (!ready) return;
    useOverlay.getState().setChecking(true);
    const timer = window.setTimeout(() => {
      const ticket = ++asked.current;
      const { nodes, edges } = useEditor.getState();
      const document = docRef.current();
      void request(ValidateFlowDocument, { id: flowId, document })
        .then((data) => {
          if (ticket !== asked.current) return;
          useOverlay.getState().setDiagnostics(refine(data.validateFlow ?? [], nodes, edges, mediaRef.current));
        })
        .catch(() => undefined); // the next edit asks again; a failed check must not read as "no problems"
    }, DIAGNOSE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [flowId, ready, version, media.data]);
}
