import { useCallback, useEffect, useRef, useState } from "react";
import type { FollowUp } from "../../bindings/FollowUp";
import type { FollowUpFilter } from "../../bindings/FollowUpFilter";
import type { InterviewSummary as Interview } from "../../bindings/InterviewSummary";
import type { Person } from "../../bindings/Person";
import type { NotContacted as NotContactedList } from "../../bindings/NotContacted";
import { CsvTools } from "../../components/CsvTools";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import type { AreaId, ScreenProps } from "../../lib/routes";

interface DeliverableOption {
  id: string;
  label: string;
}

const STATE_LABEL = { upcoming: "upcoming", "due-today": "due today", overdue: "overdue", done: "done" } as const;

/** A date `days` after `iso` (a `YYYY-MM-DD`), as `YYYY-MM-DD`. */
export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function FollowUpForm({ api, today, person, onCreated }: { api: Api; today: string; person: string; onCreated: () => void }) {
  const [people, setPeople] = useState<Person[]>([]);
  const [interviews, setInterviews] = useState<Interview[]>([]);
  const [deliverables, setDeliverables] = useState<DeliverableOption[]>([]);
  const [personId, setPersonId] = useState(person);
  const [reason, setReason] = useState("");
  const [due, setDue] = useState(addDays(today, 7));
  const [deliverable, setDeliverable] = useState("");
  const [interview, setInterview] = useState("");
  const [release, setRelease] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  useEffect(() => {
    api.people_list({ filter: { include_archived: false } }).then((ps) => setPeople([...ps.items].sort((a, b) => Number(b.core_user) - Number(a.core_user))), () => undefined);
    api.interviews_list({ filter: {} }).then((p) => setInterviews(p.items), () => undefined);
    api
      .roadmaps_list()
      .then((rs) => Promise.all(rs.map((r) => api.roadmaps_get({ id: r.id }))))
      .then(
        (rs) => setDeliverables(rs.flatMap((r) => r.rows.flatMap((w) => w.deliverables.map((d) => ({ id: d.id, label: `${r.title} · ${w.project} · ${d.title}` }))))),
        () => undefined,
      );
  }, [api]);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      await api.followups_create({ input: { person_id: personId, reason, due_on: due, deliverable_id: deliverable || null, interview_id: interview || null, release } });
      setErrors({});
      setGeneral(null);
      setReason("");
      setRelease("");
      onCreated();
    } catch (err) {
      if (err instanceof IpcError && err.field) setErrors({ [err.field]: err.message });
      else setGeneral(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <form className="card form" onSubmit={save} noValidate data-testid="followup-form">
      <h2>New follow-up</h2>
      <ErrorBanner message={general} />
      <div className="grid2">
        <Field id="followup-person_id" label="Person" error={errors.person_id}>
          {(a) => (
            <select {...a} value={personId} onChange={(e) => setPersonId(e.target.value)}>
              <option value="">Pick someone…</option>
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                  {p.core_user ? " ★ core user" : ""}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="followup-due_on" label="Due" error={errors.due_on}>
          {(a) => <input {...a} type="date" value={due} onChange={(e) => setDue(e.target.value)} />}
        </Field>
      </div>
      <Field id="followup-reason" label="Reason" error={errors.reason} hint="What you want to learn from them.">
        {(a) => <input {...a} value={reason} onChange={(e) => setReason(e.target.value)} autoComplete="off" />}
      </Field>
      <div className="grid3">
        <Field id="followup-deliverable_id" label="About a deliverable" error={errors.deliverable_id}>
          {(a) => (
            <select {...a} value={deliverable} onChange={(e) => setDeliverable(e.target.value)}>
              <option value="">—</option>
              {deliverables.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="followup-interview_id" label="About an interview" error={errors.interview_id}>
          {(a) => (
            <select {...a} value={interview} onChange={(e) => setInterview(e.target.value)}>
              <option value="">—</option>
              {interviews.map((i) => (
                <option key={i.id} value={i.id}>
                  {i.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="followup-release" label="Release" error={errors.release}>
          {(a) => <input {...a} value={release} onChange={(e) => setRelease(e.target.value)} placeholder="e.g. CI v2.3" autoComplete="off" />}
        </Field>
      </div>
      <button className="primary" type="submit" data-testid="followup-save">
        Add follow-up
      </button>
    </form>
  );
}

function Complete({ api, f, onDone }: { api: Api; f: FollowUp; onDone: () => void }) {
  const [open, setOpen] = useState(false);
  const [outcome, setOutcome] = useState(f.outcome);
  const [error, setError] = useState<string | null>(null);
  if (!open) {
    return (
      <button data-testid="followup-done" onClick={() => setOpen(true)}>
        Mark done…
      </button>
    );
  }
  return (
    <form
      className="outcome"
      onSubmit={async (e) => {
        e.preventDefault();
        try {
          await api.followups_complete({ id: f.id, outcome });
          onDone();
        } catch (err) {
          setError(err instanceof Error ? err.message : String(err));
        }
      }}
    >
      <textarea aria-label={`Outcome with ${f.person_name}`} data-testid="followup-outcome" rows={2} placeholder="What did you hear?" value={outcome} onChange={(e) => setOutcome(e.target.value)} />
      {error && (
        <small className="field-error" role="alert">
          {error}
        </small>
      )}
      <span className="actions">
        <button type="submit" className="primary" data-testid="followup-outcome-save">
          Done
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </span>
    </form>
  );
}

/** `version` changes whenever follow-ups change, so a completed one takes its person off the list. */
function NotContacted({ api, version, onFollowUp }: { api: Api; version: number; onFollowUp: (personId: string) => void }) {
  const [data, setData] = useState<NotContactedList | null>(null);
  const [weeks, setWeeks] = useState("");
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    () =>
      api.followups_not_contacted().then((d) => {
        setData(d);
        setWeeks(String(d.weeks));
      }, (e: Error) => setError(e.message)),
    [api],
  );
  useEffect(() => {
    void load();
  }, [load, version]);
  const save = async () => {
    try {
      await api.followups_set_contact_weeks({ weeks: Number(weeks) || 0 });
      setError(null);
      await load();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="card" aria-labelledby="stale-title" data-testid="not-contacted">
      <h2 id="stale-title" className="inline">
        Not contacted for
        <input
          aria-label="Weeks"
          data-testid="contact-weeks"
          type="number"
          min={1}
          max={52}
          className="weeks"
          value={weeks}
          onChange={(e) => setWeeks(e.target.value)}
          onBlur={() => void save()}
          onKeyDown={(e) => e.key === "Enter" && void save()}
        />
        weeks
      </h2>
      {error && (
        <small className="field-error" role="alert" data-error-for="contact-weeks">
          {error}
        </small>
      )}
      {data && data.people.length === 0 && <p className="muted small">Everyone has been contacted in the last {data.weeks} weeks.</p>}
      <ul className="entry-list">
        {data?.people.map((c) => (
          <li key={c.person.id} data-stale={c.person.name}>
            <span>
              <strong>{c.person.name}</strong>
              {c.person.core_user && <span className="badge">core user</span>}
              <span className="muted small">
                {" "}
                {c.last_contact ? `last ${c.via} ${c.last_contact} (${c.days_since} days ago)` : "never contacted"}
                {c.person.team && ` · ${c.person.team}`}
              </span>
            </span>
            <button onClick={() => onFollowUp(c.person.id)}>Follow up</button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Follow-ups with users: due, overdue and done ones, a form, and who has not been contacted lately. */
export function FollowUpsScreen({ api, param, focus: highlight, go }: ScreenProps) {
  const focus = param ?? highlight;
  const onNavigate = (area: AreaId, p?: string) => go(area, p);
  const [filter, setFilter] = useState<FollowUpFilter>(focus ? "all" : "open");
  const [list, setList] = useState<FollowUp[]>([]);
  const [today, setToday] = useState<string | null>(null);
  const [formFor, setFormFor] = useState<{ person: string; n: number }>({ person: "", n: 0 });
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  const focused = useRef(false);

  const reload = useCallback(
    () =>
      api.followups_list({ query: { show: filter } }).then(({ items: l }) => {
        setList(l);
        setVersion((v) => v + 1);
      }, (e: Error) => setError(e.message)),
    [api, filter],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    api.today_date().then(setToday, () => setToday(""));
  }, [api]);
  useEffect(() => {
    if (focus && !focused.current && list.some((f) => f.id === focus)) {
      focused.current = true;
      document.querySelector<HTMLElement>(`[data-followup-id="${focus}"]`)?.focus();
    }
  }, [focus, list]);

  const act = (p: Promise<unknown>) => p.then(() => reload(), (e: Error) => setError(e.message));

  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Follow-ups
        </h1>
      </header>
      <p className="muted lede">After a release or a milestone, go back to the people it was for. Ask what they did with it.</p>
      <ErrorBanner message={error} />
      <div className="sprint-cols">
        {today !== null && <FollowUpForm key={`${formFor.person}-${formFor.n}`} api={api} today={today} person={formFor.person} onCreated={() => void reload()} />}
        <NotContacted api={api} version={version} onFollowUp={(person) => setFormFor((f) => ({ person, n: f.n + 1 }))} />
      </div>
      <div className="tabs" role="tablist">
        {(["open", "done", "all"] as FollowUpFilter[]).map((f) => (
          <button key={f} role="tab" aria-selected={filter === f} data-testid={`followups-${f}`} onClick={() => setFilter(f)}>
            {{ open: "Open", done: "Done", all: "All" }[f]}
          </button>
        ))}
      </div>
      {list.length === 0 ? (
        <p className="empty">{filter === "done" ? "Nothing done yet." : "No follow-ups. Mark a roadmap deliverable done to be offered some."}</p>
      ) : (
        <table className="table" data-testid="followup-list">
          <thead>
            <tr>
              <th scope="col">Person</th>
              <th scope="col">Reason</th>
              <th scope="col">About</th>
              <th scope="col">Due</th>
              <th scope="col">Outcome</th>
            </tr>
          </thead>
          <tbody>
            {list.map((f) => (
              <tr key={f.id} data-followup-id={f.id} data-followup={f.person_name} tabIndex={-1} className={f.id === focus ? "focused" : undefined}>
                <td>
                  {f.person_name}
                  {f.core_user && <span className="badge">core user</span>}
                </td>
                <td>{f.reason}</td>
                <td className="small">
                  {f.deliverable_title && (
                    <button className="link" onClick={() => f.roadmap_id && onNavigate("roadmaps", f.roadmap_id)}>
                      {f.deliverable_title}
                    </button>
                  )}
                  {f.interview_title && (
                    <button className="link" onClick={() => onNavigate("interviews", f.interview_id!)}>
                      {f.interview_title}
                    </button>
                  )}
                  {f.release && <span className="badge muted">{f.release}</span>}
                </td>
                <td>
                  {f.due_on}
                  <span className={`badge ${f.state === "overdue" ? "warn" : f.state === "done" ? "muted" : ""}`} data-testid="followup-state">
                    {f.state === "overdue" ? `${f.days_overdue}d overdue` : f.done_on ? `done ${f.done_on}` : STATE_LABEL[f.state]}
                  </span>
                </td>
                <td>
                  {f.done_on ? (
                    <>
                      <p className="small">{f.outcome}</p>
                      <button className="link small" onClick={() => void act(api.followups_reopen({ id: f.id }))}>
                        Reopen
                      </button>
                    </>
                  ) : (
                    <span className="actions">
                      <Complete api={api} f={f} onDone={() => void reload()} />
                      <button aria-label={`Delete follow-up with ${f.person_name}`} onClick={() => window.confirm("Delete this follow-up?") && void act(api.followups_delete({ id: f.id }))}>
                        ×
                      </button>
                    </span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CsvTools api={api} exports={["follow_ups"]} />
    </section>
  );
}
