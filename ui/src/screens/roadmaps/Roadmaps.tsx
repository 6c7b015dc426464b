import { useState } from "react";
import type { ScreenProps } from "../../lib/routes";
import { day } from "../../lib/dates";
import { useCall } from "../../lib/hooks";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { RoadmapForm } from "./RoadmapForm";
import { RoadmapView, TABS, type Tab } from "./RoadmapView";
import "./roadmaps.css";

/** Roadmap intervals, a form for a new one, and the sample workspace. `param` is a roadmap id,
 * optionally followed by a tab (`<id>/meeting`); `focus` a row or deliverable in it. */
export function RoadmapsScreen({ api, param, focus, go }: ScreenProps) {
  const [openId = "", openTab = "plan"] = (param ?? "").split("/");
  const tab: Tab = (TABS as readonly string[]).includes(openTab) ? (openTab as Tab) : "plan";
  const toasts = useToasts();
  // Read again whenever the list is shown (after an item was open, edited or deleted).
  const list = useCall(() => api.roadmaps_list(), [api, openId]);
  const today = useCall(() => api.today_date(), [api]).data;
  const [general, setGeneral] = useState<string | null>(null);

  if (openId) {
    return (
      <RoadmapView
        key={openId}
        api={api}
        id={openId}
        tab={tab}
        focus={focus}
        go={go}
        onDeleted={(entry) => {
          toasts.deleted(entry, () => void list.reload());
          go("roadmaps", null);
        }}
      />
    );
  }

  const loadSample = async () => {
    try {
      go("roadmaps", await api.sample_load());
    } catch (e) {
      setGeneral((e as Error).message);
    }
  };

  const items = list.data ?? [];
  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Roadmaps
        </h1>
        <button data-testid="sample-load" onClick={() => void loadSample()}>
          Load the sample workspace
        </button>
      </header>
      <p className="muted lede">
        Six-week intervals with strict dates. Each row pairs a goal for users (what and why) with deliverables (how and when).
      </p>
      <ErrorBanner message={general ?? list.error} />
      {/* Remounted once today is known, so a new interval starts today. */}
      <RoadmapForm key={today ?? ""} api={api} roadmap={null} today={today} onSaved={(r) => go("roadmaps", r.id)} />
      {items.length === 0 ? (
        list.data && <p className="empty">No roadmaps yet. Create an interval, or load the sample “New CI” roadmap to look around.</p>
      ) : (
        <table className="table" data-testid="roadmap-list">
          <thead>
            <tr>
              <th scope="col">Roadmap</th>
              <th scope="col">Interval</th>
              <th scope="col">Rows</th>
              <th scope="col">Meetings</th>
            </tr>
          </thead>
          <tbody>
            {items.map((r) => (
              <tr key={r.id} data-roadmap={r.title}>
                <td>
                  <button className="link" onClick={() => go("roadmaps", r.id)}>
                    {r.title}
                  </button>
                </td>
                <td>
                  {day(r.starts_on)} – {day(r.ends_on)}
                </td>
                <td>{r.row_count}</td>
                <td>{r.cadence === "weekly" ? "weekly" : "every two weeks"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
