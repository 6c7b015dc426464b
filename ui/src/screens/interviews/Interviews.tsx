import { useEffect, useRef, useState } from "react";
import type { InterviewSummary } from "../../bindings/InterviewSummary";
import type { Api } from "../../lib/ipc";
import { dateTime } from "../../lib/dates";
import { useCall, useDebounced, usePagedList } from "../../lib/hooks";
import { plural } from "../../lib/labels";
import type { ScreenProps } from "../../lib/routes";
import { CsvTools } from "../../components/CsvTools";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import { VirtualList } from "../../kit/VirtualList";
import { InterviewMode } from "./InterviewMode";
import { InterviewPlanForm } from "./InterviewPlanForm";
import { statusLabel } from "./format";
import "./interviews.css";

/** `param`: nothing (the list), `new` (the list with the plan form open), `<id>` (interview
 * mode, `focus` a note to show) or `<id>/edit`. */
export function InterviewsScreen({ api, param, focus, go }: ScreenProps) {
  const [query, setQuery] = useState("");
  const q = useDebounced(query.trim(), 150);
  const list = usePagedList((page) => api.interviews_list({ filter: { query: q || undefined, page } }), [api, q]);
  const [id, sub, transcriptId] = param ? param.split("/") : [];
  const openId = id && id !== "new" ? id : null;

  // Back in the list after an interview was open (by Close, Back or a link): its note count,
  // status or title may have changed.
  const { reload } = list;
  const wasOpen = useRef(false);
  useEffect(() => {
    if (openId) wasOpen.current = true;
    else if (wasOpen.current) {
      wasOpen.current = false;
      reload();
    }
  }, [openId, reload]);
  // An Undo can come after the list's filter changed: always refresh the list as it is now.
  const reloadNow = useRef(reload);
  useEffect(() => {
    reloadNow.current = reload;
  }, [reload]);

  if (openId && sub === "edit") {
    return <EditInterview api={api} id={openId} onDone={() => go("interviews", openId)} />;
  }
  if (openId) {
    return (
      <InterviewMode
        key={openId}
        api={api}
        id={openId}
        focus={focus}
        tab={sub === "transcript" || focus?.includes("/") ? "transcript" : "notes"}
        transcriptId={transcriptId ?? null}
        onOpen={(tab, tid, f) => go("interviews", tab === "transcript" ? [openId, "transcript", tid].filter(Boolean).join("/") : openId, f)}
        onClose={() => go("interviews")}
        onEdit={() => go("interviews", `${openId}/edit`)}
        onDeleted={() => go("interviews")}
        onRestored={() => reloadNow.current()}
      />
    );
  }

  const open = (i: InterviewSummary) => go("interviews", i.id);
  return (
    <section className="page">
      <PageHeader
        title="Interviews"
        lede="30 minutes, one or two people, leads apart from ICs. Ask what they did, not what they think."
        actions={
          <button className="primary" data-testid="interview-new" onClick={() => go("interviews", "new")} disabled={id === "new"}>
            Plan interview
          </button>
        }
      />
      <ErrorBanner message={list.error} />
      {id === "new" && (
        <InterviewPlanForm
          api={api}
          interview={null}
          onSaved={(i) => {
            list.reload();
            go("interviews", i.id);
          }}
          onClose={() => go("interviews")}
        />
      )}
      <div className="toolbar">
        <input
          type="search"
          aria-label="Filter interviews"
          data-testid="interview-filter"
          placeholder="Filter by title, topic or person"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <span className="muted count" data-testid="interview-count">
          {plural(list.total, "interview")}
        </span>
      </div>
      <CsvTools api={api} exports={["interviews", "notes", "quotes"]} />
      {list.loaded && list.total === 0 ? (
        <p className="empty">{q ? `No interview matches “${q}”.` : "No interviews yet. Plan one with a core user."}</p>
      ) : (
        <>
          <div className="interview-row interview-cols muted" aria-hidden="true">
            <span>Interview</span>
            <span>When</span>
            <span>With</span>
            <span>Notes</span>
            <span>Status</span>
          </div>
          <VirtualList
            list={list}
            estimate={58}
            label="Interviews"
            testId="interview-list"
            keyOf={(i) => i.id}
            onOpen={open}
            render={(i) => <InterviewRow i={i} onOpen={() => open(i)} />}
          />
        </>
      )}
    </section>
  );
}

function InterviewRow({ i, onOpen }: { i: InterviewSummary; onOpen: () => void }) {
  return (
    <div className="interview-row" data-interview={i.title} onClick={onOpen}>
      <div className="iv-title">
        {/* The whole row opens it (click, or Enter on the focused row). */}
        <span className="iv-name">{i.title}</span>
        {i.mixed_roles && (
          <span className="badge warn" title="Leads and ICs together, acknowledged when planned">
            mixed roles
          </span>
        )}
        {i.topic && <div className="muted small">{i.topic}</div>}
      </div>
      <div className="iv-when">
        <span data-testid="interview-when">{dateTime(i.scheduled_at)}</span>
        <div className="muted small">{i.duration_minutes} min</div>
      </div>
      <div className="iv-people">
        {i.interviewees.map((p) => p.name).join(", ") || <span className="muted">—</span>}
        {i.note_taker && <div className="muted small">notes: {i.note_taker.name}</div>}
      </div>
      <div className="iv-notes">{plural(i.note_count, "note")}</div>
      <div className="iv-status">
        <span className={`status status-${i.status}`} data-testid="interview-status">
          {statusLabel(i)}
        </span>
      </div>
    </div>
  );
}

/** Edit an interview's title, time, people or guide; back to the interview when saved or left. */
function EditInterview({ api, id, onDone }: { api: Api; id: string; onDone: () => void }) {
  const { data, error } = useCall(() => api.interviews_get({ id }), [api, id]);
  return (
    <section className="page">
      <PageHeader title="Edit interview" lede={data && `“${data.title}” · ${dateTime(data.scheduled_at)}`} />
      <ErrorBanner message={error} />
      {data && <InterviewPlanForm api={api} interview={data} onSaved={onDone} onClose={onDone} />}
    </section>
  );
}
