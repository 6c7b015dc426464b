import { useEffect, useState } from "react";
import type { ActionItem } from "../../bindings/ActionItem";
import type { ActionItemInput } from "../../bindings/ActionItemInput";
import type { IncidentSeverity } from "../../bindings/IncidentSeverity";
import type { ItemKind } from "../../bindings/ItemKind";
import type { ItemPriority } from "../../bindings/ItemPriority";
import type { ItemStatus } from "../../bindings/ItemStatus";
import type { Person } from "../../bindings/Person";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useStaleEdit } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { PersonPicker } from "../../kit/PersonPicker";
import { useForm } from "../../kit/useForm";

export const KINDS: ItemKind[] = ["mitigate", "prevent", "detect", "process"];
export const PRIORITIES: ItemPriority[] = ["P0", "P1", "P2", "P3"];
export const STATUS_LABELS: Record<ItemStatus, string> = { open: "Open", done: "Done", "wont-do": "Won't do" };
const DUE_DAYS: Record<IncidentSeverity, number> = { sev1: 15, sev2: 30, sev3: 45, sev4: 60 };

type Values = Omit<ActionItemInput, "owner_id" | "title_ok"> & { owner: Person | null };

const EMPTY: Values = { title: "", kind: "prevent", owner: null, priority: "P2", due_on: "", status: "open", reason: "", ticket_url: "", proof: "" };
const FIELDS = [
  { key: "title", label: "Title" },
  { key: "kind", label: "Type" },
  { key: "priority", label: "Priority" },
  { key: "due_on", label: "Due" },
  { key: "status", label: "Status" },
  { key: "reason", label: "Reason" },
  { key: "proof", label: "Proof" },
];
const valuesOf = (i: ActionItem): Values => {
  const { owner_id: _o, title_ok: _t, ...rest } = i.form;
  void _o;
  void _t;
  return { ...rest, owner: null };
};

/** Adds or edits an action item: verb-first title, type, owner, priority, due date (default
 * from the incident's severity), and how it closed (done with proof, or won't do with a
 * reason). */
export function ActionItemForm({ api, postmortemId, severity, item, onSaved, onClose }: {
  api: Api;
  postmortemId: string;
  severity: IncidentSeverity;
  item: ActionItem | null;
  onSaved: (i: ActionItem) => void;
  onClose: () => void;
}) {
  const form = useForm<Values>(item ? valuesOf(item) : EMPTY, "item", item ? `item.${item.id}` : `item.new.${postmortemId}`);
  const edit = useStaleEdit<ActionItem>(item?.version ?? 0, {
    what: "action item",
    fields: FIELDS,
    mine: () => v,
    theirs: (c) => valuesOf(c),
    save: (from): void => void save(from),
    take: (c) => form.replace(valuesOf(c)),
  });
  const [owner, setOwner] = useState<Person | null>(null);
  const confirm = useConfirm();
  const v = form.values;
  const ownerId = item?.owner.id;
  useEffect(() => {
    if (!ownerId) return;
    api.people_get({ id: ownerId }).then(setOwner, () => undefined);
  }, [api, ownerId]);
  const [ownerTouched, setOwnerTouched] = useState(false);
  const shownOwner = ownerTouched ? v.owner : (v.owner ?? owner);
  const save = (from = edit.version, titleOk = false): Promise<boolean> =>
    form.submit(
      async (x) => {
        const { owner: _o, ...rest } = x;
        void _o;
        const input: ActionItemInput = { ...rest, owner_id: shownOwner?.id ?? "", title_ok: titleOk };
        const saved = item ? await api.action_items_update({ id: item.id, version: from, input }) : await api.action_items_create({ postmortem_id: postmortemId, input });
        onSaved(saved);
      },
      {
        onConflict: (e: IpcError) => edit.stale(e.current as ActionItem),
        onAck: (e: IpcError) =>
          void confirm({ title: "Start with a verb?", body: e.message, confirmLabel: "Keep this title", cancelLabel: "Edit the title" }).then((ok) => {
            if (ok) void save(from, true);
            else document.getElementById("item-title")?.focus();
          }),
      },
    );
  const close = async () => {
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: "What you typed in this form will be lost.", confirmLabel: "Discard", danger: true }))) {
      form.discard();
      onClose();
    }
  };
  return (
    <form
      className="card form rel-item-form"
      data-testid="item-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !(e.target as HTMLElement).closest(".modal")) {
          e.preventDefault();
          void close();
        }
      }}
    >
      <ErrorBanner message={form.general} />
      <Field id="item-title" label="Action item" error={form.errors.title} hint="Start with a verb: Add a canary stage to config pushes">
        {(a) => <input {...a} value={v.title} onChange={(e) => form.set("title", e.target.value)} autoFocus />}
      </Field>
      <div className="grid3">
        <Field id="item-kind" label="Type" error={form.errors.kind}>
          {(a) => (
            <select {...a} value={v.kind} onChange={(e) => form.set("kind", e.target.value as ItemKind)}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="item-owner_id" label="Owner" error={form.errors.owner_id}>
          {(a) => (
            <PersonPicker
              api={api}
              {...a}
              value={shownOwner}
              onChange={(p) => {
                setOwnerTouched(true);
                form.set("owner", p);
              }}
            />
          )}
        </Field>
        <Field id="item-priority" label="Priority" error={form.errors.priority}>
          {(a) => (
            <select {...a} value={v.priority} onChange={(e) => form.set("priority", e.target.value as ItemPriority)}>
              {PRIORITIES.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="item-due_on" label="Due" error={form.errors.due_on} hint={`Empty: ${DUE_DAYS[severity]} days after the incident`}>
          {(a) => <input {...a} type="date" value={v.due_on} onChange={(e) => form.set("due_on", e.target.value)} />}
        </Field>
        <Field id="item-status" label="Status" error={form.errors.status}>
          {(a) => (
            <select {...a} value={v.status} onChange={(e) => form.set("status", e.target.value as ItemStatus)}>
              {(Object.keys(STATUS_LABELS) as ItemStatus[]).map((k) => (
                <option key={k} value={k}>
                  {STATUS_LABELS[k]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="item-ticket_url" label="Ticket URL" error={form.errors.ticket_url}>
          {(a) => <input {...a} type="url" value={v.ticket_url} onChange={(e) => form.set("ticket_url", e.target.value)} />}
        </Field>
      </div>
      {v.status === "wont-do" && (
        <Field id="item-reason" label="Why it won't be done" error={form.errors.reason}>
          {(a) => <textarea {...a} rows={2} value={v.reason} onChange={(e) => form.set("reason", e.target.value)} />}
        </Field>
      )}
      {v.status === "done" && (
        <Field id="item-proof" label="Proof of completion" error={form.errors.proof} hint="A link, a PR, a note">
          {(a) => <input {...a} value={v.proof} onChange={(e) => form.set("proof", e.target.value)} />}
        </Field>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="item-save">
          {item ? "Save item" : "Add action item"}
        </button>
        <button type="button" onClick={() => void close()}>
          Cancel
        </button>
      </div>
      {edit.dialog()}
    </form>
  );
}
