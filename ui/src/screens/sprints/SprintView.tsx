import { useCallback, useEffect, useState } from "react";
import type { Sprint } from "../../bindings/Sprint";
import type { Api } from "../../lib/ipc";
import { day } from "../../lib/dates";
import type { Go } from "../../lib/routes";
import { CsvTools } from "../../components/CsvTools";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { Board } from "./Board";
import { BurndownChart } from "./BurndownChart";
import { DailyLog, DemoNotes, PreMortem, SprintRetro } from "./Notes";
import { SprintForm } from "./SprintForm";
import { sprintDayLabel } from "./day";

/** What the sprint view shows, from the URL: `#/sprints/<id>/<tab>`. */
export type SprintTab = "board" | "notes" | "retro" | "edit";
const TABS: { id: Exclude<SprintTab, "edit">; label: string }[] = [
  { id: "board", label: "Board" },
  { id: "notes", label: "Notes" },
  { id: "retro", label: "Retro" },
];

interface Props {
  api: Api;
  id: string;
  tab: SprintTab;
  today: string;
  go: Go;
  /** The sprint was deleted (the list reloads; the toast offers Undo). */
  onDeleted: () => void;
}

/** One sprint: its focus and core users, then tabs for the board and burndown; the pre-mortem,
 * daily log and demo notes; and the retro. Unsaved text in any of them is kept as a draft. */
export function SprintView({ api, id, tab, today, go, onDeleted }: Props) {
  const [s, setS] = useState<Sprint | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toasts = useToasts();

  const reload = useCallback(() => {
    api.sprints_get({ id }).then(setS, (e: Error) => setError(e.message));
  }, [api, id]);
  useEffect(reload, [reload]);

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

  if (!s) return <p className="muted page">{error ?? "Loading…"}</p>;
  const phase = s.today ? sprintDayLabel(s.today) : today < s.starts_on ? "Not started" : "Ended";
  const open = (t: SprintTab) => go("sprints", t === "board" ? id : `${id}/${t}`);

  const remove = async () => {
    try {
      const entry = await api.sprints_delete({ id: s.id });
      onDeleted();
      toasts.deleted(entry, onDeleted);
      go("sprints");
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const notes = { api, sprint: s, run, reload, onError: setError };

  return (
    <section className="page sprint">
      <header className="page-head sprint-head">
        <div className="sprint-title">
          <p className="muted small">
            Sprint · {day(s.starts_on)} – {day(s.ends_on)} · <strong data-testid="sprint-day">{phase}</strong>
          </p>
          <h1 id="page-title" tabIndex={-1} data-testid="sprint-focus">
            {s.focus}
          </h1>
          <p className="sprint-meta small">
            <span data-testid="sprint-core-users">Core users: {s.core_users.map((p) => p.name).join(", ")}</span>
            <span>Card limit: {s.card_limit}</span>
          </p>
        </div>
        <span className="page-actions">
          <button data-testid="sprint-edit" onClick={() => open("edit")} disabled={tab === "edit"}>
            Edit sprint
          </button>
          <button onClick={() => go("sprints")}>All sprints</button>
        </span>
      </header>
      <ErrorBanner message={error} />
      {s.warnings.map((w) => (
        <p key={w} className="banner warn" data-testid="sprint-warning">
          {w}
        </p>
      ))}
      {tab === "edit" ? (
        <SprintForm
          api={api}
          sprint={s}
          today={today}
          onSaved={(n) => {
            setS(n);
            open("board");
          }}
          onClose={() => open("board")}
        />
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="Sprint">
            {TABS.map((t) => (
              <button key={t.id} role="tab" aria-selected={tab === t.id} data-testid={`sprint-tab-${t.id}`} onClick={() => open(t.id)}>
                {t.label}
              </button>
            ))}
          </div>
          {tab === "board" && (
            <>
              <Board api={api} sprint={s} onChange={setS} onError={setError} reload={reload} />
              <section className="card burndown-card" aria-labelledby="burndown-title">
                <h2 id="burndown-title">Burndown</h2>
                <BurndownChart burndown={s.burndown} />
              </section>
            </>
          )}
          {tab === "notes" && (
            <div className="sprint-cols">
              <PreMortem {...notes} />
              <DailyLog {...notes} today={today} />
              <DemoNotes {...notes} />
            </div>
          )}
          {tab === "retro" && <SprintRetro {...notes} go={go} />}
        </>
      )}
      <div className="sprint-foot">
        <CsvTools api={api} exports={["sprint_cards"]} />
        <button className="danger-text" data-testid="sprint-delete" onClick={() => void remove()}>
          Delete sprint
        </button>
      </div>
    </section>
  );
}
