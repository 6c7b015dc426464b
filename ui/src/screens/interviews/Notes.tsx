import { useEffect, useRef } from "react";
import type { LintFinding } from "../../bindings/LintFinding";
import type { Note } from "../../bindings/Note";
import type { NoteInput } from "../../bindings/NoteInput";
import type { Person } from "../../bindings/Person";
import type { Api } from "../../lib/ipc";
import { Chips } from "../../kit/Chips";
import { ConflictDialog } from "../../kit/Conflict";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useForm } from "../../kit/useForm";
import { clock, tagPieces } from "./format";
import { useLeave, useVersion } from "./forms";

interface LineProps {
  note: Note;
  /** Who said it, for a quote. */
  speaker: string | null;
  selected: boolean;
  focused: boolean;
  onSelect: (on: boolean) => void;
  onEdit: () => void;
  onDelete: () => void;
  /** Opens the transcript where it was taken from, if it was. */
  onSource?: (() => void) | undefined;
}

/** One note on one line: when · what (line breaks kept) · its tags; a quote shows the words said,
 * who said them, and its tags as chips. */
export function NoteLine({ note, speaker, selected, focused, onSelect, onEdit, onDelete, onSource }: LineProps) {
  const short = note.display.length > 60 ? `${note.display.slice(0, 60)}…` : note.display;
  const cls = ["note", note.is_quote ? "quote" : "", focused ? "focused" : ""].filter(Boolean).join(" ");
  return (
    <li className={cls} data-note={note.text} data-note-id={note.id}>
      <input type="checkbox" aria-label={`Select note: ${short}`} data-select-note={note.text} checked={selected} onChange={(e) => onSelect(e.target.checked)} />
      <span className="at muted">{note.offset_seconds === null ? "—" : clock(note.offset_seconds)}</span>
      <span className="body" onDoubleClick={onEdit}>
        {note.is_quote ? (
          <>
            <q className="note-text">{note.display}</q>
            {speaker &&
              (note.speaker_id ? (
                <a className="muted speaker" href={`#/people/${encodeURIComponent(note.speaker_id)}`}>
                  {" "}
                  — {speaker}
                </a>
              ) : (
                <span className="muted speaker"> — {speaker}</span>
              ))} <Chips tags={note.tags} />
          </>
        ) : (
          <span className="note-text">
            {tagPieces(note.text, note.tags).map((p, i) =>
              p.tag ? (
                <span key={i} className="chip">
                  {p.text}
                </span>
              ) : (
                p.text
              ),
            )}
          </span>
        )}
      </span>
      <span className="note-actions">
        {onSource && (
          <button type="button" className="link" data-testid="note-source" aria-label={`Show in the transcript: ${short}`} onClick={onSource}>
            Transcript
          </button>
        )}
        <button type="button" className="link" data-testid="note-edit" aria-label={`Edit note: ${short}`} onClick={onEdit}>
          Edit
        </button>
        <button type="button" className="link danger-text" data-testid="note-delete" aria-label={`Delete note: ${short}`} onClick={onDelete}>
          Delete
        </button>
      </span>
    </li>
  );
}

interface EditorProps {
  api: Api;
  note: Note;
  /** Who can be quoted: the interviewees. */
  people: readonly Person[];
  onSaved: (n: Note) => void;
  onClose: () => void;
}

const COMPARED = [
  { key: "text", label: "Text" },
  { key: "kind", label: "Kind" },
  { key: "speaker", label: "Said by" },
];

/** Edits a note where it is: its text (line breaks kept), note ⇄ quote, who said it. Enter
 * saves, Shift+Enter starts a new line, Ctrl+Q toggles quote, Escape leaves (asking first if
 * something changed). */
export function NoteEditor({ api, note, people, onSaved, onClose }: EditorProps) {
  const form = useForm<NoteInput>({ text: note.text, is_quote: note.is_quote, speaker_id: note.speaker_id }, "note-edit", `note.${note.id}`);
  const edit = useVersion<Note>(note.version);
  const box = useRef<HTMLTextAreaElement>(null);
  useEffect(() => {
    const t = box.current;
    if (!t) return;
    t.focus();
    t.setSelectionRange(t.value.length, t.value.length);
  }, []);

  const v = form.values;
  const nameOf = (id: string | null) => people.find((p) => p.id === id)?.name ?? "";
  const shown = (x: NoteInput) => ({ text: x.text, kind: x.is_quote ? "Quote" : "Note", speaker: x.is_quote ? nameOf(x.speaker_id) : "" });
  const save = (from = edit.version) =>
    form.submit(
      async (x) => {
        const input = { ...x, speaker_id: x.is_quote ? x.speaker_id || people[0]?.id || null : null };
        onSaved(await api.notes_update({ id: note.id, version: from, input }));
      },
      { onConflict: edit.onConflict },
    );
  const close = useLeave(form, "Your edit of this note", onClose);
  const lines = v.text.split("\n").length;

  return (
    <li className={note.is_quote ? "note editing quote" : "note editing"} data-note={note.text} data-note-id={note.id}>
      <form
        className="note-editor"
        data-testid="note-editor"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
        onKeyDown={(e) => {
          if (e.key === "Escape") {
            e.preventDefault();
            e.stopPropagation();
            void close();
          } else if (e.key.toLowerCase() === "q" && e.ctrlKey) {
            e.preventDefault();
            form.set("is_quote", !v.is_quote);
          } else if (e.key === "Enter" && !e.shiftKey && !(e.target instanceof HTMLButtonElement)) {
            // Enter saves from the text, the quote box or the speaker alike.
            e.preventDefault();
            void save();
          }
        }}
      >
        {form.restored && <p className="muted small">Your unsaved edit of this note was kept.</p>}
        <ErrorBanner message={form.general} />
        <textarea
          ref={box}
          id="note-edit-text"
          aria-label="Note text"
          aria-invalid={Boolean(form.errors.text)}
          rows={Math.min(8, Math.max(2, lines))}
          value={v.text}
          onChange={(e) => form.set("text", e.target.value)}
        />
        {(form.errors.text ?? form.errors.speaker_id) && (
          <small className="field-error" role="alert" data-error-for="note-edit">
            {form.errors.text ?? form.errors.speaker_id}
          </small>
        )}
        <div className="editor-bar">
          <label className="inline">
            <input
              type="checkbox"
              data-testid="note-edit-quote"
              checked={v.is_quote}
              onChange={(e) => {
                form.set("is_quote", e.target.checked);
                if (e.target.checked && !v.speaker_id) form.set("speaker_id", people[0]?.id ?? null);
              }}
            />
            Verbatim quote
          </label>
          {v.is_quote && (
            <select
              id="note-edit-speaker_id"
              aria-label="Said by"
              data-testid="note-edit-speaker"
              value={v.speaker_id ?? ""}
              onChange={(e) => form.set("speaker_id", e.target.value || null)}
            >
              {people.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          )}
          <span className="editor-actions">
            <span className="muted small hint">Enter saves · Shift+Enter new line · Esc cancels</span>
            <button type="submit" className="primary" data-testid="note-edit-save" disabled={form.saving}>
              Save
            </button>
            <button type="button" onClick={() => void close()}>
              Cancel
            </button>
          </span>
        </div>
      </form>
      {edit.stale && (
        <ConflictDialog
          what="note"
          fields={COMPARED}
          mine={shown(v)}
          theirs={shown(edit.stale)}
          onKeepMine={() => {
            edit.resolve(edit.stale!);
            void save(edit.stale!.version);
          }}
          onTakeTheirs={() => {
            edit.resolve(edit.stale!);
            form.replace({ text: edit.stale!.text, is_quote: edit.stale!.is_quote, speaker_id: edit.stale!.speaker_id });
          }}
          onCancel={edit.dismiss}
        />
      )}
    </li>
  );
}

/** A question being typed that leads the interviewee, on two lines: the rules and the words
 * that trigger them (why, in one line and in full on hover), then a rewrite to use instead.
 * Nothing shows for a question that does not lead. */
export function QuestionCheck({ findings, onRewrite }: { findings: readonly LintFinding[] | null; onRewrite: (text: string) => void }) {
  const byRule = new Map<string, string[]>();
  for (const f of findings ?? []) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f.trigger]);
  const first = findings?.[0];
  return (
    <div aria-live="polite">
      {first && (
        <div className="question-check" data-testid="note-lint">
          <p className="why" title={findings.map((f) => `${f.rule}: ${f.explanation}`).join("\n")}>
            <span className="badge warn">leading</span>
            {[...byRule].map(([rule, triggers]) => (
              <span key={rule} className="lint-rule" data-rule={rule}>
                <strong>{rule}</strong> {triggers.map((t) => `“${t}”`).join(", ")}
              </span>
            ))}
            <span className="muted explain">{first.explanation}</span>
          </p>
          <p className="qc-rewrite">
            <span className="muted">Try:</span> <em data-testid="note-lint-suggestion">{first.suggestion}</em>{" "}
            <button type="button" className="link" data-testid="note-lint-use" onClick={() => onRewrite(first.suggestion)}>
              Use it
            </button>
          </p>
        </div>
      )}
    </div>
  );
}
