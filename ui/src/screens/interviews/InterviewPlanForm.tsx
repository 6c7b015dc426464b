import { useEffect, useRef, useState } from "react";
import type { Interview } from "../../bindings/Interview";
import type { InterviewInput } from "../../bindings/InterviewInput";
import type { Person } from "../../bindings/Person";
import type { Api } from "../../lib/ipc";
import { dateTime, fromLocalInput, toLocalInput } from "../../lib/dates";
import { useCall } from "../../lib/hooks";
import { Field } from "../../kit/Field";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PersonPicker } from "../../kit/PersonPicker";
import { ConflictDialog } from "../../kit/Conflict";
import { useForm } from "../../kit/useForm";
import { useLeave, useVersion } from "./forms";

/** What the form holds. Keys are the core's field names, so editing a field clears its error. */
interface PlanValues {
  title: string;
  topic: string;
  /** `YYYY-MM-DDTHH:mm` in the user's zone. */
  scheduled_at: string;
  duration_minutes: string;
  interviewees: Person[];
  note_taker_id: Person | null;
  guide_id: string;
}

/** The start of the next hour, in the user's zone. */
function nextHour(): string {
  return `${toLocalInput(new Date(Date.now() + 3_600_000).toISOString()).slice(0, 13)}:00`;
}

function valuesOf(i: Interview | null): PlanValues {
  if (!i) {
    return { title: "", topic: "", scheduled_at: nextHour(), duration_minutes: "30", interviewees: [], note_taker_id: null, guide_id: "" };
  }
  return {
    title: i.title,
    topic: i.topic,
    scheduled_at: toLocalInput(i.scheduled_at),
    duration_minutes: String(i.duration_minutes),
    interviewees: i.interviewees,
    note_taker_id: i.note_taker,
    guide_id: i.guide_id ?? "",
  };
}

function inputOf(v: PlanValues, ack: boolean): InterviewInput {
  return {
    title: v.title,
    topic: v.topic,
    // An unreadable time goes to the core as typed, which says so at the field.
    scheduled_at: fromLocalInput(v.scheduled_at) || v.scheduled_at,
    duration_minutes: Math.round(Number(v.duration_minutes)) || 0,
    interviewee_ids: v.interviewees.map((p) => p.id),
    note_taker_id: v.note_taker_id?.id ?? null,
    guide_id: v.guide_id || null,
    acknowledge_mixed_roles: ack,
  };
}

const COMPARED = [
  { key: "title", label: "Title" },
  { key: "topic", label: "Topic" },
  { key: "when", label: "Starts" },
  { key: "minutes", label: "Minutes" },
  { key: "interviewees", label: "Interviewees" },
  { key: "note_taker", label: "Note-taker" },
  { key: "guide", label: "Guide" },
];

interface Props {
  api: Api;
  /** The interview being edited; `null` plans a new one. */
  interview: Interview | null;
  onSaved: (i: Interview) => void;
  onClose: () => void;
}

/** Plan or edit an interview. Every rule (one or two interviewees, leads apart from ICs) is the
 * core's: its errors are shown at the field, and its warning asks for an acknowledgement. What is
 * typed survives leaving the screen; a stale edit shows both versions. */
export function InterviewPlanForm({ api, interview, onSaved, onClose }: Props) {
  const form = useForm<PlanValues>(valuesOf(interview), "interview", interview ? `interview.${interview.id}` : "interview.new");
  const edit = useVersion<Interview>(interview?.version ?? 0);
  const [warning, setWarning] = useState<string | null>(null);
  const [ack, setAck] = useState(Boolean(interview?.mixed_roles_ack_at));
  const guides = useCall(() => api.guides_list(), [api]);
  const titleRef = useRef<HTMLInputElement>(null);
  useEffect(() => titleRef.current?.focus(), []);

  const v = form.values;
  const set = form.set;
  const setPeople = (people: Person[]) => {
    set("interviewees", people);
    // Other people: the core decides afresh whether they mix roles.
    setWarning(null);
    setAck(false);
  };
  const guideTitle = (gid: string) => guides.data?.find((g) => g.id === gid)?.title ?? (gid ? "(a guide)" : "");
  const shown = (x: PlanValues) => ({
    title: x.title,
    topic: x.topic,
    when: dateTime(fromLocalInput(x.scheduled_at)) || x.scheduled_at,
    minutes: x.duration_minutes,
    interviewees: x.interviewees.map((p) => p.name),
    note_taker: x.note_taker_id?.name ?? "",
    guide: guideTitle(x.guide_id),
  });

  const save = (from = edit.version) =>
    form.submit(
      async (values) => {
        const input = inputOf(values, ack);
        onSaved(interview ? await api.interviews_update({ id: interview.id, version: from, input }) : await api.interviews_plan({ input }));
      },
      { onAck: (e) => setWarning(e.message), onConflict: edit.onConflict },
    );

  const close = useLeave(form, "What you typed in this form", onClose);

  const chosen = v.interviewees.map((p) => p.id);
  const peopleError = form.errors.interviewees;
  return (
    <form
      className="card form plan-form"
      aria-labelledby="plan-form-title"
      data-testid="plan-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape") {
          e.preventDefault();
          void close();
        }
      }}
      noValidate
    >
      <h2 id="plan-form-title">{interview ? "Title, time, people and guide" : "Plan an interview"}</h2>
      {form.restored && (
        <p className="banner info" role="status" data-testid="plan-restored">
          Your unsaved changes from before were kept.{" "}
          <button type="button" className="link" onClick={form.discard}>
            Discard them
          </button>
        </p>
      )}
      <ErrorBanner message={form.general} />
      <div className="grid2">
        <Field id="interview-title" label="Title" error={form.errors.title}>
          {(a) => <input {...a} ref={titleRef} value={v.title} onChange={(e) => set("title", e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="interview-topic" label="Topic" error={form.errors.topic} hint="e.g. ci, deploys, on-call">
          {(a) => <input {...a} value={v.topic} onChange={(e) => set("topic", e.target.value)} autoComplete="off" />}
        </Field>
      </div>
      <div className="when-grid">
        <Field id="interview-scheduled_at" label="Starts" error={form.errors.scheduled_at}>
          {(a) => <input {...a} type="datetime-local" value={v.scheduled_at} onChange={(e) => set("scheduled_at", e.target.value)} />}
        </Field>
        <Field id="interview-duration_minutes" label="Minutes" error={form.errors.duration_minutes} hint="30 is the norm.">
          {(a) => (
            <input {...a} type="number" min={1} max={240} value={v.duration_minutes} onChange={(e) => set("duration_minutes", e.target.value)} />
          )}
        </Field>
      </div>
      {/* Not a kit Field: a refusal focuses the group of people (so its error is read out and no
          list of names opens over it), while the label names the box that adds one. */}
      <div className={peopleError ? "field has-error" : "field"}>
        <label htmlFor="interview-interviewee-add">Interviewees — one or two ({chosen.length} picked)</label>
        <div
          id="interview-interviewees"
          tabIndex={-1}
          className="people-picked"
          data-testid="interviewees"
          aria-describedby={peopleError ? "interview-interviewees-error" : "interview-interviewees-hint"}
        >
          {v.interviewees.map((p, i) => (
            <PersonPicker
              key={p.id}
              api={api}
              id={`interview-interviewee-${i}`}
              value={p}
              onChange={() => setPeople(v.interviewees.filter((x) => x.id !== p.id))}
            />
          ))}
          <span className="people-add">
            <PersonPicker
              api={api}
              id="interview-interviewee-add"
              aria-invalid={Boolean(peopleError)}
              aria-describedby={peopleError ? "interview-interviewees-error" : "interview-interviewees-hint"}
              value={null}
              onChange={(p) => p && setPeople([...v.interviewees, p])}
              exclude={[...chosen, ...(v.note_taker_id ? [v.note_taker_id.id] : [])]}
              placeholder={chosen.length ? "Add someone else — type a name" : "Type a name"}
            />
          </span>
        </div>
        {peopleError ? (
          <small id="interview-interviewees-error" className="field-error" role="alert" data-error-for="interview-interviewees">
            {peopleError}
          </small>
        ) : (
          <small id="interview-interviewees-hint" className="muted">
            Leads and managers are interviewed apart from ICs.
          </small>
        )}
      </div>
      {warning && (
        <div className="banner warn" role="alert" data-testid="mixed-warning">
          <p>{warning}</p>
          <label className="inline">
            <input type="checkbox" data-testid="ack-mixed" checked={ack} onChange={(e) => setAck(e.target.checked)} />
            I understand; plan it anyway
          </label>
        </div>
      )}
      <div className="grid2">
        <Field id="interview-note_taker_id" label="Note-taker (optional)" error={form.errors.note_taker_id}>
          {(a) => (
            <PersonPicker
              api={api}
              {...a}
              value={v.note_taker_id}
              onChange={(p) => set("note_taker_id", p)}
              exclude={chosen}
              placeholder="Nobody — I take my own notes"
            />
          )}
        </Field>
        <Field id="interview-guide_id" label="Guide (optional)" error={form.errors.guide_id ?? guides.error ?? undefined}>
          {(a) => (
            <select {...a} value={v.guide_id} onChange={(e) => set("guide_id", e.target.value)}>
              <option value="">No guide</option>
              {guides.data?.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title} ({g.question_count} questions, {g.total_minutes} min)
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={form.saving} data-testid="interview-save">
          {interview ? "Save changes" : "Plan interview"}
        </button>
        <button type="button" data-testid="interview-cancel" onClick={() => void close()}>
          Cancel
        </button>
      </div>
      {edit.stale && (
        <ConflictDialog
          what="interview"
          fields={COMPARED}
          mine={shown(v)}
          theirs={shown(valuesOf(edit.stale))}
          onKeepMine={() => {
            edit.resolve(edit.stale!);
            void save(edit.stale!.version);
          }}
          onTakeTheirs={() => {
            edit.resolve(edit.stale!);
            form.replace(valuesOf(edit.stale!));
            setAck(Boolean(edit.stale!.mixed_roles_ack_at));
          }}
          onCancel={edit.dismiss}
        />
      )}
    </form>
  );
}
