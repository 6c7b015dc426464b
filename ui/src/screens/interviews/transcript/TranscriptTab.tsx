import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Interview } from "../../../bindings/Interview";
import type { TranscriptSpan } from "../../../bindings/TranscriptSpan";
import type { TranscriptSummary } from "../../../bindings/TranscriptSummary";
import type { TranscriptView } from "../../../bindings/TranscriptView";
import type { Api } from "../../../lib/ipc";
import { IpcError } from "../../../lib/ipc";
import { dateTime } from "../../../lib/dates";
import { useDebounced } from "../../../lib/hooks";
import { plural } from "../../../lib/labels";
import { ErrorBanner } from "../../../kit/ErrorBanner";
import { useToasts } from "../../../kit/Toasts";
import { AuditPanel } from "./AuditPanel";
import { mappingOf, Speakers } from "./Speakers";
import { Timeline } from "./Timeline";
import { findHits, leadingMarks, pulledMarks, spanOf, spanWords, stamp, stepHit, whoIs, type Hit, type Mark } from "./text";
import type { Importer } from "./useImport";
import "./transcript.css";

interface Props {
  api: Api;
  interview: Interview;
  transcripts: readonly TranscriptSummary[] | null;
  /** The transcript the route names (else the first one is shown). */
  transcriptId: string | null;
  /** `<transcript id>/<cue seq>`: the cue to scroll to and highlight (a search hit). */
  focus: string | null;
  importer: Importer;
  /** Shows another transcript (or, with `null`, the first). */
  onOpen: (transcriptId: string | null) => void;
  /** The interview's transcripts changed (deleted, restored, speakers mapped). */
  onChanged: () => void;
  /** Notes changed (a quote or note pulled, or quotes re-attributed). */
  onNotesChanged: () => void;
}

/** The interview's transcripts: import (picker or drop), speakers, the timeline with search and
 * pulling quotes and notes from a selection, and the interviewer audit. */
export function TranscriptTab({ api, interview, transcripts, transcriptId, focus, importer, onOpen, onChanged, onNotesChanged }: Props) {
  const toasts = useToasts();
  const focusTid = focus?.includes("/") ? focus.split("/")[0]! : null;
  const shown = transcripts?.find((t) => t.id === (transcriptId ?? focusTid)) ?? transcripts?.[0] ?? null;
  const tid = shown?.id ?? null;

  // The view of the transcript shown; one of another id (still loading) is not shown.
  const [loaded, setLoaded] = useState<{ id: string; view: TranscriptView } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(
    (id: string) =>
      api.transcripts_get({ id }).then(
        (view) => setLoaded({ id, view }),
        (e: Error) => setError(e.message),
      ),
    [api],
  );
  useEffect(() => {
    if (tid) void load(tid);
  }, [tid, load]);
  const view = loaded && loaded.id === tid ? loaded.view : null;

  const del = async () => {
    if (!shown) return;
    try {
      const entry = await api.transcripts_delete({ id: shown.id });
      toasts.deleted(entry, onChanged);
      onOpen(null);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <div className="transcript-tab" data-testid="transcript-tab">
      <div className="tr-head">
        {transcripts && transcripts.length > 1 ? (
          <select aria-label="Transcript" data-testid="transcript-pick" value={tid ?? ""} onChange={(e) => onOpen(e.target.value)}>
            {transcripts.map((t) => (
              <option key={t.id} value={t.id}>
                {t.file_name}
              </option>
            ))}
          </select>
        ) : (
          shown && (
            <strong className="tr-file" title={shown.file_name}>
              {shown.file_name}
            </strong>
          )
        )}
        {shown && (
          <span className="muted small tr-meta" data-testid="transcript-meta">
            {plural(shown.cue_count, "cue")} · {stamp(shown.duration_ms)} · {plural(shown.word_count, "word")} · imported {dateTime(shown.imported_at)}
          </span>
        )}
        <span className="tr-actions">
          <button type="button" data-testid="transcript-import" disabled={importer.busy} onClick={() => void importer.pick()}>
            {importer.busy ? "Importing…" : "Import transcript…"}
          </button>
          {shown && (
            <button type="button" className="danger-text" data-testid="transcript-delete" onClick={() => void del()}>
              Delete transcript
            </button>
          )}
        </span>
      </div>
      {importer.error && (
        <div className="banner error tr-import-error" role="alert">
          <span data-testid="transcript-import-error">{importer.error}</span>
          <button type="button" className="link" aria-label="Dismiss" data-testid="transcript-import-dismiss" onClick={importer.clear}>
            ×
          </button>
        </div>
      )}
      <ErrorBanner message={error} />
      {transcripts && transcripts.length === 0 && (
        <p className="empty" data-testid="transcript-empty">
          No transcript yet. Import a WebVTT (.vtt), SubRip (.srt) or plain-text (.txt) transcript from your call recorder, or drop the file here.
        </p>
      )}
      {view && (
        <Loaded
          key={view.transcript.id}
          api={api}
          interview={interview}
          view={view}
          focusSeq={focusTid === view.transcript.id ? Number(focus!.split("/")[1]) : null}
          focus={focus}
          setView={(v) => setLoaded({ id: v.transcript.id, view: v })}
          reload={() => void load(view.transcript.id)}
          onChanged={onChanged}
          onNotesChanged={onNotesChanged}
        />
      )}
    </div>
  );
}

interface LoadedProps {
  api: Api;
  interview: Interview;
  view: TranscriptView;
  /** The cue a search hit opened. */
  focusSeq: number | null;
  focus: string | null;
  setView: (v: TranscriptView) => void;
  reload: () => void;
  onChanged: () => void;
  onNotesChanged: () => void;
}

/** Where the selection is and what the user is making of it. */
interface Selection {
  span: TranscriptSpan;
  words: string;
  /** `choose`: Quote or Note; `note`: writing the note. */
  mode: "choose" | "note";
}

function Loaded({ api, interview, view, focusSeq, focus, setView, reload, onChanged, onNotesChanged }: LoadedProps) {
  const toasts = useToasts();
  const { cues, audit } = view;
  const tid = view.transcript.id;
  const who = useMemo(() => whoIs(view.speakers), [view.speakers]);

  // Speakers.
  const [mapping, setMapping] = useState(false);
  const [mapError, setMapError] = useState<string | null>(null);
  const map = async (label: string, choice: string) => {
    setMapping(true);
    try {
      setView(await api.transcripts_map_speaker({ id: tid, version: view.transcript.version, label, ...mappingOf(choice) }));
      setMapError(null);
      onChanged();
      onNotesChanged();
    } catch (e) {
      if (e instanceof IpcError && e.code === "conflict" && e.current) {
        setView(e.current as TranscriptView);
        setMapError("The speakers were changed elsewhere; they are shown as saved now. Pick again.");
      } else setMapError((e as Error).message);
    } finally {
      setMapping(false);
    }
  };

  // Search within the transcript: every hit marked, Enter / Shift+Enter step through them.
  const [search, setSearch] = useState({ query: "", at: 0 });
  const q = useDebounced(search.query, 150);
  const hits = useMemo(() => findHits(cues, q), [cues, q]);
  const at = hits.length ? Math.min(search.at, hits.length - 1) : 0;
  const hitsBySeq = useMemo(() => {
    const m = new Map<number, { hit: Hit; n: number }[]>();
    hits.forEach((hit, n) => m.set(hit.seq, [...(m.get(hit.seq) ?? []), { hit, n }]));
    return m;
  }, [hits]);

  // What the timeline scrolls to: the latest of a search step and a jump (an audit link), else
  // the search hit that opened the transcript.
  const [jump, setJump] = useState<{ seq: number; focus: string | null; by: "search" | "link" } | null>(null);
  const target = jump && jump.focus === focus ? (jump.by === "search" ? (hits[at]?.seq ?? focusSeq) : jump.seq) : focusSeq;
  const stepping = jump?.by === "search" && jump.focus === focus;
  const goTo = (seq: number, by: "search" | "link") => {
    if (by === "link" && jump?.by === "link" && jump.seq === seq && jump.focus === focus) {
      // The same moment again (scrolled away since): let go of it so the timeline scrolls back.
      setJump(null);
      requestAnimationFrame(() => setJump({ seq, focus, by }));
    } else setJump({ seq, focus, by });
  };
  const step = (dir: 1 | -1) => {
    if (!hits.length) return;
    // The first Enter goes to the first hit (Shift+Enter: the last), then on from there.
    const n = stepping ? stepHit(hits.length, at, dir) : dir === 1 ? 0 : hits.length - 1;
    setSearch((s) => ({ ...s, at: n }));
    goTo(hits[n]!.seq, "search");
  };

  const leading = useMemo(() => leadingMarks(audit, cues), [audit, cues]);
  const marks = (seq: number): Mark[] => {
    const len = cues[seq]?.text.length ?? 0;
    const found = (hitsBySeq.get(seq) ?? []).map(({ hit, n }) => ({ start: hit.start, end: hit.end, cls: n === at && stepping ? "tr-hit current" : "tr-hit" }));
    return [...(leading.get(seq) ?? []), ...pulledMarks(view.pulled, seq, len), ...found];
  };

  // Selecting words offers Quote and Note.
  const [sel, setSel] = useState<Selection | null>(null);
  const [noteText, setNoteText] = useState("");
  const [noteTags, setNoteTags] = useState("");
  const [pullError, setPullError] = useState<string | null>(null);
  const timeline = useRef<HTMLDivElement>(null);
  const readSelection = () => {
    const s = window.getSelection();
    const range = s && s.rangeCount > 0 && !s.isCollapsed ? s.getRangeAt(0) : null;
    const span = range && timeline.current?.contains(range.commonAncestorContainer) ? spanOf(range, tid) : null;
    const words = span ? spanWords(cues, span) : "";
    if (span && words) {
      setSel({ span, words, mode: "choose" });
      setPullError(null);
    } else if (sel?.mode === "choose") setSel(null);
  };
  const closeSel = () => {
    setSel(null);
    setNoteText("");
    setNoteTags("");
    setPullError(null);
  };
  const pull = async (isQuote: boolean) => {
    if (!sel) return;
    try {
      await api.transcripts_pull({
        input: {
          span: sel.span,
          is_quote: isQuote,
          text: isQuote ? null : noteText.trim() || null,
          tags: isQuote
            ? []
            : noteTags
                .split(/[,\s]+/)
                .map((t) => t.replace(/^#/, ""))
                .filter(Boolean),
        },
      });
      window.getSelection()?.removeAllRanges();
      closeSel();
      reload();
      onNotesChanged();
      toasts.say(isQuote ? "Quote added to the interview's notes." : "Note added to the interview's notes.");
    } catch (e) {
      setPullError((e as Error).message);
    }
  };

  return (
    <div className="tr-grid">
      <aside className="tr-side card" aria-label="Speakers and interviewer audit">
        <Speakers speakers={view.speakers} interview={interview} busy={mapping} error={mapError} onMap={(l, c) => void map(l, c)} />
        <AuditPanel audit={audit} onJump={(cue) => goTo(cue, "link")} />
      </aside>
      <div className="tr-main">
        <div className="tr-search" role="search">
          <input
            type="search"
            aria-label="Search this transcript"
            data-testid="transcript-search"
            placeholder="Search this transcript"
            value={search.query}
            onChange={(e) => setSearch({ query: e.target.value, at: 0 })}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                step(e.shiftKey ? -1 : 1);
              }
            }}
          />
          <span className="muted small tr-count" data-testid="transcript-search-count" aria-live="polite">
            {q ? (hits.length ? stepping ? `${at + 1} of ${hits.length}` : plural(hits.length, "match", "matches") : "No match") : ""}
          </span>
          <button type="button" className="step" aria-label="Previous match" data-testid="search-prev" disabled={!hits.length} onClick={() => step(-1)}>
            ↑
          </button>
          <button type="button" className="step" aria-label="Next match" data-testid="search-next" disabled={!hits.length} onClick={() => step(1)}>
            ↓
          </button>
        </div>
        <div ref={timeline} className="tr-timeline" onMouseUp={readSelection} onKeyUp={(e) => e.shiftKey && readSelection()}>
          <Timeline cues={cues} who={who} marks={marks} focusSeq={target} />
        </div>
        {sel && (
          <div className="tr-pull card" data-testid="pull-bar" onKeyDown={(e) => e.key === "Escape" && closeSel()}>
            <p className="pull-words" title={sel.words}>
              <span className="muted">Selected:</span> “{sel.words}”
            </p>
            {sel.mode === "choose" ? (
              <div className="pull-actions">
                <button type="button" className="primary" data-testid="pull-quote" onMouseDown={(e) => e.preventDefault()} onClick={() => void pull(true)}>
                  Quote
                </button>
                <button type="button" data-testid="pull-note" onMouseDown={(e) => e.preventDefault()} onClick={() => {
                    setSel({ ...sel, mode: "note" });
                    setPullError(null);
                  }}>
                  Note
                </button>
                <button type="button" className="link" onClick={closeSel}>
                  Cancel
                </button>
              </div>
            ) : (
              <form
                className="pull-note"
                data-testid="pull-note-form"
                onSubmit={(e) => {
                  e.preventDefault();
                  void pull(false);
                }}
              >
                <input
                  autoFocus
                  aria-label="Note"
                  data-testid="pull-note-text"
                  placeholder="Your note (the selected words if empty) — #tags inline"
                  value={noteText}
                  onChange={(e) => setNoteText(e.target.value)}
                />
                <input aria-label="Tags" data-testid="pull-note-tags" placeholder="Tags" value={noteTags} onChange={(e) => setNoteTags(e.target.value)} />
                <button type="submit" className="primary" data-testid="pull-note-save">
                  Add note
                </button>
                <button type="button" onClick={closeSel}>
                  Cancel
                </button>
              </form>
            )}
            {pullError && (
              <p className="field-error" role="alert" data-testid="pull-error">
                {pullError}
              </p>
            )}
          </div>
        )}
      </div>
    </div>
  );
}
