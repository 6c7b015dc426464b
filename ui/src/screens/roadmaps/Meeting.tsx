import { useEffect, useRef, useState } from "react";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RoadmapRow } from "../../bindings/RoadmapRow";
import type { RowUpdate } from "../../bindings/RowUpdate";
import type { UpdateStatus } from "../../bindings/UpdateStatus";
import type { Api } from "../../lib/ipc";
import { day } from "../../lib/dates";
import { ErrorBanner } from "../../kit/ErrorBanner";

export const UPDATE_STATUSES: UpdateStatus[] = ["on-track", "at-risk", "blocked", "done", "dropped"];
const label = (s: UpdateStatus) => s.replace("-", " ");

/** A row's latest status update: when, what status, and the note. */
export function LatestUpdate({ update: u, badge = false }: { update: RowUpdate; badge?: boolean }) {
  return (
    <p className="small latest" data-testid="row-latest" data-status={u.status}>
      <span className="muted">Last update, {day(u.meeting_on)}:</span>
      {badge && <span className={`badge status-${u.status}`}>{label(u.status)}</span>}{" "}
      {u.note ? <span className="latest-note">{u.note}</span> : <span className="muted">no note</span>}
    </p>
  );
}

function without<T>(map: Record<string, T>, key: string): Record<string, T> {
  const out = { ...map };
  delete out[key];
  return out;
}

const incomplete = (w: RoadmapRow) => !w.latest || !["done", "dropped"].includes(w.latest.status);

/** The update meeting: one incomplete row at a time. Each row starts from its latest status, so
 * Enter with no change keeps it; 1–5 (or a click) changes it. Ctrl+Enter saves from the note,
 * ←/→ move between rows without saving. The row's history is shown beside it. */
export function MeetingMode({ api, roadmap, onChanged }: { api: Api; roadmap: Roadmap; onChanged: () => void }) {
  // The rows to walk through are fixed when the meeting starts; their contents stay live.
  const [ids] = useState(() => roadmap.rows.filter(incomplete).map((w) => w.id));
  const rows = ids.map((id) => roadmap.rows.find((w) => w.id === id)).filter((w): w is RoadmapRow => Boolean(w));
  const [index, setIndex] = useState(0);
  const [picked, setPicked] = useState<Record<string, UpdateStatus>>({});
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [history, setHistory] = useState<{ row: string; items: RowUpdate[] }>({ row: "", items: [] });
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const row = rows[index];
  const rowId = row?.id;
  const status: UpdateStatus = row ? (picked[row.id] ?? row.latest?.status ?? "on-track") : "on-track";
  const note = row ? (notes[row.id] ?? "") : "";

  useEffect(() => {
    api.roadmaps_next_meeting({ id: roadmap.id }).then(setNext, () => setNext(null));
  }, [api, roadmap.id, saved]);
  useEffect(() => {
    if (!rowId) return;
    let live = true;
    api.roadmaps_history({ row_id: rowId }).then((items) => live && setHistory({ row: rowId, items }), () => undefined);
    box.current?.focus();
    return () => {
      live = false;
    };
  }, [api, rowId, saved]);
  const shown = history.row === rowId ? [...history.items].reverse() : [];

  const move = (by: number) => setIndex((i) => Math.max(0, Math.min(i + by, rows.length)));
  const save = async () => {
    if (!row) return;
    try {
      await api.roadmaps_record_update({ row_id: row.id, status, note });
      setNotes((n) => without(n, row.id));
      setPicked((p) => without(p, row.id));
      setError(null);
      setSaved((n) => n + 1);
      move(1);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onKey = (e: React.KeyboardEvent) => {
    const target = e.target as HTMLElement;
    const inNote = target.tagName === "TEXTAREA";
    // Enter on another button (Skip, Save) does what that button says.
    const onOtherButton = target.tagName === "BUTTON" && target.getAttribute("role") !== "radio";
    if (e.key === "Enter" && (e.ctrlKey || (!inNote && !onOtherButton))) {
      e.preventDefault();
      void save();
    } else if (!inNote && /^[1-5]$/.test(e.key) && row) {
      setPicked((p) => ({ ...p, [row.id]: UPDATE_STATUSES[Number(e.key) - 1]! }));
    } else if (!inNote && e.key === "ArrowRight") {
      move(1);
    } else if (!inNote && e.key === "ArrowLeft") {
      move(-1);
    }
  };

  return (
    <div className="meeting" data-testid="meeting">
      <p className="muted">
        {rows.length} incomplete row{rows.length === 1 ? "" : "s"} to walk through. Next meeting due: {next ? day(next) : "none (the interval has ended)"}.
      </p>
      <ErrorBanner message={error} />
      {!row ? (
        <p className="lint ok" data-testid="meeting-done">
          Meeting done: {saved} update{saved === 1 ? "" : "s"} recorded.
        </p>
      ) : (
        <div className="card meeting-row" tabIndex={0} ref={box} onKeyDown={onKey} data-testid="meeting-row" aria-label={`Row ${index + 1} of ${rows.length}: ${row.project}`}>
          <div className="meeting-main">
            <p className="muted small">
              Row {index + 1} of {rows.length}
            </p>
            <h2>{row.project}</h2>
            <p>
              <strong>Goal:</strong> {row.goal_what} <span className="muted">— why: {row.goal_why}</span>
            </p>
            <ul className="small meeting-deliverables">
              {row.deliverables.map((d) => (
                <li key={d.id}>
                  {d.title}{" "}
                  <span className="muted">
                    ({d.status.replace("-", " ")}
                    {d.due_on ? `, due ${d.due_on}` : ""})
                  </span>
                </li>
              ))}
            </ul>
            {row.latest ? <LatestUpdate update={row.latest} badge /> : <p className="muted small">No update yet.</p>}
            <div className="status-pick" role="radiogroup" aria-label="Status" data-testid="meeting-status">
              {UPDATE_STATUSES.map((s, i) => (
                <button
                  key={s}
                  role="radio"
                  aria-checked={status === s}
                  data-status={s}
                  className={status === s ? `status-${s} chosen` : ""}
                  onClick={() => setPicked((p) => ({ ...p, [row.id]: s }))}
                >
                  {i + 1} · {label(s)}
                  {row.latest?.status === s && <span className="muted small"> (last)</span>}
                </button>
              ))}
            </div>
            <p className="muted small">
              {row.latest ? "Starts from the last status:" : "No update yet, so it starts at on track:"} Enter records it as chosen, 1–5 changes it.
            </p>
            <textarea
              aria-label="Note"
              data-testid="meeting-note"
              rows={2}
              value={note}
              onChange={(e) => setNotes((n) => ({ ...n, [row.id]: e.target.value }))}
              placeholder="What changed since last time? (Ctrl+Enter saves and moves on)"
            />
            <div className="actions">
              <button className="primary" data-testid="meeting-save" onClick={() => void save()}>
                Save and next
              </button>
              <button onClick={() => move(1)}>Skip</button>
            </div>
          </div>
          <aside className="meeting-side" aria-labelledby="meeting-history-title">
            <h3 className="small" id="meeting-history-title">
              History
            </h3>
            <ol className="history" data-testid="meeting-history">
              {shown.map((u) => (
                <li key={u.id}>
                  <span className="muted">{u.meeting_on}</span> <span className={`badge status-${u.status}`}>{label(u.status)}</span> {u.note}
                </li>
              ))}
              {shown.length === 0 && <li className="muted">No updates yet.</li>}
            </ol>
          </aside>
        </div>
      )}
    </div>
  );
}
