import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from "react";
import type { PagedList } from "../lib/hooks";

interface Props<T> {
  list: PagedList<T>;
  /** Estimated row height in pixels (rows may be taller; they are measured). */
  estimate: number;
  render: (item: T, index: number) => ReactNode;
  /** Accessible name of the list. */
  label: string;
  keyOf: (item: T) => string;
  /** Enter on a focused row. */
  onOpen?: (item: T) => void;
  testId?: string;
  /** An id to scroll into view once it is loaded (a search hit, a new record). */
  focusKey?: string | null;
}

/** A long list that renders only the rows on screen (and a few more), loading pages as they
 * scroll in. Rows keep list semantics for screen readers (position and size are announced)
 * and the keyboard: ↑/↓, Home/End move between rows, Enter opens one. */
export function VirtualList<T>({ list, estimate, render, label, keyOf, onOpen, testId, focusKey }: Props<T>) {
  const ref = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  const [active, setActive] = useState(0);

  useLayoutEffect(() => {
    const el = ref.current?.closest<HTMLElement>("main.content") ?? null;
    setScroller(el);
    if (el && ref.current) {
      setMargin(ref.current.getBoundingClientRect().top - el.getBoundingClientRect().top + el.scrollTop);
    }
  }, []);

  // TanStack Virtual keeps its own state outside React's model, so the compiler leaves this
  // component as it is (the lint says so as a warning).
  // eslint-disable-next-line react-hooks/incompatible-library
  const v = useVirtualizer({
    count: list.total,
    getScrollElement: () => scroller,
    estimateSize: () => estimate,
    overscan: 8,
    scrollMargin: margin,
    // Where nothing has a size yet (before layout, or in jsdom), assume a window's worth.
    initialRect: { width: 1000, height: 900 },
    observeElementRect: (instance, cb) =>
      observeElementRect(instance, (rect) => cb(rect.height > 0 ? rect : { width: rect.width || 1000, height: 900 })),
  });
  const items = v.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const { want } = list;
  useEffect(() => want(first, last), [want, first, last]);

  // Scroll a requested record into view once its row is loaded.
  const focusIndex = (() => {
    if (!focusKey) return -1;
    for (let i = 0; i < list.total; i++) {
      const it = list.at(i);
      if (it && keyOf(it) === focusKey) return i;
    }
    return -1;
  })();
  useEffect(() => {
    if (focusIndex >= 0) v.scrollToIndex(focusIndex, { align: "center" });
  }, [focusIndex, v]);

  const move = (to: number) => {
    const i = Math.max(0, Math.min(list.total - 1, to));
    setActive(i);
    v.scrollToIndex(i, { align: "auto" });
    requestAnimationFrame(() => ref.current?.querySelector<HTMLElement>(`[data-index="${i}"]`)?.focus());
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if ((e.target as HTMLElement).closest("input, textarea, select, button")) return;
    const keys: Record<string, number> = { ArrowDown: active + 1, ArrowUp: active - 1, Home: 0, End: list.total - 1 };
    if (e.key in keys) {
      e.preventDefault();
      move(keys[e.key]!);
    } else if (e.key === "Enter" && onOpen) {
      const it = list.at(active);
      if (it) onOpen(it);
    }
  };

  return (
    <div
      ref={ref}
      role="list"
      aria-label={label}
      className="vlist"
      data-testid={testId}
      data-total={list.total}
      style={{ height: v.getTotalSize(), position: "relative" }}
      onKeyDown={onKeyDown}
    >
      {items.map((row) => {
        const item = list.at(row.index);
        return (
          <div
            key={item ? keyOf(item) : `loading-${row.index}`}
            role="listitem"
            aria-setsize={list.total}
            aria-posinset={row.index + 1}
            data-index={row.index}
            ref={v.measureElement}
            tabIndex={row.index === active ? 0 : -1}
            onFocus={() => setActive(row.index)}
            className={item && focusKey === keyOf(item) ? "vrow focused" : "vrow"}
            // A row still loading takes a real row's height, so End and scrolling to an index
            // land where the row will be.
            style={{ position: "absolute", top: 0, left: 0, right: 0, minHeight: item ? undefined : estimate, transform: `translateY(${row.start - margin}px)` }}
          >
            {item ? render(item, row.index) : <span className="muted small">Loading…</span>}
          </div>
        );
      })}
    </div>
  );
}
