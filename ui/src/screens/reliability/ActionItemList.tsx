import { useState } from "react";
import type { ActionItem } from "../../bindings/ActionItem";
import type { Postmortem } from "../../bindings/Postmortem";
import type { Api } from "../../lib/ipc";
import type { Go } from "../../lib/routes";
import { day } from "../../lib/dates";
import { useCall } from "../../lib/hooks";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { ActionItemForm, STATUS_LABELS } from "./ActionItemForm";

/** An item's one line: what, who, when, and where it stands. */
export function ItemLine({ item, go }: { item: ActionItem; go: Go }) {
  return (
    <span className="rel-item-line">
      <strong>{item.title}</strong>{" "}
      <span className={`prio p-${item.priority}`}>{item.priority}</span> <span className="muted small">{item.kind}</span>
      <span className="block small">
        {item.owner.name} · due {day(item.due_on)}
        {item.days_overdue > 0 && <span className="warn-text"> · {item.days_overdue} days overdue</span>} ·{" "}
        <span data-testid="item-status">{STATUS_LABELS[item.status]}</span>
        {item.status === "wont-do" && `: ${item.reason}`}
        {item.closed_on && ` on ${day(item.closed_on)}`}
        {item.ticket_url && (
          <>
            {" "}
            · <span className="muted">{item.ticket_url}</span>
          </>
        )}
      </span>
      {item.proof && <span className="block small muted" data-testid="item-proof">Proof: {item.proof}</span>}
      {item.deliverable && (
        <span className="block small">
          Roadmap:{" "}
          <button className="link" onClick={() => go("roadmaps", item.deliverable!.roadmap_id, item.deliverable!.id)} data-testid="item-deliverable">
            {item.deliverable.title}
          </button>{" "}
          on {item.deliverable.project} ({item.deliverable.roadmap_title}) · {item.deliverable.status}
        </span>
      )}
    </span>
  );
}

/** A postmortem's action items, with the one action that makes one a roadmap deliverable. */
export function ActionItemList({ api, postmortem, focus, onChanged, go }: { api: Api; postmortem: Postmortem; focus: string | null; onChanged: () => void; go: Go }) {
  const [editing, setEditing] = useState<string | null>(null);
  const [linking, setLinking] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const toasts = useToasts();
  const remove = async (i: ActionItem) => {
    try {
      const entry = await api.action_items_delete({ id: i.id });
      toasts.deleted(entry, onChanged);
      onChanged();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section className="card" aria-labelledby="pm-items">
      <div className="toolbar">
        <h2 id="pm-items" className="rel-h2">
          Action items
        </h2>
        <button className="primary" onClick={() => setEditing("new")} disabled={editing === "new"} data-testid="item-new">
          Add action item
        </button>
      </div>
      <ErrorBanner message={error} />
      {editing === "new" && (
        <ActionItemForm
          api={api}
          postmortemId={postmortem.id}
          severity={postmortem.severity}
          item={null}
          onSaved={() => {
            setEditing(null);
            onChanged();
          }}
          onClose={() => setEditing(null)}
        />
      )}
      {postmortem.items.length === 0 ? (
        <p className="muted">No action items yet: what will you change so this can't happen the same way again?</p>
      ) : (
        <ul className="rel-items" data-testid="item-list">
          {postmortem.items.map((i) => (
            <li key={i.id} data-testid="item" className={focus === i.id ? "focused" : undefined}>
              {editing === i.id ? (
                <ActionItemForm
                  api={api}
                  postmortemId={postmortem.id}
                  severity={postmortem.severity}
                  item={i}
                  onSaved={() => {
                    setEditing(null);
                    onChanged();
                  }}
                  onClose={() => setEditing(null)}
                />
              ) : (
                <>
                  <ItemLine item={i} go={go} />
                  <span className="row-actions">
                    <button className="link" onClick={() => setEditing(i.id)} data-testid="item-edit">
                      Edit
                    </button>
                    {!i.deliverable && i.status === "open" && (
                      <button className="link" onClick={() => setLinking(linking === i.id ? null : i.id)} data-testid="item-to-deliverable">
                        Make it a roadmap deliverable
                      </button>
                    )}
                    <button className="link" onClick={() => void remove(i)}>
                      Delete
                    </button>
                  </span>
                  {linking === i.id && (
                    <DeliverablePicker
                      api={api}
                      serviceId={postmortem.service?.id ?? null}
                      onPick={async (rowId) => {
                        try {
                          await api.action_items_to_deliverable({ id: i.id, row_id: rowId });
                          setLinking(null);
                          setError(null);
                          onChanged();
                        } catch (e) {
                          setError((e as Error).message);
                        }
                      }}
                    />
                  )}
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** Picks the roadmap row a deliverable goes on (the service's reliability rows first). */
function DeliverablePicker({ api, serviceId, onPick }: { api: Api; serviceId: string | null; onPick: (rowId: string) => Promise<void> }) {
  const roadmaps = useCall(() => api.roadmaps_list(), [api]);
  const [roadmapId, setRoadmapId] = useState("");
  const [rowId, setRowId] = useState("");
  const roadmap = useCall(() => (roadmapId ? api.roadmaps_get({ id: roadmapId }) : Promise.resolve(null)), [api, roadmapId]);
  const rows = roadmap.data && roadmap.data.id === roadmapId ? [...roadmap.data.rows].sort((a, b) => Number(b.service_id === serviceId && b.kind === "reliability") - Number(a.service_id === serviceId && a.kind === "reliability")) : [];
  return (
    <div className="toolbar rel-picker" data-testid="deliverable-picker">
      <select aria-label="Roadmap" value={roadmapId} onChange={(e) => { setRoadmapId(e.target.value); setRowId(""); }} data-testid="deliverable-roadmap">
        <option value="">Roadmap…</option>
        {roadmaps.data?.map((r) => (
          <option key={r.id} value={r.id}>
            {r.title}
          </option>
        ))}
      </select>
      <select aria-label="Row" value={rowId} onChange={(e) => setRowId(e.target.value)} disabled={!rows.length} data-testid="deliverable-row">
        <option value="">Row…</option>
        {rows.map((w) => (
          <option key={w.id} value={w.id}>
            {w.project}
            {w.service_id === serviceId && w.kind === "reliability" ? " (reliability work for this service)" : ""}
          </option>
        ))}
      </select>
      <button className="primary" disabled={!rowId} onClick={() => void onPick(rowId)} data-testid="deliverable-create">
        Add as deliverable
      </button>
    </div>
  );
}
