import { useEffect, useRef, useState } from "react";
import type { Card } from "../../bindings/Card";
import type { Lane } from "../../bindings/Lane";
import type { Sprint } from "../../bindings/Sprint";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";

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

/** The To do / Doing / Done board. Cards move by drag and drop or from the keyboard; every move goes through the core. */
export function Board({ api, sprint, onChange, onError }: { api: Api; sprint: Sprint; onChange: (s: Sprint) => void; onError: (m: string | null) => void }) {
  const [title, setTitle] = useState("");
  const [overLimit, setOverLimit] = useState<string | null>(null);
  const [announce, setAnnounce] = useState("");
  const refocus = useRef<string | null>(null);
  const cards = sprint.cards;

  useEffect(() => {
    if (refocus.current) {
      document.querySelector<HTMLElement>(`[data-card-id="${refocus.current}"]`)?.focus();
      refocus.current = null;
    }
  }, [sprint]);

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

  const add = async (overLimitOk: boolean) => {
    try {
      onChange(await api.sprints_add_card({ sprint_id: sprint.id, title, over_limit_ok: overLimitOk }));
      setTitle("");
      setOverLimit(null);
      onError(null);
    } catch (e) {
      if (e instanceof IpcError && e.code === "needs_ack") setOverLimit(e.message);
      else onError(e instanceof Error ? e.message : String(e));
    }
  };

  const drop = (e: React.DragEvent, lane: Lane, index: number) => {
    e.preventDefault();
    e.stopPropagation();
    const card = cards.find((c) => c.id === e.dataTransfer.getData("text/plain"));
    if (card) void move(card, lane, index);
  };

  return (
    <section className="board-wrap" aria-labelledby="board-title">
      <h2 id="board-title">
        Board{" "}
        <span className={cards.length > sprint.card_limit ? "badge warn" : "badge muted"} data-testid="card-count">
          {cards.length} / {sprint.card_limit} cards
        </span>
      </h2>
      <form
        className="card-adder"
        onSubmit={(e) => {
          e.preventDefault();
          void add(false);
        }}
      >
        <input aria-label="New card" data-testid="card-new" placeholder="Add a card to To do…" value={title} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" disabled={!title.trim()}>
          Add card
        </button>
      </form>
      {overLimit && (
        <div className="banner warn" role="alert" data-testid="over-limit">
          <p>{overLimit}</p>
          <div className="actions">
            <button data-testid="add-anyway" onClick={() => void add(true)}>
              Add anyway
            </button>
            <button onClick={() => setOverLimit(null)}>Keep the scope</button>
          </div>
        </div>
      )}
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
                    draggable
                    data-card-id={c.id}
                    data-card={c.title}
                    aria-roledescription="card"
                    aria-label={`${c.title}, ${lane.label}, ${i + 1} of ${inLane.length}. Alt+arrows move it.`}
                    onDragStart={(e) => e.dataTransfer.setData("text/plain", c.id)}
                    onDragOver={(e) => e.preventDefault()}
                    onDrop={(e) => drop(e, lane.id, i)}
                    onKeyDown={(e) => {
                      if (e.target !== e.currentTarget || !e.altKey) return;
                      if (step(c, e.key)) e.preventDefault();
                    }}
                  >
                    <span>{c.title}</span>
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
                      <button
                        aria-label={`Delete ${c.title}`}
                        onClick={() =>
                          void api
                            .sprints_delete_card({ id: c.id })
                            .then(() => api.sprints_get({ id: sprint.id }))
                            .then(onChange, (e: Error) => onError(e.message))
                        }
                      >
                        ×
                      </button>
                    </span>
                  </li>
                ))}
              </ul>
              {inLane.length === 0 && <p className="muted small lane-empty">Drop a card here</p>}
            </section>
          );
        })}
      </div>
      <p className="muted small">Drag a card, or focus it and press Alt+← / Alt+→ to change column and Alt+↑ / Alt+↓ to reorder.</p>
      <p className="sr-only" aria-live="polite" data-testid="board-announce">
        {announce}
      </p>
    </section>
  );
}
