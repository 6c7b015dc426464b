import { useEffect, useState } from "react";
import type { FollowUp } from "../../bindings/FollowUp";
import type { FollowUpInput } from "../../bindings/FollowUpInput";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { PersonPicker } from "../../kit/PersonPicker";
import { useForm, type Form } from "../../kit/useForm";
import type { Api } from "../../lib/ipc";
import { useEditForm } from "./editing";
import { DraftKept } from "../../kit/useVersionedForm";

/** Who a follow-up is with, kept with the name so a restored draft shows them. */
export interface Who {
  id: string;
  name: string;
}

export interface Values {
  person: Who | null;
  reason: string;
  due_on: string;
  deliverable_id: string;
  interview_id: string;
  release: string;
}

interface Option {
  id: string;
  label: string;
}

/** A date `days` after `iso` (a `YYYY-MM-DD`), as `YYYY-MM-DD`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const emptyValues = (today: string, person: Who | null = null): Values => ({
  person,
  reason: "",
  due_on: addDays(today, 7),
  deliverable_id: "",
  interview_id: "",
  release: "",
});

const valuesOf = (f: FollowUp): Values => ({
  person: { id: f.person_id, name: f.person_name },
  reason: f.reason,
  due_on: f.due_on,
  deliverable_id: f.deliverable_id ?? "",
  interview_id: f.interview_id ?? "",
  release: f.release,
});

const inputOf = (v: Values): FollowUpInput => ({
  person_id: v.person?.id ?? "",
  reason: v.reason,
  due_on: v.due_on,
  deliverable_id: v.deliverable_id || null,
  interview_id: v.interview_id || null,
  release: v.release,
});

/** Interviews offered in the picker: the most recent ones (plus the one already linked). */
const RECENT_INTERVIEWS = 100;

/** What a follow-up can be about: roadmap deliverables and recent interviews. */
function useLinks(api: Api) {
  const [deliverables, setDeliverables] = useState<Option[]>([]);
  const [interviews, setInterviews] = useState<Option[]>([]);
  useEffect(() => {
    let live = true;
    api.interviews_list({ filter: { page: { offset: 0, limit: RECENT_INTERVIEWS } } }).then(
      (p) => live && setInterviews(p.items.map((i) => ({ id: i.id, label: i.title }))),
      () => undefined,
    );
    api
      .roadmaps_list()
      .then((rs) => Promise.all(rs.map((r) => api.roadmaps_get({ id: r.id }))))
      .then(
        (rs) => live && setDeliverables(rs.flatMap((r) => r.rows.flatMap((w) => w.deliverables.map((d) => ({ id: d.id, label: `${r.title} · ${w.project} · ${d.title}` }))))),
        () => undefined,
      );
    return () => {
      live = false;
    };
  }, [api]);
  return { deliverables, interviews };
}

/** A select of `options`, keeping the linked one even when it is not among them. */
function LinkSelect({ a, value, current, options, onChange }: { a: object; value: string; current: Option | null; options: Option[]; onChange: (v: string) => void }) {
  const all = current && current.id && !options.some((o) => o.id === current.id) ? [current, ...options] : options;
  return (
    <select {...a} value={value} onChange={(e) => onChange(e.target.value)}>
      <option value="">—</option>
      {all.map((o) => (
        <option key={o.id} value={o.id}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

interface FieldsProps {
  api: Api;
  form: Form<Values>;
  title: string;
  /** The follow-up being edited (its current links stay offered). */
  followUp?: FollowUp;
  saveLabel: string;
  onSubmit: () => void;
  onKeyDown?: (e: React.KeyboardEvent) => void;
  onClose?: () => void;
  children?: React.ReactNode;
}

/** The follow-up's fields; the core's errors show at them. */
function FollowUpFields({ api, form, title, followUp, saveLabel, onSubmit, onKeyDown, onClose, children }: FieldsProps) {
  const { deliverables, interviews } = useLinks(api);
  const v = form.values;
  const set = form.set;
  return (
    <form
      className="card form followup-form"
      aria-labelledby="followup-form-title"
      data-testid="followup-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
      onKeyDown={onKeyDown}
    >
      <h2 id="followup-form-title">{title}</h2>
      <DraftKept form={form} />
      <ErrorBanner message={form.general} />
      <div className="followup-grid">
        <Field id="followup-person_id" label="Person" error={form.errors.person_id}>
          {(a) =>
            v.person ? (
              <span className="picked" data-testid="followup-person-picked">
                {v.person.name}
                <button type="button" className="link" aria-label={`Change from ${v.person.name}`} onClick={() => set("person", null)}>
                  ×
                </button>
              </span>
            ) : (
              <PersonPicker api={api} {...a} value={null} onChange={(p) => p && set("person", { id: p.id, name: p.name })} placeholder="Type a name" />
            )
          }
        </Field>
        <Field id="followup-due_on" label="Due" error={form.errors.due_on}>
          {(a) => <input {...a} type="date" value={v.due_on} onChange={(e) => set("due_on", e.target.value)} />}
        </Field>
      </div>
      <Field id="followup-reason" label="Reason" error={form.errors.reason} hint="What you want to learn from them.">
        {(a) => <input {...a} value={v.reason} onChange={(e) => set("reason", e.target.value)} autoComplete="off" />}
      </Field>
      <div className="followup-grid links">
        <Field id="followup-deliverable_id" label="About a deliverable" error={form.errors.deliverable_id}>
          {(a) => (
            <LinkSelect
              a={a}
              value={v.deliverable_id}
              options={deliverables}
              current={followUp?.deliverable_id ? { id: followUp.deliverable_id, label: followUp.deliverable_title ?? "" } : null}
              onChange={(x) => set("deliverable_id", x)}
            />
          )}
        </Field>
        <Field id="followup-interview_id" label="About an interview" error={form.errors.interview_id}>
          {(a) => (
            <LinkSelect
              a={a}
              value={v.interview_id}
              options={interviews}
              current={followUp?.interview_id ? { id: followUp.interview_id, label: followUp.interview_title ?? "" } : null}
              onChange={(x) => set("interview_id", x)}
            />
          )}
        </Field>
        <Field id="followup-release" label="Release" error={form.errors.release}>
          {(a) => <input {...a} value={v.release} onChange={(e) => set("release", e.target.value)} placeholder="e.g. CI v2.3" autoComplete="off" />}
        </Field>
      </div>
      <div className="actions">
        <button className="primary" type="submit" data-testid="followup-save" disabled={form.saving}>
          {saveLabel}
        </button>
        {onClose && (
          <button type="button" onClick={onClose}>
            Cancel
          </button>
        )}
      </div>
      {children}
    </form>
  );
}

/** A new follow-up. `preset` (from "Follow up" in the not-contacted list) picks the person;
 * the rest of what was typed stays. The parent remounts it (a new `key`) after each one added. */
export function NewFollowUp({ api, today, preset, onCreated }: { api: Api; today: string; preset: { person: Who; n: number } | null; onCreated: () => void }) {
  const form = useForm<Values>(emptyValues(today), "followup", "followup.new");
  const [applied, setApplied] = useState(0);
  // A person picked in the not-contacted list, applied once (state derived while rendering);
  // then the reason is next to write.
  if (preset && preset.n !== applied) {
    setApplied(preset.n);
    form.set("person", preset.person);
  }
  useEffect(() => {
    if (!applied) return;
    const el = document.getElementById("followup-reason");
    el?.scrollIntoView?.({ block: "center" });
    el?.focus();
  }, [applied]);
  // Once saved, the draft is gone and the parent starts a fresh form (a new `key`).
  const save = async () => {
    if (await form.submit(async (v) => void (await api.followups_create({ input: inputOf(v) })))) onCreated();
  };
  return <FollowUpFields api={api} form={form} title="New follow-up" saveLabel="Add follow-up" onSubmit={() => void save()} />;
}

const FIELDS = [
  { key: "person", label: "Person" },
  { key: "reason", label: "Reason" },
  { key: "due_on", label: "Due" },
  { key: "deliverable", label: "Deliverable" },
  { key: "interview", label: "Interview" },
  { key: "release", label: "Release" },
];

/** Edits an open follow-up from its version; a stale edit shows both versions. */
export function EditFollowUp({ api, followUp, onSaved, onClose }: { api: Api; followUp: FollowUp; onSaved: (f: FollowUp) => void; onClose: () => void }) {
  /** How the conflict dialog compares: names and titles, not ids. */
  const compare = (x: Values, f: FollowUp | null) => ({
    ...x,
    person: x.person?.name ?? "",
    deliverable: x.deliverable_id ? (f?.deliverable_id === x.deliverable_id ? f.deliverable_title : x.deliverable_id === followUp.deliverable_id ? followUp.deliverable_title : "(another deliverable)") : "",
    interview: x.interview_id ? (f?.interview_id === x.interview_id ? f.interview_title : x.interview_id === followUp.interview_id ? followUp.interview_title : "(another interview)") : "",
  });
  const edit = useEditForm<Values, FollowUp>({
    initial: valuesOf(followUp),
    idPrefix: "followup",
    draftKey: `followup.${followUp.id}`,
    version: followUp.version,
    save: async (x, version) => onSaved(await api.followups_update({ id: followUp.id, version, input: inputOf(x) })),
    valuesOf,
    what: "follow-up",
    fields: FIELDS,
    compare,
    onClose,
  });
  // The form opens above a long list: bring it into view, ready to type.
  useEffect(() => {
    const el = document.getElementById("followup-reason");
    el?.scrollIntoView?.({ block: "center" });
    el?.focus();
  }, []);
  return (
    <FollowUpFields
      api={api}
      form={edit.form}
      title={`Edit follow-up with ${followUp.person_name}`}
      followUp={followUp}
      saveLabel="Save changes"
      onSubmit={() => void edit.submit()}
      onKeyDown={edit.onKeyDown}
      onClose={() => void edit.close()}
    >
      {edit.dialog}
    </FollowUpFields>
  );
}
