import { useEffect, useState } from "react";
import type { SearchHit } from "../bindings/SearchHit";
import type { Api } from "../lib/ipc";
import { useDebounced } from "../lib/hooks";
import { HIT_LABELS, openHit } from "../lib/hits";
import { AREAS, type Go } from "../lib/routes";
import { Modal } from "../kit/Dialogs";
import { Snippet } from "./Snippet";

type Entry = { kind: "area"; id: (typeof AREAS)[number]["id"]; label: string } | { kind: "hit"; hit: SearchHit };

/** Ctrl+K: jump to any screen by name, or to anything the search finds. ↑/↓ pick, Enter goes. */
export function CommandPalette({ api, go, onClose }: { api: Api; go: Go; onClose: () => void }) {
  const [query, setQuery] = useState("");
  const [found, setFound] = useState<{ q: string; hits: SearchHit[] }>({ q: "", hits: [] });
  const [active, setActive] = useState(0);
  const q = useDebounced(query, 100);
  const hits = q.trim().length >= 2 && found.q === q ? found.hits : [];
  useEffect(() => {
    if (q.trim().length < 2) return;
    let live = true;
    api.search_all({ query: q }).then((h) => live && setFound({ q, hits: h.slice(0, 12) }), () => undefined);
    return () => {
      live = false;
    };
  }, [api, q]);

  const needle = query.trim().toLowerCase();
  const entries: Entry[] = [
    ...AREAS.filter((a) => !needle || a.label.toLowerCase().includes(needle)).map((a) => ({ kind: "area" as const, id: a.id, label: a.label })),
    ...(needle ? hits.map((hit) => ({ kind: "hit" as const, hit })) : []),
  ];
  const pick = (e: Entry | undefined) => {
    if (!e) return;
    onClose();
    if (e.kind === "area") go(e.id);
    else openHit(go, e.hit);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      const n = entries.length;
      setActive((a) => (n ? (a + (e.key === "ArrowDown" ? 1 : n - 1)) % n : 0));
    } else if (e.key === "Enter") {
      e.preventDefault();
      pick(entries[active]);
    }
  };
  return (
    <Modal title="Go to…" onClose={onClose} testId="palette">
      <input
        type="search"
        autoFocus
        data-testid="palette-input"
        aria-label="Screen or search"
        aria-controls="palette-list"
        aria-activedescendant={entries[active] ? `palette-${active}` : undefined}
        placeholder="A screen, or words to search for"
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
      />
      <ul id="palette-list" role="listbox" className="palette-list" aria-label="Results">
        {entries.map((e, i) => (
          <li
            key={e.kind === "area" ? `area-${e.id}` : `${e.hit.kind}-${e.hit.id}`}
            id={`palette-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? "active" : undefined}
            onMouseEnter={() => setActive(i)}
            onClick={() => pick(e)}
            data-testid="palette-entry"
          >
            {e.kind === "area" ? (
              <span>Go to {e.label}</span>
            ) : (
              <>
                <span className={`badge kind-${e.hit.kind}`}>{HIT_LABELS[e.hit.kind]}</span> <Snippet parts={e.hit.snippet} />{" "}
                <span className="muted small">{e.hit.context}</span>
              </>
            )}
          </li>
        ))}
      </ul>
    </Modal>
  );
}
