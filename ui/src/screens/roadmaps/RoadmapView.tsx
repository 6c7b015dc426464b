import { useCallback, useEffect, useState } from "react";
import type { DeliverableStatus } from "../../bindings/DeliverableStatus";
import type { Priority } from "../../bindings/Priority";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RoadmapRow } from "../../bindings/RoadmapRow";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { CsvTools } from "../../components/CsvTools";
import { moved } from "../questions/Guides";
import { MeetingMode } from "./Meeting";
import { RowForm } from "./RowForm";
import { RetroTab } from "./Retro";
import { ReportsTab } from "./Reports";
import { Timeline } from "./Timeline";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { FollowUpOfferPanel } from "../followups/FollowUpOffer";
import type { FollowUpOffer } from "../../bindings/FollowUpOffer";
import type { InterviewSummary as Interview } from "../../bindings/InterviewSummary";
import type { Deliverable } from "../../bindings/Deliverable";

const D_STATUSES: DeliverableStatus[] = ["planned", "in-progress", "done", "dropped"];
export type Tab = "plan" | "meeting" | "timeline" | "retro" | "reports";

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

function DeliverableAdder({ onAdd }: { onAdd: (title: string, owner: string, due: string) => Promise<boolean> }) {
  const [title, setTitle] = useState("");
  const [owner, setOwner] = useState("");
  const [due, setDue] = useState("");
  return (
    <form
      className="adder"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await onAdd(title, owner, due)) {
          setTitle("");
          setOwner("");
          setDue("");
        }
      }}
    >
      <input aria-label="New deliverable" placeholder="Add a deliverable (how)…" value={title} onChange={(e) => setTitle(e.target.value)} />
      <input aria-label="Owner" placeholder="Owner" value={owner} onChange={(e) => setOwner(e.target.value)} />
      <input aria-label="Due" type="date" value={due} onChange={(e) => setDue(e.target.value)} />
      <button type="submit" disabled={!title.trim()}>
        Add
      </button>
    </form>
  );
}

/** The interviews held about a row's work: whom a shipped deliverable should be followed up with. */
function RowInterviews({ api, row, interviews, run }: { api: Api; row: RoadmapRow; interviews: Interview[]; run: (p: Promise<Roadmap>) => Promise<boolean> }) {
  const linkable = interviews.filter((i) => !row.interviews.some((l) => l.id === i.id));
  return (
    <p className="small row-interviews">
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
        <select aria-label={`Link an interview to ${row.project}`} data-testid="link-interview" value="" onChange={(e) => e.target.value && void run(api.roadmaps_link_interview({ row_id: row.id, interview_id: e.target.value }))}>
          <option value="">Link an interview…</option>
          {linkable.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </select>
      )}
    </p>
  );
}

export function RoadmapView({ api, id, onClose, onOpen, initialTab = "plan" }: { api: Api; id: string; onClose: () => void; onOpen: (id: string) => void; initialTab?: Tab }) {
  const [r, setR] = useState<Roadmap | null>(null);
  const [tab, setTab] = useState<Tab>(initialTab);
  const [interviews, setInterviews] = useState<Interview[]>([]);
  const [offer, setOffer] = useState<FollowUpOffer | null>(null);
  const [offered, setOffered] = useState<string | null>(null);
  const [today, setToday] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);

  useEffect(() => {
    api.roadmaps_get({ id }).then(setR, (e: Error) => setError(e.message));
    api.today_date().then(setToday, () => undefined);
    api.interviews_list({ filter: {} }).then((p) => setInterviews(p.items), () => undefined);
  }, [api, id]);

  const run = useCallback(async (p: Promise<Roadmap>) => {
    try {
      setR(await p);
      setError(null);
      return true;
    } catch (e) {
      setError(e instanceof IpcError ? e.message : String(e));
      return false;
    }
  }, []);

  /** Changes a deliverable's status; reaching done offers follow-ups with the people it was for. */
  const setStatus = async (d: Deliverable, status: DeliverableStatus) => {
    const ok = await run(api.roadmaps_update_deliverable({ id: d.id, version: d.version, input: { title: d.title, owner: d.owner, due_on: d.due_on ?? "", status } }));
    if (ok && status === "done" && d.status !== "done") {
      setOffered(null);
      api.followups_offer({ deliverable_id: d.id }).then(setOffer, (e: Error) => setError(e.message));
    }
  };

  if (!r) return <p className="muted page">{error ?? "Loading…"}</p>;
  const left = today ? daysBetween(today, r.ends_on) : null;
  const section = (p: Priority) => r.rows.filter((w) => w.priority === p);
  const reorder = (p: Priority, from: number, to: number) => {
    const rows = section(p);
    if (to < 0 || to >= rows.length) return;
    void run(api.roadmaps_reorder_rows({ roadmap_id: r.id, priority: p, row_ids: moved(rows, from, to).map((w) => w.id) }));
  };

  const rowCard = (w: RoadmapRow, i: number, p: Priority) => (
    <article
      key={w.id}
      className="card roadmap-row"
      data-row={w.project}
      tabIndex={0}
      draggable
      onDragStart={(e) => e.dataTransfer.setData("text/plain", `${p}:${i}`)}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        const [fp, fi] = e.dataTransfer.getData("text/plain").split(":");
        if (fp === p) reorder(p, Number(fi), i);
      }}
      onKeyDown={(e) => {
        if (e.target !== e.currentTarget || !e.altKey) return;
        if (e.key === "ArrowUp") reorder(p, i, i - 1);
        if (e.key === "ArrowDown") reorder(p, i, i + 1);
      }}
    >
      <header className="row-head">
        <h3>
          {w.project} {w.carried && <span className="badge muted">carried over</span>}
          {w.latest && <span className={`badge status-${w.latest.status}`}>{w.latest.status.replace("-", " ")}</span>}
        </h3>
        <span className="row-actions">
          <button aria-label={`Move ${w.project} up`} onClick={() => reorder(p, i, i - 1)} disabled={i === 0}>
            ↑
          </button>
          <button aria-label={`Move ${w.project} down`} onClick={() => reorder(p, i, i + 1)} disabled={i === section(p).length - 1}>
            ↓
          </button>
          <button data-testid="move-priority" onClick={() => void run(api.roadmaps_set_priority({ row_id: w.id, priority: p === "high" ? "low" : "high" }))}>
            {p === "high" ? "Move to low priority" : "Move to high priority"}
          </button>
          <button aria-label={`Delete ${w.project}`} onClick={() => void run(api.roadmaps_delete_row({ row_id: w.id }).then(() => api.roadmaps_get({ id: r.id })))}>
            Delete
          </button>
        </span>
      </header>
      <p className="small muted">Stakeholders: {w.stakeholders || "—"}</p>
      <p className="goal">
        <strong>Goal:</strong> {w.goal_what} <span className="muted">— why: {w.goal_why}</span>
      </p>
      <table className="deliverables">
        <tbody>
          {w.deliverables.map((d) => (
            <tr key={d.id} data-deliverable={d.title}>
              <td>{d.title}</td>
              <td className="muted">{d.owner}</td>
              <td className={d.warnings.length ? "warn-text" : "muted"} title={d.warnings.join("\n")}>
                {d.due_on ?? "no date"}
                {d.warnings.length > 0 && " ⚠"}
              </td>
              <td>
                <select
                  aria-label={`Status of ${d.title}`}
                  value={d.status}
                  onChange={(e) => void setStatus(d, e.target.value as DeliverableStatus)}
                >
                  {D_STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {s}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {w.deliverables.flatMap((d) => d.warnings).map((m, k) => (
        <p key={k} className="small warn-text">
          {m}
        </p>
      ))}
      <RowInterviews api={api} row={w} interviews={interviews} run={run} />
      <DeliverableAdder onAdd={(title, owner, due) => run(api.roadmaps_add_deliverable({ row_id: w.id, input: { title, owner, due_on: due, status: "planned" } }))} />
    </article>
  );

  return (
    <section className="page roadmap">
      <header className="page-head">
        <div>
          <h1 id="page-title" tabIndex={-1}>
            {r.title}
          </h1>
          <p className="muted">
            {r.starts_on} – {r.ends_on} · {r.cadence === "weekly" ? "weekly" : "bi-weekly"} updates
            {left !== null && (left >= 0 ? ` · ${left} days left` : " · ended")}
          </p>
        </div>
        <button onClick={onClose}>All roadmaps</button>
      </header>
      <div className="tabs" role="tablist">
        {(["plan", "meeting", "timeline", "retro", "reports"] as Tab[]).map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} data-testid={`roadmap-tab-${t}`} onClick={() => setTab(t)}>
            {{ plan: "Plan", meeting: "Update meeting", timeline: "Timeline", retro: "Retro", reports: "Stakeholder reports" }[t]}
          </button>
        ))}
      </div>
      <ErrorBanner message={error} />
      {offer && (
        <FollowUpOfferPanel
          key={offer.deliverable_id}
          api={api}
          offer={offer}
          onClose={(n) => {
            setOffer(null);
            if (n > 0) setOffered(`${n} follow-up${n === 1 ? "" : "s"} added to Follow-ups.`);
          }}
        />
      )}
      {offered && (
        <p className="banner" role="status" data-testid="offer-done">
          {offered}
        </p>
      )}
      {tab === "plan" && (
        <>
          {(["high", "low"] as Priority[]).map((p) => (
            <section key={p} className="priority-section" data-section={p}>
              <h2>{p === "high" ? "High priority" : "Low priority"}</h2>
              {section(p).length === 0 && <p className="muted small">No rows.</p>}
              {section(p).map((w, i) => rowCard(w, i, p))}
            </section>
          ))}
          {adding ? (
            <RowForm
              onSave={async (input) => {
                setR(await api.roadmaps_add_row({ roadmap_id: r.id, input }));
                setAdding(false);
              }}
              onCancel={() => setAdding(false)}
            />
          ) : (
            <button className="primary" data-testid="row-new" onClick={() => setAdding(true)}>
              Add a row
            </button>
          )}
          <p className="muted small">Drag a row within its section, or focus it and press Alt+↑ / Alt+↓.</p>
          <CsvTools
            api={api}
            exports={["roadmap_rows", "roadmap_updates"]}
            imports="roadmap_rows"
            roadmapId={r.id}
            onImported={() => void run(api.roadmaps_get({ id: r.id }))}
          />
        </>
      )}
      {tab === "meeting" && <MeetingMode api={api} roadmap={r} onChanged={() => void run(api.roadmaps_get({ id: r.id }))} />}
      {tab === "timeline" && <Timeline roadmap={r} today={today} />}
      {tab === "retro" && <RetroTab api={api} roadmap={r} onOpen={onOpen} />}
      {tab === "reports" && <ReportsTab api={api} roadmap={r} />}
    </section>
  );
}
