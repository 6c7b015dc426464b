// Where the user is, as the URL hash says it: `#/area/item/sub?focus=id`. The hash is the only
// source of which screen and which item are open, so Back works and a link opens the item.
import { useCallback, useEffect, useState } from "react";

export type AreaId =
  | "today"
  | "people"
  | "interviews"
  | "questions"
  | "sprints"
  | "roadmaps"
  | "followups"
  | "findings"
  | "reliability"
  | "search"
  | "trash"
  | "workspace";

export interface Area {
  id: AreaId;
  label: string;
  /** Shown in the sidebar's list (Trash and Workspace are reached from the sidebar's foot and
   * the palette). */
  primary: boolean;
}

export const AREAS: readonly Area[] = [
  { id: "today", label: "Today", primary: true },
  { id: "people", label: "People", primary: true },
  { id: "interviews", label: "Interviews", primary: true },
  { id: "questions", label: "Questions", primary: true },
  { id: "sprints", label: "Sprints", primary: true },
  { id: "roadmaps", label: "Roadmaps", primary: true },
  { id: "followups", label: "Follow-ups", primary: true },
  { id: "findings", label: "Findings", primary: true },
  { id: "reliability", label: "Reliability", primary: true },
  { id: "search", label: "Search", primary: true },
  { id: "trash", label: "Trash", primary: false },
  { id: "workspace", label: "Workspace", primary: false },
];

export const SIDEBAR_AREAS = AREAS.filter((a) => a.primary);

export interface Route {
  area: AreaId;
  /** What is open in the area, e.g. an interview id, or `<roadmap id>/meeting`. */
  param: string | null;
  /** A record to scroll to and highlight (from search). */
  focus: string | null;
}

export function parseHash(hash: string): Route {
  const [path = "", query = ""] = hash.replace(/^#\/?/, "").split("?");
  const [area = "", ...rest] = path.split("/");
  const focus = new URLSearchParams(query).get("focus");
  return {
    area: AREAS.find((a) => a.id === area)?.id ?? "today",
    param: rest.filter(Boolean).map(decodeURIComponent).join("/") || null,
    focus: focus || null,
  };
}

export function hashOf(area: AreaId, param?: string | null, focus?: string | null): string {
  const p = param
    ? "/" +
      param
        .split("/")
        .map((s) => encodeURIComponent(s))
        .join("/")
    : "";
  return `#/${area}${p}${focus ? `?focus=${encodeURIComponent(focus)}` : ""}`;
}

export type Go = (area: AreaId, param?: string | null, focus?: string | null) => void;

/** What every screen gets: the API, what is open (`param`), what to highlight (`focus`), and a
 * way to go elsewhere. Opening and closing an item is `go`, so the URL is the only state. */
export interface ScreenProps {
  api: import("./ipc").Api;
  param: string | null;
  focus: string | null;
  go: Go;
}

/** The current route, following the hash (Back and Forward included), and a way to go. */
export function useRoute(): [Route, Go] {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onHash = () => setRoute(parseHash(window.location.hash));
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);
  const go = useCallback<Go>((area, param, focus) => {
    const h = hashOf(area, param, focus);
    if (window.location.hash !== h) window.location.hash = h;
    setRoute(parseHash(h));
  }, []);
  return [route, go];
}

/** Compatibility for code that only needs the area. */
export function areaFromHash(hash: string): AreaId {
  return parseHash(hash).area;
}
