// Helpers for the long lists of follow-ups and questions (kit's usePagedList + VirtualList).
import { useState } from "react";
import type { PagedList } from "../../lib/hooks";

/** The record named by `id` among the pages of a long list loaded so far. */
export function loadedOne<T extends { id: string }>(list: PagedList<T>, id: string): T | undefined {
  for (let i = 0; i < list.total; i++) {
    const f = list.at(i);
    if (f?.id === id) return f;
  }
  return undefined;
}

interface Seen<T> {
  at: PagedList<T>["at"];
  ids: Map<number, string>;
  n: number;
}

/** A `key` for a VirtualList that changes when a loaded row moves to another index (an
 * insert, a delete, an edit that re-sorts), so its rows are measured again.
 *
 * Work-around: VirtualList keeps measured heights by index, not by record, so after a shift a
 * tall row keeps the height of whatever stood there before and overlaps its neighbour. Once the
 * kit passes `getItemKey` to the virtualizer, this can go. */
export function useShiftKey<T extends { id: string }>(list: PagedList<T>): number {
  const [seen, setSeen] = useState<Seen<T>>({ at: list.at, ids: new Map(), n: 0 });
  if (seen.at === list.at) return seen.n;
  // New pages arrived (state derived while rendering, as React recommends).
  const ids = new Map<number, string>();
  let shifted = false;
  for (let i = 0; i < list.total; i++) {
    const id = list.at(i)?.id;
    if (id === undefined) continue;
    ids.set(i, id);
    const before = seen.ids.get(i);
    if (before !== undefined && before !== id) shifted = true;
  }
  const n = shifted ? seen.n + 1 : seen.n;
  setSeen({ at: list.at, ids, n });
  return n;
}
