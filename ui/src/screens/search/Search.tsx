import { useEffect, useRef, useState } from "react";
import type { SearchHit } from "../../bindings/SearchHit";
import { useDebounced } from "../../lib/hooks";
import { HIT_LABELS, openHit } from "../../lib/hits";
import type { ScreenProps } from "../../lib/routes";
import { ErrorBanner } from "../../kit/ErrorBanner";
import { PageHeader } from "../../kit/PageHeader";
import { Snippet } from "../../components/Snippet";

/** Full-text search over notes, quotes, findings, people and roadmaps; each hit opens its
 * source with the hit itself highlighted. */
export function SearchScreen({ api, go }: ScreenProps) {
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<{ query: string; hits: SearchHit[] }>({ query: "", hits: [] });
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const q = useDebounced(query, 120);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    if (!q.trim()) return;
    let live = true;
    api.search_all({ query: q }).then(
      (hits) => {
        if (!live) return;
        setResult({ query: q, hits });
        setError(null);
      },
      (e: Error) => live && setError(e.message),
    );
    return () => {
      live = false;
    };
  }, [api, q]);

  const hits = query.trim() && result.query === query ? result.hits : [];
  return (
    <section className="page">
      <PageHeader title="Search" lede="Notes, quotes, findings, people, roadmap rows, deliverables and status updates. Ctrl+K searches from anywhere." />
      <input
        ref={input}
        type="search"
        data-testid="search-input"
        aria-label="Search everything"
        placeholder="Search — “quoted words” for a phrase"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ErrorBanner message={error} />
      {query.trim() && result.query === query && hits.length === 0 && <p className="empty">Nothing matches “{query}”.</p>}
      <ul className="hits" data-testid="search-hits">
        {hits.map((h) => (
          <li key={`${h.kind}-${h.id}`}>
            <button className="hit" onClick={() => openHit(go, h)} data-kind={h.kind}>
              <span className={`badge kind-${h.kind}`}>{HIT_LABELS[h.kind]}</span>
              <Snippet parts={h.snippet} />
              <span className="muted small">{h.context}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
