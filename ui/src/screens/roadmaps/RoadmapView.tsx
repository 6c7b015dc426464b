import { useCallback, useEffect, useState } from "react";
import type { Roadmap } from "../../bindings/Roadmap";
import type { TrashEntry } from "../../bindings/TrashEntry";
import type { Api } from "../../lib/ipc";
import { day } from "../../lib/dates";
import { useCall } from "../../lib/hooks";
import { plural } from "../../lib/labels";
import type { Go } from "../../lib/routes";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { MeetingMode } from "./Meeting";
import { Plan } from "./Plan";
import { ReportsTab } from "./Reports";
import { RetroTab } from "./Retro";
import { RoadmapForm } from "./RoadmapForm";
import { Timeline } from "./Timeline";

export const TABS = ["plan", "meeting", "timeline", "retro", "reports"] as const;
export type Tab = (typeof TABS)[number];
const TAB_LABELS: Record<Tab, string> = { plan: "Plan", meeting: "Update meeting", timeline: "Timeline", retro: "Retro", reports: "Stakeholder reports" };

export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(b) - Date.parse(a)) / 86_400_000);
}

const outsideCount = (r: Roadmap) => r.rows.flatMap((w) => w.deliverables).filter((d) => d.warnings.length > 0).length;

interface Props {
  api: Api;
  id: string;
  /** The open tab, from the URL (`<id>/meeting`). */
  tab: Tab;
  /** A row or deliverable to scroll to and highlight (from search). */
  focus: string | null;
  go: Go;
  onDeleted: (entry: TrashEntry) => void;
}

/** One roadmap interval: its plan, the update meeting, a timeline, the retro and reports. */
export function RoadmapView({ api, id, tab, focus, go, onDeleted }: Props) {
  const [r, setR] = useState<Roadmap | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [editing, setEditing] = useState(false);
  const toasts = useToasts();
  const today = useCall(() => api.today_date(), [api]).data ?? "";
  const reload = useCallback(() => api.roadmaps_get({ id }).then(setR, (e: Error) => setError(e.message)), [api, id]);
  useEffect(() => {
    void reload();
  }, [reload]);
  // The titles of the intervals this one came from and went into.
  const linked = [r?.carried_from ?? null, r?.carried_into ?? null];
  const list = useCall(() => (linked.some(Boolean) ? api.roadmaps_list() : Promise.resolve([])), [api, ...linked]);
  const titleOf = (other: string | null) => (other ? (list.data?.find((x) => x.id === other)?.title ?? null) : null);

  // From search: scroll to the row or deliverable and highlight it (the highlight follows the URL).
  const loaded = r !== null;
  useEffect(() => {
    if (!loaded || !focus || tab !== "plan") return;
    const el = [...document.querySelectorAll<HTMLElement>("[data-id]")].find((e) => e.dataset.id === focus);
    el?.scrollIntoView({ block: "center" });
    el?.focus({ preventScroll: true });
  }, [loaded, focus, tab]);

  if (!r) return <p className="muted page">{error ?? "Loading…"}</p>;
  const open = (t: Tab) => go("roadmaps", t === "plan" ? r.id : `${r.id}/${t}`);
  const left = today ? daysBetween(today, r.ends_on) : null;

  const remove = async () => {
    try {
      onDeleted(await api.roadmaps_delete({ id: r.id }));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="page roadmap">
      <header className="page-head">
        <div className="roadmap-title">
          <h1 id="page-title" tabIndex={-1}>
            {r.title}
          </h1>
          <p className="muted" data-testid="roadmap-interval" data-starts-on={r.starts_on} data-ends-on={r.ends_on}>
            {day(r.starts_on)} – {day(r.ends_on)} · {r.cadence === "weekly" ? "weekly" : "bi-weekly"} updates
            {left !== null && (left >= 0 ? ` · ${plural(left, "day")} left` : " · ended")}
          </p>
          {(r.carried_from || r.carried_into) && (
            <p className="small carried-links">
              {r.carried_from && (
                <span>
                  Carried over from{" "}
                  <button type="button" className="link" data-testid="carried-from" onClick={() => go("roadmaps", r.carried_from)}>
                    {titleOf(r.carried_from) ?? "the previous interval"}
                  </button>
                  .{" "}
                </span>
              )}
              {r.carried_into && (
                <span>
                  Unfinished work carried over into{" "}
                  <button type="button" className="link" onClick={() => go("roadmaps", r.carried_into)}>
                    {titleOf(r.carried_into) ?? "the next interval"}
                  </button>
                  .
                </span>
              )}
            </p>
          )}
        </div>
        <div className="page-actions">
          <button data-testid="roadmap-edit" onClick={() => setEditing(true)} disabled={editing}>
            Edit interval
          </button>
          <button
            data-testid="roadmap-ics"
            onClick={() =>
              api.calendar_save_meetings({ roadmap_id: r.id }).then(
                (path) => path && toasts.say(`Saved the update meetings to ${path}`),
                (e: Error) => toasts.say(e.message),
              )
            }
          >
            Meetings to calendar (.ics)
          </button>
          <button data-testid="roadmap-delete" onClick={() => void remove()}>
            Delete
          </button>
          <button onClick={() => go("roadmaps", null)}>All roadmaps</button>
        </div>
      </header>
      {editing && (
        <RoadmapForm
          api={api}
          roadmap={r}
          onSaved={(saved) => {
            const outside = outsideCount(saved);
            if (outside > outsideCount(r)) toasts.say(`${plural(outside, "deliverable is", "deliverables are")} now due outside the interval.`);
            setR(saved);
            setEditing(false);
          }}
          onClose={() => setEditing(false)}
        />
      )}
      <ErrorBanner message={error} />
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t} role="tab" aria-selected={tab === t} data-testid={`roadmap-tab-${t}`} onClick={() => open(t)}>
            {TAB_LABELS[t]}
          </button>
        ))}
      </div>
      {tab === "plan" && <Plan api={api} roadmap={r} setRoadmap={setR} reload={reload} focus={focus} go={go} />}
      {tab === "meeting" && <MeetingMode api={api} roadmap={r} onChanged={() => void reload()} />}
      {tab === "timeline" && <Timeline roadmap={r} today={today} />}
      {tab === "retro" && <RetroTab api={api} roadmap={r} carriedInto={titleOf(r.carried_into)} onOpen={(next) => go("roadmaps", next)} />}
      {tab === "reports" && <ReportsTab api={api} roadmap={r} />}
    </section>
  );
}
