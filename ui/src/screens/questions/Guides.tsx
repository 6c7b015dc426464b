import { useCallback, useEffect, useState } from "react";
import type { Guide } from "../../bindings/Guide";
import type { GuideSummary } from "../../bindings/GuideSummary";
import type { Question } from "../../bindings/Question";
import { Field } from "../../kit/Field";
import { ReportPanel } from "../../components/ReportPanel";
import { LintReport, MarkedText } from "../../components/LintView";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import { useLint } from "../../lib/useLint";
import { ErrorBanner } from "../../kit/ErrorBanner";

/** Moves the element at `from` to `to`, returning a new array. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item!);
  return out;
}

function GuideEditor({ api, guideId, onClose }: { api: Api; guideId: string; onClose: () => void }) {
  const [guide, setGuide] = useState<Guide | null>(null);
  const [bank, setBank] = useState<Question[]>([]);
  const [pick, setPick] = useState("");
  const [view, setView] = useState<"edit" | "check" | "export">("edit");
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const draftFindings = useLint(api, draft);

  const run = useCallback(async (p: Promise<Guide>) => {
    setBusy(true);
    try {
      setGuide(await p);
      setError(null);
    } catch (e) {
      setError(e instanceof IpcError || e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, []);

  useEffect(() => {
    api.guides_get({ id: guideId }).then(setGuide, (e: Error) => setError(e.message));
    api.questions_list({ filter: { include_archived: false } }).then((p) => setBank(p.items), () => setBank([]));
  }, [api, guideId]);

  if (!guide) return <p className="muted">Loading…</p>;
  const inGuide = new Set(guide.items.map((i) => i.question_id));
  const available = bank.filter((q) => !inGuide.has(q.id));

  const reorder = (from: number, to: number) => {
    if (to < 0 || to >= guide.items.length || from === to) return;
    const ids = moved(guide.items, from, to).map((i) => i.id);
    void run(api.guides_reorder({ guide_id: guide.id, item_ids: ids }));
  };

  // A question written here goes into the bank too, so it can be reused in other guides.
  const addDraft = async () => {
    setBusy(true);
    try {
      const q = await api.questions_create({ input: { text: draft, topic: "", tags: [], leading_version: null, rationale: "" } });
      setBank((b) => [...b, q]);
      setDraft("");
      await run(api.guides_add_question({ guide_id: guide.id, question_id: q.id, minutes: 3 }));
    } catch (e) {
      setError((e as Error).message);
      setBusy(false);
    }
  };

  const pct = Math.min(100, (guide.total_minutes / guide.budget_minutes) * 100);

  return (
    <section className="card guide" data-testid="guide-editor">
      <div className="page-head">
        <h2>{guide.title}</h2>
        <button onClick={onClose}>Back to guides</button>
      </div>
      {guide.goal && <p className="muted">{guide.goal}</p>}
      <div className={guide.over_budget ? "budget over" : "budget"} data-testid="budget">
        <div className="bar">
          <span style={{ width: `${pct}%` }} />
        </div>
        <span>
          {guide.total_minutes} of {guide.budget_minutes} minutes
          {guide.over_budget && ` — ${guide.total_minutes - guide.budget_minutes} over: cut or shorten a question`}
        </span>
      </div>
      <div className="tabs" role="tablist">
        {(["edit", "check", "export"] as const).map((v) => (
          <button key={v} role="tab" aria-selected={view === v} data-testid={`guide-tab-${v}`} onClick={() => setView(v)}>
            {v === "edit" ? "Questions" : v === "check" ? `Check whole guide${guide.leading_count ? ` (${guide.leading_count})` : ""}` : "Print / export"}
          </button>
        ))}
      </div>
      <ErrorBanner message={error} />

      {view === "edit" && (
        <>
          <ol className="guide-items" data-testid="guide-items">
            {guide.items.map((item, i) => (
              <li
                key={item.id}
                draggable
                tabIndex={0}
                aria-label={`Question ${i + 1}: ${item.text}`}
                data-item={item.text}
                className={dragging === i ? "dragging" : undefined}
                onDragStart={(e) => {
                  setDragging(i);
                  e.dataTransfer.effectAllowed = "move";
                  e.dataTransfer.setData("text/plain", String(i));
                }}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  e.preventDefault();
                  const from = Number(e.dataTransfer.getData("text/plain"));
                  setDragging(null);
                  reorder(from, i);
                }}
                onDragEnd={() => setDragging(null)}
                onKeyDown={(e) => {
                  if (e.altKey && e.key === "ArrowUp") reorder(i, i - 1);
                  if (e.altKey && e.key === "ArrowDown") reorder(i, i + 1);
                }}
              >
                <span className="handle" aria-hidden="true">
                  ⠿
                </span>
                <span className="qtext">
                  <MarkedText text={item.text} findings={item.findings} />
                  {item.findings.length > 0 && <span className="badge warn">leads</span>}
                </span>
                <label className="minutes">
                  <input
                    type="number"
                    min={1}
                    max={30}
                    aria-label={`Minutes for question ${i + 1}`}
                    key={`${item.id}-${item.minutes}-${error ?? ""}`}
                    step={1}
                    defaultValue={item.minutes}
                    onBlur={(e) => {
                      const m = Math.round(Number(e.target.value));
                      if (!Number.isFinite(m) || m === item.minutes) {
                        e.target.value = String(item.minutes);
                        return;
                      }
                      void run(api.guides_set_minutes({ item_id: item.id, minutes: m }));
                    }}
                  />
                  min
                </label>
                <span className="row-actions">
                  <button aria-label={`Move question ${i + 1} up`} disabled={i === 0} onClick={() => reorder(i, i - 1)}>
                    ↑
                  </button>
                  <button aria-label={`Move question ${i + 1} down`} disabled={i === guide.items.length - 1} onClick={() => reorder(i, i + 1)}>
                    ↓
                  </button>
                  <button aria-label={`Remove question ${i + 1}`} onClick={() => void run(api.guides_remove_item({ item_id: item.id }).then(() => api.guides_get({ id: guide.id })))}>
                    Remove
                  </button>
                </span>
              </li>
            ))}
          </ol>
          {guide.items.length === 0 && <p className="empty">No questions yet. Add some from the bank below.</p>}
          <div className="toolbar">
            <select aria-label="Question to add" data-testid="guide-pick" value={pick} onChange={(e) => setPick(e.target.value)}>
              <option value="">Add a question from the bank…</option>
              {available.map((q) => (
                <option key={q.id} value={q.id}>
                  {q.topic ? `[${q.topic}] ` : ""}
                  {q.text}
                </option>
              ))}
            </select>
            <button
              className="primary"
              data-testid="guide-add"
              disabled={!pick || busy}
              onClick={() => {
                void run(api.guides_add_question({ guide_id: guide.id, question_id: pick, minutes: 3 }));
                setPick("");
              }}
            >
              Add
            </button>
          </div>
          <div className="toolbar">
            <input
              data-testid="guide-draft"
              aria-label="Write a new question"
              placeholder="…or write a new question (checked as you type)"
              value={draft}
              onChange={(e) => setDraft(e.target.value)}
            />
            <button data-testid="guide-draft-add" disabled={!draft.trim() || busy} onClick={() => void addDraft()}>
              Add new question
            </button>
          </div>
          <LintReport text={draft} findings={draftFindings} onRewrite={setDraft} />
          <p className="muted small">Drag a question to reorder it, or focus it and press Alt+↑ / Alt+↓.</p>
        </>
      )}

      {view === "check" && (
        <div data-testid="guide-check">
          {guide.leading_count === 0 ? (
            <p className="lint ok">None of the {guide.items.length} questions leads.</p>
          ) : (
            <p>
              {guide.leading_count} of {guide.items.length} questions lead:
            </p>
          )}
          {guide.items
            .filter((i) => i.findings.length > 0)
            .map((i) => (
              <LintReport key={i.id} text={i.text} findings={i.findings} />
            ))}
        </div>
      )}

      {view === "export" && (
        <>
          <ReportPanel api={api} request={{ kind: "guide", id: guide.id }} label="Guide" />
          <ol className="print-only">
            {guide.items.map((i) => (
              <li key={i.id}>
                {i.text} ({i.minutes} min)
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

export function Guides({ api }: { api: Api }) {
  const [guides, setGuides] = useState<GuideSummary[]>([]);
  const [open, setOpen] = useState<string | null>(null);
  const [title, setTitle] = useState("");
  const [goal, setGoal] = useState("");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [general, setGeneral] = useState<string | null>(null);

  const reload = useCallback(() => api.guides_list().then(setGuides, () => setGuides([])), [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (open) {
    return (
      <GuideEditor
        api={api}
        guideId={open}
        onClose={() => {
          setOpen(null);
          void reload();
        }}
      />
    );
  }

  const create = async (e: React.FormEvent) => {
    e.preventDefault();
    try {
      const g = await api.guides_create({ input: { title, goal } });
      setTitle("");
      setGoal("");
      setErrors({});
      setOpen(g.id);
    } catch (err) {
      if (err instanceof IpcError && err.field) setErrors({ [err.field]: err.message });
      else setGeneral(err instanceof Error ? err.message : String(err));
    }
  };

  return (
    <>
      <form className="card form" onSubmit={create} noValidate>
        <h2>New guide</h2>
        <ErrorBanner message={general} />
        <div className="grid2">
          <Field id="guide-title" label="Title" error={errors.title}>
            {(a) => <input {...a} value={title} onChange={(e) => setTitle(e.target.value)} autoComplete="off" />}
          </Field>
          <Field id="guide-goal" label="What do you want to learn?" error={errors.goal}>
            {(a) => <input {...a} value={goal} onChange={(e) => setGoal(e.target.value)} autoComplete="off" />}
          </Field>
        </div>
        <button className="primary" type="submit" data-testid="guide-create">
          Create guide
        </button>
      </form>
      {guides.length === 0 ? (
        <p className="empty">No guides yet. A guide is the ordered list of questions for one round of interviews.</p>
      ) : (
        <table className="table" data-testid="guide-list">
          <thead>
            <tr>
              <th scope="col">Guide</th>
              <th scope="col">Questions</th>
              <th scope="col">Planned time</th>
            </tr>
          </thead>
          <tbody>
            {guides.map((g) => (
              <tr key={g.id}>
                <td>
                  <button className="link" onClick={() => setOpen(g.id)}>
                    {g.title}
                  </button>
                  {g.goal && <div className="small muted">{g.goal}</div>}
                </td>
                <td>{g.question_count}</td>
                <td className={g.total_minutes > 30 ? "warn-text" : undefined}>{g.total_minutes} / 30 min</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
