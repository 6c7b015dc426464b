import type { PostmortemStatus } from "../../bindings/PostmortemStatus";
import type { Api } from "../../lib/ipc";
import { dateTime } from "../../lib/dates";
import { usePagedList } from "../../lib/hooks";
import { plural } from "../../lib/labels";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { VirtualList } from "../../kit/VirtualList";
import { useState } from "react";
import { PostmortemForm, SEVERITY_LABELS } from "./PostmortemForm";
import type { Open } from "./Reliability";

/** Every postmortem, newest incident first, a page at a time; a new one from the template. */
export function Postmortems({ api, creating, open }: { api: Api; creating: boolean; open: Open }) {
  const [status, setStatus] = useState<PostmortemStatus | "">("");
  const list = usePagedList((page) => api.postmortems_list({ filter: { status: status || undefined, page } }), [api, status]);
  return (
    <>
      <div className="toolbar">
        <h2 className="rel-h2">Postmortems</h2>
        <select aria-label="Show postmortems" value={status} onChange={(e) => setStatus(e.target.value as PostmortemStatus | "")}>
          <option value="">All</option>
          <option value="draft">Drafts</option>
          <option value="complete">Complete (items open)</option>
          <option value="closed">Closed</option>
        </select>
        <span className="muted count">{plural(list.total, "postmortem")}</span>
        <button className="primary" data-testid="postmortem-new" onClick={() => open("postmortems/new")} disabled={creating}>
          New postmortem
        </button>
      </div>
      {creating && <PostmortemForm api={api} postmortem={null} onSaved={(p) => open(`postmortem/${p.id}`)} onClose={() => open("postmortems")} />}
      <ErrorBanner message={list.error} />
      {list.loaded && list.total === 0 ? (
        <div className="empty">
          <p>No postmortems yet. After an incident, write down what happened, what in the system made it possible, and what you will change — without blaming anyone.</p>
        </div>
      ) : (
        <VirtualList
          list={list}
          estimate={56}
          label="Postmortems"
          testId="postmortem-list"
          keyOf={(p) => p.id}
          onOpen={(p) => open(`postmortem/${p.id}`)}
          render={(p) => (
            <button className="rel-card" data-testid="postmortem-card" onClick={() => open(`postmortem/${p.id}`)}>
              <span className="rel-card-title">
                {p.title} <span className={`pm-status s-${p.status}`}>{p.status}</span>
              </span>
              <span className="muted small">
                {SEVERITY_LABELS[p.severity]} · {dateTime(p.started_at)}
                {p.service_name && ` · ${p.service_name}`} · {Number(p.items_open)} of {plural(Number(p.items_total), "action item")} open
              </span>
            </button>
          )}
        />
      )}
    </>
  );
}
