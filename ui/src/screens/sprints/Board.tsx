import { useEffect, useRef, useState } from "react";
import type { Card } from "../../bindings/Card";
import type { Lane } from "../../bindings/Lane";
import type { Sprint } from "../../bindings/Sprint";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { ConflictDialog } from "../../kit/Conflict";
import { useConfirm } from "../../kit/Dialogs";
import { useToasts } from "../../kit/Toasts";
import { Adder } from "./Adder";

export const LANES: { id: Lane; label: string }[] = [
  { id: "todo", label: "To do" },
  { id: "doing", label: "Doing" },
  { id: "done", label: "Done" },
];

/** Where a keyboard move puts a card: Alt+←/→ changes lane (to its end), Alt+↑/↓ moves it within its lane. */
export function keyboardTarget(cards: Card[], card: Card, key: string): { lane: Lane; index: number } | null {
  const laneIdx = LANES.findIndex((l) => l.id === card.lane);
  const inLane = cards.filter((c) => c.lane === card.lane);
  const at = inLane.findIndex((c) => c.id === card.id);
  if (key === "ArrowRight" || key === "ArrowLeft") {
    const next = LANES[laneIdx + (key === "ArrowRight" ? 1 : -1)];
    return next ? { lane: next.id, index: cards.filter((c) => c.lane === next.id).length } : null;
  }
  if (key === "ArrowUp" && at > 0) return { lane: card.lane, index: at - 1 };
  if (key === "ArrowDown" && at < inLane.length - 1) return { lane: card.lane, index: at + 1 };
  return null;
}

interface Props {
  api: Api;
  sprint: Sprint;
  onChange: (s: Sprint) => void;
  onError: (m: string | null) => void;
  /** Reads the sprint again (after a delete or an Undo). */
  reload: () => void;
}

/** A card's title, edited in place: Enter saves (from the version the edit started at), Escape
 * cancels — asking first if the title was changed. */
function RenameCard({ api, card, onSaved, onDone }: { api: Api; card: Card; onSaved: (s: Sprint) => void; onDone: () => void }) {
  const [title, setTitle] = useState(card.title);
  const [version, setVersion] = useState(card.version);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Card | null>(null);
  const confirm = useConfirm();
  const save = async (from = version) => {
    try {
      onSaved(await api.sprints_rename_card({ id: card.id, version: from, title }));
      onDone();
    } catch (e) {
      if (e instanceof IpcError && e.code === "conflict") setConflict(e.current as Card);
      else setError(e instanceof Error ? e.message : String(e));
    }
  };
  const cancel = async () => {
    if (title === card.title || (await confirm({ title: "Discard your changes?", body: "The new title will be lost.", confirmLabel: "Discard", danger: true }))) onDone();
  };
  return (
    <form
      className="rename-card"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      onKeyDown={(e) => {
        if (e.key === "Escape" && !(e.target as HTMLElement).closest(".modal")) {
          e.preventDefault();
          e.stopPropagation();
          void cancel();
        }
      }}
    >
      <input
        aria-label={`New title for ${card.title}`}
        data-testid="card-rename-input"
        autoFocus
        value={title}
        aria-invalid={Boolean(error)}
        onChange={(e) => {
          setTitle(e.target.value);
          setError(null);
        }}
      />
      {error && (
        <small className="field-error" role="alert" data-error-for="card-title">
          {error}
        </small>
      )}
      <span className="actions">
        <button type="submit" className="primary" data-testid="card-rename-save">
          Save
        </button>
        <button type="button" onClick={() => void cancel()}>
          Cancel
        </button>
      </span>
      {conflict && (
        <ConflictDialog
          what="card"
          fields={[{ key: "title", label: "Title" }]}
          mine={{ title }}
          theirs={{ title: conflict.title }}
          onKeepMine={() => {
            setVersion(conflict.version);
            setConflict(null);
            void save(conflict.version);
          }}
          onTakeTheirs={() => {
            setVersion(conflict.version);
            setTitle(conflict.title);
            setConflict(null);
          }}
          onCancel={() => setConflict(null)}
        />
      )}
    </form>
  );
}

/** The To do / Doing / Done board. Cards move by drag and drop or from the keyboard; every move
 * goes through the core. A title is edited in place (F2 or ✎); a deleted card comes back with Undo. */
export function Board({ api, sprint, onChange, onError, reload }: Props) {
  const [announce, setAnnounce] = useState("");
  const [renaming, setRenaming] = useState<string | null>(null);
  const toasts = useToasts();
  const refocus = useRef<string | null>(null);
  const cards = sprint.cards;

  useEffect(() => {
    if (refocus.current) {
      document.querySelector<HTMLElement>(`[data-card-id="${refocus.current}"]`)?.focus();
      refocus.current = null;
    }
  }, [sprint, renaming]);

  const move = async (card: Card, lane: Lane, index: number) => {
    try {
      const s = await api.sprints_move_card({ id: card.id, lane, index });
      refocus.current = card.id;
      onChange(s);
      onError(null);
      const label = LANES.find((l) => l.id === lane)!.label;
      const count = s.cards.filter((c) => c.lane === lane).length;
      const pos = s.cards.filter((c) => c.lane === lane).findIndex((c) => c.id === card.id) + 1;
      setAnnounce(`Moved “${card.title}” to ${label}, ${pos} of ${count}`);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  /** Applies a keyboard-style move; false when the key means nothing for this card. */
  const step = (card: Card, key: string) => {
    const to = keyboardTarget(cards, card, key);
    if (to) void move(card, to.lane, to.index);
    return to !== null;
  };

  const remove = async (card: Card) => {
    try {
      const entry = await api.sprints_delete_card({ id: card.id });
      reload();
      toasts.deleted(entry, reload);
    } catch (e) {
      onError(e instanceof Error ? e.message : String(e));
    }
  };

  const drop = (e: React.DragEvent, lane: Lane, index: number) => {
    e.preventDefault();
    e.stopPropagation();
    const card = cards.find((c) => c.id === e.dataTransfer.getData("text/plain"));
    if (card) void move(card, lane, index);
  };

  const stopRenaming = (id: string) => {
    refocus.current = id;
    setRenaming(null);
  };

  return (
    <section className="board-wrap" aria-labelledby="board-title">
      <h2 id="board-title">
        Board{" "}
        <span className={cards.length > sprint.card_limit ? "badge warn" : "badge muted"} data-testid="card-count">
          {cards.length} / {sprint.card_limit} cards
        </span>
      </h2>
      <Adder
        id="card"
        field="title"
        label="Add a card to To do"
        testId="card-new"
        button="Add card"
        draftKey={`sprint.${sprint.id}.card`}
        save={async (title, acked) => {
          onChange(await api.sprints_add_card({ sprint_id: sprint.id, title, over_limit_ok: acked }));
          onError(null);
        }}
        ack={{ testId: "over-limit", confirmLabel: "Add anyway", confirmTestId: "add-anyway", cancelLabel: "Keep the scope" }}
      />
      <div className="board">
        {LANES.map((lane) => {
          const inLane = cards.filter((c) => c.lane === lane.id);
          return (
            <section
              key={lane.id}
              className="board-lane"
              data-lane={lane.id}
              aria-label={lane.label}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => drop(e, lane.id, inLane.length)}
            >
              <h3>
                {lane.label} <span className="muted">{inLane.length}</span>
              </h3>
              <ul>
                {inLane.map((c, i) => (
                  <li
                    key={c.id}
                    className="board-card"
                    tabIndex={0}
                    draggable={renaming !== c.id}
                    data-card-id={c.id}
                    data-card={c.title}
                    aria-roledescription="card"
                    aria-label={`${c.title}, ${lane.label}, ${i + 1} of ${inLane.length}. Alt+arrows move it, F2 renames it.`}
                    onDragStart={(e) => e.dataTransfer.setData("text/plain", c.id)}
                    onDragOver={(e) => e.preventDefault()}
                    onDrop={(e) => drop(e, lane.id, i)}
                    onKeyDown={(e) => {
                      if (e.target !== e.currentTarget) return;
                      if (e.key === "F2") {
                        e.preventDefault();
                        setRenaming(c.id);
                      } else if (e.altKey && step(c, e.key)) e.preventDefault();
                    }}
                  >
                    {renaming === c.id ? (
                      <RenameCard api={api} card={c} onSaved={onChange} onDone={() => stopRenaming(c.id)} />
                    ) : (
                      <>
                        <span className="card-title">{c.title}</span>
                        <span className="card-actions">
                          {lane.id !== "todo" && (
                            <button aria-label={`Move ${c.title} left`} onClick={() => step(c, "ArrowLeft")}>
                              ←
                            </button>
                          )}
                          {lane.id !== "done" && (
                            <button aria-label={`Move ${c.title} right`} onClick={() => step(c, "ArrowRight")}>
                              →
                            </button>
                          )}
                          <button aria-label={`Rename ${c.title}`} data-testid="card-rename" onClick={() => setRenaming(c.id)}>
                            ✎
                          </button>
                          <button aria-label={`Delete ${c.title}`} data-testid="card-delete" onClick={() => void remove(c)}>
                            ×
                          </button>
                        </span>
                      </>
                    )}
                  </li>
                ))}
              </ul>
              {inLane.length === 0 && <p className="muted small lane-empty">Drop a card here</p>}
            </section>
          );
        })}
      </div>
      <p className="muted small">
        Drag a card, or focus it and press Alt+← / Alt+→ to change column, Alt+↑ / Alt+↓ to reorder, F2 to rename.
      </p>
      <p className="sr-only" aria-live="polite" data-testid="board-announce">
        {announce}
      </p>
    </section>
  );
}
