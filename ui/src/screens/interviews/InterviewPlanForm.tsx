import { useEffect, useRef, useState } from "react";
import type { GuideSummary } from "../../bindings/GuideSummary";
import type { Interview } from "../../bindings/Interview";
import type { Person } from "../../bindings/Person";
import { Field } from "../../kit/Field";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { ROLE_LABELS } from "../../lib/labels";
import { ErrorBanner } from "../../kit/ErrorBanner";

/** `YYYY-MM-DDTHH:MM` in local time, for <input type="datetime-local">. */
function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

function nextHour(): Date {
  const d = new Date();
  d.setHours(d.getHours() + 1, 0, 0, 0);
  return d;
}

interface Props {
  api: Api;
  onPlanned: (i: Interview) => void;
  onCancel: () => void;
}

/** Plan an interview. Every rule (two interviewees at most, leads apart from ICs) is the core's;
 * its errors are shown at the field, and its warning asks for an acknowledgement. */
export function InterviewPlanForm({ api, onPlanned, onCancel }: Props) {
  const [people, setPeople] = useState<Person[]>([]);
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [title, setTitle] = useState("");
  const [topic, setTopic] = useState("");
  const [when, setWhen] = useState(() => localInputValue(nextHour()));
  const [minutes, setMinutes] = useState("30");
  const [chosen, setChosen] = useState<string[]>([]);
  const [noteTaker, setNoteTaker] = useState("");
  const [guide, setGuide] = useState("");
  const [warning, setWarning] = useState<string | null>(null);
  const [ack, setAck] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
    api.people_list({ filter: { include_archived: false } }).then((p) => setPeople(p.items), () => setPeople([]));
    api.guides_list().then(setGuides, () => setGuides([]));
  }, [api]);

  const toggle = (id: string) => {
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
    setErrors({});
    setWarning(null);
    setAck(false);
  };

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setGeneral(null);
    const start = new Date(when);
    try {
      const planned = await api.interviews_plan({ input: {
        title,
        topic,
        scheduled_at: Number.isNaN(start.getTime()) ? when : start.toISOString(),
        duration_minutes: Math.round(Number(minutes)),
        interviewee_ids: chosen,
        note_taker_id: noteTaker || null,
        guide_id: guide || null,
        acknowledge_mixed_roles: ack,
      } });
      onPlanned(planned);
    } catch (err) {
      if (err instanceof IpcError && err.code === "needs_ack") {
        setWarning(err.message);
        setErrors({});
      } else if (err instanceof IpcError && err.field) {
        setErrors({ [err.field]: err.message });
      } else {
        setGeneral(err instanceof Error ? err.message : String(err));
      }
    } finally {
      setSaving(false);
    }
  };

  return (
    <form className="card form" onSubmit={submit} onKeyDown={(e) => e.key === "Escape" && onCancel()} noValidate>
      <h2>Plan an interview</h2>
      <ErrorBanner message={general} />
      <div className="grid2">
        <Field id="interview-title" label="Title" error={errors.title}>
          {(a) => <input {...a} ref={titleRef} value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="interview-topic" label="Topic" error={errors.topic} hint="e.g. ci, deploys, on-call">
          {(a) => <input {...a} value={topic} onChange={(e) => setTopic(e.target.value)} autoComplete="off" />}
        </Field>
        <Field id="interview-scheduled_at" label="Starts" error={errors.scheduled_at}>
          {(a) => <input {...a} type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} />}
        </Field>
        <Field id="interview-duration_minutes" label="Minutes" error={errors.duration_minutes} hint="30 is the norm.">
          {(a) => <input {...a} type="number" min={1} max={240} value={minutes} onChange={(e) => setMinutes(e.target.value)} />}
        </Field>
      </div>
      <fieldset
        className={errors.interviewees ? "field people-pick has-error" : "field people-pick"}
        aria-describedby={errors.interviewees ? "interview-interviewees-error" : undefined}
      >
        <legend>Interviewees — one or two ({chosen.length} picked)</legend>
        {people.length === 0 && <p className="muted">Add people first, in People.</p>}
        <div className="pick-grid">
          {people.map((p) => (
            <label key={p.id} className="inline">
              <input type="checkbox" data-pick={p.name} checked={chosen.includes(p.id)} onChange={() => toggle(p.id)} />
              {p.name} <span className={`role role-${p.role}`}>{ROLE_LABELS[p.role]}</span>
            </label>
          ))}
        </div>
        {errors.interviewees && (
          <small id="interview-interviewees-error" className="field-error" role="alert" data-error-for="interview-interviewees">
            {errors.interviewees}
          </small>
        )}
      </fieldset>
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
        <Field id="interview-note_taker_id" label="Note-taker (optional)" error={errors.note_taker_id}>
          {(a) => (
            <select {...a} value={noteTaker} onChange={(e) => setNoteTaker(e.target.value)}>
              <option value="">Nobody — I take my own notes</option>
              {people
                .filter((p) => !chosen.includes(p.id))
                .map((p) => (
                  <option key={p.id} value={p.id}>
                    {p.name}
                  </option>
                ))}
            </select>
          )}
        </Field>
        <Field id="interview-guide_id" label="Guide (optional)" error={errors.guide_id}>
          {(a) => (
            <select {...a} value={guide} onChange={(e) => setGuide(e.target.value)}>
              <option value="">No guide</option>
              {guides.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.title} ({g.question_count} questions, {g.total_minutes} min)
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <div className="actions">
        <button type="submit" className="primary" disabled={saving} data-testid="interview-save">
          Plan interview
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
