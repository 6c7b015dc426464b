import { useState } from "react";
import type { Entry } from "../../bindings/Entry";
import type { EntryKind } from "../../bindings/EntryKind";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RoadmapSummary } from "../../bindings/RoadmapSummary";
import type { Sprint } from "../../bindings/Sprint";
import type { Api } from "../../lib/ipc";
import type { AreaId } from "../../lib/routes";

interface Props {
  api: Api;
  sprint: Sprint;
  /** Runs a core call that returns the updated sprint, reporting failures. */
  run: (p: Promise<Sprint>) => Promise<boolean>;
}

function EntryAdder({ label, testId, onAdd, children }: { label: string; testId: string; onAdd: (text: string) => Promise<boolean>; children?: React.ReactNode }) {
  const [text, setText] = useState("");
  return (
    <form
      className="card-adder"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onAdd(text)) setText("");
      }}
    >
      <span className="inline">
        {children}
        <input aria-label={label} placeholder={`${label}…`} data-testid={testId} value={text} onChange={(e) => setText(e.target.value)} />
      </span>
      <button type="submit" disabled={!text.trim()}>
        Add
      </button>
    </form>
  );
}

function EntryItem({ e, run, api, sprintId, children }: { e: Entry; api: Api; run: Props["run"]; sprintId: string; children?: React.ReactNode }) {
  return (
    <li data-entry={e.text}>
      <span>
        {e.text}
        {children}
      </span>
      <button aria-label={`Delete “${e.text}”`} className="link" onClick={() => void run(api.sprints_delete_entry({ id: e.id }).then(() => api.sprints_get({ id: sprintId })))}>
        ×
      </button>
    </li>
  );
}

/** "Ways this could fail", written at the start of the sprint. */
export function PreMortem({ api, sprint, run }: Props) {
  const risks = sprint.entries.filter((e) => e.kind === "risk");
  return (
    <section className="card" aria-labelledby="premortem-title" data-testid="premortem">
      <h2 id="premortem-title">Pre-mortem: ways this could fail</h2>
      <p className="muted small">Imagine it is Friday and the sprint failed. Why? Write these down on day 1.</p>
      <ul className="entry-list">
        {risks.map((e) => (
          <EntryItem sprintId={sprint.id} key={e.id} e={e} api={api} run={run} />
        ))}
      </ul>
      <EntryAdder label="A way this could fail" testId="risk-new" onAdd={(t) => run(api.sprints_add_entry({ sprint_id: sprint.id, kind: "risk", text: t, day: "" }))} />
    </section>
  );
}

/** One log per working day; today's day is picked by default. */
export function DailyLog({ api, sprint, run, today }: Props & { today: string }) {
  const logs = sprint.entries.filter((e) => e.kind === "log");
  const inSprint = sprint.working_days.includes(today);
  const [day, setDay] = useState(inSprint ? today : (sprint.working_days[0] ?? ""));
  const days = Array.from(new Set(logs.map((e) => e.day)));
  return (
    <section className="card" aria-labelledby="log-title" data-testid="daily-log">
      <h2 id="log-title">Daily log</h2>
      {logs.length === 0 && <p className="muted small">What happened today, what was learned, what blocks tomorrow.</p>}
      {days.map((d) => (
        <div key={d}>
          <p className="entry-day">{new Date(`${d}T12:00:00`).toLocaleDateString(undefined, { weekday: "long", day: "numeric", month: "short" })}</p>
          <ul className="entry-list">
            {logs
              .filter((e) => e.day === d)
              .map((e) => (
                <EntryItem sprintId={sprint.id} key={e.id} e={e} api={api} run={run} />
              ))}
          </ul>
        </div>
      ))}
      <EntryAdder label="Log a line" testId="log-new" onAdd={(t) => run(api.sprints_add_entry({ sprint_id: sprint.id, kind: "log", text: t, day }))}>
        <select aria-label="Day" value={day} onChange={(e) => setDay(e.target.value)}>
          {sprint.working_days.map((d, i) => (
            <option key={d} value={d}>
              Day {i + 1} · {new Date(`${d}T12:00:00`).toLocaleDateString(undefined, { weekday: "short", day: "numeric" })}
            </option>
          ))}
        </select>
      </EntryAdder>
    </section>
  );
}

export function DemoNotes({ api, sprint, run }: Props) {
  const [text, setText] = useState(sprint.demo_notes);
  const [saved, setSaved] = useState(false);
  return (
    <section className="card" aria-labelledby="demo-title">
      <h2 id="demo-title">Demo notes</h2>
      <textarea
        aria-label="Demo notes"
        data-testid="demo-notes"
        rows={4}
        value={text}
        placeholder="What the core users saw, what they did with it, what they said."
        onChange={(e) => {
          setText(e.target.value);
          setSaved(false);
        }}
      />
      <div className="actions">
        <button data-testid="demo-save" disabled={text === sprint.demo_notes} onClick={() => void run(api.sprints_save_demo({ id: sprint.id, notes: text })).then(setSaved)}>
          Save demo notes
        </button>
        <span className="muted small" role="status">
          {saved ? "Saved." : ""}
        </span>
      </div>
    </section>
  );
}

const RETRO: { kind: EntryKind; label: string }[] = [
  { kind: "went-well", label: "Went well" },
  { kind: "to-improve", label: "To improve" },
  { kind: "learned", label: "Learned" },
];

/** Turns a retro item into a deliverable on a roadmap row the user picks. */
function ToDeliverable({ api, entry, run }: { api: Api; entry: Entry; run: Props["run"] }) {
  const [roadmaps, setRoadmaps] = useState<RoadmapSummary[] | null>(null);
  const [roadmap, setRoadmap] = useState<Roadmap | null>(null);
  if (roadmaps === null) {
    return (
      <button data-testid="to-deliverable" onClick={() => void api.roadmaps_list().then(setRoadmaps, () => setRoadmaps([]))}>
        → Roadmap deliverable
      </button>
    );
  }
  if (roadmaps.length === 0) return <span className="muted small">No roadmap yet.</span>;
  return (
    <>
      <select aria-label="Roadmap" data-testid="pick-roadmap" value={roadmap?.id ?? ""} onChange={(e) => void api.roadmaps_get({ id: e.target.value }).then(setRoadmap, () => setRoadmap(null))}>
        <option value="">Roadmap…</option>
        {roadmaps.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </select>
      {roadmap && (
        <select aria-label="Row" data-testid="pick-row" value="" onChange={(e) => e.target.value && void run(api.sprints_entry_to_deliverable({ id: entry.id, row_id: e.target.value }))}>
          <option value="">Row…</option>
          {roadmap.rows.map((w) => (
            <option key={w.id} value={w.id}>
              {w.project}
            </option>
          ))}
        </select>
      )}
    </>
  );
}

export function SprintRetro({ api, sprint, run, onNavigate }: Props & { onNavigate: (area: AreaId, param?: string) => void }) {
  return (
    <section className="card" aria-labelledby="retro-title" data-testid="sprint-retro">
      <h2 id="retro-title">Retro</h2>
      <div className="retro-cols">
        {RETRO.map(({ kind, label }) => (
          <div key={kind} data-retro={kind}>
            <h3>{label}</h3>
            <ul className="entry-list">
              {sprint.entries
                .filter((e) => e.kind === kind)
                .map((e) => (
                  <EntryItem sprintId={sprint.id} key={e.id} e={e} api={api} run={run}>
                    <span className="promote">
                      {e.finding_id ? (
                        <button className="link" onClick={() => onNavigate("findings", e.finding_id!)}>
                          Became a finding
                        </button>
                      ) : e.deliverable_id ? (
                        <span className="badge">Became a roadmap deliverable</span>
                      ) : (
                        <>
                          <button data-testid="to-finding" onClick={() => void run(api.sprints_entry_to_finding({ id: e.id }))}>
                            → Finding
                          </button>
                          <ToDeliverable api={api} entry={e} run={run} />
                        </>
                      )}
                    </span>
                  </EntryItem>
                ))}
            </ul>
            <EntryAdder label={label} testId={`retro-new-${kind}`} onAdd={(t) => run(api.sprints_add_entry({ sprint_id: sprint.id, kind, text: t, day: "" }))} />
          </div>
        ))}
      </div>
    </section>
  );
}
