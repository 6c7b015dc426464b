import { useEffect, useRef } from "react";
import type { Sprint } from "../../bindings/Sprint";
import type { SprintInput } from "../../bindings/SprintInput";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { PersonPicker } from "../../kit/PersonPicker";
import type { Api } from "../../lib/ipc";
import { useEditForm } from "../followups/editing";
import { DraftKept } from "../../kit/useVersionedForm";

interface Values {
  focus: string;
  starts_on: string;
  ends_on: string;
  card_limit: string;
  /** Who the prototype is for (kept with their names, so a restored draft shows them). */
  core_users: { id: string; name: string }[];
}

const valuesOf = (s: Sprint): Values => ({
  focus: s.focus,
  starts_on: s.starts_on,
  ends_on: s.ends_on,
  card_limit: String(s.card_limit),
  core_users: s.core_users.map((p) => ({ id: p.id, name: p.name })),
});

const FIELDS = [
  { key: "focus", label: "Focus" },
  { key: "starts_on", label: "Starts" },
  { key: "ends_on", label: "Ends" },
  { key: "card_limit", label: "Card limit" },
  { key: "core_users", label: "Core users" },
];
/** How a conflict compares two versions: people by name. */
const shown = (v: Values): Record<string, unknown> => ({ ...v, core_users: v.core_users.map((p) => p.name) });

interface Props {
  api: Api;
  /** The sprint to edit; none for a new one. */
  sprint?: Sprint;
  /** Today (`YYYY-MM-DD`), a new sprint's default start. */
  today: string;
  onSaved: (s: Sprint) => void;
  /** Closes the form (after asking, if it was changed); none where the form can't close. */
  onClose?: () => void;
}

/** Create or edit a sprint: one week, one focus, named core users and a card limit — the rules are
 * the core's, shown at their fields. What is typed is a draft until saved; a stale edit shows both versions. */
export function SprintForm({ api, sprint, today, onSaved, onClose }: Props) {
  const edit = useEditForm<Values, Sprint>({
    initial: sprint ? valuesOf(sprint) : { focus: "", starts_on: today, ends_on: "", card_limit: "5", core_users: [] },
    idPrefix: "sprint",
    draftKey: sprint ? `sprint.${sprint.id}` : "sprint.new",
    version: sprint?.version ?? 0,
    save: async (x, version) => {
      const input: SprintInput = {
        focus: x.focus,
        starts_on: x.starts_on,
        ends_on: x.ends_on,
        card_limit: Number(x.card_limit) || 0,
        core_user_ids: x.core_users.map((p) => p.id),
      };
      onSaved(sprint ? await api.sprints_update({ id: sprint.id, version, input }) : await api.sprints_create({ input }));
    },
    valuesOf,
    what: "sprint",
    fields: FIELDS,
    compare: shown,
    onClose,
  });
  const form = edit.form;
  const focusRef = useRef<HTMLInputElement>(null);
  const v = form.values;
  useEffect(() => {
    if (sprint) focusRef.current?.focus();
  }, [sprint]);

  return (
    <form
      className="card form sprint-form"
      aria-labelledby="sprint-form-title"
      onSubmit={(e) => {
        e.preventDefault();
        void edit.submit();
      }}
      onKeyDown={edit.onKeyDown}
      noValidate
      data-testid="sprint-form"
    >
      <h2 id="sprint-form-title">{sprint ? "Edit sprint" : "New sprint"}</h2>
      <DraftKept form={form} />
      <ErrorBanner message={form.general} />
      <Field id="sprint-focus" label="Focus — the one thing this week is for" error={form.errors.focus}>
        {(a) => (
          <input
            {...a}
            ref={focusRef}
            value={v.focus}
            onChange={(e) => form.set("focus", e.target.value)}
            autoComplete="off"
            placeholder="e.g. Can a new hire deploy on day one with the CI prototype?"
          />
        )}
      </Field>
      <div className="grid3">
        <Field id="sprint-starts_on" label="Starts" error={form.errors.starts_on}>
          {(a) => <input {...a} type="date" value={v.starts_on} onChange={(e) => form.set("starts_on", e.target.value)} />}
        </Field>
        <Field id="sprint-ends_on" label="Ends" error={form.errors.ends_on} hint="Empty: five working days. One week at most.">
          {(a) => <input {...a} type="date" value={v.ends_on} onChange={(e) => form.set("ends_on", e.target.value)} />}
        </Field>
        <Field id="sprint-card_limit" label="Card limit" error={form.errors.card_limit} hint="Going over it warns.">
          {(a) => <input {...a} type="number" min={1} max={50} value={v.card_limit} onChange={(e) => form.set("card_limit", e.target.value)} />}
        </Field>
      </div>
      <Field
        id="sprint-core_users"
        label={`Core users — who this prototype is for (${v.core_users.length} picked)`}
        error={form.errors.core_users}
        hint="Type a name to add someone; add as many as the prototype is for."
      >
        {(a) => (
          <div className="multi-pick">
            {v.core_users.length > 0 && (
              <ul className="picked-list" aria-label="Core users picked">
                {v.core_users.map((p) => (
                  <li key={p.id} className="picked" data-core-user={p.name}>
                    {p.name}
                    <button
                      type="button"
                      className="link"
                      aria-label={`Remove ${p.name}`}
                      onClick={() =>
                        form.set(
                          "core_users",
                          v.core_users.filter((x) => x.id !== p.id),
                        )
                      }
                    >
                      ×
                    </button>
                  </li>
                ))}
              </ul>
            )}
            <PersonPicker
              api={api}
              {...a}
              value={null}
              exclude={v.core_users.map((p) => p.id)}
              placeholder="Add a core user: type a name"
              onChange={(p) => p && form.set("core_users", [...v.core_users, { id: p.id, name: p.name }])}
            />
          </div>
        )}
      </Field>
      <div className="actions">
        <button className="primary" type="submit" data-testid="sprint-save" disabled={form.saving}>
          {sprint ? "Save changes" : "Start planning"}
        </button>
        {onClose && (
          <button type="button" onClick={() => void edit.close()}>
            Cancel
          </button>
        )}
      </div>
      {edit.dialog}
    </form>
  );
}
