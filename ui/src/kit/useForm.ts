// A form's state: its values, the core's errors at their fields, whether it changed, and a draft
// kept in local storage so nothing typed is lost (closing the form, leaving the screen, a crash).
import { useCallback, useEffect, useRef, useState } from "react";
import { IpcError } from "../lib/ipc";

export interface Form<T> {
  values: T;
  set: <K extends keyof T>(key: K, value: T[K]) => void;
  replace: (values: T) => void;
  errors: Record<string, string>;
  general: string | null;
  /** Values differ from what the form started with. */
  dirty: boolean;
  /** A draft from an earlier visit was restored. */
  restored: boolean;
  saving: boolean;
  /** Runs `save` with the values; a field error from the core is shown at its field (and
   * focused); a conflict (edited elsewhere) and a warning to acknowledge go to their handlers.
   * Resolves whether it saved. */
  submit: (save: (values: T) => Promise<void>, on?: Handlers) => Promise<boolean>;
  /** Forgets the draft and the changes. */
  discard: () => void;
}

export interface Handlers {
  /** The record changed since the form opened (`e.current` is what is stored now). */
  onConflict?: (e: IpcError) => void;
  /** The core warns and wants the user's say-so (`e.field`, `e.message`). */
  onAck?: (e: IpcError) => void;
}

const PREFIX = "rapport.draft.";

/** The open workspace's path: drafts belong to one workspace, so a draft typed in one never
 * appears in another (the app sets it before any form renders, and again after a switch). */
let workspaceScope = "";

export function setDraftWorkspace(path: string) {
  workspaceScope = path;
}

/** `rapport.draft.<draftKey>@<workspace path>` (the draft key first, so drafts of one kind can
 * still be found by prefix). */
function storageKey(draftKey: string | undefined): string | null {
  if (!draftKey) return null;
  return workspaceScope ? `${PREFIX}${draftKey}@${workspaceScope}` : PREFIX + draftKey;
}

/** `idPrefix` names the inputs (`<idPrefix>-<field>`) so an error can focus its field;
 * `draftKey` (unique per record) keeps what was typed until it is saved or discarded. */
export function useForm<T extends object>(initial: T, idPrefix: string, draftKey?: string): Form<T> {
  const key = storageKey(draftKey);
  const start = useRef(initial);
  const [values, setValues] = useState<T>(() => {
    if (!key) return initial;
    try {
      const saved = localStorage.getItem(key);
      return saved ? { ...initial, ...(JSON.parse(saved) as Partial<T>) } : initial;
    } catch {
      return initial;
    }
  });
  const [restored] = useState(() => Boolean(key && localStorage.getItem(key)));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const dirty = JSON.stringify(values) !== JSON.stringify(start.current);

  useEffect(() => {
    if (!key) return;
    if (dirty) localStorage.setItem(key, JSON.stringify(values));
    else localStorage.removeItem(key);
  }, [key, values, dirty]);

  const set = useCallback(<K extends keyof T>(k: K, v: T[K]) => {
    setValues((f) => ({ ...f, [k]: v }));
    setErrors((e) => {
      const { [k as string]: _dropped, ...rest } = e;
      void _dropped;
      return rest;
    });
  }, []);

  const discard = useCallback(() => {
    if (key) localStorage.removeItem(key);
    setValues(start.current);
  }, [key]);

  const submit = async (save: (v: T) => Promise<void>, on: Handlers = {}) => {
    setSaving(true);
    setGeneral(null);
    try {
      await save(values);
      if (key) localStorage.removeItem(key);
      start.current = values;
      return true;
    } catch (err) {
      if (err instanceof IpcError && err.code === "conflict" && on.onConflict) {
        on.onConflict(err);
      } else if (err instanceof IpcError && err.code === "needs_ack" && on.onAck) {
        on.onAck(err);
      } else if (err instanceof IpcError && err.field) {
        setErrors({ [err.field]: err.message });
        document.getElementById(`${idPrefix}-${err.field}`)?.focus();
      } else {
        setGeneral(err instanceof Error ? err.message : String(err));
      }
      return false;
    } finally {
      setSaving(false);
    }
  };

  return { values, set, replace: setValues, errors, general, dirty, restored, saving, submit, discard };
}
