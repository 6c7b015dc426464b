import { useEffect, useState } from "react";
import type { Today } from "../../bindings/Today";
import type { AreaId, ScreenProps } from "../../lib/routes";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { sprintDayLabel } from "../sprints/day";
import { OverdueActions } from "../reliability/OverdueActions";

const time = (iso: string) => new Date(iso).toLocaleTimeString(undefined, { hour: "2-digit", minute: "2-digit" });
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** One clickable line of the dashboard: it opens the screen the item lives on. */
function Item({ label, detail, testId, tone, onOpen }: { label: string; detail: string; testId: string; tone?: "warn" | undefined; onOpen: () => void }) {
  return (
    <li>
      <button className={`today-item${tone ? ` ${tone}` : ""}`} data-testid={testId} onClick={onOpen}>
        <span className="today-label">{label}</span>
        <span className="today-detail">{detail}</span>
      </button>
    </li>
  );
}

/** What needs the user today: interviews, follow-ups due, update meetings, the sprint day and the roadmap interval. */
export function TodayScreen({ api, go }: ScreenProps) {
  const onNavigate = (area: AreaId, p?: string) => go(area, p);
  const [t, setT] = useState<Today | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api.today_dashboard().then(setT, (e: Error) => setError(e.message));
  }, [api]);

  const date = t ? new Date(`${t.date}T12:00:00`).toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "long", year: "numeric" }) : "";
  return (
    <section className="page">
      <header className="page-head">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            Today
          </h1>
          <p className="muted">{date}</p>
        </div>
      </header>
      <ErrorBanner message={error} />
      {t && (
        <div className="today-grid">
          <section className="card" aria-labelledby="today-sprint">
            <h2 id="today-sprint">Sprint</h2>
            {t.sprint ? (
              <ul className="today-list">
                <Item
                  testId="today-sprint"
                  label={sprintDayLabel(t.sprint.day)}
                  detail={`${t.sprint.focus} · ${t.sprint.cards_done}/${t.sprint.cards_total} cards done`}
                  onOpen={() => onNavigate("sprints", t.sprint!.sprint_id)}
                />
              </ul>
            ) : (
              <p className="muted small">No sprint this week.</p>
            )}
          </section>
          <section className="card" aria-labelledby="today-interviews">
            <h2 id="today-interviews">Interviews today</h2>
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
                    onOpen={() => onNavigate("interviews", i.id)}
                  />
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="today-followups">
            <h2 id="today-followups">Follow-ups due</h2>
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
                    onOpen={() => onNavigate("followups", f.id)}
                  />
                ))}
              </ul>
            )}
          </section>
          <OverdueActions items={t.action_items_overdue} go={go} />
          <section className="card" aria-labelledby="today-meetings">
            <h2 id="today-meetings">Roadmap update meetings</h2>
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
                    detail={m.days_overdue > 0 ? `due ${m.due_on}, ${plural(m.days_overdue, "day")} ago` : "due today"}
                    onOpen={() => onNavigate("roadmaps", `${m.roadmap_id}/meeting`)}
                  />
                ))}
              </ul>
            )}
          </section>
          <section className="card" aria-labelledby="today-roadmaps">
            <h2 id="today-roadmaps">Roadmap intervals</h2>
            {t.roadmaps.length === 0 ? (
              <p className="muted small">No interval runs today.</p>
            ) : (
              <ul className="today-list">
                {t.roadmaps.map((r) => (
                  <Item
                    key={r.roadmap_id}
                    testId="today-roadmap"
                    label={r.days_left === 0 ? `${r.title}: last day` : `${r.title}: ${plural(r.days_left, "day")} left`}
                    detail={`ends ${r.ends_on}${r.next_meeting ? ` · next update ${r.next_meeting}` : ""}`}
                    onOpen={() => onNavigate("roadmaps", r.roadmap_id)}
                  />
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
    </section>
  );
}
