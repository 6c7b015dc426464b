// Edit forms that work alike (a roadmap, a row, a deliverable): values and drafts
// from useForm, an update that carries the version the edit started from, both versions shown
// when it is stale, and Escape (or Cancel) asking before changes are thrown away.
import type { ReactNode } from "react";
import { useStaleEdit } from "./Conflict";
import { useConfirm } from "./Dialogs";
import { ErrorBanner } from "./ErrorBanner";
import { useForm, type Form } from "./useForm";
import type { IpcError } from "../lib/ipc";

interface Options<R extends { version: number }, V extends object> {
  /** The record being edited, or null for a new one. */
  record: R | null;
  empty: V;
  valuesOf: (record: R) => V;
  /** Names the inputs (`<idPrefix>-<field>`) so a core error can focus its field. */
  idPrefix: string;
  draftKey: string;
  /** What the record is called in messages ("row"). */
  what: string;
  /** The fields the conflict dialog compares. */
  fields: { key: keyof V & string; label: string }[];
  /** Creates (`version` null) or updates from `version`; throws the core's error. */
  save: (values: V, version: number | null) => Promise<void>;
  onClose: () => void;
}

export interface VersionedForm<V> {
  form: Form<V>;
  /** Saves; resolves whether it saved. */
  submit: () => Promise<boolean>;
  /** Closes, asking first when something was changed. */
  close: () => Promise<void>;
  /** Escape on the form closes it (asking first), unless a dialog has it. */
  onKeyDown: (e: React.KeyboardEvent) => void;
  /** The conflict dialog, when a save was stale; render it inside the form. */
  dialog: ReactNode;
}

export function useVersionedForm<R extends { version: number }, V extends object>(o: Options<R, V>): VersionedForm<V> {
  const form = useForm<V>(o.record ? o.valuesOf(o.record) : o.empty, o.idPrefix, o.draftKey);
  const stale = useStaleEdit<R>(o.record?.version ?? 0, {
    what: o.what,
    fields: o.fields,
    mine: () => form.values,
    theirs: (r) => o.valuesOf(r),
    save: (from): void => void submit(from),
    take: (r) => form.replace(o.valuesOf(r)),
  });
  const confirm = useConfirm();

  // A new record has no version yet: it is created, not updated.
  const submit = (from: number = stale.version) =>
    form.submit((v) => o.save(v, o.record ? from : null), { onConflict: (e: IpcError) => stale.stale(e.current as R) });

  const close = async () => {
    if (
      !form.dirty ||
      (await confirm({ title: "Discard your changes?", body: `Your changes to this ${o.what} will be lost.`, confirmLabel: "Discard", danger: true }))
    ) {
      form.discard();
      o.onClose();
    }
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape" && !(e.target as HTMLElement).closest(".modal")) {
      e.preventDefault();
      e.stopPropagation();
      void close();
    }
  };

  return { form, submit: () => submit(), close, onKeyDown, dialog: stale.dialog() };
}

/** Said at the top of a form that reopened with what was typed before, with a way to drop it. */
export function DraftKept({ form }: { form: Pick<Form<object>, "restored" | "dirty" | "discard"> }) {
  if (!form.restored || !form.dirty) return null;
  return (
    <p className="banner info" role="status">
      Your unsaved changes from before were kept.{" "}
      <button type="button" className="link" onClick={form.discard}>
        Discard them
      </button>
    </p>
  );
}

interface ShellProps<V> {
  edit: VersionedForm<V>;
  className: string;
  testId: string;
  /** The form's heading (and accessible name), or an accessible name alone. */
  title?: { id: string; text: string };
  label?: string;
  saveLabel: string;
  saveTestId: string;
  /** Without it the form is always open: no Cancel, and Escape does nothing. */
  cancellable?: boolean;
  /** A check before saving; false keeps the form as it is (it shows why itself). */
  ready?: () => boolean;
  children: ReactNode;
}

/** The frame of these forms: heading, kept draft, general error, the fields, Save and Cancel,
 * and the conflict dialog. */
export function EditForm<V extends object>({ edit, className, testId, title, label, saveLabel, saveTestId, cancellable = true, ready, children }: ShellProps<V>) {
  const { form, submit, close, onKeyDown, dialog } = edit;
  return (
    <form
      className={className}
      data-testid={testId}
      aria-labelledby={title?.id}
      aria-label={label}
      noValidate
      onKeyDown={cancellable ? onKeyDown : undefined}
      onSubmit={(e) => {
        e.preventDefault();
        if (!ready || ready()) void submit();
      }}
    >
      {title && <h2 id={title.id}>{title.text}</h2>}
      <DraftKept form={form} />
      <ErrorBanner message={form.general} />
      {children}
      <div className="actions">
        <button className="primary" type="submit" disabled={form.saving} data-testid={saveTestId}>
          {saveLabel}
        </button>
        {cancellable && (
          <button type="button" onClick={() => void close()}>
            Cancel
          </button>
        )}
      </div>
      {dialog}
    </form>
  );
}
