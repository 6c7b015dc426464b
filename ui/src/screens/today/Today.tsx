import type { ReactNode } from "react";
import { useCall } from "../../lib/hooks";
import { day, time } from "../../lib/dates";
import { plural } from "../../lib/labels";
import type { AreaId, ScreenProps } from "../../lib/routes";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import { sprintDayLabel } from "../sprints/day";
import { RemindersPanel } from "../settings/Reminders";
import "./today.css";

/** One clickable line of the dashboard: it opens the screen the item lives on. */
function Item({ label, detail, testId, tone, onOpen, aside }: { label: string; detail: string; testId: string; tone?: "warn" | undefined; onOpen: () => void; aside?: ReactNode }) {
  return (
    <li>
      <button className={`today-item${tone ? ` ${tone}` : ""}`} data-testid={testId} onClick={onOpen}>
        <span className="today-label">{label}</span>
        <span className="today-detail">{detail}</span>
      </button>
      {aside}
    </li>
  );
}

/** A card of the dashboard, whose heading also leads to the whole area. */
function Panel({ id, title, area, areaLabel, go, children }: { id: string; title: string; area: AreaId; areaLabel: string; go: ScreenProps["go"]; children: ReactNode }) {
  return (
    <section className="card today-card" aria-labelledby={id}>
      <div className="today-card-head">
        <h2 id={id}>{title}</h2>
        <button className="link small" onClick={() => go(area)}>
          {areaLabel}
        </button>
      </div>
      {children}
    </section>
  );
}

/** What needs the user today: interviews (at local times), follow-ups due, update meetings, the
 * sprint day and the roadmap interval. Every item opens its own screen. */
export function TodayScreen({ api, go }: ScreenProps) {
  const dash = useCall(() => api.today_dashboard(), [api]);
  const t = dash.data;
  return (
    <section className="page today-page">
      <PageHeader title="Today" lede={t ? day(t.date) : ""} />
      <ErrorBanner message={dash.error} />
      {t && (
        <div className="today-grid">
          <Panel id="today-sprint" title="Sprint" area="sprints" areaLabel="All sprints" go={go}>
            {t.sprint ? (
              <ul className="today-list">
                <Item
                  testId="today-sprint"
                  label={sprintDayLabel(t.sprint.day)}
                  detail={`${t.sprint.focus} · ${t.sprint.cards_done}/${t.sprint.cards_total} cards done`}
                  onOpen={() => go("sprints", t.sprint!.sprint_id)}
                />
              </ul>
            ) : (
              <p className="muted small">No sprint this week.</p>
            )}
          </Panel>
          <Panel id="today-interviews" title="Interviews today" area="interviews" areaLabel="All interviews" go={go}>
            {t.interviews.length === 0 ? (
              <p className="muted small">No interviews today.</p>
            ) : (
              <ul className="today-list">
                {t.interviews.map((i) => (
                  <Item
                    key={i.id}
                    testId="today-interview"
                    label={`${time(i.scheduled_at)} ${i.title}`}
                    detail={`${i.interviewees.map((p) => p.name).join(" & ")} · ${i.duration_minutes} min · ${i.status}`}
                    onOpen={() => go("interviews", i.id)}
                  />
                ))}
              </ul>
            )}
          </Panel>
          <Panel id="today-followups" title="Follow-ups due" area="followups" areaLabel="All follow-ups" go={go}>
            {t.followups.length === 0 ? (
              <p className="muted small">Nothing due.</p>
            ) : (
              <ul className="today-list">
                {t.followups.map((f) => (
                  <Item
                    key={f.id}
                    testId="today-followup"
                    tone={f.state === "overdue" ? "warn" : undefined}
                    label={`${f.person_name}${f.core_user ? " ★" : ""}`}
                    detail={`${f.state === "overdue" ? `${plural(f.days_overdue, "day")} overdue` : "due today"} · ${f.reason}`}
                    onOpen={() => go("followups", f.id)}
                    aside={
                      <button className="link small today-person" data-testid="today-person" onClick={() => go("people", f.person_id)}>
                        {f.person_name}’s page
                      </button>
                    }
                  />
                ))}
              </ul>
            )}
          </Panel>
          <Panel id="today-actions" title="Overdue action items" area="reliability" areaLabel="Reliability" go={go}>
            {t.action_items_overdue.length === 0 ? (
              <p className="muted small">No postmortem action item is overdue.</p>
            ) : (
              <ul className="today-list">
                {t.action_items_overdue.map((a) => (
                  <Item
                    key={a.id}
                    testId="today-action-item"
                    tone="warn"
                    label={a.title}
                    detail={`${a.priority} · ${a.owner.name} · ${plural(a.days_overdue, "day")} overdue · ${a.postmortem_title}`}
                    onOpen={() => go("reliability", `postmortem/${a.postmortem_id}`, a.id)}
                  />
                ))}
              </ul>
            )}
          </Panel>
          <Panel id="today-meetings" title="Roadmap update meetings" area="roadmaps" areaLabel="All roadmaps" go={go}>
            {t.meetings.length === 0 ? (
              <p className="muted small">No update meeting due.</p>
            ) : (
              <ul className="today-list">
                {t.meetings.map((m) => (
                  <Item
                    key={m.roadmap_id}
                    testId="today-meeting"
                    tone={m.days_overdue > 0 ? "warn" : undefined}
                    label={m.title}
                    detail={m.days_overdue > 0 ? `due ${day(m.due_on)}, ${plural(m.days_overdue, "day")} ago` : "due today"}
                    onOpen={() => go("roadmaps", `${m.roadmap_id}/meeting`)}
                  />
                ))}
              </ul>
            )}
          </Panel>
          <Panel id="today-roadmaps" title="Roadmap intervals" area="roadmaps" areaLabel="All roadmaps" go={go}>
            {t.roadmaps.length === 0 ? (
              <p className="muted small">No interval runs today.</p>
            ) : (
              <ul className="today-list">
                {t.roadmaps.map((r) => (
                  <Item
                    key={r.roadmap_id}
                    testId="today-roadmap"
                    label={r.days_left === 0 ? `${r.title}: last day` : `${r.title}: ${plural(r.days_left, "day")} left`}
                    detail={`ends ${day(r.ends_on)}${r.next_meeting ? ` · next update ${day(r.next_meeting)}` : ""}`}
                    onOpen={() => go("roadmaps", r.roadmap_id)}
                  />
                ))}
              </ul>
            )}
          </Panel>
        </div>
      )}
      <RemindersPanel api={api} />
    </section>
  );
}
