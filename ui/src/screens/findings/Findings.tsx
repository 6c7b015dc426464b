import { useEffect, useState } from "react";
import type { Finding } from "../../bindings/Finding";
import type { FindingSort } from "../../bindings/FindingSort";
import type { FindingStatus } from "../../bindings/FindingStatus";
import { useCall, usePagedList } from "../../lib/hooks";
import { FINDING_STATUSES, backing, plural } from "../../lib/labels";
import type { ScreenProps } from "../../lib/routes";
import { CsvTools } from "../../components/CsvTools";
import { ReportPanel } from "../../components/ReportPanel";
import { Chips } from "../../kit/Chips";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import { useToasts } from "../../kit/Toasts";
import { VirtualList } from "../../kit/VirtualList";
import { FindingForm } from "./FindingForm";

/** What the team learned: each finding once, with its tags as chips, filtered by status and
 * tag, strongest backing first; each one editable and deletable with Undo. */
/** `param`: the finding whose form is open; `focus`: one to scroll to and highlight. */
export function FindingsScreen({ api, param, focus, go }: ScreenProps) {
  const [status, setStatus] = useState<FindingStatus | "">("");
  const [tag, setTag] = useState("");
  const [sort, setSort] = useState<FindingSort>("backing");
  const [error, setError] = useState<string | null>(null);
  const toasts = useToasts();
  const tags = useCall(() => api.findings_tags(), [api]);
  const list = usePagedList(
    (page) => api.findings_list({ filter: { status: status || undefined, tag: tag || undefined, sort, page } }),
    [api, status, tag, sort],
  );
  const [loadedEdit, setEditing] = useState<Finding | null>(null);
  const editing = param && loadedEdit?.id === param ? loadedEdit : null;
  useEffect(() => {
    if (!param) return;
    let live = true;
    api.findings_get({ id: param }).then((f) => live && setEditing(f), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [api, param]);

  const refresh = () => {
    list.reload();
    void tags.reload();
  };
  const act = async (p: Promise<unknown>) => {
    try {
      await p;
      refresh();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const remove = async (f: Finding) => {
    try {
      const entry = await api.findings_delete({ id: f.id });
      refresh();
      toasts.deleted(entry, refresh);
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="page">
      <PageHeader
        title="Findings"
        lede="What you learned, backed by notes and quotes. Create findings from an interview's notes; edit, filter and link them to the roadmap here."
      />
      <ErrorBanner message={error ?? list.error} />
      {editing && (
        <FindingForm
          key={editing.id}
          api={api}
          finding={editing}
          onSaved={() => {
            go("findings", null, editing.id);
            refresh();
          }}
          onClose={() => go("findings")}
        />
      )}
      <div className="toolbar" role="group" aria-label="Filter findings">
        <label>
          Status{" "}
          <select aria-label="Status filter" value={status} onChange={(e) => setStatus(e.target.value as FindingStatus | "")} data-testid="finding-status-filter">
            <option value="">any</option>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tag{" "}
          <select aria-label="Tag filter" value={tag} onChange={(e) => setTag(e.target.value)} data-testid="finding-tag-filter">
            <option value="">any</option>
            {(tags.data ?? []).map((t) => (
              <option key={t.tag} value={t.tag}>
                #{t.tag} ({t.count})
              </option>
            ))}
          </select>
        </label>
        <label>
          Sort{" "}
          <select aria-label="Sort" value={sort} onChange={(e) => setSort(e.target.value as FindingSort)}>
            <option value="backing">most backed first</option>
            <option value="newest">newest first</option>
          </select>
        </label>
        <span className="muted count" data-testid="finding-count">
          {plural(list.total, "finding")}
        </span>
      </div>
      {list.loaded && list.total === 0 && (
        <p className="empty">
          {status || tag ? "No findings match these filters." : "No findings yet. In an interview, select notes or quotes and choose “Create finding”."}
        </p>
      )}
      <VirtualList
        list={list}
        estimate={160}
        label="Findings"
        testId="affinity"
        keyOf={(f) => f.id}
        focusKey={focus}
        onOpen={(f) => go("findings", f.id)}
        render={(f) => (
          <article className={focus === f.id ? "card finding focused" : "card finding"} data-finding={f.title} data-finding-id={f.id}>
            <h3>{f.title}</h3>
            <p className="small backing" data-testid="backing">
              {backing(f)}
            </p>
            <Chips tags={f.tags} onPick={setTag} />
            {f.detail && f.detail !== f.title && <p className="prewrap">{f.detail}</p>}
            {f.recommendation && (
              <p className="prewrap">
                <strong>Recommendation:</strong> {f.recommendation}
              </p>
            )}
            <ul className="evidence">
              {f.evidence.map((e) => (
                <li key={e.note_id}>
                  {e.is_quote ? <q className="prewrap">{e.text}</q> : <span className="prewrap">{e.text}</span>}
                  {e.speaker && <span className="muted"> — {e.speaker}</span>}{" "}
                  <button className="link small" onClick={() => go("interviews", e.interview_id, e.note_id)}>
                    {e.interview_title}
                  </button>
                </li>
              ))}
            </ul>
            {f.rows.length > 0 && (
              <p className="small">
                On the roadmap:{" "}
                {f.rows.map((r) => (
                  <button key={r.row_id} className="link small" onClick={() => go("roadmaps", r.roadmap_id, r.row_id)}>
                    {r.project} ({r.roadmap_title})
                  </button>
                ))}
              </p>
            )}
            <div className="qmeta">
              <select
                aria-label={`Status of ${f.title}`}
                value={f.status}
                onChange={(e) => void act(api.findings_set_status({ id: f.id, status: e.target.value as FindingStatus }))}
              >
                {FINDING_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
              <span className="row-actions">
                <button onClick={() => go("findings", f.id)} aria-label={`Edit ${f.title}`}>
                  Edit
                </button>
                <button onClick={() => void remove(f)} aria-label={`Delete ${f.title}`}>
                  Delete
                </button>
              </span>
            </div>
          </article>
        )}
      />
      <h2>Share</h2>
      <ReportPanel api={api} request={{ kind: "findings" }} label="Findings report" testId="findings-export" />
      <ReportPanel api={api} request={{ kind: "quotes" }} label="Quotes sheet" testId="quotes-export" />
      <CsvTools api={api} exports={["findings", "quotes"]} imports="findings" onImported={refresh} />
    </section>
  );
}
