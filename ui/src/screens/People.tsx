import { useCallback, useEffect, useState } from "react";
import type { Person } from "../bindings/Person";
import type { PersonInput } from "../bindings/PersonInput";
import type { Api } from "../lib/ipc";
import { CsvTools } from "../components/CsvTools";
import { PersonForm, ROLE_LABELS } from "./PersonForm";
import { ErrorBanner } from "../components/ErrorBanner";

type Editing = { kind: "new" } | { kind: "edit"; person: Person } | null;

export function PeopleScreen({ api }: { api: Api }) {
  const [people, setPeople] = useState<Person[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [query, setQuery] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const [editing, setEditing] = useState<Editing>(null);
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState("");

  const reload = useCallback(
    () =>
      api
        .people_list({ filter: { include_archived: showArchived, query: query.trim() || undefined } })
        .then((list) => {
          setPeople(list);
          setLoaded(true);
          setError(null);
        })
        .catch((e: Error) => setError(e.message)),
    [api, query, showArchived],
  );

  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async (input: PersonInput) => {
    const saved =
      editing?.kind === "edit" ? await api.people_update({ id: editing.person.id, input }) : await api.people_create({ input });
    setEditing(null);
    setStatus(editing?.kind === "edit" ? `Saved ${saved.name}.` : `Added ${saved.name}.`);
    await reload();
  };

  const toggleArchived = async (p: Person) => {
    try {
      const archived = p.archived_at === null;
      await api.people_set_archived({ id: p.id, archived });
      setStatus(archived ? `Archived ${p.name}.` : `Restored ${p.name}.`);
      await reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          People
        </h1>
        <button
          className="primary"
          data-testid="person-new"
          onClick={() => setEditing({ kind: "new" })}
          disabled={editing !== null}
        >
          New person
        </button>
      </header>
      <p className="muted lede">The engineers you serve: who they are, what they do, how to reach them.</p>

      <ErrorBanner message={error} />
      <p className="sr-status" role="status" aria-live="polite" data-testid="status">
        {status}
      </p>

      {editing && (
        <PersonForm
          key={editing.kind === "edit" ? editing.person.id : "new"}
          person={editing.kind === "edit" ? editing.person : null}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}

      <div className="toolbar">
        <input
          type="search"
          aria-label="Filter people"
          placeholder="Filter by name, team or contact"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
        <label className="inline">
          <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
          Show archived
        </label>
        <span className="muted count">
          {people.length} {people.length === 1 ? "person" : "people"}
        </span>
      </div>

      <CsvTools api={api} exports={["people"]} imports="people" onImported={() => void reload()} />

      {loaded && people.length === 0 ? (
        <div className="empty">
          {query ? (
            <p>No one matches “{query}”.</p>
          ) : (
            <p>
              No people yet. Add the engineers you serve — start with your core users.
            </p>
          )}
        </div>
      ) : (
        <table className="table" data-testid="people-table">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Team</th>
              <th scope="col">Role</th>
              <th scope="col">Contact</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id} className={p.archived_at ? "archived" : undefined} data-person={p.name}>
                <td>
                  <span className="name">{p.name}</span>
                  {p.core_user && <span className="badge">core user</span>}
                  {p.archived_at && <span className="badge muted">archived</span>}
                  {p.notes && <div className="muted small clamp">{p.notes}</div>}
                </td>
                <td>{p.team || <span className="muted">—</span>}</td>
                <td>
                  <span className={`role role-${p.role}`}>{ROLE_LABELS[p.role]}</span>
                </td>
                <td>{p.contact || <span className="muted">—</span>}</td>
                <td className="row-actions">
                  <button onClick={() => setEditing({ kind: "edit", person: p })} aria-label={`Edit ${p.name}`}>
                    Edit
                  </button>
                  <button onClick={() => void toggleArchived(p)} aria-label={`${p.archived_at ? "Restore" : "Archive"} ${p.name}`}>
                    {p.archived_at ? "Restore" : "Archive"}
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
