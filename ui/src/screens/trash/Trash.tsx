import type { TrashEntry } from "../../bindings/TrashEntry";
import type { TrashKind } from "../../bindings/TrashKind";
import type { ScreenProps } from "../../lib/routes";
import { useCall } from "../../lib/hooks";
import { dateTime } from "../../lib/dates";
import { TRASH_LABELS } from "../../lib/labels";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import { useConfirm } from "../../kit/Dialogs";
import { useToasts } from "../../kit/Toasts";

/** What was deleted in the last 30 days, by kind: restore puts it back exactly (with what went
 * with it); "Delete forever" asks first. */
export function TrashScreen({ api }: ScreenProps) {
  const items = useCall(() => api.trash_list(), [api]);
  const confirm = useConfirm();
  const toasts = useToasts();
  const byKind = new Map<TrashKind, TrashEntry[]>();
  for (const e of items.data ?? []) byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), e]);

  const restore = async (e: TrashEntry) => {
    try {
      await api.trash_restore({ id: e.id });
      toasts.say(`Restored “${e.label}”.`);
      await items.reload();
    } catch (err) {
      items.setError((err as Error).message);
    }
  };
  const purge = async (e: TrashEntry) => {
    const ok = await confirm({
      title: `Delete “${e.label}” forever?`,
      body: <p>It can't be restored afterwards{e.contents ? `, and neither can what went with it (${e.contents})` : ""}.</p>,
      confirmLabel: "Delete forever",
      danger: true,
    });
    if (!ok) return;
    try {
      await api.trash_purge({ id: e.id });
      toasts.say(`Deleted “${e.label}” forever.`);
      await items.reload();
    } catch (err) {
      items.setError((err as Error).message);
    }
  };

  return (
    <section className="page">
      <PageHeader title="Trash" lede="Deleted records stay here for 30 days. Restoring one puts back everything that went with it." />
      <ErrorBanner message={items.error} />
      {items.data && items.data.length === 0 && <p className="empty">The trash is empty.</p>}
      {[...byKind.entries()].map(([kind, entries]) => (
        <section key={kind} className="trash-kind" data-kind={kind}>
          <h2>{TRASH_LABELS[kind]}</h2>
          <ul className="trash-list">
            {entries.map((e) => (
              <li key={e.id} className="card trash-item" data-testid="trash-item" data-label={e.label}>
                <div>
                  <strong>{e.label}</strong>
                  <div className="muted small">
                    Deleted {dateTime(e.deleted_at)}
                    {e.contents && ` · with ${e.contents}`} · restorable until {dateTime(e.purge_after)}
                  </div>
                </div>
                <div className="row-actions">
                  <button onClick={() => void restore(e)} data-testid="trash-restore">
                    Restore
                  </button>
                  <button className="danger-text" onClick={() => void purge(e)} data-testid="trash-purge">
                    Delete forever
                  </button>
                </div>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </section>
  );
}
