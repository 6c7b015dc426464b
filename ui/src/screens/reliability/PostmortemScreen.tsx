import { useState } from "react";
import type { Postmortem } from "../../bindings/Postmortem";
import type { PostmortemStatus } from "../../bindings/PostmortemStatus";
import type { Api } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";
import type { Go } from "../../lib/routes";
import { dateTime } from "../../lib/dates";
import { useCall } from "../../lib/hooks";
import { ReportPanel } from "../../components/ReportPanel";
import { useConfirm } from "../../kit/Dialogs";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { useToasts } from "../../kit/Toasts";
import { pct } from "./common";
import { ActionItemList } from "./ActionItemList";
import { PostmortemForm, SEVERITY_LABELS } from "./PostmortemForm";
import type { Open } from "./Reliability";

const minutes = (m: number) => (m >= 120 ? `${Math.floor(m / 60)} h ${m % 60} min` : `${m} min`);

/** One postmortem: the template to write in, its status (draft → complete → closed, with
 * the rules the core checks), its action items, and the document to share. */
export function PostmortemScreen({ api, id, focus, open, go }: { api: Api; id: string; focus: string | null; open: Open; go: Go }) {
  const pm = useCall(() => api.postmortems_get({ id }), [api, id]);
  const confirm = useConfirm();
  const toasts = useToasts();
  const [error, setError] = useState<string | null>(null);
  const p = pm.data;
  if (!p) return <p className="muted">{pm.error ?? "Loading…"}</p>;
  const here = `postmortem/${id}`;
  const setStatus = async (status: PostmortemStatus, blameOk = false, from: Postmortem = p): Promise<void> => {
    try {
      await api.postmortems_set_status({ id, version: from.version, status, blame_ok: blameOk });
      setError(null);
      void pm.reload();
    } catch (e) {
      if (e instanceof IpcError && e.code === "needs_ack") {
        if (await confirm({ title: "Blaming language is still in this postmortem", body: e.message, confirmLabel: "Mark complete anyway", cancelLabel: "Keep editing" })) {
          await setStatus(status, true, from);
        }
      } else if (e instanceof IpcError && e.code === "conflict") {
        setError("This postmortem changed since you opened it; it was reloaded. Try again.");
        void pm.reload();
      } else setError((e as Error).message);
    }
  };
  const remove = async () => {
    try {
      const entry = await api.postmortems_delete({ id });
      toasts.deleted(entry, () => open(here));
      open("postmortems");
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const over = p.budget_consumed !== null && p.budget_consumed > p.budget_threshold;
  return (
    <>
      <header className="rel-head">
        <div>
          <p className="muted small">
            <button className="link" onClick={() => open("postmortems")}>
              Postmortems
            </button>{" "}
            · {SEVERITY_LABELS[p.severity]} · {dateTime(p.started_at)}
            {p.duration_minutes !== null && ` · ${minutes(p.duration_minutes)}`}
          </p>
          <h1 id="page-title" tabIndex={-1} data-testid="postmortem-title">
            {p.title}{" "}
            <span className={`pm-status s-${p.status}`} data-testid="postmortem-status">
              {p.status}
            </span>
          </h1>
          <p className="small">
            {p.service && <>Service {p.service.name} · </>}
            {p.slo && <>SLO {p.slo.name} · </>}
            Budget used:{" "}
            <strong className={over ? "warn-text" : undefined} data-testid="postmortem-budget">
              {p.budget_consumed === null ? "unknown" : pct(p.budget_consumed)}
            </strong>
            {p.budget_from_readings && " (from the readings)"} · the policy asks for a P0/P1 item above {pct(p.budget_threshold)} · {Number(p.open_items)} of {p.items.length} items open
          </p>
        </div>
        <span className="actions">
          {p.status === "draft" && (
            <button className="primary" onClick={() => void setStatus("complete")} data-testid="postmortem-complete">
              Mark complete
            </button>
          )}
          {p.status !== "closed" && (
            <button onClick={() => void setStatus("closed")} data-testid="postmortem-close">
              Close
            </button>
          )}
          {p.status !== "draft" && (
            <button onClick={() => void setStatus("draft")} data-testid="postmortem-reopen">
              Reopen as draft
            </button>
          )}
          <button className="danger" onClick={() => void remove()} data-testid="postmortem-delete">
            Delete
          </button>
        </span>
      </header>
      <ErrorBanner message={pm.error} />
      {error && (
        <p className="banner error" role="alert" data-testid="postmortem-refusal">
          {error}
        </p>
      )}
      {p.needs_high_priority_item && (
        <p className="banner warn" data-testid="postmortem-needs-p1">
          This incident used {pct(p.budget_consumed)} of the budget, more than the policy's {pct(p.budget_threshold)}: add a P0 or P1 action item before marking it complete.
        </p>
      )}
      {p.blame.length > 0 && (
        <p className="banner warn" data-testid="postmortem-blame-count">
          {p.blame.length} phrase{p.blame.length === 1 ? "" : "s"} in the saved text blame{p.blame.length === 1 ? "s" : ""} a person; the flags below each section suggest a rewrite.
        </p>
      )}
      <ActionItemList api={api} postmortem={p} focus={focus} onChanged={() => void pm.reload()} go={go} />
      <PostmortemForm key={`${p.id}.${p.version}`} api={api} postmortem={p} onSaved={() => void pm.reload()} onClose={() => void pm.reload()} />
      <section className="card" aria-label="Share">
        <h2 className="rel-h2">Share</h2>
        <ReportPanel api={api} request={{ kind: "postmortem", id }} label="postmortem" testId="postmortem-doc" />
      </section>
    </>
  );
}
