import { useState, type ReactNode } from "react";
import { useCall } from "../../lib/hooks";
import { dateTime, day } from "../../lib/dates";
import { ROLE_LABELS, plural } from "../../lib/labels";
import { pct } from "../../lib/numbers";
import type { Api } from "../../lib/ipc";
import type { Go } from "../../lib/routes";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import type { PersonProfile } from "../../bindings/PersonProfile";
import type { ProfileFollowUp } from "../../bindings/ProfileFollowUp";

const STATE_LABELS: Record<ProfileFollowUp["state"], string> = {
  upcoming: "upcoming",
  "due-today": "due today",
  overdue: "overdue",
  done: "done",
};

/** A section of the page: a heading with its count, the (bounded) items, or a line saying there are none. */
function Section({ id, title, total, shown, empty, children }: { id: string; title: string; total: number; shown: number; empty: string; children: ReactNode }) {
  return (
    <section className="card person-section" aria-labelledby={id} data-testid={id}>
      <h2 id={id}>
        {title} <span className="muted count">{total > shown ? `${shown} of ${total}` : total}</span>
      </h2>
      {total === 0 ? <p className="muted small">{empty}</p> : <ul className="person-items">{children}</ul>}
    </section>
  );
}

function contactLine(p: PersonProfile): { text: string; stale: boolean } {
  const c = p.contact;
  if (!c.last_contact) return { text: `Never contacted (no interview or follow-up done).`, stale: c.stale };
  const ago = c.days_since === 0 ? "today" : `${plural(c.days_since ?? 0, "day")} ago`;
  const text = `Last contact ${day(c.last_contact)} by ${c.via ?? "contact"}, ${ago}.`;
  return { text: c.stale ? `${text} Not contacted for ${plural(c.weeks, "week")} or more.` : text, stale: c.stale };
}

/** A page per person: who they are, every interview they sat in, what they said and what it
 * backs, follow-ups, the roadmap rows and SLOs they are a stakeholder of, and when we last talked. */
export function PersonPage({ api, id, go }: { api: Api; id: string; go: Go }) {
  const [all, setAll] = useState(false);
  const call = useCall(() => api.people_profile({ id, all }), [api, id, all]);
  const p = call.data?.person.id === id ? call.data : undefined;
  const long =
    p !== undefined &&
    (p.interviews_total > p.interviews.length ||
      p.quotes_total > p.quotes.length ||
      p.followups_open_total > p.followups_open.length ||
      p.followups_done_total > p.followups_done.length);
  const contact = p ? contactLine(p) : null;
  return (
    <section className="page person-page" data-testid="person-page">
      <PageHeader
        title={p?.person.name ?? "Person"}
        actions={
          <>
            <button onClick={() => go("people", null, id)}>All people</button>
            <button className="primary" data-testid="person-edit" onClick={() => go("people", `${id}/edit`)} disabled={!p}>
              Edit
            </button>
          </>
        }
      />
      <ErrorBanner message={call.error} />
      {p && contact && (
        <>
          <div className="person-facts" data-testid="person-facts">
            <span className={`role role-${p.person.role}`}>{ROLE_LABELS[p.person.role]}</span>
            {p.person.core_user && <span className="badge">core user</span>}
            {p.person.archived_at && <span className="badge muted">archived</span>}
            <span>{p.person.team || <span className="muted">No team</span>}</span>
            <span className="person-contact">{p.person.contact || <span className="muted">No contact</span>}</span>
          </div>
          <p className={contact.stale ? "person-contact-state warn" : "person-contact-state muted"} data-testid="person-contact-state">
            {contact.text}
          </p>
          {p.person.notes && <p className="person-notes">{p.person.notes}</p>}
          {long && (
            <p>
              <button className="link" data-testid="person-show-all" onClick={() => setAll(true)}>
                Show all items
              </button>
            </p>
          )}
          <div className="person-grid">
            <Section id="person-interviews" title="Interviews" total={p.interviews_total} shown={p.interviews.length} empty="Not in any interview yet.">
              {p.interviews.map((i) => (
                <li key={i.id}>
                  <button className="link" onClick={() => go("interviews", i.id)}>
                    {i.title}
                  </button>
                  <span className="muted small">
                    {" "}
                    {dateTime(i.scheduled_at)} · {i.status}
                    {i.note_taker ? " · took notes" : ""}
                  </span>
                </li>
              ))}
            </Section>
            <Section id="person-quotes" title="Quotes" total={p.quotes_total} shown={p.quotes.length} empty="No quotes recorded.">
              {p.quotes.map((q) => (
                <li key={q.id}>
                  <blockquote className="person-quote">“{q.text}”</blockquote>
                  <div className="small">
                    <button className="link" onClick={() => go("interviews", q.interview_id, q.id)}>
                      {q.interview_title}
                    </button>
                    {q.findings.length > 0 && <span className="muted"> · backs </span>}
                    {q.findings.map((f, n) => (
                      <span key={f.id}>
                        {n > 0 && ", "}
                        <button className="link" onClick={() => go("findings", null, f.id)}>
                          {f.title}
                        </button>
                      </span>
                    ))}
                  </div>
                </li>
              ))}
            </Section>
            <Section id="person-followups" title="Open follow-ups" total={p.followups_open_total} shown={p.followups_open.length} empty="No open follow-up.">
              {p.followups_open.map((f) => (
                <li key={f.id} className={f.state === "overdue" ? "warn" : undefined}>
                  <button className="link" onClick={() => go("followups", f.id)}>
                    {f.reason}
                  </button>
                  <span className="muted small">
                    {" "}
                    due {day(f.due_on)} · {STATE_LABELS[f.state]}
                  </span>
                </li>
              ))}
            </Section>
            <Section id="person-followups-done" title="Done follow-ups" total={p.followups_done_total} shown={p.followups_done.length} empty="None done yet.">
              {p.followups_done.map((f) => (
                <li key={f.id}>
                  <button className="link" onClick={() => go("followups", f.id)}>
                    {f.reason}
                  </button>
                  <span className="muted small"> done {day(f.done_on)}</span>
                  {f.outcome && <div className="small clamp">{f.outcome}</div>}
                </li>
              ))}
            </Section>
            <Section id="person-rows" title="Stakeholder of" total={p.roadmap_rows.length} shown={p.roadmap_rows.length} empty="Not named as a stakeholder on any roadmap row.">
              {p.roadmap_rows.map((r) => (
                <li key={r.row_id}>
                  <button className="link" onClick={() => go("roadmaps", r.roadmap_id, r.row_id)}>
                    {r.project}
                  </button>
                  <span className="muted small">
                    {" "}
                    {r.roadmap_title} · {day(r.starts_on)} – {day(r.ends_on)}
                  </span>
                  <div className="small clamp">{r.goal_what}</div>
                </li>
              ))}
            </Section>
            <Section id="person-slos" title="SLOs" total={p.slos.length} shown={p.slos.length} empty="Not cited by any SLO, and owns no service.">
              {p.slos.map((s) => (
                <li key={s.id}>
                  <button className="link" onClick={() => go("reliability", `slo/${s.id}`)}>
                    {s.display_name || s.name}
                  </button>
                  <span className="muted small">
                    {" "}
                    {s.service_name} · {pct(s.target)} · {[s.evidence && "cites them", s.owner && "owns the service"].filter(Boolean).join(", ")}
                  </span>
                  <div className="small clamp">{s.journey}</div>
                </li>
              ))}
            </Section>
          </div>
        </>
      )}
    </section>
  );
}
