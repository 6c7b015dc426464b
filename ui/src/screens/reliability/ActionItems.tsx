import { useState } from "react";
import type { ItemStatus } from "../../bindings/ItemStatus";
import type { Api } from "../../lib/ipc";
import type { Go } from "../../lib/routes";
import { useCall, usePagedList } from "../../lib/hooks";
import { plural } from "../../lib/labels";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { VirtualList } from "../../kit/VirtualList";
import { pct } from "./common";
import { ItemLine } from "./ActionItemList";
import type { Open } from "./Reliability";

type Show = "open" | "overdue" | "done" | "wont-do" | "all";

/** Every action item across postmortems, and the closure rate per quarter. */
export function ActionItems({ api, focus, open, go }: { api: Api; focus: string | null; open: Open; go: Go }) {
  const [show, setShow] = useState<Show>("open");
  const list = usePagedList(
    (page) =>
      api.action_items_list({
        filter: { overdue: show === "overdue", status: show === "all" || show === "overdue" ? undefined : (show as ItemStatus), page },
      }),
    [api, show],
  );
  const closure = useCall(() => api.action_items_closure(), [api]);
  return (
    <>
      <section aria-labelledby="closure" className="card">
        <h2 id="closure" className="rel-h2">
          Closure rate by quarter
        </h2>
        <p className="muted small">Of the action items due in each quarter, how many were resolved (done, or won't do with a reason) — and how many by their due date.</p>
        <ErrorBanner message={closure.error} />
        {closure.data && closure.data.length === 0 ? (
          <p className="muted">No action items yet.</p>
        ) : (
          <div className="rel-scroll">
            <table className="table small" data-testid="closure-table">
              <thead>
                <tr>
                  <th scope="col">Quarter</th>
                  <th scope="col">Due</th>
                  <th scope="col">Resolved</th>
                  <th scope="col">Closure rate</th>
                  <th scope="col">On time</th>
                </tr>
              </thead>
              <tbody>
                {closure.data?.map((q) => (
                  <tr key={q.quarter} data-testid="closure-row">
                    <td>{q.quarter}</td>
                    <td>{String(q.due)}</td>
                    <td>{String(q.closed)}</td>
                    <td>{pct(q.closure_rate, 1)}</td>
                    <td>
                      {String(q.on_time)} ({pct(q.on_time_rate, 1)})
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      <div className="toolbar">
        <h2 className="rel-h2">Action items</h2>
        <select aria-label="Show action items" value={show} onChange={(e) => setShow(e.target.value as Show)} data-testid="items-show">
          <option value="open">Open</option>
          <option value="overdue">Overdue</option>
          <option value="done">Done</option>
          <option value="wont-do">Won't do</option>
          <option value="all">All</option>
        </select>
        <span className="muted count">{plural(list.total, "item")}</span>
      </div>
      <ErrorBanner message={list.error} />
      {list.loaded && list.total === 0 ? (
        <p className="muted">Nothing here.</p>
      ) : (
        <VirtualList
          list={list}
          estimate={72}
          label="Action items"
          testId="items-list"
          keyOf={(i) => i.id}
          focusKey={focus}
          onOpen={(i) => open(`postmortem/${i.postmortem_id}`, i.id)}
          render={(i) => (
            <div className="rel-item-row">
              <ItemLine item={i} go={go} />
              <button className="link small" onClick={() => open(`postmortem/${i.postmortem_id}`, i.id)}>
                {i.postmortem_title}
              </button>
            </div>
          )}
        />
      )}
    </>
  );
}
