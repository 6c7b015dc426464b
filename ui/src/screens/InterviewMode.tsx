import { useCallback, useEffect, useRef, useState } from "react";
import type { Guide } from "../bindings/Guide";
import type { Interview } from "../bindings/Interview";
import type { Note } from "../bindings/Note";
import type { Api } from "../lib/ipc";
import { IpcError } from "../lib/ipc";

/** mm:ss, with a sign when over time. */
export function clock(seconds: number): string {
  const s = Math.abs(Math.trunc(seconds));
  const text = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
  return seconds < 0 ? `+${text}` : text;
}

/** Seconds left of the interview at `now` (negative once over time). */
export function remaining(interview: Interview, now: number): number {
  const total = interview.duration_minutes * 60;
  if (!interview.started_at) return total;
  const end = interview.ended_at ? Date.parse(interview.ended_at) : now;
  return total - Math.floor((end - Date.parse(interview.started_at)) / 1000);
}

const AUTOSAVE_MS = 250;

/** The focused screen used while interviewing: countdown, guide, fast capture. */
export function InterviewMode({ api, id, onClose }: { api: Api; id: string; onClose: () => void }) {
  const [interview, setInterview] = useState<Interview | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [draft, setDraft] = useState("");
  const [saved, setSaved] = useState<"saved" | "saving" | "error">("saved");
  const [isQuote, setIsQuote] = useState(false);
  const [speaker, setSpeaker] = useState("");
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const box = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    api.getInterview(id).then(
      (i) => {
        setInterview(i);
        setDraft(i.draft);
        setSpeaker(i.interviewees[0]?.id ?? "");
        if (i.guide_id) api.getGuide(i.guide_id).then(setGuide, () => setGuide(null));
      },
      (e: Error) => setError(e.message),
    );
    api.listNotes(id).then(setNotes, (e: Error) => setError(e.message));
  }, [api, id]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  // Autosave: every pause in typing writes the draft, so a crash loses nothing.
  const lastSaved = useRef<string | null>(null);
  useEffect(() => {
    if (!interview) return;
    if (lastSaved.current === null) {
      lastSaved.current = interview.draft;
    }
    if (draft === lastSaved.current) return;
    const t = setTimeout(() => {
      setSaved("saving");
      api.saveDraft(id, draft).then(
        () => {
          lastSaved.current = draft;
          setSaved("saved");
        },
        () => setSaved("error"),
      );
    }, AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [api, id, draft, interview]);

  const act = useCallback(async (p: Promise<Interview>) => {
    try {
      setInterview(await p);
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  const addNote = async () => {
    if (!draft.trim()) return;
    try {
      const note = await api.addNote(id, { text: draft, is_quote: isQuote, speaker_id: isQuote ? speaker || null : null });
      setNotes((n) => [...n, note]);
      lastSaved.current = "";
      setDraft("");
      setIsQuote(false);
      setError(null);
    } catch (e) {
      setError(e instanceof IpcError ? e.message : String(e));
    }
  };

  if (!interview) return <p className="muted">{error ?? "Loading…"}</p>;
  const left = remaining(interview, now);
  const names = new Map(interview.interviewees.map((p) => [p.id, p.name]));

  return (
    <section className="interview-mode" data-testid="interview-mode">
      <header className="page-head">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            {interview.title}
          </h1>
          <p className="muted">
            With {interview.interviewees.map((p) => p.name).join(" and ")}
            {interview.note_taker && ` · notes: ${interview.note_taker.name}`}
          </p>
        </div>
        <div className="timer-box">
          <span className={left < 0 ? "timer over" : left < 300 ? "timer soon" : "timer"} data-testid="timer" aria-live="off">
            {clock(left)}
          </span>
          {interview.status === "planned" && (
            <button className="primary" data-testid="interview-start" onClick={() => void act(api.startInterview(id))}>
              Start
            </button>
          )}
          {interview.status === "running" && (
            <button data-testid="interview-finish" onClick={() => void act(api.finishInterview(id))}>
              Finish
            </button>
          )}
          {interview.status === "done" && <span className="badge">done</span>}
          <button onClick={onClose}>Close</button>
        </div>
      </header>
      {error && (
        <p className="banner error" role="alert">
          {error}
        </p>
      )}
      <div className="mode-grid">
        <aside className="card guide-panel" aria-label="Guide">
          <h2>Guide</h2>
          {guide ? (
            <ol data-testid="mode-guide">
              {guide.items.map((i) => (
                <li key={i.id}>
                  {i.text} <span className="muted small">{i.minutes} min</span>
                </li>
              ))}
            </ol>
          ) : (
            <p className="muted small">No guide. Ask about the last time they did the thing; follow their story.</p>
          )}
        </aside>
        <div className="notes-col">
          <ol className="notes" data-testid="notes">
            {notes.map((n) => (
              <li key={n.id} className={n.is_quote ? "quote" : undefined} data-note={n.text}>
                <span className="at muted">{n.offset_seconds === null ? "—" : clock(n.offset_seconds)}</span>
                <span className="body">
                  {n.is_quote ? <q>{n.text}</q> : n.text}
                  {n.is_quote && n.speaker_id && <span className="muted small"> — {names.get(n.speaker_id) ?? "?"}</span>}
                </span>
                {n.tags.map((t) => (
                  <span key={t} className="tag">
                    #{t}
                  </span>
                ))}
              </li>
            ))}
            {notes.length === 0 && <li className="muted">No notes yet.</li>}
          </ol>
          <div className="capture card">
            <textarea
              ref={box}
              data-testid="note-input"
              aria-label="Note"
              rows={3}
              placeholder="Type a note and press Enter. #tags inline. Shift+Enter for a new line, Ctrl+Q for a quote."
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && !e.shiftKey) {
                  e.preventDefault();
                  void addNote();
                } else if (e.key.toLowerCase() === "q" && e.ctrlKey) {
                  e.preventDefault();
                  setIsQuote((q) => !q);
                }
              }}
            />
            <div className="capture-bar">
              <label className="inline">
                <input type="checkbox" data-testid="note-quote" checked={isQuote} onChange={(e) => setIsQuote(e.target.checked)} />
                Verbatim quote
              </label>
              {isQuote && (
                <select aria-label="Speaker" data-testid="note-speaker" value={speaker} onChange={(e) => setSpeaker(e.target.value)}>
                  {interview.interviewees.map((p) => (
                    <option key={p.id} value={p.id}>
                      {p.name}
                    </option>
                  ))}
                </select>
              )}
              <span className="muted small autosave" data-testid="autosave">
                {saved === "saving" ? "Saving…" : saved === "error" ? "Not saved — retrying on next keystroke" : "Draft saved"}
              </span>
            </div>
          </div>
        </div>
      </div>
    </section>
  );
}
