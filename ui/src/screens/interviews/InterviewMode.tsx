import { useCallback, useEffect, useRef, useState } from "react";
import type { Guide } from "../../bindings/Guide";
import type { Interview } from "../../bindings/Interview";
import type { Note } from "../../bindings/Note";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { ReportPanel } from "../../components/ReportPanel";
import { Field } from "../../kit/Field";
import { ErrorBanner } from "../../kit/ErrorBanner";

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
  const [selected, setSelected] = useState<string[]>([]);
  const [findingTitle, setFindingTitle] = useState("");
  const [findingTags, setFindingTags] = useState("");
  const [findingError, setFindingError] = useState<Record<string, string>>({});
  const [made, setMade] = useState<string | null>(null);
  const [showReport, setShowReport] = useState(false);

  useEffect(() => {
    api.interviews_get({ id }).then(
      (i) => {
        setInterview(i);
        setDraft(i.draft);
        setSpeaker(i.interviewees[0]?.id ?? "");
        if (i.guide_id) api.guides_get({ id: i.guide_id }).then(setGuide, () => setGuide(null));
      },
      (e: Error) => setError(e.message),
    );
    api.notes_list({ interview_id: id }).then(setNotes, (e: Error) => setError(e.message));
  }, [api, id]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  // Draft saves and note adds go to the core one after another, in the order they were made:
  // commands run concurrently, and a late draft save must never resurrect a note's text.
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const inOrder = useCallback(<T,>(work: () => Promise<T>): Promise<T> => {
    const next = queue.current.then(work, work);
    queue.current = next.catch(() => undefined);
    return next;
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
      inOrder(() => api.interviews_save_draft({ id, draft })).then(
        () => {
          lastSaved.current = draft;
          setSaved("saved");
        },
        () => setSaved("error"),
      );
    }, AUTOSAVE_MS);
    return () => clearTimeout(t);
  }, [api, id, draft, interview, inOrder]);

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
      const note = await inOrder(() =>
        api.notes_add({ interview_id: id, input: { text: draft, is_quote: isQuote, speaker_id: isQuote ? speaker || null : null } }),
      );
      setNotes((n) => [...n, note]);
      lastSaved.current = "";
      setDraft("");
      setIsQuote(false);
      setError(null);
    } catch (e) {
      setError(e instanceof IpcError ? e.message : String(e));
    }
  };

  const createFinding = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const f = await api.findings_create({ input: {
        title: findingTitle,
        detail: "",
        status: "open",
        tags: findingTags.split(/[,\s]+/).filter(Boolean),
        evidence_note_ids: selected,
        recommendation: "",
        row_ids: [],
      } });
      setMade(`Created finding “${f.title}” from ${f.evidence.length} note${f.evidence.length === 1 ? "" : "s"}.`);
      setSelected([]);
      setFindingTitle("");
      setFindingTags("");
      setFindingError({});
    } catch (err) {
      if (err instanceof IpcError && err.field) setFindingError({ [err.field]: err.message });
      else setError(String(err));
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
            <button className="primary" data-testid="interview-start" onClick={() => void act(api.interviews_start({ id }))}>
              Start
            </button>
          )}
          {interview.status === "running" && (
            <button data-testid="interview-finish" onClick={() => void act(api.interviews_finish({ id }))}>
              Finish
            </button>
          )}
          {interview.status === "done" && <span className="badge">done</span>}
          <button data-testid="interview-report" onClick={() => setShowReport((r) => !r)} aria-expanded={showReport}>
            Report
          </button>
          <button onClick={onClose}>Close</button>
        </div>
      </header>
      <ErrorBanner message={error} />
      {showReport && <ReportPanel api={api} request={{ kind: "interview", id }} label="Interview report" testId="interview-export" />}
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
                <input
                  type="checkbox"
                  aria-label={`Select note: ${n.text}`}
                  data-select-note={n.text}
                  checked={selected.includes(n.id)}
                  onChange={(e) => setSelected((s) => (e.target.checked ? [...s, n.id] : s.filter((x) => x !== n.id)))}
                />
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
          {made && (
            <p className="sr-status" role="status" data-testid="finding-made">
              {made}
            </p>
          )}
          {selected.length > 0 && (
            <form className="card form" onSubmit={createFinding} data-testid="finding-form" noValidate>
              <h2>
                Create a finding from {selected.length} selected note{selected.length === 1 ? "" : "s"}
              </h2>
              <div className="grid2">
                <Field id="finding-title" label="What did you learn?" error={findingError.title ?? findingError.evidence}>
                  {(a) => <input {...a} value={findingTitle} onChange={(e) => setFindingTitle(e.target.value)} autoComplete="off" />}
                </Field>
                <Field id="finding-tags" label="Tags" error={findingError.tags} hint="Separated by commas or spaces">
                  {(a) => <input {...a} value={findingTags} onChange={(e) => setFindingTags(e.target.value)} autoComplete="off" />}
                </Field>
              </div>
              <div className="actions">
                <button type="submit" className="primary" data-testid="finding-create">
                  Create finding
                </button>
                <button type="button" onClick={() => setSelected([])}>
                  Clear selection
                </button>
              </div>
            </form>
          )}
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
