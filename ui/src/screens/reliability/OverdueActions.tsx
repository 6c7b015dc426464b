import type { ActionItem } from "../../bindings/ActionItem";
import type { Go } from "../../lib/routes";
import "./reliability.css";

/** Today's card: open postmortem action items past their due date, most overdue first. */
export function OverdueActions({ items, go }: { items: ActionItem[]; go: Go }) {
  return (
    <section className="card" aria-labelledby="today-actions">
      <h2 id="today-actions">Overdue action items</h2>
      {items.length === 0 ? (
        <p className="muted small">No postmortem action item is overdue.</p>
      ) : (
        <ul className="today-list">
          {items.map((a) => (
            <li key={a.id}>
              <button className="today-item warn" data-testid="today-action-item" onClick={() => go("reliability", `postmortem/${a.postmortem_id}`, a.id)}>
                <span className="today-label">{a.title}</span>
                <span className="today-detail">
                  {a.priority} · {a.owner.name} · {a.days_overdue} day{a.days_overdue === 1 ? "" : "s"} overdue · {a.postmortem_title}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
