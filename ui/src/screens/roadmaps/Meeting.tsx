import { useEffect, useRef, useState } from "react";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RowUpdate } from "../../bindings/RowUpdate";
import type { UpdateStatus } from "../../bindings/UpdateStatus";
import type { Api } from "../../lib/ipc";
import { ErrorBanner } from "../../kit/ErrorBanner";

export const UPDATE_STATUSES: UpdateStatus[] = ["on-track", "at-risk", "blocked", "done", "dropped"];

/** The update meeting: one incomplete row at a time. Keys 1–5 pick a status, Ctrl+Enter
 * saves and moves on, ←/→ move between rows without saving. History is shown per row. */
export function MeetingMode({ api, roadmap, onChanged }: { api: Api; roadmap: Roadmap; onChanged: () => void }) {
  const [rows] = useState(() => roadmap.rows.filter((w) => !w.latest || !["done", "dropped"].includes(w.latest.status)));
  const [index, setIndex] = useState(0);
  const [status, setStatus] = useState<UpdateStatus>("on-track");
  const [note, setNote] = useState("");
  const [history, setHistory] = useState<RowUpdate[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(0);
  const box = useRef<HTMLDivElement>(null);
  const row = rows[index];

  useEffect(() => {
    api.roadmaps_next_meeting({ id: roadmap.id }).then(setNext, () => setNext(null));
  }, [api, roadmap.id, saved]);
  useEffect(() => {
    if (!row) return;
    api.roadmaps_history({ row_id: row.id }).then(setHistory, () => setHistory([]));
    box.current?.focus();
  }, [api, row]);

  const save = async () => {
    if (!row) return;
    try {
      await api.roadmaps_record_update({ row_id: row.id, status, note });
      setNote("");
      setStatus("on-track");
      setError(null);
      setSaved((n) => n + 1);
      setIndex((i) => i + 1);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const onKey = (e: React.KeyboardEvent) => {
    const inNote = (e.target as HTMLElement).tagName === "TEXTAREA";
    if (e.key === "Enter" && (e.ctrlKey || !inNote)) {
      e.preventDefault();
      void save();
    } else if (!inNote && /^[1-5]$/.test(e.key)) {
      setStatus(UPDATE_STATUSES[Number(e.key) - 1]!);
    } else if (!inNote && e.key === "ArrowRight") {
      setIndex((i) => Math.min(i + 1, rows.length));
    } else if (!inNote && e.key === "ArrowLeft") {
      setIndex((i) => Math.max(i - 1, 0));
    }
  };

  return (
    <div className="meeting" data-testid="meeting">
      <p className="muted">
        {rows.length} incomplete row{rows.length === 1 ? "" : "s"} to walk through. Next meeting due: {next ?? "none (the interval has ended)"}.
      </p>
      <ErrorBanner message={error} />
      {!row ? (
        <p className="lint ok" data-testid="meeting-done">
          Meeting done: {saved} update{saved === 1 ? "" : "s"} recorded.
        </p>
      ) : (
        <div className="card meeting-row" tabIndex={0} ref={box} onKeyDown={onKey} data-testid="meeting-row" aria-label={`Row ${index + 1} of ${rows.length}: ${row.project}`}>
          <p className="muted small">
            Row {index + 1} of {rows.length}
          </p>
          <h2>{row.project}</h2>
          <p>
            <strong>Goal:</strong> {row.goal_what} <span className="muted">— why: {row.goal_why}</span>
          </p>
          <ul className="small">
            {row.deliverables.map((d) => (
              <li key={d.id}>
                {d.title} <span className="muted">({d.status}{d.due_on ? `, due ${d.due_on}` : ""})</span>
              </li>
            ))}
          </ul>
          <div className="status-pick" role="radiogroup" aria-label="Status">
            {UPDATE_STATUSES.map((s, i) => (
              <button key={s} role="radio" aria-checked={status === s} className={status === s ? `status-${s} chosen` : ""} onClick={() => setStatus(s)}>
                {i + 1} · {s.replace("-", " ")}
              </button>
            ))}
          </div>
          <textarea aria-label="Note" data-testid="meeting-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} placeholder="What changed since last time? (Ctrl+Enter saves and moves on)" />
          <div className="actions">
            <button className="primary" data-testid="meeting-save" onClick={() => void save()}>
              Save and next
            </button>
            <button onClick={() => setIndex((i) => i + 1)}>Skip</button>
          </div>
          <h3 className="small">History</h3>
          <ol className="history" data-testid="meeting-history">
            {history.map((u) => (
              <li key={u.id}>
                <span className="muted">{u.meeting_on}</span> <span className={`badge status-${u.status}`}>{u.status.replace("-", " ")}</span> {u.note}
              </li>
            ))}
            {history.length === 0 && <li className="muted">No updates yet.</li>}
          </ol>
        </div>
      )}
    </div>
  );
}
