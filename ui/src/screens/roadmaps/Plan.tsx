import { useState, type ReactNode } from "react";
import type { Deliverable } from "../../bindings/Deliverable";
import type { DeliverableInput } from "../../bindings/DeliverableInput";
import type { DeliverableStatus } from "../../bindings/DeliverableStatus";
import type { FollowUpOffer } from "../../bindings/FollowUpOffer";
import type { InterviewSummary as Interview } from "../../bindings/InterviewSummary";
import type { Priority } from "../../bindings/Priority";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RoadmapRow } from "../../bindings/RoadmapRow";
import type { TrashEntry } from "../../bindings/TrashEntry";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useCall } from "../../lib/hooks";
import { plural } from "../../lib/labels";
import type { Go } from "../../lib/routes";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { CsvTools } from "../../components/CsvTools";
import { FollowUpOfferPanel } from "../followups/FollowUpOffer";
import { moved } from "../questions/Guides";
import { DeliverableAdder, DeliverableItem, inputOf } from "./Deliverables";
import { LatestUpdate } from "./Meeting";
import { RowForm } from "./RowForm";

const message = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The follow-up offer for a deliverable just marked done, or what became of it. */
type Offer = { deliverableId: string; offer: FollowUpOffer | null; done: string | null };

interface Props {
  api: Api;
  roadmap: Roadmap;
  setRoadmap: (r: Roadmap) => void;
  reload: () => Promise<void>;
  focus: string | null;
  go: Go;
}

/** The plan: rows in high and low priority sections, each a goal (what and why) with its
 * deliverables (how and when), all editable in place; deletes go to the Trash with an Undo. */
export function Plan({ api, roadmap: r, setRoadmap, reload, focus, go }: Props) {
  const toasts = useToasts();
  const interviews = useCall(() => api.interviews_list({ filter: {} }).then((p) => p.items), [api]);
  const [offer, setOffer] = useState<Offer | null>(null);
  const [adding, setAdding] = useState(false);
  /** The last failure, and the row it belongs to (shown in that row's card). */
  const [error, setError] = useState<{ at: string | null; message: string } | null>(null);

  const run = async (p: Promise<Roadmap>, at: string | null = null) => {
    try {
      setRoadmap(await p);
      setError(null);
      return true;
    } catch (e) {
      setError({ at, message: message(e) });
      return false;
    }
  };

  const section = (p: Priority) => r.rows.filter((w) => w.priority === p);
  const reorder = (p: Priority, from: number, to: number) => {
    const rows = section(p);
    if (to < 0 || to >= rows.length || from === to) return;
    void run(api.roadmaps_reorder_rows({ roadmap_id: r.id, priority: p, row_ids: moved(rows, from, to).map((w) => w.id) }));
  };

  /** Saves a deliverable; reaching done offers follow-ups with the people it was for, right
   * under it. Throws the core's error (an edit form shows it at its field). */
  const saveDeliverable = async (d: Deliverable, input: DeliverableInput, version: number) => {
    setRoadmap(await api.roadmaps_update_deliverable({ id: d.id, version, input }));
    setError(null);
    if (input.status === "done" && d.status !== "done") {
      setOffer({ deliverableId: d.id, offer: null, done: null });
      api.followups_offer({ deliverable_id: d.id }).then(
        (o) => setOffer((x) => (x?.deliverableId === d.id ? { ...x, offer: o } : x)),
        (e) => setError({ at: d.row_id, message: message(e) }),
      );
    }
  };
  const setStatus = (d: Deliverable, status: DeliverableStatus) =>
    saveDeliverable(d, { ...inputOf(d), status }, d.version).catch(async (e) => {
      if (e instanceof IpcError && e.code === "conflict") {
        await reload();
        setError({ at: d.row_id, message: `“${d.title}” was changed elsewhere; it now shows what is saved. Pick its status again.` });
      } else {
        setError({ at: d.row_id, message: message(e) });
      }
    });

  const remove = async (del: Promise<TrashEntry>, at: string | null) => {
    try {
      const entry = await del;
      toasts.deleted(entry, () => void reload());
      await reload();
      setError(null);
    } catch (e) {
      setError({ at, message: message(e) });
    }
  };

  const offerBelow = (d: Deliverable): ReactNode => {
    if (offer?.deliverableId !== d.id) return null;
    if (offer.done)
      return (
        <p className="banner info offer-done" role="status" data-testid="offer-done">
          {offer.done}{" "}
          <button type="button" className="link" onClick={() => go("followups")}>
            Open Follow-ups
          </button>
        </p>
      );
    if (!offer.offer) return null;
    return (
      <FollowUpOfferPanel
        key={d.id}
        api={api}
        offer={offer.offer}
        onClose={(n) => setOffer(n > 0 ? { deliverableId: d.id, offer: null, done: `${plural(n, "follow-up")} added to Follow-ups.` } : null)}
      />
    );
  };

  const rowCard = (w: RoadmapRow, i: number, p: Priority) => (
    <RowCard
      key={w.id}
      api={api}
      roadmapId={r.id}
      row={w}
      index={i}
      count={section(p).length}
      focus={focus}
      interviews={interviews.data ?? []}
      error={error?.at === w.id ? error.message : null}
      run={(x) => run(x, w.id)}
      setRoadmap={setRoadmap}
      reorder={(from, to) => reorder(p, from, to)}
      onDelete={() => void remove(api.roadmaps_delete_row({ row_id: w.id }), w.id)}
      deliverable={(d) => (
        <DeliverableItem
          key={d.id}
          d={d}
          focused={focus === d.id}
          onSave={saveDeliverable}
          onStatus={(x, s) => void setStatus(x, s)}
          onDelete={(x) => void remove(api.roadmaps_delete_deliverable({ id: x.id }), w.id)}
          below={offerBelow(d)}
        />
      )}
    />
  );

  return (
    <>
      <ErrorBanner message={error && error.at === null ? error.message : null} />
      {(["high", "low"] as Priority[]).map((p) => (
        <section key={p} className="priority-section" data-section={p} aria-labelledby={`section-${p}`}>
          <h2 id={`section-${p}`}>{p === "high" ? "High priority" : "Low priority"}</h2>
          {section(p).length === 0 && <p className="muted small">No rows.</p>}
          {section(p).map((w, i) => rowCard(w, i, p))}
        </section>
      ))}
      {adding ? (
        <RowForm
          row={null}
          roadmapId={r.id}
          onSave={async (input) => {
            setRoadmap(await api.roadmaps_add_row({ roadmap_id: r.id, input }));
            setAdding(false);
          }}
          onClose={() => setAdding(false)}
        />
      ) : (
        <button className="primary" data-testid="row-new" onClick={() => setAdding(true)}>
          Add a row
        </button>
      )}
      <p className="muted small">Drag a row by its handle (⠿) within its section, or focus it and press Alt+↑ / Alt+↓.</p>
      <CsvTools api={api} exports={["roadmap_rows", "roadmap_updates"]} imports="roadmap_rows" roadmapId={r.id} onImported={() => void reload()} />
    </>
  );
}

interface RowCardProps {
  api: Api;
  roadmapId: string;
  row: RoadmapRow;
  index: number;
  /** Rows in its section. */
  count: number;
  focus: string | null;
  interviews: Interview[];
  error: string | null;
  /** Runs a change; its failure is shown in this card. */
  run: (p: Promise<Roadmap>) => Promise<boolean>;
  /** Takes a changed roadmap (from a form, which shows its own errors). */
  setRoadmap: (r: Roadmap) => void;
  reorder: (from: number, to: number) => void;
  onDelete: () => void;
  deliverable: (d: Deliverable) => ReactNode;
}

function RowCard({ api, roadmapId, row: w, index: i, count, focus, interviews, error, run, setRoadmap, reorder, onDelete, deliverable }: RowCardProps) {
  const [editing, setEditing] = useState(false);
  const p = w.priority;
  return (
    <article
      className={focus === w.id ? "card roadmap-row focused" : "card roadmap-row"}
      data-row={w.project}
      data-id={w.id}
      tabIndex={0}
      aria-label={w.project}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        const [fp, fi] = e.dataTransfer.getData("text/plain").split(":");
        if (fp === p) reorder(Number(fi), i);
      }}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget || !e.altKey) return;
        if (e.key === "ArrowUp") reorder(i, i - 1);
        if (e.key === "ArrowDown") reorder(i, i + 1);
      }}
    >
      {editing ? (
        <RowForm
          row={w}
          roadmapId={roadmapId}
          onSave={async (input, version) => {
            setRoadmap(await api.roadmaps_update_row({ row_id: w.id, version: version ?? w.version, input }));
            setEditing(false);
          }}
          onClose={() => setEditing(false)}
        />
      ) : (
        <>
          <header className="row-head">
            <span
              className="drag-handle"
              draggable
              title="Drag to reorder"
              aria-hidden="true"
              onDragStart={(e) => {
                e.dataTransfer.setData("text/plain", `${p}:${i}`);
                const card = e.currentTarget.closest("article");
                if (card) e.dataTransfer.setDragImage(card, 16, 16);
              }}
            >
              ⠿
            </span>
            <h3>
              <span className="row-project">{w.project}</span>
              {w.carried && <span className="badge muted">carried over</span>}
              {w.latest && <span className={`badge status-${w.latest.status}`}>{w.latest.status.replace("-", " ")}</span>}
            </h3>
            <span className="row-buttons">
              <button className="small-button" aria-label={`Move ${w.project} up`} onClick={() => reorder(i, i - 1)} disabled={i === 0}>
                ↑
              </button>
              <button className="small-button" aria-label={`Move ${w.project} down`} onClick={() => reorder(i, i + 1)} disabled={i === count - 1}>
                ↓
              </button>
              <button
                className="small-button"
                data-testid="move-priority"
                onClick={() => void run(api.roadmaps_set_priority({ row_id: w.id, priority: p === "high" ? "low" : "high" }))}
              >
                {p === "high" ? "Move to low priority" : "Move to high priority"}
              </button>
              <button className="small-button" data-testid="row-edit" aria-label={`Edit ${w.project}`} onClick={() => setEditing(true)}>
                Edit
              </button>
              <button className="small-button" data-testid="row-delete" aria-label={`Delete ${w.project}`} onClick={onDelete}>
                Delete
              </button>
            </span>
          </header>
          <p className="small muted">
            Stakeholders: {w.stakeholders || "—"}
            {w.service_name && ` · ${w.kind === "reliability" ? "Reliability" : "Feature"} work for ${w.service_name}`}
          </p>
          {w.policy_flag && (
            <p className="warn-text small" data-testid="row-policy-flag" role="status">
              {w.policy_flag}
            </p>
          )}
          <p className="goal">
            <strong>Goal:</strong> {w.goal_what} <span className="muted">— why: {w.goal_why}</span>
          </p>
          {w.latest && <LatestUpdate update={w.latest} />}
        </>
      )}
      <ErrorBanner message={error} />
      {w.deliverables.length > 0 && (
        <ul className="deliverables" aria-label={`Deliverables of ${w.project}`}>
          {w.deliverables.map(deliverable)}
        </ul>
      )}
      <RowInterviews api={api} row={w} interviews={interviews} run={run} />
      <DeliverableAdder
        row={w.project}
        onAdd={async (input) => setRoadmap(await api.roadmaps_add_deliverable({ row_id: w.id, input }))}
      />
    </article>
  );
}

/** The interviews held about a row's work: whom a shipped deliverable should be followed up with. */
function RowInterviews({ api, row, interviews, run }: { api: Api; row: RoadmapRow; interviews: Interview[]; run: (p: Promise<Roadmap>) => Promise<boolean> }) {
  const linkable = interviews.filter((i) => !row.interviews.some((l) => l.id === i.id));
  return (
    <div className="small row-interviews">
      <span className="muted">Interviews about this: </span>
      {row.interviews.length === 0 && <span className="muted">none linked. </span>}
      {row.interviews.map((i) => (
        <span key={i.id} className="badge muted" data-linked={i.title}>
          {i.title}{" "}
          <button className="link" aria-label={`Unlink ${i.title}`} onClick={() => void run(api.roadmaps_unlink_interview({ row_id: row.id, interview_id: i.id }))}>
            ×
          </button>
        </span>
      ))}
      {linkable.length > 0 && (
        <select
          aria-label={`Link an interview to ${row.project}`}
          data-testid="link-interview"
          value=""
          onChange={(e) => e.target.value && void run(api.roadmaps_link_interview({ row_id: row.id, interview_id: e.target.value }))}
        >
          <option value="">Link an interview…</option>
          {linkable.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      )}
    </div>
  );
}
