import { useEffect, useRef, useState, type ReactNode } from "react";
import type { Deliverable } from "../../bindings/Deliverable";
import type { DeliverableInput } from "../../bindings/DeliverableInput";
import type { DeliverableStatus } from "../../bindings/DeliverableStatus";
import { Field } from "../../kit/Field";
import { EditForm, useVersionedForm } from "../../kit/useVersionedForm";

export const D_STATUSES: DeliverableStatus[] = ["planned", "in-progress", "done", "dropped"];
const D_LABELS: Record<DeliverableStatus, string> = { planned: "planned", "in-progress": "in progress", done: "done", dropped: "dropped" };

const FIELDS = [
  { key: "title", label: "Deliverable" },
  { key: "owner", label: "Owner" },
  { key: "due_on", label: "Due" },
  { key: "status", label: "Status" },
] as const;

export const inputOf = (d: Deliverable): DeliverableInput => ({ title: d.title, owner: d.owner, due_on: d.due_on ?? "", status: d.status });

export function StatusSelect({ value, onChange, ...a }: { value: DeliverableStatus; onChange: (s: DeliverableStatus) => void; id?: string; "aria-label"?: string }) {
  return (
    <select {...a} value={value} onChange={(e) => onChange(e.target.value as DeliverableStatus)}>
      {D_STATUSES.map((s) => (
        <option key={s} value={s}>
          {D_LABELS[s]}
        </option>
      ))}
    </select>
  );
}

interface ItemProps {
  d: Deliverable;
  /** From search: this one is scrolled to and highlighted. */
  focused: boolean;
  /** Saves an edit made from `version`; throws the core's error. */
  onSave: (d: Deliverable, input: DeliverableInput, version: number) => Promise<void>;
  /** A quick status change from the list. */
  onStatus: (d: Deliverable, status: DeliverableStatus) => void;
  onDelete: (d: Deliverable) => void;
  /** Shown right under it (the follow-up offer once it is done). */
  below?: ReactNode;
}

/** One deliverable: what, who, when (with a warning when due outside the interval) and its
 * status, editable in place. */
export function DeliverableItem({ d, focused, onSave, onStatus, onDelete, below }: ItemProps) {
  const [editing, setEditing] = useState(false);
  return (
    <li className={focused ? "deliverable focused" : "deliverable"} data-deliverable={d.title} data-id={d.id} tabIndex={focused ? -1 : undefined}>
      {editing ? (
        <DeliverableForm d={d} onSave={(input, version) => onSave(d, input, version)} onClose={() => setEditing(false)} />
      ) : (
        <div className="deliverable-line">
          <span className="d-title">{d.title}</span>
          <span className="d-owner muted">{d.owner || "no owner"}</span>
          <span className={d.warnings.length ? "d-due warn-text" : "d-due muted"} title={d.warnings.join("\n")}>
            {d.due_on ?? "no date"}
            {d.warnings.length > 0 && " ⚠"}
          </span>
          <StatusSelect aria-label={`Status of ${d.title}`} value={d.status} onChange={(s) => onStatus(d, s)} />
          <span className="d-actions">
            <button type="button" className="small-button" aria-label={`Edit ${d.title}`} data-testid="deliverable-edit" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="small-button" aria-label={`Delete ${d.title}`} data-testid="deliverable-delete" onClick={() => onDelete(d)}>
              Delete
            </button>
          </span>
        </div>
      )}
      {d.warnings.map((m) => (
        <p key={m} className="small warn-text d-warning">
          {m}
        </p>
      ))}
      {below}
    </li>
  );
}

/** Edits a deliverable's title, owner, due date and status in place. */
function DeliverableForm({ d, onSave, onClose }: { d: Deliverable; onSave: (input: DeliverableInput, version: number) => Promise<void>; onClose: () => void }) {
  const prefix = `deliverable-${d.id}`;
  const edit = useVersionedForm<Deliverable, DeliverableInput>({
    record: d,
    empty: inputOf(d),
    valuesOf: inputOf,
    idPrefix: prefix,
    draftKey: `deliverable.${d.id}`,
    what: "deliverable",
    fields: [...FIELDS],
    save: async (input, version) => {
      await onSave(input, version ?? d.version);
      onClose();
    },
    onClose,
  });
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => first.current?.focus(), []);
  const { form } = edit;
  const v = form.values;
  return (
    <EditForm edit={edit} className="deliverable-form" testId="deliverable-form" label={`Edit ${d.title}`} saveLabel="Save" saveTestId="deliverable-save">
      <div className="deliverable-fields">
        <Field id={`${prefix}-title`} label="Deliverable" error={form.errors.title}>
          {(a) => <input {...a} ref={first} value={v.title} onChange={(e) => form.set("title", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id={`${prefix}-owner`} label="Owner" error={form.errors.owner}>
          {(a) => <input {...a} value={v.owner} onChange={(e) => form.set("owner", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id={`${prefix}-due_on`} label="Due" error={form.errors.due_on}>
          {(a) => <input {...a} type="date" value={v.due_on} onChange={(e) => form.set("due_on", e.target.value)} />}
        </Field>
        <Field id={`${prefix}-status`} label="Status" error={form.errors.status}>
          {(a) => <StatusSelect {...a} value={v.status} onChange={(s) => form.set("status", s)} />}
        </Field>
      </div>
    </EditForm>
  );
}

/** Adds a deliverable (how and when) to a row. */
export function DeliverableAdder({ row, onAdd }: { row: string; onAdd: (input: DeliverableInput) => Promise<void> }) {
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  const [error, setError] = useState<string | null>(null);
  return (
    <form
      className="adder"
      aria-label={`Add a deliverable to ${row}`}
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await onAdd({ title, owner, due_on: due, status: "planned" });
          setTitle("");
          setOwner("");
          setDue("");
          setError(null);
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }}
    >
      <input aria-label="New deliverable" placeholder="Add a deliverable (how)…" value={title} onChange={(e) => setTitle(e.target.value)} />
      <input aria-label="Owner" placeholder="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} />
      <input aria-label="Due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      <button type="submit" disabled={!title.trim()}>
        Add
      </button>
      {error && (
        <p className="field-error adder-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
