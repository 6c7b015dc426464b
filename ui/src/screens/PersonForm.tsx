import { useEffect, useRef, useState } from "react";
import type { Person } from "../bindings/Person";
import type { PersonInput } from "../bindings/PersonInput";
import type { Role } from "../bindings/Role";
import { IpcError } from "../lib/ipc";
import { Field } from "../components/Field";
import { ErrorBanner } from "../components/ErrorBanner";

export const ROLE_LABELS: Record<Role, string> = {
  ic: "IC",
  lead: "Lead",
  manager: "Manager",
  other: "Other",
};

const EMPTY: PersonInput = { name: "", team: "", role: "ic", contact: "", core_user: false, notes: "" };

interface Props {
  person: Person | null;
  onSave: (input: PersonInput) => Promise<void>;
  onCancel: () => void;
}

/** Create or edit a person. Errors come from the core and are shown at their field. */
export function PersonForm({ person, onSave, onCancel }: Props) {
  const [form, setForm] = useState<PersonInput>(() => (person ? { ...person } : EMPTY));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const nameRef = useRef<HTMLInputElement>(null);

  useEffect(() => nameRef.current?.focus(), []);

  const set = <K extends keyof PersonInput>(key: K, value: PersonInput[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setErrors((e) => {
      const { [key]: _dropped, ...rest } = e;
      void _dropped;
      return rest;
    });
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setGeneral(null);
    try {
      await onSave(form);
    } catch (err) {
      if (err instanceof IpcError && err.field) {
        setErrors({ [err.field]: err.message });
        document.getElementById(`person-${err.field}`)?.focus();
      } else {
        setGeneral(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="card form"
      aria-labelledby="person-form-title"
      onSubmit={submit}
      onKeyDown={(e) => e.key === "Escape" && onCancel()}
      noValidate
    >
      <h2 id="person-form-title">{person ? `Edit ${person.name}` : "New person"}</h2>
      <ErrorBanner message={general} />
      <div className="grid2">
        <Field id="person-name" label="Name" error={errors.name}>
          {(a) => (
            <input {...a} ref={nameRef} value={form.name} onChange={(e) => set("name", e.target.value)} autoComplete="off" />
          )}
        </Field>
        <Field id="person-team" label="Team" error={errors.team}>
          {(a) => <input {...a} value={form.team} onChange={(e) => set("team", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="person-role" label="Role" error={errors.role} hint="Leads and managers are interviewed apart from ICs.">
          {(a) => (
            <select {...a} value={form.role} onChange={(e) => set("role", e.target.value as Role)}>
              {(Object.keys(ROLE_LABELS) as Role[]).map((r) => (
                <option key={r} value={r}>
                  {ROLE_LABELS[r]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="person-contact" label="Contact" error={errors.contact} hint="Email, chat handle or phone.">
          {(a) => <input {...a} value={form.contact} onChange={(e) => set("contact", e.target.value)} autoComplete="off" />}
        </Field>
      </div>
      <div className="field checkbox">
        <label>
          <input
            type="checkbox"
            id="person-core_user"
            checked={form.core_user}
            onChange={(e) => set("core_user", e.target.checked)}
          />
          Core user — someone whose workflow we design for first
        </label>
      </div>
      <Field id="person-notes" label="Notes" error={errors.notes}>
        {(a) => <textarea {...a} rows={4} value={form.notes} onChange={(e) => set("notes", e.target.value)} />}
      </Field>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving} data-testid="person-save">
          {person ? "Save changes" : "Add person"}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
