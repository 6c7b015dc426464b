import { useCallback, useEffect, useState } from "react";
import type { SprintSummary } from "../../bindings/SprintSummary";
import type { AreaId, ScreenProps } from "../../lib/routes";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { SprintForm } from "./SprintForm";
import { SprintView } from "./SprintView";

/** Prototyping sprints: one week, one focus. The list, and a form for the next one. */
export function SprintsScreen({ api, param, go }: ScreenProps) {
  const [list, setList] = useState<SprintSummary[]>([]);
  const open = param;
  const setOpen = (id: string | null) => go("sprints", id);
  const onNavigate = (area: AreaId, p?: string) => go(area, p);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => api.sprints_list().then(setList, (e: Error) => setError(e.message)), [api]);
  useEffect(() => {
    void reload();
  }, [reload]);

  if (open) {
    return (
      <SprintView
        key={open}
        api={api}
        id={open}
        onNavigate={onNavigate}
        onClose={() => {
          setOpen(null);
          void reload();
        }}
      />
    );
  }
  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Sprints
        </h1>
      </header>
      <p className="muted lede">One week, one focus, a few core users and a small scope. Build something they can try by Friday.</p>
      <ErrorBanner message={error} />
      <SprintForm api={api} onSaved={(s) => setOpen(s.id)} />
      {list.length === 0 ? (
        <p className="empty">No sprints yet.</p>
      ) : (
        <table className="table" data-testid="sprint-list">
          <thead>
            <tr>
              <th scope="col">Focus</th>
              <th scope="col">Week</th>
              <th scope="col">Cards</th>
            </tr>
          </thead>
          <tbody>
            {list.map((s) => (
              <tr key={s.id}>
                <td>
                  <button className="link" onClick={() => setOpen(s.id)}>
                    {s.focus}
                  </button>
                </td>
                <td>
                  {s.starts_on} – {s.ends_on}
                </td>
                <td className={s.card_count > s.card_limit ? "warn-text" : undefined}>
                  {s.done_count} done of {s.card_count} (limit {s.card_limit})
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
