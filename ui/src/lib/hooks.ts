// Small hooks every screen uses: a call with its result and error, a debounced value, and a
// long list read a page at a time.
//
// Like useEffect, `useCall` and `usePagedList` take their dependency list from the caller.
/* eslint-disable react-hooks/exhaustive-deps, react-hooks/use-memo */
import { useCallback, useEffect, useRef, useState } from "react";
import type { Page } from "../bindings/Page";

export interface CallState<T> {
  data: T | undefined;
  error: string | null;
  loading: boolean;
  /** Runs the call again (after a change); resolves once the new data is in. */
  reload: () => Promise<void>;
  setError: (message: string | null) => void;
}

/** Runs `fn` now and whenever `deps` change, keeping the latest result and error. A result that
 * arrives after a newer call started is dropped, so a slow answer never overwrites a fresh one. */
export function useCall<T>(fn: () => Promise<T>, deps: readonly unknown[]): CallState<T> {
  const [data, setData] = useState<T | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const seq = useRef(0);
  const run = useCallback(fn, deps);
  // Stale data stays on screen while a reload runs, so nothing flickers.
  const reload = useCallback(() => {
    const mine = ++seq.current;
    return run().then(
      (d) => {
        if (mine !== seq.current) return;
        setData(d);
        setError(null);
        setLoading(false);
      },
      (e: Error) => {
        if (mine !== seq.current) return;
        setError(e.message);
        setLoading(false);
      },
    );
  }, [run]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { data, error, loading, reload, setError };
}

/** `value`, debounced: at once after a quiet spell, else once it has stopped changing for `ms`. */
export function useDebounced<T>(value: T, ms = 150): T {
  const [v, setV] = useState(value);
  const changed = useRef(-Infinity);
  useEffect(() => {
    const now = performance.now();
    const quiet = now - changed.current >= ms;
    changed.current = now;
    // After a quiet spell the first change goes through at once (one keystroke shows its
    // results without waiting); changes that follow it within `ms` wait until typing stops.
    if (quiet) {
      setV(value);
      return;
    }
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** Rows fetched per page of a long list. */
export const PAGE_SIZE = 200;

export interface PagedList<T> {
  /** Rows in the whole list (known after the first page). */
  total: number;
  /** The row at `index`, if its page is loaded. */
  at: (index: number) => T | undefined;
  /** Asks for the pages covering rows `from`..`to` (the visible ones). */
  want: (from: number, to: number) => void;
  loaded: boolean;
  error: string | null;
  reload: () => void;
}

/** A long list read a page at a time, as it scrolls into view. `fetch` gets a page request;
 * changing `deps` (a filter) starts again from the top; `reload` refreshes the pages already
 * shown (after an edit) without emptying the list first. */
export function usePagedList<T>(
  fetch: (page: { offset: number; limit: number }) => Promise<Page<T>>,
  deps: readonly unknown[],
): PagedList<T> {
  const [pages, setPages] = useState<Map<number, T[]>>(new Map());
  const [total, setTotal] = useState(0);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const asked = useRef(new Set<number>());
  const gen = useRef(0);
  const get = useCallback(fetch, deps);
  // A new filter: start again from the top (reset while rendering, as React recommends).
  const [shownFor, setShownFor] = useState(() => get);
  if (shownFor !== get) {
    setShownFor(() => get);
    setPages(new Map());
    setLoaded(false);
  }

  const load = useCallback(
    (page: number) => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const mine = gen.current;
      get({ offset: page * PAGE_SIZE, limit: PAGE_SIZE }).then(
        (p) => {
          if (mine !== gen.current) return;
          setTotal(p.total);
          setPages((m) => new Map(m).set(page, p.items));
          setLoaded(true);
          setError(null);
        },
        (e: Error) => {
          asked.current.delete(page);
          if (mine === gen.current) setError(e.message);
        },
      );
    },
    [get],
  );

  useEffect(() => {
    gen.current += 1;
    asked.current = new Set();
    load(0);
  }, [load]);

  const want = useCallback(
    (from: number, to: number) => {
      for (let p = Math.floor(Math.max(0, from) / PAGE_SIZE); p <= Math.floor(Math.max(0, to) / PAGE_SIZE); p++) {
        load(p);
      }
    },
    [load],
  );
  const at = useCallback((i: number) => pages.get(Math.floor(i / PAGE_SIZE))?.[i % PAGE_SIZE], [pages]);
  const reload = useCallback(() => {
    gen.current += 1;
    const shown = [...asked.current];
    asked.current = new Set();
    for (const p of shown.length ? shown : [0]) load(p);
  }, [load]);
  return { total, at, want, loaded, error, reload };
}
