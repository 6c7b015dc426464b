import { useEffect, useState } from "react";
import type { Person } from "../bindings/Person";
import type { Api } from "../lib/ipc";
import { useDebounced } from "../lib/hooks";
import { ROLE_LABELS } from "../lib/labels";

interface Props {
  api: Api;
  id: string;
  /** The chosen person, if any. */
  value: Person | null;
  onChange: (p: Person | null) => void;
  /** People who can't be picked here (already chosen elsewhere in the form). */
  exclude?: readonly string[];
  placeholder?: string;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string | undefined;
}

/** Picks one person by typing part of a name, team or contact: the core filters (so it works
 * with 10,000 people) and the first matches are offered. ↑/↓ and Enter pick from the keyboard. */
export function PersonPicker({ api, id, value, onChange, exclude = [], placeholder = "Type a name", ...a11y }: Props) {
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [found, setFound] = useState<Person[]>([]);
  const [active, setActive] = useState(0);
  const q = useDebounced(query, 120);
  const excluded = exclude.join(",");
  useEffect(() => {
    if (!open) return;
    let live = true;
    api.people_list({ filter: { include_archived: false, query: q || undefined, page: { offset: 0, limit: 12 } } }).then(
      (p) => live && setFound(p.items.filter((x) => !excluded.split(",").includes(x.id))),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, q, open, excluded]);

  if (value) {
    return (
      <span className="picked" data-testid={`${id}-picked`}>
        {value.name} <span className="muted small">{value.team ? `${value.team} · ` : ""}{ROLE_LABELS[value.role]}</span>{" "}
        <button type="button" className="link" aria-label={`Remove ${value.name}`} onClick={() => onChange(null)}>
          ×
        </button>
      </span>
    );
  }
  const pick = (p: Person | undefined) => {
    if (!p) return;
    onChange(p);
    setQuery("");
    setOpen(false);
  };
  return (
    <span className="picker">
      <input
        id={id}
        role="combobox"
        aria-expanded={open && found.length > 0}
        aria-controls={`${id}-options`}
        aria-autocomplete="list"
        aria-activedescendant={open && found[active] ? `${id}-opt-${active}` : undefined}
        autoComplete="off"
        placeholder={placeholder}
        value={query}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown") setActive((i) => Math.min(found.length - 1, i + 1));
          else if (e.key === "ArrowUp") setActive((i) => Math.max(0, i - 1));
          else if (e.key === "Enter" && open && found.length) {
            e.preventDefault();
            pick(found[active]);
          } else return;
          e.preventDefault();
        }}
        {...a11y}
      />
      {open && found.length > 0 && (
        <ul id={`${id}-options`} role="listbox" className="picker-options">
          {found.map((p, i) => (
            <li
              key={p.id}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? "active" : undefined}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(p);
              }}
            >
              {p.name} <span className="muted small">{p.team ? `${p.team} · ` : ""}{ROLE_LABELS[p.role]}</span>
            </li>
          ))}
        </ul>
      )}
    </span>
  );
}
