import { useEffect } from "react";
import type { Api } from "../../lib/ipc";
import { useCall } from "../../lib/hooks";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { BackupTable, RecentTable, SwitchButtons, useRestore, useRun } from "./parts";
import "./workspace.css";

interface Props {
  api: Api;
  /** Why it could not be opened (`corrupt`, `newer_schema`, …). */
  problem: { code: string; message: string };
  /** The workspace's file, when known. */
  path: string | null;
}

/** A workspace Rapport cannot open (or that turned out damaged while open): what happened, that
 * nothing was changed, and the ways on — a backup of it to restore from (when it is damaged),
 * another workspace to open instead. */
export function Unopenable({ api, problem, path }: Props) {
  const damaged = problem.code === "corrupt";
  // It replaces the whole app: start keyboard and screen-reader users at its title.
  useEffect(() => document.getElementById("page-title")?.focus(), []);
  return (
    <main className="fatal unopenable" aria-labelledby="page-title" data-testid={damaged ? "corrupt-screen" : "fatal-screen"}>
      <h1 id="page-title" tabIndex={-1}>
        {damaged ? "This workspace is damaged" : "Rapport could not open its workspace"}
      </h1>
      {path && (
        <p>
          <code className="path" data-testid="fatal-path">
            {path}
          </code>
        </p>
      )}
      <div role="alert">
        <p data-testid="fatal-message">{problem.message}</p>
        <p className="muted">
          Nothing was changed. Error code: <code>{problem.code}</code>
        </p>
      </div>
      <WaysOn api={api} damaged={damaged} path={path} />
    </main>
  );
}

function WaysOn({ api, damaged, path }: { api: Api; damaged: boolean; path: string | null }) {
  const recent = useCall(() => api.workspace_recent(), [api]);
  const backups = useCall(() => (damaged ? api.backups_list() : Promise.resolve([])), [api, damaged]);
  const restore = useRestore(api, true);
  const { busy, error: general, run } = useRun();
  const others = (recent.data ?? []).filter((r) => r.path !== path);
  return (
    <>
      <ErrorBanner message={general ?? backups.error ?? recent.error} />
      {damaged && (
        <section aria-labelledby="fatal-backups">
          <h2 id="fatal-backups">Restore it from a backup</h2>
          <p className="muted small">Restoring replaces the damaged file with the backup; the damaged file is moved into the backups folder as it is, not deleted.</p>
          {backups.data && <BackupTable backups={backups.data} busy={busy} onRestore={(b) => void run(() => restore(b.path))} />}
        </section>
      )}
      <section aria-labelledby="fatal-recent">
        <h2 id="fatal-recent">Or open another workspace</h2>
        <div className="actions wrap">
          <SwitchButtons api={api} busy={busy} run={run} />
        </div>
        {recent.data && <RecentTable recent={others} current={null} busy={busy} onOpen={(p) => void run(() => api.workspace_open({ path: p }))} />}
      </section>
    </>
  );
}
