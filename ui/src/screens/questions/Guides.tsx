import { useCallback, useEffect, useState } from "react";
import type { Guide } from "../../bindings/Guide";
import type { GuideInput } from "../../bindings/GuideInput";
import type { GuideSummary } from "../../bindings/GuideSummary";
import type { Question } from "../../bindings/Question";
import { LintReport, MarkedText } from "../../components/LintView";
import { ReportPanel } from "../../components/ReportPanel";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { Field } from "../../kit/Field";
import { useToasts } from "../../kit/Toasts";
import { useForm, type Form } from "../../kit/useForm";
import { useCall, useDebounced } from "../../lib/hooks";
import type { Api } from "../../lib/ipc";
import { plural } from "../../lib/labels";
import type { Go } from "../../lib/routes";
import { useLint } from "../../lib/useLint";
import { useEditForm } from "../followups/editing";

/** Moves the element at `from` to `to`, returning a new array. */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const out = [...list];
  const [item] = out.splice(from, 1);
  out.splice(Math.max(0, Math.min(to, out.length)), 0, item!);
  return out;
}

/** Questions offered per "page" of the add-from-bank picker. */
const PICK_PAGE = 20;
/** The most the picker shows at once (the core's largest page). */
const PICK_MAX = 500;
const EMPTY_GUIDE: GuideInput = { title: "", goal: "" };

/** Title and goal, shared by the new-guide form and the edit of one. */
function GuideFields({ form, autoFocus = false }: { form: Form<GuideInput>; autoFocus?: boolean }) {
  return (
    <div className="grid2">
      <Field id="guide-title" label="Title" error={form.errors.title}>
        {(a) => <input {...a} autoFocus={autoFocus} value={form.values.title} onChange={(e) => form.set("title", e.target.value)} autoComplete="off" />}
      </Field>
      <Field id="guide-goal" label="What do you want to learn?" error={form.errors.goal}>
        {(a) => <input {...a} value={form.values.goal} onChange={(e) => form.set("goal", e.target.value)} autoComplete="off" />}
      </Field>
    </div>
  );
}

/** Renames a guide or changes its goal, from its version; a stale edit shows both versions. */
function GuideMetaForm({ api, guide, onSaved, onClose }: { api: Api; guide: Guide; onSaved: (g: Guide) => void; onClose: () => void }) {
  const edit = useEditForm<GuideInput, Guide>({
    initial: { title: guide.title, goal: guide.goal },
    idPrefix: "guide",
    draftKey: `guide.${guide.id}`,
    version: guide.version,
    save: async (input, version) => onSaved(await api.guides_update({ id: guide.id, version, input })),
    valuesOf: (g) => ({ title: g.title, goal: g.goal }),
    what: "guide",
    fields: [
      { key: "title", label: "Title" },
      { key: "goal", label: "Goal" },
    ],
    onClose,
  });
  const form = edit.form;
  return (
    <form
      className="form guide-meta"
      aria-label="Title and goal"
      data-testid="guide-meta-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void edit.submit();
      }}
      onKeyDown={edit.onKeyDown}
    >
      <ErrorBanner message={form.general} />
      <GuideFields form={form} autoFocus />
      <div className="actions">
        <button type="submit" className="primary" data-testid="guide-meta-save" disabled={form.saving}>
          Save title and goal
        </button>
        <button type="button" onClick={() => void edit.close()}>
          Cancel
        </button>
      </div>
      {edit.dialog}
    </form>
  );
}

/** Adds bank questions to a guide: the core filters as you type and sends a page at a time, so a
 * bank of 100,000 questions never loads at once. */
function QuestionPicker({ api, guide, busy, onAdd }: { api: Api; guide: Guide; busy: boolean; onAdd: (q: Question) => void }) {
  const [query, setQuery] = useState("");
  const [limit, setLimit] = useState(PICK_PAGE);
  const q = useDebounced(query.trim(), 150);
  const key = `${q}\n${limit}`;
  const [found, setFound] = useState<{ key: string; items: Question[]; total: number }>({ key: "", items: [], total: 0 });
  useEffect(() => {
    let live = true;
    api.questions_list({ filter: { include_archived: false, query: q || undefined, page: { offset: 0, limit } } }).then(
      (p) => live && setFound({ key, items: p.items, total: p.total }),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, q, limit, key]);
  const inGuide = new Set(guide.items.map((i) => i.question_id));
  // The last answer stays on screen while a newer one is on its way, so nothing flickers.
  const { items, total } = found;
  return (
    <section className="guide-picker" aria-labelledby="guide-picker-title">
      <h3 id="guide-picker-title">Add questions from the bank</h3>
      <input
        type="search"
        data-testid="guide-pick-filter"
        aria-label="Find questions in the bank"
        placeholder="Find questions in the bank"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setLimit(PICK_PAGE);
        }}
      />
      <ul className="pick-results" data-testid="guide-pick-results" aria-busy={found.key !== key}>
        {items.map((x) => (
          <li key={x.id} data-pick={x.text}>
            <span className="pick-text">
              {x.topic && <span className="role">{x.topic}</span>} {x.text}
            </span>
            {inGuide.has(x.id) ? (
              <span className="muted small nowrap">In the guide</span>
            ) : (
              <button data-testid="guide-pick-add" aria-label={`Add “${x.text}”`} disabled={busy} onClick={() => onAdd(x)}>
                Add
              </button>
            )}
          </li>
        ))}
        {found.key === key && items.length === 0 && <li className="muted">{q ? `No question matches “${q}”.` : "The bank is empty."}</li>}
      </ul>
      {total > items.length && (
        <p className="small">
          <span className="muted">
            Showing {items.length} of {plural(total, "question")}.
          </span>{" "}
          {limit < PICK_MAX ? (
            <button className="link" data-testid="guide-pick-more" onClick={() => setLimit((l) => l + PICK_PAGE)}>
              Show {Math.min(PICK_PAGE, total - items.length)} more
            </button>
          ) : (
            <span className="muted">Type more of the question to find the others.</span>
          )}
        </p>
      )}
    </section>
  );
}

function GuideEditor({ api, guideId, editing, go, onDeleted }: { api: Api; guideId: string; editing: boolean; go: Go; onDeleted: () => void }) {
  const [guide, setGuide] = useState<Guide | null>(null);
  const [view, setView] = useState<"edit" | "check" | "export">("edit");
  const [error, setError] = useState<string | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const [draft, setDraft] = useState("");
  const [busy, setBusy] = useState(false);
  const toasts = useToasts();
  const draftFindings = useLint(api, draft);

  const run = useCallback(async (p: Promise<Guide>) => {
    setBusy(true);
    try {
      setGuide(await p);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, []);
  const reload = useCallback(() => void run(api.guides_get({ id: guideId })), [api, guideId, run]);
  useEffect(() => {
    api.guides_get({ id: guideId }).then(setGuide, (e: Error) => setError(e.message));
  }, [api, guideId]);

  if (!guide) return <p className="muted">{error ?? "Loading…"}</p>;
  const here = `guides/${guide.id}`;

  const reorder = (from: number, to: number) => {
    if (to < 0 || to >= guide.items.length || from === to) return;
    const ids = moved(guide.items, from, to).map((i) => i.id);
    void run(api.guides_reorder({ guide_id: guide.id, item_ids: ids }));
  };

  const removeItem = async (itemId: string) => {
    try {
      const entry = await api.guides_remove_item({ item_id: itemId });
      reload();
      toasts.deleted(entry, reload);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const removeGuide = async () => {
    try {
      const entry = await api.guides_delete({ id: guide.id });
      onDeleted();
      toasts.deleted(entry, onDeleted);
      go("questions", "guides");
    } catch (e) {
      setError((e as Error).message);
    }
  };

  // A question written here goes into the bank too, so it can be reused in other guides.
  const addDraft = async () => {
    setBusy(true);
    try {
      const q = await api.questions_create({ input: { text: draft, topic: "", tags: [], leading_version: null, rationale: "" } });
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
      <div className="guide-head">
        <div className="guide-name">
          <h2 data-testid="guide-title">{guide.title}</h2>
          {guide.goal && <p className="muted">{guide.goal}</p>}
        </div>
        <span className="page-actions">
          <button data-testid="guide-meta-edit" onClick={() => go("questions", `${here}/edit`)} disabled={editing}>
            Rename…
          </button>
          <button className="danger-text" data-testid="guide-delete" onClick={() => void removeGuide()}>
            Delete guide
          </button>
          <button onClick={() => go("questions", "guides")}>Back to guides</button>
        </span>
      </div>
      {editing && (
        <GuideMetaForm
          api={api}
          guide={guide}
          onSaved={(g) => {
            setGuide(g);
            go("questions", here);
          }}
          onClose={() => go("questions", here)}
        />
      )}
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
                  {item.archived && <span className="badge muted">archived in the bank</span>}
                </span>
                <span className="item-controls">
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
                    <button aria-label={`Remove question ${i + 1}`} data-testid="guide-item-remove" onClick={() => void removeItem(item.id)}>
                      Remove
                    </button>
                  </span>
                </span>
              </li>
            ))}
          </ol>
          {guide.items.length === 0 && <p className="empty">No questions yet. Add some from the bank below.</p>}
          <p className="muted small">Drag a question to reorder it, or focus it and press Alt+↑ / Alt+↓.</p>
          <QuestionPicker api={api} guide={guide} busy={busy} onAdd={(q) => void run(api.guides_add_question({ guide_id: guide.id, question_id: q.id, minutes: 3 }))} />
          <div className="toolbar guide-draft">
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

interface Props {
  api: Api;
  /** The guide that is open, if any. */
  open: string | null;
  /** Its title and goal are being edited. */
  editing: boolean;
  focus: string | null;
  go: Go;
}

/** A new guide; what is typed is a draft until it is created. */
function NewGuide({ api, go }: { api: Api; go: Go }) {
  const form = useForm<GuideInput>(EMPTY_GUIDE, "guide", "guide.new");
  const create = () => form.submit(async (input) => go("questions", `guides/${(await api.guides_create({ input })).id}`));
  return (
    <form
      className="card form"
      aria-labelledby="guide-new-title"
      onSubmit={(e) => {
        e.preventDefault();
        void create();
      }}
      noValidate
    >
      <h2 id="guide-new-title">New guide</h2>
      <ErrorBanner message={form.general} />
      <GuideFields form={form} />
      <button className="primary" type="submit" data-testid="guide-create" disabled={form.saving}>
        Create guide
      </button>
    </form>
  );
}

/** Interview guides: the list with a form for a new one, or one guide open in its editor. */
export function Guides({ api, open, editing, focus, go }: Props) {
  const guides = useCall(() => api.guides_list(), [api, open]);
  const [error, setError] = useState<string | null>(null);
  const toasts = useToasts();
  const reload = () => void guides.reload();

  if (open) return <GuideEditor key={open} api={api} guideId={open} editing={editing} go={go} onDeleted={reload} />;

  const remove = async (g: GuideSummary) => {
    try {
      const entry = await api.guides_delete({ id: g.id });
      reload();
      toasts.deleted(entry, reload);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const list = guides.data ?? [];

  return (
    <>
      <NewGuide api={api} go={go} />
      <ErrorBanner message={error ?? guides.error} />
      {guides.data !== undefined && list.length === 0 ? (
        <p className="empty">No guides yet. A guide is the ordered list of questions for one round of interviews.</p>
      ) : (
        <table className="table guide-list" data-testid="guide-list">
          <thead>
            <tr>
              <th scope="col">Guide</th>
              <th scope="col">Questions</th>
              <th scope="col">Planned time</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((g) => (
              <tr key={g.id} data-guide={g.title} className={g.id === focus ? "focused" : undefined}>
                <td>
                  <button className="link" onClick={() => go("questions", `guides/${g.id}`)}>
                    {g.title}
                  </button>
                  {g.goal && <div className="small muted">{g.goal}</div>}
                </td>
                <td>{g.question_count}</td>
                <td className={g.total_minutes > 30 ? "warn-text" : undefined}>{g.total_minutes} / 30 min</td>
                <td className="row-actions">
                  <button aria-label={`Delete guide “${g.title}”`} data-testid="guide-list-delete" onClick={() => void remove(g)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
