import { useEffect, useState } from "react";
import type { FollowUp } from "../../bindings/FollowUp";
import type { FollowUpFilter } from "../../bindings/FollowUpFilter";
import type { Person } from "../../bindings/Person";
import { CsvTools } from "../../components/CsvTools";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import { useToasts } from "../../kit/Toasts";
import { VirtualList } from "../../kit/VirtualList";
import { day } from "../../lib/dates";
import { useCall, usePagedList } from "../../lib/hooks";
import type { Api } from "../../lib/ipc";
import { plural } from "../../lib/labels";
import type { Go, ScreenProps } from "../../lib/routes";
import { EditFollowUp, NewFollowUp, type Who } from "./FollowUpForm";
import { loadedOne, useShiftKey } from "./paged";
import "./followups.css";

const STATE_LABEL = { upcoming: "upcoming", "due-today": "due today", overdue: "overdue", done: "done" } as const;
const SHOW: { id: FollowUpFilter; label: string }[] = [
  { id: "open", label: "Open" },
  { id: "done", label: "Done" },
  { id: "all", label: "All" },
];

/** "Done" needs what was heard; the core refuses it without. */
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
      <textarea
        aria-label={`Outcome with ${f.person_name}`}
        data-testid="followup-outcome"
        rows={2}
        placeholder="What did you hear?"
        autoFocus
        value={outcome}
        onChange={(e) => setOutcome(e.target.value)}
      />
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

/** How many people the not-contacted list shows at first, and adds per "Show more". */
const STALE_PAGE = 50;

/** Who has not been talked with for N weeks, core users first. `changes` moves whenever follow-ups
 * change, so a completed one takes its person off the list. */
function NotContacted({ api, changes, onFollowUp }: { api: Api; changes: number; onFollowUp: (p: Person) => void }) {
  const [limit, setLimit] = useState(STALE_PAGE);
  // Loads can overlap (a follow-up changed, "Show more"); useCall shows only the latest answer.
  const call = useCall(() => api.followups_not_contacted({ limit }), [api, limit, changes]);
  const data = call.data;
  // What is typed in the weeks field until it is saved; otherwise the stored setting.
  const [typed, setTyped] = useState<string | null>(null);
  const weeks = typed ?? (data ? String(data.weeks) : "");
  const [saveError, setSaveError] = useState<string | null>(null);
  const error = saveError ?? call.error;
  const save = async () => {
    if (data && weeks === String(data.weeks)) return setSaveError(null);
    try {
      await api.followups_set_contact_weeks({ weeks: Number(weeks) || 0 });
      setSaveError(null);
      await call.reload();
      setTyped(null);
    } catch (e) {
      setSaveError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="card not-contacted" aria-labelledby="stale-title" data-testid="not-contacted">
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
          aria-invalid={Boolean(error)}
          onChange={(e) => setTyped(e.target.value)}
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
      <ul className="entry-list stale-list">
        {data?.people.map((c) => (
          <li key={c.person.id} data-stale={c.person.name}>
            <span className="stale-who">
              <strong>{c.person.name}</strong>
              {c.person.core_user && <span className="badge">core user</span>}
              <span className="muted small">
                {" "}
                {c.last_contact ? `last ${c.via} ${day(c.last_contact)} (${plural(c.days_since ?? 0, "day")} ago)` : "never contacted"}
                {c.person.team && ` · ${c.person.team}`}
              </span>
            </span>
            <button onClick={() => onFollowUp(c.person)} aria-label={`Follow up with ${c.person.name}`}>
              Follow up
            </button>
          </li>
        ))}
      </ul>
      {data && data.total > data.people.length && (
        <p className="small">
          <span className="muted">
            {data.people.length} of {data.total}.{" "}
          </span>
          <button className="link" data-testid="stale-more" onClick={() => setLimit((l) => l + STALE_PAGE)}>
            Show {Math.min(STALE_PAGE, data.total - data.people.length)} more
          </button>
        </p>
      )}
    </section>
  );
}

interface RowProps {
  api: Api;
  f: FollowUp;
  go: Go;
  refresh: () => void;
  onError: (m: string) => void;
}

/** One follow-up in the list: who, why, what about, when, and what to do with it. */
function Row({ api, f, go, refresh, onError }: RowProps) {
  const toasts = useToasts();
  const act = (p: Promise<unknown>) => p.then(refresh, (e: Error) => onError(e.message));
  const remove = async () => {
    try {
      const entry = await api.followups_delete({ id: f.id });
      refresh();
      toasts.deleted(entry, refresh);
    } catch (e) {
      onError((e as Error).message);
    }
  };
  return (
    <div className={`followup-row${f.done_on ? " done" : ""}`} data-followup-id={f.id} data-followup={f.person_name} data-due={f.due_on}>
      <div className="fu-who">
        <a className="name" href={`#/people/${encodeURIComponent(f.person_id)}`} data-testid="followup-person">
          {f.person_name}
        </a>
        {f.core_user && <span className="badge">core user</span>}
      </div>
      <div className="fu-why">
        <div className="fu-reason">{f.reason}</div>
        {(f.deliverable_title || f.interview_title || f.release) && (
          <div className="fu-about small">
            {f.deliverable_title && (
              <button className="link" onClick={() => f.roadmap_id && go("roadmaps", f.roadmap_id, f.deliverable_id)}>
                {f.deliverable_title}
              </button>
            )}
            {f.interview_title && (
              <button className="link" onClick={() => go("interviews", f.interview_id)}>
                {f.interview_title}
              </button>
            )}
            {f.release && <span className="badge muted">{f.release}</span>}
          </div>
        )}
        {f.done_on && <p className="small fu-outcome">{f.outcome}</p>}
      </div>
      <div className="fu-due">
        <span className="nowrap">{day(f.due_on)}</span>
        <span className={`badge ${f.state === "overdue" ? "warn" : f.state === "done" ? "muted" : ""}`} data-testid="followup-state">
          {f.state === "overdue" ? `${f.days_overdue}d overdue` : f.done_on ? `done ${day(f.done_on)}` : STATE_LABEL[f.state]}
        </span>
      </div>
      <div className="fu-actions">
        {f.done_on ? (
          <button onClick={() => void act(api.followups_reopen({ id: f.id }))}>Reopen</button>
        ) : (
          <>
            <Complete api={api} f={f} onDone={refresh} />
            <button data-testid="followup-edit" aria-label={`Edit follow-up with ${f.person_name}`} onClick={() => go("followups", `${f.id}/edit`)}>
              Edit
            </button>
          </>
        )}
        <button className="danger-text" data-testid="followup-delete" aria-label={`Delete follow-up with ${f.person_name}`} onClick={() => void remove()}>
          Delete
        </button>
      </div>
    </div>
  );
}

/** Follow-ups with users: due, overdue and done ones (a long list, read a page at a time), a
 * form, and who has not been contacted lately. `param`: `<id>` highlights one (Today links
 * there), `<id>/edit` opens its form; `?focus=<id>` highlights too. */
export function FollowUpsScreen({ api, param, focus, go }: ScreenProps) {
  const [id, sub] = (param ?? "").split("/");
  const editId = id && sub === "edit" ? id : null;
  const highlight = (id && sub !== "edit" ? id : null) ?? focus;
  const [show, setShow] = useState<FollowUpFilter>(highlight ? "all" : "open");
  const [preset, setPreset] = useState<{ person: Who; n: number } | null>(null);
  const [created, setCreated] = useState(0);
  const [changes, setChanges] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const today = useCall(() => api.today_date(), [api]);
  const list = usePagedList((page) => api.followups_list({ query: { show, page } }), [api, show]);

  const refresh = () => {
    list.reload();
    setChanges((c) => c + 1);
  };
  const editing = editId ? loadedOne(list, editId) : undefined;
  const listKey = useShiftKey(list);

  // Move keyboard focus to the highlighted follow-up once its row is on screen.
  useEffect(() => {
    if (!highlight || !list.loaded) return;
    let tries = 0;
    let timer = 0;
    const attempt = () => {
      const row = document.querySelector<HTMLElement>(`[data-followup-id="${highlight}"]`)?.closest<HTMLElement>(".vrow");
      if (row) row.focus();
      else if (tries++ < 30) timer = window.setTimeout(attempt, 100);
    };
    timer = window.setTimeout(attempt, 50);
    return () => window.clearTimeout(timer);
  }, [highlight, list.loaded]);

  return (
    <section className="page followups">
      <PageHeader title="Follow-ups" lede="After a release or a milestone, go back to the people it was for. Ask what they did with it." />
      <ErrorBanner message={error ?? list.error} />
      <div className="followups-top">
        {editId ? (
          editing ? (
            <EditFollowUp
              key={editing.id}
              api={api}
              followUp={editing}
              onSaved={(f) => {
                refresh();
                go("followups", null, f.id);
              }}
              onClose={() => go("followups", null, editId)}
            />
          ) : (
            <p className="muted card">{list.loaded ? "This follow-up is not in the list; pick it below." : "Loading…"}</p>
          )
        ) : (
          today.data !== undefined && (
            <NewFollowUp
              key={created}
              api={api}
              today={today.data}
              preset={preset}
              onCreated={() => {
                setPreset(null);
                setCreated((n) => n + 1);
                refresh();
              }}
            />
          )
        )}
        <NotContacted
          api={api}
          changes={changes}
          onFollowUp={(p) => {
            if (editId) go("followups");
            setPreset((x) => ({ person: { id: p.id, name: p.name }, n: (x?.n ?? 0) + 1 }));
          }}
        />
      </div>
      <div className="toolbar">
        <div className="tabs" role="tablist" aria-label="Which follow-ups">
          {SHOW.map((s) => (
            <button key={s.id} role="tab" aria-selected={show === s.id} data-testid={`followups-${s.id}`} onClick={() => setShow(s.id)}>
              {s.label}
            </button>
          ))}
        </div>
        <span className="muted count" data-testid="followups-count">
          {list.loaded ? plural(list.total, "follow-up") : ""}
        </span>
      </div>
      {list.loaded && list.total === 0 ? (
        <p className="empty">{show === "done" ? "Nothing done yet." : "No follow-ups. Mark a roadmap deliverable done to be offered some."}</p>
      ) : (
        <VirtualList
          key={listKey}
          list={list}
          estimate={64}
          label="Follow-ups"
          testId="followup-list"
          keyOf={(f) => f.id}
          focusKey={highlight}
          onOpen={(f) => !f.done_on && go("followups", `${f.id}/edit`)}
          render={(f) => <Row api={api} f={f} go={go} refresh={refresh} onError={setError} />}
        />
      )}
      <CsvTools api={api} exports={["follow_ups"]} />
    </section>
  );
}
