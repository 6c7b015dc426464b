import { useState } from "react";
import type { Question } from "../../bindings/Question";
import { CsvTools } from "../../components/CsvTools";
import { LintReport, MarkedText } from "../../components/LintView";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { VirtualList } from "../../kit/VirtualList";
import { useCall, useDebounced, usePagedList } from "../../lib/hooks";
import type { Api } from "../../lib/ipc";
import { plural } from "../../lib/labels";
import type { Go } from "../../lib/routes";
import { useLint } from "../../lib/useLint";
import { loadedOne, useShiftKey } from "../followups/paged";
import { QuestionForm } from "./QuestionForm";

/** A scratch checker: paste any question and see whether, and why, it leads. */
function Checker({ api }: { api: Api }) {
  const [text, setText] = useState("");
  const findings = useLint(api, text);
  return (
    <section className="card" aria-labelledby="checker-title">
      <h2 id="checker-title">Check a question</h2>
      <input
        data-testid="checker-input"
        aria-label="Question to check"
        placeholder="Type a question, e.g. “Do you have problems with Chef?”"
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <LintReport text={text} findings={findings} onRewrite={setText} />
    </section>
  );
}

interface Props {
  api: Api;
  /** `new`, or the id of the question whose form is open. */
  open: string | null;
  /** A question to scroll to and highlight. */
  focus: string | null;
  go: Go;
}

/** The question bank at any size: filtered in the core as you type, read a page at a time and
 * rendered a screenful at a time; each question editable and archivable. */
export function QuestionBank({ api, open, focus, go }: Props) {
  const [topic, setTopic] = useState("");
  const [query, setQuery] = useState("");
  const [archived, setArchived] = useState(false);
  const [picked, setPicked] = useState<Question | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");
  const toasts = useToasts();
  const q = useDebounced(query.trim(), 150);
  const topics = useCall(() => api.questions_topics(), [api]);
  const list = usePagedList(
    (page) => api.questions_list({ filter: { include_archived: archived, topic: topic || undefined, query: q || undefined, page } }),
    [api, archived, topic, q],
  );
  const refresh = () => {
    list.reload();
    void topics.reload();
  };

  const editing = open && open !== "new" ? (picked?.id === open ? picked : loadedOne(list, open)) : undefined;
  const formOpen = open === "new" || editing !== undefined;
  const listKey = useShiftKey(list);

  const setArchivedOf = async (question: Question, to: boolean) => {
    try {
      await api.questions_set_archived({ id: question.id, archived: to });
      const said = to ? `Archived “${question.text}”. Show archived to restore it.` : `Restored “${question.text}”.`;
      setStatus(said);
      toasts.say(said);
      refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <>
      <ErrorBanner message={error ?? list.error} />
      <p className="sr-status" role="status" data-testid="status">
        {status}
      </p>
      {formOpen && (
        <QuestionForm
          key={open}
          api={api}
          question={editing ?? null}
          onSaved={(saved) => {
            setStatus(`Saved “${saved.text}”.`);
            setPicked(saved);
            refresh();
            go("questions", null, saved.id);
          }}
          onClose={() => go("questions", null, editing?.id)}
        />
      )}
      <Checker api={api} />
      {open && open !== "new" && !editing && <p className="muted">{list.loaded ? "That question is not in the list; find it below." : "Loading…"}</p>}
      <div className="toolbar qtoolbar">
        <input type="search" aria-label="Filter questions" data-testid="question-filter" placeholder="Filter questions" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Topic" data-testid="topic-filter" value={topic} onChange={(e) => setTopic(e.target.value)}>
          <option value="">All topics</option>
          {(topics.data ?? []).map((t) => (
            <option key={t.topic} value={t.topic}>
              {t.topic} ({t.count})
            </option>
          ))}
        </select>
        <label className="inline">
          <input type="checkbox" checked={archived} onChange={(e) => setArchived(e.target.checked)} />
          Show archived
        </label>
        <button className="primary" data-testid="question-new" onClick={() => go("questions", "new")} disabled={formOpen}>
          New question
        </button>
        <span className="muted count" data-testid="question-count">
          {list.loaded ? plural(list.total, "question") : ""}
        </span>
      </div>
      <CsvTools api={api} exports={["questions", "guides"]} imports="questions" onImported={refresh} />
      {list.loaded && list.total === 0 ? (
        <p className="empty">{q || topic ? "No question matches." : "The bank is empty."}</p>
      ) : (
        <VirtualList
          key={listKey}
          list={list}
          estimate={72}
          label="Question bank"
          testId="question-list"
          keyOf={(x) => x.id}
          focusKey={focus}
          onOpen={(x) => {
            setPicked(x);
            go("questions", x.id);
          }}
          render={(x) => (
            <div className={`qrow${x.findings.length ? " leads" : ""}${x.archived_at ? " archived" : ""}`} data-question={x.text}>
              <div className="qtext">
                <MarkedText text={x.text} findings={x.findings} />
                {x.findings.length > 0 && <span className="badge warn">leads</span>}
                {x.archived_at && <span className="badge muted">archived</span>}
              </div>
              {x.leading_version && (
                <div className="small muted">
                  Instead of: <s>{x.leading_version}</s>
                </div>
              )}
              {x.rationale && <div className="small muted">{x.rationale}</div>}
              <div className="qmeta">
                {x.topic && <span className="role">{x.topic}</span>}
                {x.tags.map((t) => (
                  <span key={t} className="tag">
                    #{t}
                  </span>
                ))}
                <span className="row-actions">
                  <button
                    data-testid="question-edit"
                    aria-label={`Edit “${x.text}”`}
                    onClick={() => {
                      setPicked(x);
                      go("questions", x.id);
                    }}
                  >
                    Edit
                  </button>
                  <button aria-label={`${x.archived_at ? "Restore" : "Archive"} “${x.text}”`} onClick={() => void setArchivedOf(x, !x.archived_at)}>
                    {x.archived_at ? "Restore" : "Archive"}
                  </button>
                </span>
              </div>
              {x.findings.length > 0 && !formOpen && <LintReport text={x.text} findings={x.findings} />}
            </div>
          )}
        />
      )}
    </>
  );
}
