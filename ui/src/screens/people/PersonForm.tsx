import { useEffect, useRef, useState } from "react";
import type { Person } from "../../bindings/Person";
import type { PersonInput } from "../../bindings/PersonInput";
import type { Role } from "../../bindings/Role";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useDebounced } from "../../lib/hooks";
import { ROLE_LABELS } from "../../lib/labels";
import { Field } from "../../kit/Field";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useConfirm } from "../../kit/Dialogs";
import { ConflictDialog } from "../../kit/Conflict";
import { useForm } from "../../kit/useForm";

const EMPTY: PersonInput = { name: "", team: "", role: "ic", contact: "", core_user: false, notes: "" };
const FIELDS = [
  { key: "name", label: "Name" },
  { key: "team", label: "Team" },
  { key: "role", label: "Role" },
  { key: "contact", label: "Contact" },
  { key: "core_user", label: "Core user" },
  { key: "notes", label: "Notes" },
];

interface Props {
  api: Api;
  person: Person | null;
  onSaved: (p: Person, created: boolean) => void;
  onClose: () => void;
  onOpenPerson: (id: string) => void;
}

function inputOf(p: Person): PersonInput {
  const { name, team, role, contact, core_user, notes } = p;
  return { name, team, role, contact, core_user, notes };
}

/** Create or edit a person. Errors come from the core and are shown at their field; a name
 * already in People is pointed out before a second person is made; a stale edit shows both
 * versions; what is typed survives closing the form. */
export function PersonForm({ api, person, onSaved, onClose, onOpenPerson }: Props) {
  const form = useForm<PersonInput>(person ? inputOf(person) : EMPTY, "person", person ? `person.${person.id}` : "person.new");
  const [version, setVersion] = useState(person?.version ?? 0);
  const [duplicate, setDuplicate] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Person | null>(null);
  const confirm = useConfirm();
  const nameRef = useRef<HTMLInputElement>(null);
  const name = useDebounced(form.values.name, 250);
  const [found, setFound] = useState<{ name: string; people: Person[] }>({ name: "", people: [] });
  const sameName = name.trim() && found.name === name ? found.people : [];

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (!name.trim()) return;
    let live = true;
    api.people_same_name({ name, except: person?.id ?? null }).then((p) => live && setFound({ name, people: p }), () => undefined);
    return () => {
      live = false;
    };
  }, [api, name, person?.id]);

  const save = (input: PersonInput, from = version) =>
    form.submit(
      async (v) => {
        const saved = person
          ? await api.people_update({ id: person.id, version: from, input: { ...v, ...input } })
          : await api.people_create({ input: { ...v, ...input } });
        onSaved(saved, !person);
      },
      {
        onAck: (e) => setDuplicate(e.message),
        onConflict: (e: IpcError) => setConflict(e.current as Person),
      },
    );

  const close = async () => {
    if (
      !form.dirty ||
      (await confirm({ title: "Discard your changes?", body: "What you typed in this form will be lost.", confirmLabel: "Discard", danger: true }))
    ) {
      form.discard();
      onClose();
    }
  };

  const set = form.set;
  const v = form.values;
  return (
    <form
      className="card form"
      aria-labelledby="person-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void save({ ...v, duplicate_ok: false });
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          void close();
        }
      }}
      noValidate
    >
      <h2 id="person-form-title">{person ? `Edit ${person.name}` : "New person"}</h2>
      {form.restored && (
        <p className="banner info" role="status">
          Your unsaved changes from before were kept.{" "}
          <button type="button" className="link" onClick={form.discard}>
            Discard them
          </button>
        </p>
      )}
      <ErrorBanner message={form.general} />
      <div className="grid2">
        <Field id="person-name" label="Name" error={form.errors.name}>
          {(a) => <input {...a} ref={nameRef} value={v.name} onChange={(e) => set("name", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="person-team" label="Team" error={form.errors.team}>
          {(a) => <input {...a} value={v.team} onChange={(e) => set("team", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="person-role" label="Role" error={form.errors.role} hint="Leads and managers are interviewed apart from ICs.">
          {(a) => (
            <select {...a} value={v.role} onChange={(e) => set("role", e.target.value as Role)}>
              {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="person-contact" label="Contact" error={form.errors.contact} hint="Email, chat handle or phone.">
          {(a) => <input {...a} value={v.contact} onChange={(e) => set("contact", e.target.value)} autoComplete="off" />}
        </Field>
      </div>
      {sameName.length > 0 && !duplicate && (
        <div className="banner warn" data-testid="same-name">
          Already in People:{" "}
          {sameName.map((p) => (
            <button key={p.id} type="button" className="link" onClick={() => onOpenPerson(p.id)}>
              {p.name}
              {p.team ? ` (${p.team})` : ""}
              {p.archived_at ? ", archived" : ""}
            </button>
          ))}
        </div>
      )}
      {duplicate && (
        <div className="banner warn" role="alert" data-testid="duplicate-warning">
          <p>{duplicate}</p>
          <div className="actions">
            {sameName[0] && (
              <button type="button" onClick={() => onOpenPerson(sameName[0]!.id)}>
                Open {sameName[0].name}
              </button>
            )}
            <button type="button" data-testid="person-add-anyway" onClick={() => void save({ ...v, duplicate_ok: true })}>
              Add a second person anyway
            </button>
          </div>
        </div>
      )}
      <div className="field checkbox">
        <label>
          <input type="checkbox" id="person-core_user" checked={v.core_user} onChange={(e) => set("core_user", e.target.checked)} />
          Core user — someone whose workflow we design for first
        </label>
      </div>
      <Field id="person-notes" label="Notes" error={form.errors.notes}>
        {(a) => <textarea {...a} rows={4} value={v.notes} onChange={(e) => set("notes", e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="person-save">
          {person ? "Save changes" : "Add person"}
        </button>
        <button type="button" onClick={() => void close()}>
          Cancel
        </button>
      </div>
      {conflict && (
        <ConflictDialog
          what="person"
          fields={FIELDS}
          mine={v as unknown as Record<string, unknown>}
          theirs={conflict as unknown as Record<string, unknown>}
          onKeepMine={() => {
            setVersion(conflict.version);
            setConflict(null);
            void save({ ...v, duplicate_ok: false }, conflict.version);
          }}
          onTakeTheirs={() => {
            setVersion(conflict.version);
            form.replace(inputOf(conflict));
            setConflict(null);
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </form>
  );
}
