import { useCallback, useEffect, useState } from "react";
import type { Sprint } from "../../bindings/Sprint";
import type { Api } from "../../lib/ipc";
import type { AreaId } from "../../lib/routes";
import { CsvTools } from "../../components/CsvTools";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Board } from "./Board";
import { BurndownChart } from "./BurndownChart";
import { DailyLog, DemoNotes, PreMortem, SprintRetro } from "./Notes";
import { SprintForm } from "./SprintForm";
import { sprintDayLabel } from "./day";

/** One sprint: its focus and core users, the board, the burndown, the pre-mortem, the daily log, demo notes and the retro. */
export function SprintView({ api, id, onClose, onNavigate }: { api: Api; id: string; onClose: () => void; onNavigate: (area: AreaId, param?: string) => void }) {
  const [s, setS] = useState<Sprint | null>(null);
  const [today, setToday] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.sprints_get({ id }).then(setS, (e: Error) => setError(e.message));
    api.today_date().then(setToday, () => setToday(""));
  }, [api, id]);

  const run = useCallback(async (p: Promise<Sprint>) => {
    try {
      setS(await p);
      setError(null);
      return true;
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
      return false;
    }
  }, []);

  if (!s || today === null) return <p className="muted page">{error ?? "Loading…"}</p>;
  const phase = s.today
    ? sprintDayLabel(s.today)
    : today < s.starts_on
      ? "Not started"
      : "Ended";

  return (
    <section className="page sprint">
      <header className="page-head">
        <div>
          <p className="muted small">
            Sprint · {s.starts_on} – {s.ends_on} · <strong data-testid="sprint-day">{phase}</strong>
          </p>
          <h1 id="page-title" tabIndex={-1} data-testid="sprint-focus">
            {s.focus}
          </h1>
          <p className="sprint-meta small">
            <span>Core users: {s.core_users.map((p) => p.name).join(", ")}</span>
          </p>
        </div>
        <span className="actions">
          <button onClick={() => setEditing((v) => !v)}>{editing ? "Close editor" : "Edit"}</button>
          <button onClick={onClose}>All sprints</button>
        </span>
      </header>
      {editing && (
        <SprintForm
          api={api}
          sprint={s}
          onSaved={(n) => {
            setS(n);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      )}
      <ErrorBanner message={error} />
      {s.warnings.map((w) => (
        <p key={w} className="banner warn" data-testid="sprint-warning">
          {w}
        </p>
      ))}
      <Board api={api} sprint={s} onChange={setS} onError={setError} />
      <div className="sprint-cols">
        <section className="card" aria-labelledby="burndown-title">
          <h2 id="burndown-title">Burndown</h2>
          <BurndownChart burndown={s.burndown} />
        </section>
        <PreMortem api={api} sprint={s} run={run} />
        <DailyLog key={s.id} api={api} sprint={s} run={run} today={today} />
        <DemoNotes key={`demo-${s.id}`} api={api} sprint={s} run={run} />
      </div>
      <SprintRetro api={api} sprint={s} run={run} onNavigate={onNavigate} />
      <CsvTools api={api} exports={["sprint_cards"]} />
      <p>
        <button
          className="danger"
          onClick={() => window.confirm(`Delete the sprint “${s.focus}” with its cards and notes?`) && void api.sprints_delete({ id: s.id }).then(onClose, (e: Error) => setError(e.message))}
        >
          Delete sprint
        </button>
      </p>
    </section>
  );
}
