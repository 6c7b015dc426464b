// What the plan form and the note editor share: leaving with unsaved changes asks first, and an
// edit from a stale version is resolved by the user. (Candidates for the kit's useForm.)
import { useState } from "react";
import type { IpcError } from "../../lib/ipc";
import { useConfirm } from "../../kit/Dialogs";

/** Leaves a form: at once when nothing changed, else once the user agrees to lose `what`. */
export function useLeave(form: { dirty: boolean; discard: () => void }, what: string, onClose: () => void): () => Promise<void> {
  const confirm = useConfirm();
  return async () => {
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: `${what} will be lost.`, confirmLabel: "Discard", danger: true }))) {
      form.discard();
      onClose();
    }
  };
}

/** The version an edit started from, and the stored record when a save found it changed. */
export function useVersion<R extends { version: number }>(start: number) {
  const [version, setVersion] = useState(start);
  const [stale, setStale] = useState<R | null>(null);
  return {
    version,
    /** The record as stored now, while the user compares. */
    stale,
    onConflict: (e: IpcError) => setStale(e.current as R),
    /** The user chose (mine over it, or theirs): the stored version is what the next save builds on. */
    resolve: (r: R) => {
      setVersion(r.version);
      setStale(null);
    },
    dismiss: () => setStale(null),
  };
}
