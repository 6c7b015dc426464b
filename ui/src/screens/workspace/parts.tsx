// Pieces the Workspace screen and the damaged-workspace screen share: the backups table with its
// restore (preview, then confirm), the recent workspaces, and the native-dialog actions.
import { useState } from "react";
import type { BackupFile } from "../../bindings/BackupFile";
import type { BackupKind } from "../../bindings/BackupKind";
import type { BackupPreview } from "../../bindings/BackupPreview";
import type { RecentWorkspace } from "../../bindings/RecentWorkspace";
import type { Api } from "../../lib/ipc";
import { dateTime } from "../../lib/dates";
import { useConfirm } from "../../kit/Dialogs";
import { useToasts } from "../../kit/Toasts";

export const KIND_LABELS: Record<BackupKind, string> = {
  auto: "Automatic",
  manual: "Manual",
  "before-upgrade": "Before an upgrade",
  "before-restore": "Replaced by a restore",
};

/** "812 KB", "3.4 MB". */
export function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** The file's name, from a path. */
export function fileName(path: string): string {
  return path.split(/[\\/]/).pop() || path;
}

const COUNTS: { key: keyof Omit<BackupPreview, "file">; one: string; many: string }[] = [
  { key: "people", one: "person", many: "people" },
  { key: "interviews", one: "interview", many: "interviews" },
  { key: "notes", one: "note", many: "notes" },
  { key: "findings", one: "finding", many: "findings" },
  { key: "roadmaps", one: "roadmap", many: "roadmaps" },
  { key: "transcripts", one: "transcript", many: "transcripts" },
];

/** Restoring a backup: what it holds is shown first, and nothing happens until the user says so.
 * Resolves the backup the replaced workspace was kept as (or null when cancelled). `damaged`:
 * the workspace being replaced could not be opened. */
export function useRestore(api: Api, damaged = false) {
  const confirm = useConfirm();
  const toasts = useToasts();
  return async (path: string): Promise<void> => {
    const p = await api.backups_preview({ path });
    const ok = await confirm({
      title: `Restore the backup of ${dateTime(p.file.created_at)}?`,
      body: (
        <div data-testid="restore-preview">
          <p>It holds:</p>
          <ul className="restore-counts">
            {COUNTS.map((c) => (
              <li key={c.key} data-count={c.key}>
                <strong>{p[c.key]}</strong> {p[c.key] === 1 ? c.one : c.many}
              </li>
            ))}
          </ul>
          <p>
            {damaged
              ? "The damaged workspace is not deleted: it is moved, as it is, into the backups folder."
              : "The current workspace is kept as a backup (“Replaced by a restore”), so you can go back to it."}
          </p>
        </div>
      ),
      confirmLabel: "Restore this backup",
    });
    if (!ok) return;
    const kept = await api.backups_restore({ path });
    toasts.say(kept ? `Restored the backup. The workspace it replaced is kept as ${kept.file_name}.` : "Restored the backup.");
  };
}

export function BackupTable({ backups, onRestore, busy }: { backups: BackupFile[]; onRestore: (b: BackupFile) => void; busy: boolean }) {
  if (backups.length === 0) return <p className="empty">No backups yet.</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="backups">
        <thead>
          <tr>
            <th scope="col">Made</th>
            <th scope="col">Kind</th>
            <th scope="col">Size</th>
            <th scope="col">Schema</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {backups.map((b) => (
            <tr key={b.path} data-backup={b.file_name} data-kind={b.kind}>
              <td>
                <span className="nowrap">{dateTime(b.created_at)}</span>
                <div className="muted small path" title={b.path}>
                  {b.file_name}
                </div>
              </td>
              <td>{KIND_LABELS[b.kind]}</td>
              <td className="nowrap">{size(b.size_bytes)}</td>
              <td>{b.schema_version ?? "not a workspace"}</td>
              <td className="row-actions">
                <button disabled={busy || b.schema_version === null} onClick={() => onRestore(b)} aria-label={`Restore the backup of ${dateTime(b.created_at)}`}>
                  Restore…
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function RecentTable({ recent, current, onOpen, busy }: { recent: RecentWorkspace[]; current: string | null; onOpen: (path: string) => void; busy: boolean }) {
  if (recent.length === 0) return <p className="empty">No other workspaces opened yet.</p>;
  return (
    <ul className="recent-list" data-testid="recent">
      {recent.map((r) => {
        const here = r.path === current;
        return (
          <li key={r.path} className="card" data-recent={r.path}>
            <div className="recent-what">
              <strong>{fileName(r.path)}</strong>
              {here && <span className="badge">open now</span>}
              {!r.exists && <span className="badge muted">file not found</span>}
              <div className="muted small path">{r.path}</div>
              <div className="muted small">Last opened {dateTime(r.opened_at)}</div>
            </div>
            <button disabled={busy || here || !r.exists} onClick={() => onOpen(r.path)} aria-label={`Open ${r.path}`}>
              Open
            </button>
          </li>
        );
      })}
    </ul>
  );
}

/** "New workspace…" and "Open workspace…": the file is chosen in the native dialog (the shell
 * remembers it, and refuses any path the page makes up). Resolves false when cancelled. */
export async function pickAndOpen(api: Api, kind: "new" | "open"): Promise<boolean> {
  const path = await api.pick_path({ kind: "workspace", save: kind === "new", default_name: kind === "new" ? "Rapport workspace.db" : "" });
  if (!path) return false;
  if (kind === "new") await api.workspace_create({ path });
  else await api.workspace_open({ path });
  return true;
}

/** Runs one action at a time (`busy` meanwhile), keeping its failure to show. */
export function useRun() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, run };
}

/** "Open workspace…" and "New workspace…". */
export function SwitchButtons({ api, busy, run }: { api: Api; busy: boolean; run: (a: () => Promise<unknown>) => Promise<void> }) {
  return (
    <>
      <button disabled={busy} data-testid="ws-new" onClick={() => void run(() => pickAndOpen(api, "new"))}>
        New workspace…
      </button>
      <button disabled={busy} data-testid="ws-open" onClick={() => void run(() => pickAndOpen(api, "open"))}>
        Open workspace…
      </button>
    </>
  );
}
