// An edit form's behaviour in one place, for the sprint, follow-up, question and guide forms:
// the kit's useForm (drafts, field errors), the version the edit started from, the conflict
// dialog when it went stale, and Escape asking before a change is dropped.
import type { KeyboardEvent, ReactNode } from "react";
import { useStaleEdit } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { useForm, type Form } from "../../kit/useForm";
import type { IpcError } from "../../lib/ipc";

interface Options<V, R> {
  initial: V;
  /** Inputs are named `<idPrefix>-<field>`, so a core error focuses its field. */
  idPrefix: string;
  /** Where the draft is kept (unique per record). */
  draftKey: string;
  /** The record's version when the form opened (0 for a new one). */
  version: number;
  /** Saves the values as an edit of `version`. */
  save: (values: V, version: number) => Promise<void>;
  /** The form's values for a stored record (after a conflict). */
  valuesOf: (record: R) => V;
  /** What the record is called in the conflict dialog ("sprint"). */
  what: string;
  fields: { key: string; label: string }[];
  /** How values are shown side by side (names rather than ids); the values as they are by default. */
  compare?: (values: V, record: R | null) => Record<string, unknown>;
  /** Closes the form; none where it can't close. */
  onClose?: () => void;
}

export interface EditForm<V> {
  form: Form<V>;
  /** Saves from the version the edit started at (or `at`). */
  submit: (at?: number) => Promise<boolean>;
  /** Closes, asking first if anything changed. */
  close: () => Promise<void>;
  /** For the form element: Escape closes (asking first), except inside a dialog. */
  onKeyDown: (e: KeyboardEvent) => void;
  /** The conflict dialog while there is one: render it inside the form. */
  dialog: ReactNode;
}

export function useEditForm<V extends object, R extends { version: number }>(o: Options<V, R>): EditForm<V> {
  const form = useForm<V>(o.initial, o.idPrefix, o.draftKey);
  const compare = o.compare ?? ((v: V) => ({ ...v }) as Record<string, unknown>);
  const stale = useStaleEdit<R>(o.version, {
    what: o.what,
    fields: o.fields,
    mine: () => compare(form.values, null),
    theirs: (r) => compare(o.valuesOf(r), r),
    save: (at): void => void submit(at),
    take: (r) => form.replace(o.valuesOf(r)),
  });
  const confirm = useConfirm();
  const submit = (at = stale.version) => form.submit((v) => o.save(v, at), { onConflict: (e: IpcError) => stale.stale(e.current as R) });
  const close = async () => {
    if (!o.onClose) return;
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: "What you typed in this form will be lost.", confirmLabel: "Discard", danger: true }))) {
      form.discard();
      o.onClose();
    }
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === "Escape" && o.onClose && !(e.target as HTMLElement).closest(".modal")) {
      e.preventDefault();
      void close();
    }
  };
  return { form, submit, close, onKeyDown, dialog: stale.dialog() };
}
