import { useCallback, useEffect, useState } from "react";
import type { Question } from "../../bindings/Question";
import type { TopicCount } from "../../bindings/TopicCount";
import { CsvTools } from "../../components/CsvTools";
import { LintReport, MarkedText } from "../../components/LintView";
import type { Api } from "../../lib/ipc";
import { useLint } from "../../lib/useLint";
import { QuestionForm } from "./QuestionForm";
import { ErrorBanner } from "../../kit/ErrorBanner";

type Editing = { kind: "new" } | { kind: "edit"; question: Question } | null;

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

export function QuestionBank({ api }: { api: Api }) {
  const [questions, setQuestions] = useState<Question[]>([]);
  const [topics, setTopics] = useState<TopicCount[]>([]);
  const [topic, setTopic] = useState("");
  const [query, setQuery] = useState("");
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const reload = useCallback(
    () =>
      Promise.all([
        api.questions_list({ filter: { include_archived: false, topic: topic || undefined, query: query.trim() || undefined } }),
        api.questions_topics(),
      ]).then(
        ([qs, ts]) => {
          setQuestions(qs.items);
          setTopics(ts);
        },
        (e: Error) => setError(e.message),
      ),
    [api, topic, query],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const archive = async (q: Question) => {
    try {
      await api.questions_set_archived({ id: q.id, archived: true });
      setStatus("Archived a question.");
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const leadingCount = questions.filter((q) => q.findings.length > 0).length;

  return (
    <>
      <Checker api={api} />
      <ErrorBanner message={error} />
      <p className="sr-status" role="status" data-testid="status">
        {status}
      </p>
      {editing && (
        <QuestionForm
          key={editing.kind === "edit" ? editing.question.id : "new"}
          api={api}
          question={editing.kind === "edit" ? editing.question : null}
          onSaved={(q) => {
            setEditing(null);
            setStatus(`Saved “${q.text}”.`);
            void reload();
          }}
          onCancel={() => setEditing(null)}
        />
      )}
      <div className="toolbar">
        <input type="search" aria-label="Filter questions" placeholder="Filter questions" value={query} onChange={(e) => setQuery(e.target.value)} />
        <select aria-label="Topic" data-testid="topic-filter" value={topic} onChange={(e) => setTopic(e.target.value)}>
          <option value="">All topics</option>
          {topics.map((t) => (
            <option key={t.topic} value={t.topic}>
              {t.topic} ({t.count})
            </option>
          ))}
        </select>
        <button className="primary" data-testid="question-new" onClick={() => setEditing({ kind: "new" })} disabled={editing !== null}>
          New question
        </button>
        <span className="muted count">
          {questions.length} questions{leadingCount > 0 && ` · ${leadingCount} leading`}
        </span>
      </div>
      <CsvTools api={api} exports={["questions", "guides"]} imports="questions" onImported={() => void reload()} />
      <ul className="qlist" data-testid="question-list">
        {questions.map((q) => (
          <li key={q.id} className={q.findings.length ? "leads" : undefined} data-question={q.text}>
            <div className="qtext">
              <MarkedText text={q.text} findings={q.findings} />
              {q.findings.length > 0 && <span className="badge warn">leads</span>}
            </div>
            {q.leading_version && (
              <div className="small muted">
                Instead of: <s>{q.leading_version}</s>
              </div>
            )}
            {q.rationale && <div className="small muted">{q.rationale}</div>}
            <div className="qmeta">
              {q.topic && <span className="role">{q.topic}</span>}
              {q.tags.map((t) => (
                <span key={t} className="tag">
                  #{t}
                </span>
              ))}
              <span className="row-actions">
                <button onClick={() => setEditing({ kind: "edit", question: q })}>Edit</button>
                <button onClick={() => void archive(q)}>Archive</button>
              </span>
            </div>
            {q.findings.length > 0 && editing === null && <LintReport text={q.text} findings={q.findings} />}
          </li>
        ))}
      </ul>
    </>
  );
}
