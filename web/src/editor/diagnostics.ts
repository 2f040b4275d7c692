// Diagnostics that follow the edits: the server's analysis of the document on the canvas (not the last
// saved draft), asked for shortly after each edit, with prompt files named as the designer knows them.
import { useEffect, useRef } from "react";
import { request } from "../api/client";
import { ValidateFlowDocument } from "../gql/graphql";
import type { FlowDoc } from "./model";
import { useOverlay, type Diagnostic } from "./overlay";
import { useMedia } from "./PromptPicker";
import { useEditor } from "./store";

/** Quiet time after an edit before asking: typing a word is one request, yet warnings refresh at once. */
export const DIAGNOSE_AFTER_MS = 80;

type Named = { promptId: string; name: string };

/**
 * The server's diagnostics as the designer should read them: prompt files named by their names, not
 * their ids. (Menus save their ticked keys, so analysis itself tells "no keys" from "keys not connected".)
 */
export function refine(found: Diagnostic[], media: Named[] = []): Diagnostic[] {
  const names = new Map(media.map((m) => [m.promptId, m.name]));
  return found.map((d) => ({ ...d, message: d.message.replace(/“(media-\d+)”/g, (all, id: string) => (names.has(id) ? `“${names.get(id)}”` : all)) }));
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
      const document = docRef.current();
      void request(ValidateFlowDocument, { id: flowId, document })
        .then((data) => {
          if (ticket !== asked.current) return;
          useOverlay.getState().setDiagnostics(refine(data.validateFlow ?? [], mediaRef.current));
        })
        .catch(() => undefined); // the next edit asks again; a failed check must not read as "no problems"
    }, DIAGNOSE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [flowId, ready, version, media.data]);
}
