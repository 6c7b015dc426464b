import { useEffect, useState } from "react";
import type { Person } from "../../bindings/Person";
import type { Sprint } from "../../bindings/Sprint";
import type { SprintInput } from "../../bindings/SprintInput";
import { Field } from "../../kit/Field";
import { ErrorBanner } from "../../kit/ErrorBanner";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";

/** Create or edit a sprint. One week, one focus, named core users and a card limit: the rules are the core's. */
export function SprintForm({ api, sprint, onSaved, onCancel }: { api: Api; sprint?: Sprint; onSaved: (s: Sprint) => void; onCancel?: () => void }) {
  const [people, setPeople] = useState<Person[]>([]);
  const [focus, setFocus] = useState(sprint?.focus ?? "");
  const [start, setStart] = useState(sprint?.starts_on ?? "");
  const [end, setEnd] = useState(sprint?.ends_on ?? "");
  const [limit, setLimit] = useState(String(sprint?.card_limit ?? 5));
  const [users, setUsers] = useState<string[]>(sprint?.core_users.map((p) => p.id) ?? []);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    api.people_list({ filter: { include_archived: false } }).then((p) => setPeople(p.items), () => setPeople([]));
    if (!sprint) api.today_date().then((t) => setStart((s) => s || t), () => undefined);
  }, [api, sprint]);

  // Core users first: they are the usual picks.
  const ordered = [...people].sort((a, b) => Number(b.core_user) - Number(a.core_user));
  const toggle = (id: string) => setUsers((u) => (u.includes(id) ? u.filter((x) => x !== id) : [...u, id]));

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const input: SprintInput = { focus, starts_on: start, ends_on: end, card_limit: Number(limit) || 0, core_user_ids: users };
    try {
      onSaved(sprint ? await api.sprints_update({ id: sprint.id, version: sprint.version, input }) : await api.sprints_create({ input }));
      setErrors({});
    } catch (err) {
      if (err instanceof IpcError && err.field) setErrors({ [err.field]: err.message });
      else setGeneral(String(err instanceof Error ? err.message : err));
    }
  };

  return (
    <form className="card form" onSubmit={save} noValidate data-testid="sprint-form">
      <h2>{sprint ? "Edit sprint" : "New sprint"}</h2>
      <ErrorBanner message={general} />
      <Field id="sprint-focus" label="Focus — the one thing this week is for" error={errors.focus}>
        {(a) => (
          <input {...a} value={focus} onChange={(e) => setFocus(e.target.value)} autoComplete="off" placeholder="e.g. Can a new hire deploy on day one with the CI prototype?" />
        )}
      </Field>
      <div className="grid3">
        <Field id="sprint-starts_on" label="Starts" error={errors.starts_on}>
          {(a) => <input {...a} type="date" value={start} onChange={(e) => setStart(e.target.value)} />}
        </Field>
        <Field id="sprint-ends_on" label="Ends" error={errors.ends_on} hint="Empty: five working days. One week at most.">
          {(a) => <input {...a} type="date" value={end} onChange={(e) => setEnd(e.target.value)} />}
        </Field>
        <Field id="sprint-card_limit" label="Card limit" error={errors.card_limit} hint="Going over it warns.">
          {(a) => <input {...a} type="number" min={1} max={50} value={limit} onChange={(e) => setLimit(e.target.value)} />}
        </Field>
      </div>
      <fieldset className={errors.core_users ? "field people-pick has-error" : "field people-pick"} aria-describedby={errors.core_users ? "sprint-core_users-error" : undefined}>
        <legend>Core users — who this prototype is for ({users.length} picked)</legend>
        {people.length === 0 && <p className="muted">Add people first, in People.</p>}
        <div className="pick-grid">
          {ordered.map((p) => (
            <label key={p.id} className="inline">
              <input type="checkbox" data-pick={p.name} checked={users.includes(p.id)} onChange={() => toggle(p.id)} />
              {p.name} {p.core_user && <span className="badge">core user</span>}
            </label>
          ))}
        </div>
        {errors.core_users && (
          <small id="sprint-core_users-error" className="field-error" role="alert" data-error-for="sprint-core_users">
            {errors.core_users}
          </small>
        )}
      </fieldset>
      <div className="actions">
        <button className="primary" type="submit" data-testid="sprint-save">
          {sprint ? "Save" : "Start planning"}
        </button>
        {onCancel && (
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
