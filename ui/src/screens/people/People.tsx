import { useEffect, useState } from "react";
import type { Person } from "../../bindings/Person";
import type { Api } from "../../lib/ipc";
import { useDebounced, usePagedList } from "../../lib/hooks";
import { ROLE_LABELS, plural } from "../../lib/labels";
import type { ScreenProps } from "../../lib/routes";
import { CsvTools } from "../../components/CsvTools";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import { VirtualList } from "../../kit/VirtualList";
import { Modal } from "../../kit/Dialogs";
import { useToasts } from "../../kit/Toasts";
import { PersonForm } from "./PersonForm";
import { PersonPage } from "./PersonPage";
import "./people.css";

/** The engineers the team serves, at any size: filtered in the core as you type, rendered a
 * screenful at a time. The open form is in the URL, so Back closes it. */
/** `param`: `new` (the form for a new person), `<id>` (the person's page) or `<id>/edit` (their
 * form, over the list). */
export function PeopleScreen(props: ScreenProps) {
  const [id, sub] = (props.param ?? "").split("/");
  if (id && id !== "new" && sub !== "edit") return <PersonPage api={props.api} id={id} go={props.go} />;
  return <PeopleList {...props} param={id === "new" ? "new" : id ? id : null} />;
}

/** The list, with the form of `param` (`new` or a person's id) open over it. */
function PeopleList({ api, param, focus, go }: ScreenProps) {
  const [query, setQuery] = useState("");
  const [showArchived, setShowArchived] = useState(false);
  const [status, setStatus] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [loadedEdit, setEditing] = useState<Person | null>(null);
  const editing = param && loadedEdit?.id === param ? loadedEdit : null;
  const [merging, setMerging] = useState<Person | null>(null);
  const toasts = useToasts();
  const q = useDebounced(query.trim(), 150);
  const list = usePagedList(
    (page) => api.people_list({ filter: { include_archived: showArchived, query: q || undefined, page } }),
    [api, showArchived, q],
  );

  // The person named by the URL, for the form.
  useEffect(() => {
    if (!param || param === "new") return;
    let live = true;
    api.people_get({ id: param }).then(
      (p) => live && setEditing(p),
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, param]);

  const formOpen = param === "new" || (param !== null && editing !== null);

  const toggleArchived = async (p: Person) => {
    try {
      const archived = p.archived_at === null;
      await api.people_set_archived({ id: p.id, archived });
      setStatus(archived ? `Archived ${p.name}.` : `Restored ${p.name}.`);
      list.reload();
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <section className="page">
      <PageHeader
        title="People"
        lede="The engineers you serve: who they are, what they do, how to reach them."
        actions={
          <button className="primary" data-testid="person-new" onClick={() => go("people", "new")} disabled={formOpen}>
            New person
          </button>
        }
      />
      <ErrorBanner message={error ?? list.error} />
      <p className="sr-status" role="status" aria-live="polite" data-testid="status">
        {status}
      </p>

      {formOpen && (
        <PersonForm
          key={param ?? "new"}
          api={api}
          person={param === "new" ? null : editing}
          onSaved={(p, created) => {
            setStatus(created ? `Added ${p.name}.` : `Saved ${p.name}.`);
            go("people", null, p.id);
            list.reload();
          }}
          onClose={() => go("people")}
          onOpenPerson={(id) => go("people", id)}
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
        <span className="muted count" data-testid="people-count">
          {plural(list.total, "person", "people")}
        </span>
      </div>

      <CsvTools api={api} exports={["people"]} imports="people" onImported={list.reload} />

      {list.loaded && list.total === 0 ? (
        <div className="empty">
          {query ? <p>No one matches “{query}”.</p> : <p>No people yet. Add the engineers you serve — start with your core users.</p>}
        </div>
      ) : (
        <VirtualList
          list={list}
          estimate={56}
          label="People"
          testId="people-table"
          keyOf={(p) => p.id}
          focusKey={focus}
          onOpen={(p) => go("people", p.id)}
          render={(p) => (
            <div className={p.archived_at ? "person-row archived" : "person-row"} data-person={p.name}>
              <div className="person-name">
                <a className="name" href={`#/people/${encodeURIComponent(p.id)}`} data-testid="person-link">
                  {p.name}
                </a>
                {p.core_user && <span className="badge">core user</span>}
                {p.archived_at && <span className="badge muted">archived</span>}
                {p.notes && <div className="muted small clamp">{p.notes}</div>}
              </div>
              <div className="person-team">{p.team || <span className="muted">—</span>}</div>
              <div>
                <span className={`role role-${p.role}`}>{ROLE_LABELS[p.role]}</span>
              </div>
              <div className="person-contact">{p.contact || <span className="muted">—</span>}</div>
              <div className="row-actions">
                <button onClick={() => go("people", `${p.id}/edit`)} aria-label={`Edit ${p.name}`}>
                  Edit
                </button>
                <button onClick={() => void toggleArchived(p)} aria-label={`${p.archived_at ? "Restore" : "Archive"} ${p.name}`}>
                  {p.archived_at ? "Restore" : "Archive"}
                </button>
                <button onClick={() => setMerging(p)} aria-label={`Merge ${p.name} into someone`}>
                  Merge…
                </button>
              </div>
            </div>
          )}
        />
      )}

      {merging && (
        <MergeDialog
          api={api}
          from={merging}
          onClose={() => setMerging(null)}
          onMerged={(into, entry) => {
            setMerging(null);
            list.reload();
            toasts.deleted({ ...entry, label: `${merging.name} (merged into ${into.name})` }, list.reload);
          }}
        />
      )}
    </section>
  );
}

/** Picks the person a duplicate is merged into; the merge moves their interviews, quotes,
 * follow-ups and links, and Undo (or the Trash) un-merges. */
function MergeDialog({
  api,
  from,
  onClose,
  onMerged,
}: {
  api: Api;
  from: Person;
  onClose: () => void;
  onMerged: (into: Person, entry: import("../../bindings/TrashEntry").TrashEntry) => void;
}) {
  const [query, setQuery] = useState(from.name);
  const [found, setFound] = useState<Person[]>([]);
  const [into, setInto] = useState<Person | null>(null);
  const [error, setError] = useState<string | null>(null);
  const q = useDebounced(query, 150);
  useEffect(() => {
    let live = true;
    api.people_list({ filter: { include_archived: true, query: q || undefined, page: { offset: 0, limit: 20 } } }).then(
      (p) => live && setFound(p.items.filter((x) => x.id !== from.id)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, q, from.id]);
  const merge = async () => {
    if (!into) return;
    try {
      onMerged(into, await api.people_merge({ into: into.id, from: from.id }));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <Modal title={`Merge ${from.name} into…`} onClose={onClose} testId="merge-dialog">
      <p className="muted">
        Their interviews, quotes, follow-ups and sprints move to the person you pick, and {from.name} goes to the Trash (restore there
        to un-merge).
      </p>
      <ErrorBanner message={error} />
      <input type="search" aria-label="Find the person to keep" value={query} onChange={(e) => setQuery(e.target.value)} />
      <ul className="pick-list" role="listbox" aria-label="People">
        {found.map((p) => (
          <li key={p.id}>
            <label>
              <input type="radio" name="merge-into" checked={into?.id === p.id} onChange={() => setInto(p)} />
              {p.name} {p.team && <span className="muted">({p.team})</span>}
            </label>
          </li>
        ))}
        {found.length === 0 && <li className="muted">No one else matches.</li>}
      </ul>
      <div className="actions">
        <button className="primary" data-testid="merge-confirm" disabled={!into} onClick={() => void merge()}>
          {into ? `Merge into ${into.name}` : "Pick the person to keep"}
        </button>
        <button onClick={onClose}>Cancel</button>
      </div>
    </Modal>
  );
}
