import { useCallback, useEffect, useState } from "react";
import type { Finding } from "../bindings/Finding";
import type { FindingStatus } from "../bindings/FindingStatus";
import type { TagGroup } from "../bindings/TagGroup";
import { CsvTools } from "../components/CsvTools";
import { ReportPanel } from "../components/ReportPanel";
import type { Api } from "../lib/ipc";
import type { AreaId } from "../lib/routes";
import { ErrorBanner } from "../components/ErrorBanner";

export const STATUSES: FindingStatus[] = ["open", "confirmed", "acted", "dismissed"];

export function backing(f: Finding): string {
  const people = `${f.interviewee_count} interviewee${f.interviewee_count === 1 ? "" : "s"}`;
  return `${people} · ${f.lead_count} lead/manager · ${f.ic_count} IC/other`;
}

interface Props {
  api: Api;
  /** A finding to scroll to and highlight (from Search). */
  focus: string | null;
  onNavigate: (area: AreaId, param?: string) => void;
}

/** Findings grouped by tag (an affinity map), each with who backs it and its evidence. */
export function FindingsScreen({ api, focus, onNavigate }: Props) {
  const [groups, setGroups] = useState<TagGroup[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(
    () =>
      api.findings_by_tag().then(
        (g) => {
          setGroups(g);
          setLoaded(true);
        },
        (e: Error) => setError(e.message),
      ),
    [api],
  );
  useEffect(() => {
    void reload();
  }, [reload]);
  useEffect(() => {
    if (focus && loaded) document.querySelector(`[data-finding-id="${CSS.escape(focus)}"]`)?.scrollIntoView({ block: "center" });
  }, [focus, loaded]);

  const act = (p: Promise<unknown>) => p.then(reload, (e: Error) => setError(e.message));

  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Findings
        </h1>
      </header>
      <p className="muted lede">
        What you learned, backed by notes and quotes. Create findings from an interview's notes; they are grouped here by
        tag.
      </p>
      <ErrorBanner message={error} />
      {loaded && groups.length === 0 && (
        <p className="empty">No findings yet. In an interview, select notes or quotes and choose “Create finding”.</p>
      )}
      <div className="affinity" data-testid="affinity">
        {groups.map((g) => (
          <section key={g.tag || "untagged"} className="affinity-group" data-tag={g.tag || "untagged"}>
            <h2>{g.tag ? `#${g.tag}` : "Untagged"}</h2>
            {g.findings.map((f) => (
              <article
                key={f.id}
                className={focus === f.id ? "card finding focused" : "card finding"}
                data-finding={f.title}
                data-finding-id={f.id}
              >
                <h3>{f.title}</h3>
                <p className="small backing" data-testid="backing">
                  {f.source ? `From the ${f.source}; no interview evidence yet` : backing(f)}
                </p>
                {f.detail && f.detail !== f.title && <p>{f.detail}</p>}
                <ul className="evidence">
                  {f.evidence.map((e) => (
                    <li key={e.note_id}>
                      {e.is_quote ? <q>{e.text}</q> : e.text}
                      {e.speaker && <span className="muted"> — {e.speaker}</span>}{" "}
                      <button className="link small" onClick={() => onNavigate("interviews", e.interview_id)}>
                        {e.interview_title}
                      </button>
                    </li>
                  ))}
                </ul>
                <div className="qmeta">
                  <select
                    aria-label={`Status of ${f.title}`}
                    value={f.status}
                    onChange={(e) => void act(api.findings_set_status({ id: f.id, status: e.target.value as FindingStatus }))}
                  >
                    {STATUSES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                  <span className="row-actions">
                    <button onClick={() => window.confirm(`Delete “${f.title}”? Its notes stay.`) && void act(api.findings_delete({ id: f.id }))}>
                      Delete
                    </button>
                  </span>
                </div>
              </article>
            ))}
          </section>
        ))}
      </div>
      <h2>Share</h2>
      <ReportPanel api={api} request={{ kind: "findings" }} label="Findings report" testId="findings-export" />
      <ReportPanel api={api} request={{ kind: "quotes" }} label="Quotes sheet" testId="quotes-export" />
      <CsvTools api={api} exports={["findings", "quotes"]} imports="findings" onImported={() => void reload()} />
    </section>
  );
}
