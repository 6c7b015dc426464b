import { useCallback, useEffect, useRef, useState } from "react";
// ipc.ts has no listener for arbitrary shell events (only progress and file drops); until it has
// one (`onShellEvent`), the menu and reminder events are subscribed to here.
// eslint-disable-next-line no-restricted-imports -- see above
import { listen } from "@tauri-apps/api/event";
import type { Api } from "../lib/ipc";
import type { AreaId, Go } from "../lib/routes";
import type { Theme } from "../bindings/Theme";
import type { WorkspaceInfo } from "../bindings/WorkspaceInfo";
import { Modal } from "../kit/Dialogs";
import { useToasts } from "../kit/Toasts";
import { ShortcutsSheet } from "./ShortcutsSheet";
import "./shortcuts.css";

const ZOOM_KEY = "rapport.zoom";
const ZOOMS = [0.67, 0.75, 0.8, 0.9, 1, 1.1, 1.25, 1.5, 1.75, 2];

/** The menu's View items, by id (src-tauri/src/menu.rs sends these). */
const VIEWS: Record<string, AreaId> = {
  "view-today": "today",
  "view-people": "people",
  "view-interviews": "interviews",
  "view-questions": "questions",
  "view-sprints": "sprints",
  "view-roadmaps": "roadmaps",
  "view-followups": "followups",
  "view-findings": "findings",
  "view-search": "search",
  "view-reliability": "reliability",
  "view-trash": "trash",
  "view-workspace": "workspace",
};

const THEMES: Record<string, Theme> = { "theme-system": "system", "theme-light": "light", "theme-dark": "dark" };

function applyZoom(z: number) {
  // CSS zoom: the page scales as a whole, with no webview permission needed.
  document.documentElement.style.setProperty("zoom", String(z));
}

function storedZoom(): number {
  const z = Number(localStorage.getItem(ZOOM_KEY));
  return ZOOMS.includes(z) ? z : 1;
}

/** Subscribes to a shell event; in tests (no Tauri) it does nothing. */
function useShellEvent(name: string, handler: (payload: string) => void) {
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  useEffect(() => {
    let stop: (() => void) | undefined;
    let live = true;
    try {
      listen<string>(name, (e) => latest.current(e.payload)).then(
        (un) => (live ? (stop = un) : un()),
        () => undefined,
      );
    } catch {
      // Not inside the app (unit tests).
    }
    return () => {
      live = false;
      stop?.();
    };
  }, [name]);
}

/** A button of the screen on view whose test id starts with `prefix` (the CSV tools). */
function screenButton(prefix: string): HTMLButtonElement | null {
  return document.querySelector<HTMLButtonElement>(`main [data-testid^="${prefix}"]:not([disabled])`);
}

/** Runs what the application menu asks (the `menu` event, one item id) and owns what the menu
 * and the keyboard open: the shortcuts sheet (also `?` and Ctrl+/) and About. Reminders'
 * notifications open their item through the `navigate` event. */
export function MenuBridge({ api, go, onTheme }: { api: Api; go: Go; onTheme: (t: Theme) => void }) {
  const toasts = useToasts();
  const [sheet, setSheet] = useState(false);
  const [about, setAbout] = useState<WorkspaceInfo | null>(null);

  useEffect(() => applyZoom(storedZoom()), []);

  const zoom = useCallback((step: -1 | 0 | 1) => {
    const at = ZOOMS.indexOf(storedZoom());
    const z = step === 0 ? 1 : ZOOMS[Math.min(ZOOMS.length - 1, Math.max(0, at + step))]!;
    localStorage.setItem(ZOOM_KEY, String(z));
    applyZoom(z);
  }, []);

  /** Opens the CSV tool of the current screen, or People's when this screen has none. */
  const csv = useCallback(
    (prefix: "csv-import-" | "csv-export-", click: boolean) => {
      const act = (b: HTMLButtonElement) => {
        b.scrollIntoView({ block: "center" });
        b.focus();
        if (click) b.click();
        else toasts.say("Pick what to export.");
      };
      const here = screenButton(prefix);
      if (here) return act(here);
      go("people");
      let tries = 0;
      const wait = () => {
        const b = screenButton(prefix);
        if (b) act(b);
        else if (++tries < 40) setTimeout(wait, 50);
      };
      setTimeout(wait, 50);
    },
    [go, toasts],
  );

  const switchTo = useCallback(async (open: boolean) => {
    const path = await api.pick_path({ kind: "workspace", save: !open, default_name: open ? "" : "rapport.db" });
    if (!path) return;
    await (open ? api.workspace_open({ path }) : api.workspace_create({ path }));
    // Everything on screen belonged to the other workspace: start afresh on Today.
    window.location.hash = "#/today";
    window.location.reload();
  }, [api]);

  const run = useCallback(
    async (id: string) => {
      const view = VIEWS[id];
      const theme = THEMES[id];
      if (view) return go(view);
      if (theme) return onTheme(theme);
      switch (id) {
        case "file-new-workspace":
          return switchTo(false);
        case "file-open-workspace":
          return switchTo(true);
        case "file-backup": {
          const b = await api.backups_create();
          return toasts.say(`Backed up to ${b.path}`);
        }
        case "file-import-csv":
          return csv("csv-import-", true);
        case "file-export":
          return csv("csv-export-", false);
        case "zoom-in":
          return zoom(1);
        case "zoom-out":
          return zoom(-1);
        case "zoom-reset":
          return zoom(0);
        case "help-shortcuts":
          return setSheet(true);
        case "help-logs": {
          const dir = await api.logs_open_folder();
          return toasts.say(`Logs are in ${dir}`);
        }
        case "help-about":
          return setAbout(await api.workspace_info());
      }
    },
    [api, csv, go, onTheme, switchTo, toasts, zoom],
  );

  useShellEvent("menu", (id) => {
    run(id).catch((e: Error) => toasts.say(e.message));
  });
  useShellEvent("navigate", (hash) => {
    if (hash.startsWith("#/")) window.location.hash = hash;
  });

  // `?` (outside text fields) and Ctrl+/ open the sheet, as the Help menu's item does.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      const typing = !!t && (t.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(t.tagName));
      if ((e.key === "/" && e.ctrlKey && !e.altKey) || (e.key === "?" && !e.ctrlKey && !e.altKey && !e.metaKey && !typing)) {
        e.preventDefault();
        setSheet(true);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  return (
    <>
      {sheet && <ShortcutsSheet onClose={() => setSheet(false)} />}
      {about && (
        <Modal title="About Rapport" onClose={() => setAbout(null)} testId="about-dialog">
          <p>Offline-first user research, roadmaps and follow-ups for SRE and platform teams.</p>
          <dl className="about-facts">
            <dt>Version</dt>
            <dd data-testid="about-version">{about.app_version}</dd>
            <dt>Workspace</dt>
            <dd data-testid="about-path">{about.path}</dd>
            <dt>Schema</dt>
            <dd>{about.schema_version}</dd>
          </dl>
          <div className="actions">
            <button className="primary" onClick={() => setAbout(null)} autoFocus>
              Close
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
