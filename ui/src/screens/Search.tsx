import { useEffect, useRef, useState } from "react";
import type { SearchHit } from "../bindings/SearchHit";
import type { Api } from "../lib/ipc";
import type { AreaId } from "../lib/routes";
import { ErrorBanner } from "../components/ErrorBanner";

/** Full-text search over notes, quotes and findings; each hit opens its source. */
export function SearchScreen({ api, onNavigate }: { api: Api; onNavigate: (area: AreaId, param?: string) => void }) {
  const [query, setQuery] = useState("");
  const [result, setResult] = useState<{ query: string; hits: SearchHit[] }>({ query: "", hits: [] });
  const [error, setError] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  useEffect(() => {
    let live = true;
    const t = setTimeout(() => {
      if (!query.trim()) return;
      api.search_all({ query }).then(
        (hits) => {
          if (!live) return;
          setResult({ query, hits });
          setError(null);
        },
        (e: Error) => live && setError(e.message),
      );
    }, 150);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [api, query]);

  const hits = query.trim() && result.query === query ? result.hits : [];
  const open = (h: SearchHit) =>
    h.interview_id ? onNavigate("interviews", h.interview_id) : onNavigate("findings", h.id);

  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Search
        </h1>
      </header>
      <input
        ref={input}
        type="search"
        data-testid="search-input"
        aria-label="Search notes, quotes and findings"
        placeholder="Search notes, quotes and findings"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <ErrorBanner message={error} />
      {query.trim() && result.query === query && hits.length === 0 && <p className="empty">Nothing matches “{query}”.</p>}
      <ul className="hits" data-testid="search-hits">
        {hits.map((h) => (
          <li key={`${h.kind}-${h.id}`}>
            <button className="hit" onClick={() => open(h)} data-kind={h.kind}>
              <span className={`badge kind-${h.kind}`}>{h.kind}</span>
              <span className="snippet">
                {h.snippet.map((p, i) => (p.hit ? <mark key={i}>{p.text}</mark> : <span key={i}>{p.text}</span>))}
              </span>
              <span className="muted small">{h.context}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
