import { useState } from "react";
import type { Entry } from "../../bindings/Entry";
import type { EntryKind } from "../../bindings/EntryKind";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RoadmapSummary } from "../../bindings/RoadmapSummary";
import type { Sprint } from "../../bindings/Sprint";
import type { Api } from "../../lib/ipc";
import { day as longDay } from "../../lib/dates";
import type { Go } from "../../lib/routes";
import { useToasts } from "../../kit/Toasts";
import { useForm } from "../../kit/useForm";
import { Adder } from "./Adder";
import { shortDay } from "./day";

interface Props {
  api: Api;
  sprint: Sprint;
  /** Runs a core call that returns the updated sprint, reporting failures. */
  run: (p: Promise<Sprint>) => Promise<boolean>;
  /** Reads the sprint again (after a delete or an Undo). */
  reload: () => void;
  onError: (m: string | null) => void;
}

/** Adds an entry of `kind` and shows the sprint it returns; a failure stays at the adder. */
const adder = (api: Api, sprint: Sprint, run: Props["run"], kind: EntryKind, day = "") => async (text: string) => {
  const s = await api.sprints_add_entry({ sprint_id: sprint.id, kind, text, day });
  await run(Promise.resolve(s));
};

/** One line of the log, pre-mortem or retro; deleting it shows Undo. */
function EntryItem({ e, api, reload, onError, children }: { e: Entry; api: Api; reload: () => void; onError: Props["onError"]; children?: React.ReactNode }) {
  const toasts = useToasts();
  const remove = async () => {
    try {
      const entry = await api.sprints_delete_entry({ id: e.id });
      reload();
      toasts.deleted(entry, reload);
    } catch (err) {
      onError(err instanceof Error ? err.message : String(err));
    }
  };
  return (
    <li data-entry={e.text}>
      <span className="entry-text">
        {e.text}
        {children}
      </span>
      <button aria-label={`Delete “${e.text}”`} data-testid="entry-delete" className="link" onClick={() => void remove()}>
        ×
      </button>
    </li>
  );
}

/** "Ways this could fail", written at the start of the sprint. */
export function PreMortem({ api, sprint, run, reload, onError }: Props) {
  const risks = sprint.entries.filter((e) => e.kind === "risk");
  return (
    <section className="card" aria-labelledby="premortem-title" data-testid="premortem">
      <h2 id="premortem-title">Pre-mortem: ways this could fail</h2>
      <p className="muted small">Imagine it is Friday and the sprint failed. Why? Write these down on day 1.</p>
      <ul className="entry-list">
        {risks.map((e) => (
          <EntryItem key={e.id} e={e} api={api} reload={reload} onError={onError} />
        ))}
      </ul>
      <Adder id="risk" label="A way this could fail" testId="risk-new" draftKey={`sprint.${sprint.id}.risk`} save={adder(api, sprint, run, "risk")} />
    </section>
  );
}

/** One log per working day; today's day is picked by default. */
export function DailyLog({ api, sprint, run, reload, onError, today }: Props & { today: string }) {
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
          <p className="entry-day">{longDay(d)}</p>
          <ul className="entry-list">
            {logs
              .filter((e) => e.day === d)
              .map((e) => (
                <EntryItem key={e.id} e={e} api={api} reload={reload} onError={onError} />
              ))}
          </ul>
        </div>
      ))}
      <Adder id="log" label="Log a line" testId="log-new" draftKey={`sprint.${sprint.id}.log`} save={adder(api, sprint, run, "log", day)}>
        <select aria-label="Day" value={day} onChange={(e) => setDay(e.target.value)}>
          {sprint.working_days.map((d, i) => (
            <option key={d} value={d}>
              Day {i + 1} · {shortDay(d)}
            </option>
          ))}
        </select>
      </Adder>
    </section>
  );
}

/** What the core users did with the prototype. Unsaved text is a draft: it survives switching
 * tabs or screens. */
export function DemoNotes({ api, sprint, run }: Props) {
  const form = useForm({ notes: sprint.demo_notes }, "demo", `sprint.${sprint.id}.demo`);
  const [saved, setSaved] = useState(false);
  const save = () =>
    form.submit(async (v) => {
      const s = await api.sprints_save_demo({ id: sprint.id, notes: v.notes });
      await run(Promise.resolve(s));
      setSaved(true);
    });
  const error = form.general ?? Object.values(form.errors)[0];
  return (
    <section className="card" aria-labelledby="demo-title" data-testid="demo">
      <h2 id="demo-title">Demo notes</h2>
      {form.restored && form.dirty && (
        <p className="banner info small" role="status">
          Your unsaved demo notes were kept.
        </p>
      )}
      <textarea
        id="demo-notes"
        aria-label="Demo notes"
        data-testid="demo-notes"
        rows={5}
        value={form.values.notes}
        placeholder="What the core users saw, what they did with it, what they said."
        aria-invalid={Boolean(error)}
        onChange={(e) => {
          form.set("notes", e.target.value);
          setSaved(false);
        }}
      />
      {error && (
        <small className="field-error" role="alert" data-error-for="demo-notes">
          {error}
        </small>
      )}
      <div className="actions">
        <button data-testid="demo-save" disabled={!form.dirty || form.saving} onClick={() => void save()}>
          Save demo notes
        </button>
        <span className="muted small" role="status" data-testid="demo-status">
          {saved ? "Saved." : form.dirty ? "Not saved yet" : ""}
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

/** Went well / to improve / learned; an item can become a finding or a roadmap deliverable. */
export function SprintRetro({ api, sprint, run, reload, onError, go }: Props & { go: Go }) {
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
                  <EntryItem key={e.id} e={e} api={api} reload={reload} onError={onError}>
                    <span className="promote">
                      {e.finding_id ? (
                        <button className="link" onClick={() => go("findings", e.finding_id)}>
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
            <Adder id={`retro-${kind}`} label={label} testId={`retro-new-${kind}`} draftKey={`sprint.${sprint.id}.${kind}`} save={adder(api, sprint, run, kind)} />
          </div>
        ))}
      </div>
    </section>
  );
}
