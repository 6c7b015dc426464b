import { useState } from "react";
import type { SprintSummary } from "../../bindings/SprintSummary";
import { useCall } from "../../lib/hooks";
import { day } from "../../lib/dates";
import type { ScreenProps } from "../../lib/routes";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import { useToasts } from "../../kit/Toasts";
import { SprintForm } from "./SprintForm";
import { SprintView, type SprintTab } from "./SprintView";
import "./sprints.css";

const TABS: readonly string[] = ["board", "notes", "retro", "edit"];

/** Prototyping sprints: one week, one focus. `param`: `new` (the form), or `<sprint id>` with an
 * optional tab (`/notes`, `/retro`, `/edit`). */
export function SprintsScreen({ api, param, go }: ScreenProps) {
  const [id, sub] = (param ?? "").split("/");
  const open = id && id !== "new" ? id : null;
  const list = useCall(() => api.sprints_list(), [api, open]);
  const today = useCall(() => api.today_date(), [api]);
  const [error, setError] = useState<string | null>(null);
  const toasts = useToasts();

  const t = today.data;
  if (open) {
    if (t === undefined) return <p className="muted page">{today.error ?? "Loading…"}</p>;
    const tab = (TABS.includes(sub ?? "") ? sub : "board") as SprintTab;
    return <SprintView key={open} api={api} id={open} tab={tab} today={t} go={go} onDeleted={() => void list.reload()} />;
  }

  const sprints = list.data ?? [];
  const formOpen = param === "new" || (list.data !== undefined && sprints.length === 0);
  const remove = async (s: SprintSummary) => {
    try {
      const entry = await api.sprints_delete({ id: s.id });
      await list.reload();
      toasts.deleted(entry, () => void list.reload());
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="page sprints">
      <PageHeader
        title="Sprints"
        lede="One week, one focus, a few core users and a small scope. Build something they can try by Friday."
        actions={
          <button className="primary" data-testid="sprint-new" onClick={() => go("sprints", "new")} disabled={formOpen}>
            New sprint
          </button>
        }
      />
      <ErrorBanner message={error ?? list.error ?? today.error} />
      {formOpen && t !== undefined && (
        <SprintForm
          api={api}
          today={t}
          onSaved={(s) => go("sprints", s.id)}
          onClose={sprints.length > 0 ? () => go("sprints") : undefined}
        />
      )}
      {list.data !== undefined && sprints.length === 0 ? (
        <p className="empty">No sprints yet. Plan the first one above.</p>
      ) : (
        <table className="table sprint-list" data-testid="sprint-list">
          <thead>
            <tr>
              <th scope="col">Focus</th>
              <th scope="col">Week</th>
              <th scope="col">Cards</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sprints.map((s) => (
              <tr key={s.id} data-sprint={s.focus}>
                <td>
                  <button className="link" onClick={() => go("sprints", s.id)}>
                    {s.focus}
                  </button>
                  {t !== undefined && s.starts_on <= t && s.ends_on >= t && <span className="badge">this week</span>}
                </td>
                <td className="nowrap">
                  {day(s.starts_on)} –<br />
                  {day(s.ends_on)}
                </td>
                <td className={s.card_count > s.card_limit ? "warn-text" : undefined}>
                  <span className="nowrap">
                    {s.done_count} done of {s.card_count}
                  </span>{" "}
                  <span className="nowrap">(limit {s.card_limit})</span>
                </td>
                <td className="row-actions">
                  <button onClick={() => go("sprints", `${s.id}/edit`)} aria-label={`Edit ${s.focus}`}>
                    Edit
                  </button>
                  <button onClick={() => void remove(s)} aria-label={`Delete ${s.focus}`} data-testid="sprint-list-delete">
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
