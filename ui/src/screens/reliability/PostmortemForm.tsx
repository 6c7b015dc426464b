import type { IncidentSeverity } from "../../bindings/IncidentSeverity";
import type { Postmortem } from "../../bindings/Postmortem";
import type { PostmortemInput } from "../../bindings/PostmortemInput";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { fromLocalInput, toLocalInput } from "../../lib/dates";
import { useCall } from "../../lib/hooks";
import { byteToIndex } from "../../lib/spans";
import { MarkedText } from "../../components/LintView";
import { useStaleEdit } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { useForm } from "../../kit/useForm";
import { useBlame } from "./useBlame";

export const SEVERITY_LABELS: Record<IncidentSeverity, string> = {
  sev1: "SEV-1",
  sev2: "SEV-2",
  sev3: "SEV-3",
  sev4: "SEV-4",
};

type Section = "summary" | "impact_users" | "contributing_factors" | "went_well" | "went_wrong" | "got_lucky" | "lessons";

const SECTIONS: { key: Section; label: string; hint: string }[] = [
  { key: "summary", label: "Summary", hint: "What happened, in two or three sentences" },
  { key: "impact_users", label: "Impact on users", hint: "Who was affected, how, and for how long" },
  { key: "contributing_factors", label: "Contributing factors", hint: "What in the system, tooling and process made it possible" },
  { key: "went_well", label: "What went well", hint: "" },
  { key: "went_wrong", label: "What went wrong", hint: "" },
  { key: "got_lucky", label: "Where we got lucky", hint: "" },
  { key: "lessons", label: "Lessons", hint: "" },
];

/** The form's values: the core's input with times as the datetime-local inputs show them. */
type Values = PostmortemInput;

const local = (iso: string) => (iso ? toLocalInput(iso) : "");
const utc = (l: string) => (l ? fromLocalInput(l) || l : "");

const valuesOf = (p: Postmortem): Values => ({
  ...p.form,
  started_at: local(p.form.started_at),
  ended_at: local(p.form.ended_at),
  timeline: p.form.timeline.map((e) => ({ at: local(e.at), text: e.text })),
});

const EMPTY: Values = {
  title: "",
  service_id: null,
  slo_id: null,
  severity: "sev2",
  started_at: "",
  ended_at: "",
  summary: "",
  impact_users: "",
  contributing_factors: "",
  went_well: "",
  went_wrong: "",
  got_lucky: "",
  lessons: "",
  budget_consumed: "",
  timeline: [],
};

const FIELDS = [{ key: "title", label: "Title" }, ...SECTIONS.map((s) => ({ key: s.key, label: s.label }))];

/** The sentence of `text` around the JS indices [a, b), for a rewrite to replace. */
function sentenceAround(text: string, a: number, b: number): [number, number] {
  let s = a;
  while (s > 0 && !/[.!?\n]/.test(text[s - 1]!)) s--;
  while (s < a && text[s] === " ") s++;
  let e = b;
  while (e < text.length && !/[.!?\n]/.test(text[e]!)) e++;
  if (e < text.length && text[e] !== "\n") e++;
  return [s, e];
}

/** Blaming phrases in one section, marked, each with a system-focused rewrite. */
function BlameNotes({ api, text, onRewrite, testId }: { api: Api; text: string; onRewrite: (next: string) => void; testId: string }) {
  const findings = useBlame(api, text);
  if (findings.length === 0) return null;
  return (
    <div className="lint leads rel-blame" data-testid={testId} aria-live="polite">
      <p className="lint-text">
        <MarkedText text={text} findings={findings} />
      </p>
      <ul>
        {findings.map((f, i) => {
          const [s, e] = sentenceAround(text, byteToIndex(text, f.span.start), byteToIndex(text, f.span.end));
          return (
            <li key={i} data-testid="blame-flag">
              <q>{f.trigger}</q> — {f.explanation}{" "}
              <span className="block">
                <span className="muted">Try:</span> <em>{f.suggestion}</em>{" "}
                <button type="button" className="link" onClick={() => onRewrite(text.slice(0, s) + f.suggestion + text.slice(e))} data-testid="blame-rewrite">
                  Use this rewrite
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </div>
  );
}

/** Writes or edits a postmortem from the blameless template: sections, timeline, the
 * incident's times and the SLO whose budget it used. Blaming language is flagged as it is
 * typed, with a rewrite. */
export function PostmortemForm({ api, postmortem, onSaved, onClose }: { api: Api; postmortem: Postmortem | null; onSaved: (p: Postmortem) => void; onClose: () => void }) {
  const form = useForm<Values>(postmortem ? valuesOf(postmortem) : EMPTY, "pm", postmortem ? `postmortem.${postmortem.id}` : "postmortem.new");
  const edit = useStaleEdit<Postmortem>(postmortem?.version ?? 0, {
    what: "postmortem",
    fields: FIELDS,
    mine: () => v,
    theirs: (c) => valuesOf(c),
    save: (from): void => void save(from),
    take: (c) => form.replace(valuesOf(c)),
  });
  const confirm = useConfirm();
  const services = useCall(() => api.services_list(), [api]);
  const v = form.values;
  const slos = useCall(() => (v.service_id ? api.slos_list({ service_id: v.service_id }) : Promise.resolve([])), [api, v.service_id]);
  const save = (from = edit.version) =>
    form.submit(
      async (x) => {
        const input: PostmortemInput = {
          ...x,
          started_at: utc(x.started_at),
          ended_at: utc(x.ended_at),
          timeline: x.timeline.map((e) => ({ at: utc(e.at), text: e.text })),
        };
        const saved = postmortem ? await api.postmortems_update({ id: postmortem.id, version: from, input }) : await api.postmortems_create({ input });
        edit.saved(saved.version);
        onSaved(saved);
      },
      { onConflict: (e: IpcError) => edit.stale(e.current as Postmortem) },
    );
  const close = async () => {
    if (!form.dirty || (await confirm({ title: "Discard your changes?", body: "What you typed in this postmortem will be lost.", confirmLabel: "Discard", danger: true }))) {
      form.discard();
      onClose();
    }
  };
  const setEntry = (i: number, patch: Partial<Values["timeline"][number]>) => form.set("timeline", v.timeline.map((e, j) => (j === i ? { ...e, ...patch } : e)));
  return (
    <form
      className="card form"
      aria-labelledby="pm-form-title"
      data-testid="postmortem-form"
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
      <h2 id="pm-form-title">{postmortem ? "Postmortem" : "New postmortem"}</h2>
      <p className="muted small">Blameless: write about what in the system made the incident possible, not who. Phrases that blame a person are flagged as you type.</p>
      {form.restored && (
        <p className="banner info" role="status">
          Your unsaved changes from before were kept.{" "}
          <button type="button" className="link" onClick={form.discard}>
            Discard them
          </button>
        </p>
      )}
      <ErrorBanner message={form.general} />
      <Field id="pm-title" label="Title" error={form.errors.title}>
        {(a) => <input {...a} value={v.title} onChange={(e) => form.set("title", e.target.value)} autoFocus={!postmortem} />}
      </Field>
      <div className="grid3 rel-pm-grid">
        <Field id="pm-severity" label="Severity" error={form.errors.severity} hint="Sets action items' default due dates">
          {(a) => (
            <select {...a} value={v.severity} onChange={(e) => form.set("severity", e.target.value as IncidentSeverity)}>
              {(Object.keys(SEVERITY_LABELS) as IncidentSeverity[]).map((s) => (
                <option key={s} value={s}>
                  {SEVERITY_LABELS[s]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="pm-started_at" label="Started" error={form.errors.started_at}>
          {(a) => <input {...a} type="datetime-local" value={v.started_at} onChange={(e) => form.set("started_at", e.target.value)} />}
        </Field>
        <Field id="pm-ended_at" label="Ended" error={form.errors.ended_at} hint="Empty while it goes on">
          {(a) => <input {...a} type="datetime-local" value={v.ended_at} onChange={(e) => form.set("ended_at", e.target.value)} />}
        </Field>
      </div>
      <div className="grid3 rel-pm-grid">
        <Field id="pm-service_id" label="Service" error={form.errors.service_id}>
          {(a) => (
            <select
              {...a}
              value={v.service_id ?? ""}
              onChange={(e) => form.replace({ ...v, service_id: e.target.value || null, slo_id: null })}
            >
              <option value="">None</option>
              {services.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.display_name ?? s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="pm-slo_id" label="SLO whose budget it used" error={form.errors.slo_id}>
          {(a) => (
            <select {...a} value={v.slo_id ?? ""} onChange={(e) => form.set("slo_id", e.target.value || null)} disabled={!v.service_id}>
              <option value="">None</option>
              {slos.data?.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="pm-budget_consumed" label="Budget used" error={form.errors.budget_consumed} hint="e.g. 25%; empty to take it from the SLO's readings">
          {(a) => <input {...a} value={v.budget_consumed} onChange={(e) => form.set("budget_consumed", e.target.value)} inputMode="decimal" />}
        </Field>
      </div>
      <BlameNotes api={api} text={v.title} onRewrite={(t) => form.set("title", t)} testId="blame-title" />
      {SECTIONS.map((s) => (
        <div key={s.key}>
          <Field id={`pm-${s.key}`} label={s.label} hint={s.hint || undefined} error={form.errors[s.key]}>
            {(a) => <textarea {...a} rows={s.key === "summary" || s.key === "contributing_factors" ? 3 : 2} value={v[s.key]} onChange={(e) => form.set(s.key, e.target.value)} />}
          </Field>
          <BlameNotes api={api} text={v[s.key]} onRewrite={(t) => form.set(s.key, t)} testId={`blame-${s.key}`} />
        </div>
      ))}
      <fieldset>
        <legend>Timeline</legend>
        {form.errors.timeline && <p className="field-error" role="alert">{form.errors.timeline}</p>}
        <ol className="rel-timeline">
          {v.timeline.map((e, i) => (
            <li key={i}>
              <div className="rel-timeline-row">
                <input type="datetime-local" aria-label={`Entry ${i + 1} time`} id={`pm-timeline.${i}`} value={e.at} onChange={(ev) => setEntry(i, { at: ev.target.value })} />
                <input aria-label={`Entry ${i + 1} text`} value={e.text} onChange={(ev) => setEntry(i, { text: ev.target.value })} placeholder="What happened" />
                <button type="button" className="link" onClick={() => form.set("timeline", v.timeline.filter((_, j) => j !== i))}>
                  Remove
                </button>
              </div>
              {form.errors[`timeline.${i}`] && <small className="field-error" role="alert">{form.errors[`timeline.${i}`]}</small>}
              <BlameNotes api={api} text={e.text} onRewrite={(t) => setEntry(i, { text: t })} testId={`blame-timeline-${i}`} />
            </li>
          ))}
        </ol>
        <button type="button" data-testid="timeline-add" onClick={() => form.set("timeline", [...v.timeline, { at: v.timeline[v.timeline.length - 1]?.at ?? v.started_at, text: "" }])}>
          Add a timeline entry
        </button>
      </fieldset>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="postmortem-save">
          {postmortem ? "Save postmortem" : "Create postmortem"}
        </button>
        <button type="button" onClick={() => void close()}>
          {postmortem ? "Discard changes" : "Cancel"}
        </button>
      </div>
      {edit.dialog()}
    </form>
  );
}
