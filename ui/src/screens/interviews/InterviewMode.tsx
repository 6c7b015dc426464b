import { useCallback, useEffect, useRef, useState } from "react";
import type { Guide } from "../../bindings/Guide";
import type { Interview } from "../../bindings/Interview";
import type { Note } from "../../bindings/Note";
import type { TranscriptSummary } from "../../bindings/TranscriptSummary";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { dateTime } from "../../lib/dates";
import { plural } from "../../lib/labels";
import { useLint } from "../../lib/useLint";
import { ReportPanel } from "../../components/ReportPanel";
import { Field } from "../../kit/Field";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { NoteEditor, NoteLine, QuestionCheck } from "./Notes";
import { clock, heldLabel, questionAt, remaining } from "./format";
import { TranscriptTab } from "./transcript/TranscriptTab";
import { TRANSCRIPT_FILES, useFileDrop, useImport } from "./transcript/useImport";

export type ModeTab = "notes" | "transcript";

const AUTOSAVE_MS = 250;

interface Props {
  api: Api;
  id: string;
  /** A note to scroll to and highlight, or `<transcript id>/<cue>` (search hits). */
  focus: string | null;
  tab: ModeTab;
  /** The transcript the route names, on the Transcript tab. */
  transcriptId: string | null;
  /** Shows a tab (and on the Transcript tab, a transcript and a cue to focus). */
  onOpen: (tab: ModeTab, transcriptId?: string | null, focus?: string | null) => void;
  onClose: () => void;
  onEdit: () => void;
  /** The interview went to the trash. */
  onDeleted: () => void;
  /** Undo brought it back. */
  onRestored: () => void;
}

/** The focused screen used while interviewing: the clock, where the guide is, and fast capture.
 * The header (clock, guide progress, Finish) and the note box stay on screen however many notes
 * there are; each note is one line and can be edited or deleted where it is. */
export function InterviewMode({ api, id, focus, tab, transcriptId, onOpen, onClose, onEdit, onDeleted, onRestored }: Props) {
  const [interview, setInterview] = useState<Interview | null>(null);
  const [notes, setNotes] = useState<Note[]>([]);
  const [guide, setGuide] = useState<Guide | null>(null);
  const [draft, setDraft] = useState("");
  const [saved, setSaved] = useState<"saved" | "saving" | "error">("saved");
  const [isQuote, setIsQuote] = useState(false);
  const [speaker, setSpeaker] = useState("");
  const [now, setNow] = useState(() => Date.now());
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [asked, setAsked] = useState<number | null>(null);
  const [selected, setSelected] = useState<string[]>([]);
  const [findingTitle, setFindingTitle] = useState("");
  const [findingTags, setFindingTags] = useState("");
  const [findingError, setFindingError] = useState<Record<string, string>>({});
  const [made, setMade] = useState<string | null>(null);
  const [showReport, setShowReport] = useState(false);
  const toasts = useToasts();
  const box = useRef<HTMLTextAreaElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const section = useRef<HTMLElement>(null);
  const head = useRef<HTMLElement>(null);

  const loadNotes = useCallback(() => api.notes_list({ interview_id: id }).then(setNotes, (e: Error) => setError(e.message)), [api, id]);
  const [transcripts, setTranscripts] = useState<TranscriptSummary[] | null>(null);
  const loadTranscripts = useCallback(
    () => api.transcripts_list({ interview_id: id }).then(setTranscripts, (e: Error) => setError(e.message)),
    [api, id],
  );
  useEffect(() => {
    void loadTranscripts();
  }, [loadTranscripts]);
  const importer = useImport(
    api,
    id,
    useCallback(
      (t: TranscriptSummary) => {
        void loadTranscripts();
        onOpen("transcript", t.id);
      },
      [loadTranscripts, onOpen],
    ),
  );
  // A transcript dropped anywhere on the interview is imported into it.
  const dragging = useFileDrop((paths) => {
    const path = paths.find((p) => TRANSCRIPT_FILES.test(p)) ?? paths[0];
    if (!path) return;
    onOpen("transcript", transcriptId);
    void importer.importPath(path);
  });
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
    void loadNotes();
  }, [api, id, loadNotes]);

  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);

  // The guide column sticks below the header, whatever height the header has.
  const loaded = interview !== null;
  useEffect(() => {
    const [h, s] = [head.current, section.current];
    if (!h || !s) return;
    const ro = new ResizeObserver(() => s.style.setProperty("--mode-head", `${h.offsetHeight}px`));
    ro.observe(h);
    return () => ro.disconnect();
  }, [loaded]);

  // A note opened from search: scrolled to and highlighted once the notes are in.
  const hasNotes = notes.length > 0;
  useEffect(() => {
    if (focus && hasNotes && tab === "notes") list.current?.querySelector(`[data-note-id="${CSS.escape(focus)}"]`)?.scrollIntoView({ block: "center" });
  }, [focus, hasNotes, tab]);

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

  // A question being typed is checked for leading wording as it is typed.
  const typed = draft.trim();
  const findings = useLint(api, typed.endsWith("?") ? typed : "");

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
      requestAnimationFrame(() => list.current?.lastElementChild?.scrollIntoView({ block: "nearest" }));
    } catch (e) {
      setError(e instanceof IpcError ? e.message : String(e));
    }
  };

  const deleteNote = async (n: Note) => {
    try {
      const entry = await api.notes_delete({ id: n.id });
      setNotes((ns) => ns.filter((x) => x.id !== n.id));
      setSelected((s) => s.filter((x) => x !== n.id));
      toasts.deleted(entry, () => void loadNotes());
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const deleteInterview = async () => {
    try {
      const entry = await api.interviews_delete({ id });
      toasts.deleted(entry, onRestored);
      onDeleted();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const createFinding = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const f = await api.findings_create({
        input: {
          title: findingTitle,
          detail: "",
          status: "open",
          tags: findingTags.split(/[,\s]+/).filter(Boolean),
          evidence_note_ids: selected,
          recommendation: "",
          row_ids: [],
        },
      });
      setMade(`Created finding “${f.title}” from ${plural(f.evidence.length, "note")}.`);
      setSelected([]);
      setFindingTitle("");
      setFindingTags("");
      setFindingError({});
    } catch (err) {
      if (err instanceof IpcError && err.field) setFindingError({ [err.field]: err.message });
      else setError(String(err));
    }
  };

  if (!interview) return <p className="muted page">{error ?? "Loading…"}</p>;
  const left = remaining(interview, now);
  const names = new Map(interview.interviewees.map((p) => [p.id, p.name]));
  const items = guide?.items ?? [];
  const elapsed = interview.started_at ? interview.duration_minutes * 60 - left : 0;
  const current = Math.min(items.length - 1, asked ?? questionAt(items.map((i) => i.minutes), elapsed));
  const question = items[current];
  const done = interview.status === "done";

  return (
    <section className="interview-mode" data-testid="interview-mode" ref={section}>
      <header className="mode-head" ref={head} data-testid="mode-head">
        <div className="mode-title">
          <h1 id="page-title" tabIndex={-1} title={interview.title}>
            {interview.title}
          </h1>
        </div>
        <p className="muted small mode-meta">
          With{" "}
          {interview.interviewees.map((p, n) => (
            <span key={p.id}>
              {n > 0 && " and "}
              <a href={`#/people/${encodeURIComponent(p.id)}`} data-testid="interviewee-link">
                {p.name}
              </a>
            </span>
          ))}
          {interview.note_taker && (
            <>
              {" · notes: "}
              <a href={`#/people/${encodeURIComponent(interview.note_taker.id)}`}>{interview.note_taker.name}</a>
            </>
          )}{" "}
          · {dateTime(interview.scheduled_at)}
        </p>
        <div className="timer-box">
          {done ? (
            <>
              <span className="timer held" data-testid="timer">
                {heldLabel(interview.held_minutes)}
              </span>
              <span className="badge">done</span>
            </>
          ) : (
            <span className={left < 0 ? "timer over" : left < 300 ? "timer soon" : "timer"} data-testid="timer" aria-live="off">
              {clock(left)}
            </span>
          )}
          {interview.status === "planned" && (
            <button className="primary" data-testid="interview-start" onClick={() => void act(api.interviews_start({ id }))}>
              Start
            </button>
          )}
          {interview.status === "running" && (
            <button className="primary" data-testid="interview-finish" onClick={() => void act(api.interviews_finish({ id }))}>
              Finish
            </button>
          )}
        </div>
        <div className="mode-tools">
          {interview.status === "planned" && (
            <button
              data-testid="interview-ics"
              onClick={() =>
                api.calendar_save_interview({ id }).then(
                  (path) => path && toasts.say(`Saved the calendar invite to ${path}`),
                  (e: Error) => toasts.say(e.message),
                )
              }
            >
              Add to calendar (.ics)
            </button>
          )}
          <button data-testid="interview-report" onClick={() => setShowReport((r) => !r)} aria-expanded={showReport}>
            Report
          </button>
          <button data-testid="interview-edit" onClick={onEdit}>
            Edit
          </button>
          <button className="danger-text" data-testid="interview-delete" onClick={() => void deleteInterview()}>
            Delete
          </button>
          <button data-testid="interview-close" onClick={onClose}>
            Close
          </button>
        </div>
        {question && !done && (
          <div className="guide-progress" data-testid="guide-progress">
            <button className="step" aria-label="Previous question" disabled={current === 0} onClick={() => setAsked(current - 1)}>
              ‹
            </button>
            <strong>
              Question {current + 1} of {items.length}
            </strong>
            <span className="guide-now" title={question.text}>
              {question.text}
            </span>
            <button className="step" aria-label="Next question" disabled={current >= items.length - 1} onClick={() => setAsked(current + 1)}>
              ›
            </button>
          </div>
        )}
        <div className="tabs mode-tabs" role="tablist" aria-label="Interview">
          <button role="tab" aria-selected={tab === "notes"} data-testid="interview-tab-notes" onClick={() => onOpen("notes")}>
            Notes <span className="badge muted">{notes.length}</span>
          </button>
          <button role="tab" aria-selected={tab === "transcript"} data-testid="interview-tab-transcript" onClick={() => onOpen("transcript", transcriptId)}>
            Transcript {transcripts && transcripts.length > 0 && <span className="badge muted">{transcripts.length}</span>}
          </button>
        </div>
      </header>
      {dragging && (
        <div className="drop-target" data-testid="transcript-drop" aria-hidden="true">
          Drop a .vtt, .srt or .txt transcript to add it to this interview
        </div>
      )}
      <ErrorBanner message={error} />
      {showReport && <ReportPanel api={api} request={{ kind: "interview", id }} label="Interview report" testId="interview-export" />}
      {tab === "transcript" ? (
        <TranscriptTab
          api={api}
          interview={interview}
          transcripts={transcripts}
          transcriptId={transcriptId}
          focus={focus}
          importer={importer}
          onOpen={(t) => onOpen("transcript", t)}
          onChanged={() => void loadTranscripts()}
          onNotesChanged={() => void loadNotes()}
        />
      ) : (
        <div className="mode-grid">
          <aside className="card guide-panel" aria-label="Guide">
            <h2>Guide</h2>
            {guide ? (
              <ol data-testid="mode-guide">
                {items.map((i, n) => (
                  <li key={i.id} className={n === current && !done ? "current" : undefined}>
                    <button type="button" className="guide-item" onClick={() => setAsked(n)} aria-current={n === current && !done ? "step" : undefined}>
                      {i.text} <span className="muted small">{i.minutes} min</span>
                    </button>
                  </li>
                ))}
              </ol>
            ) : (
              <p className="muted small">No guide. Ask about the last time they did the thing; follow their story.</p>
            )}
          </aside>
          <div className="notes-col">
            <ol className="notes" data-testid="notes" ref={list}>
              {notes.map((n) =>
                n.id === editing ? (
                  <NoteEditor
                    key={n.id}
                    api={api}
                    note={n}
                    people={interview.interviewees}
                    onSaved={(saved) => {
                      setNotes((ns) => ns.map((x) => (x.id === saved.id ? saved : x)));
                      setEditing(null);
                    }}
                    onClose={() => setEditing(null)}
                  />
                ) : (
                  <NoteLine
                    key={n.id}
                    note={n}
                    speaker={n.is_quote && n.speaker_id ? (names.get(n.speaker_id) ?? "?") : null}
                    selected={selected.includes(n.id)}
                    focused={n.id === focus}
                    onSource={n.source ? () => onOpen("transcript", n.source!.transcript_id, `${n.source!.transcript_id}/${n.source!.from_cue}`) : undefined}
                    onSelect={(on) => setSelected((s) => (on ? [...s, n.id] : s.filter((x) => x !== n.id)))}
                    onEdit={() => setEditing(n.id)}
                    onDelete={() => void deleteNote(n)}
                  />
                ),
              )}
              {notes.length === 0 && <li className="muted">No notes yet.</li>}
            </ol>
            {made && (
              <p className="sr-status" role="status" data-testid="finding-made">
                {made}
              </p>
            )}
            {selected.length > 0 && (
              <form className="card form" onSubmit={createFinding} data-testid="finding-form" noValidate>
                <h2>Create a finding from {plural(selected.length, "selected note")}</h2>
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
              <QuestionCheck
                findings={findings}
                onRewrite={(text) => {
                  setDraft(text);
                  box.current?.focus();
                }}
              />
              <textarea
                ref={box}
                data-testid="note-input"
                aria-label="Note"
                rows={2}
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
      )}
    </section>
  );
}
