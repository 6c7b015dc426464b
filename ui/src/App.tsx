import { useCallback, useEffect, useRef, useState } from "react";
import type { Api } from "./lib/ipc";
import { IpcError } from "./lib/ipc";
import { setZone } from "./lib/dates";
import { SIDEBAR_AREAS, useRoute, type AreaId, type ScreenProps } from "./lib/routes";
import type { Theme } from "./bindings/Theme";
import type { WorkspaceInfo } from "./bindings/WorkspaceInfo";
import { Sidebar } from "./components/Sidebar";
import { CommandPalette } from "./components/CommandPalette";
import { MenuBridge } from "./components/MenuBridge";
import { DialogProvider } from "./kit/Dialogs";
import { ToastProvider } from "./kit/Toasts";
import { PeopleScreen } from "./screens/people/People";
import { QuestionsScreen } from "./screens/questions/Questions";
import { InterviewsScreen } from "./screens/interviews/Interviews";
import { FindingsScreen } from "./screens/findings/Findings";
import { SearchScreen } from "./screens/search/Search";
import { RoadmapsScreen } from "./screens/roadmaps/Roadmaps";
import { TodayScreen } from "./screens/today/Today";
import { SprintsScreen } from "./screens/sprints/Sprints";
import { FollowUpsScreen } from "./screens/followups/FollowUps";
import { TrashScreen } from "./screens/trash/Trash";

/** The screen of each area; each reads what is open from the URL (`param`, `focus`). */
const SCREENS: Record<AreaId, (p: ScreenProps) => React.ReactNode> = {
  today: TodayScreen,
  people: PeopleScreen,
  interviews: InterviewsScreen,
  questions: QuestionsScreen,
  sprints: SprintsScreen,
  roadmaps: RoadmapsScreen,
  followups: FollowUpsScreen,
  findings: FindingsScreen,
  search: SearchScreen,
  trash: TrashScreen,
};

function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
}

export function App({ api }: { api: Api }) {
  return (
    <DialogProvider>
      <ToastProvider api={api}>
        <Shell api={api} />
      </ToastProvider>
    </DialogProvider>
  );
}

function Shell({ api }: { api: Api }) {
  const [route, go] = useRoute();
  const [theme, setTheme] = useState<Theme>("system");
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [fatal, setFatal] = useState<IpcError | null>(null);
  const [palette, setPalette] = useState(false);
  const [zoneReady, setZoneReady] = useState(false);

  useEffect(() => {
    api
      .workspace_info()
      .then(setInfo)
      .catch((e: IpcError) => setFatal(e));
    api
      .preferences_get()
      .then((p) => {
        setTheme(p.theme);
        applyTheme(p.theme);
      })
      .catch(() => applyTheme("system"));
    api
      .app_zone()
      .then(setZone, () => undefined)
      .finally(() => setZoneReady(true));
  }, [api]);

  // After a navigation, move focus to the new page's heading so keyboard and screen-reader
  // users land on the new screen.
  const navigated = useRef(false);
  const navigate = useCallback(
    (id: AreaId, param?: string | null, focus?: string | null) => {
      navigated.current = id !== route.area;
      go(id, param, focus);
    },
    [go, route.area],
  );
  useEffect(() => {
    if (navigated.current) {
      navigated.current = false;
      if (!route.focus) document.getElementById("page-title")?.focus();
    }
  }, [route]);

  // Ctrl+1…9 jumps to the areas in sidebar order; Ctrl+K opens the palette.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.ctrlKey || e.altKey || e.metaKey) return;
      if (e.key.toLowerCase() === "k") {
        e.preventDefault();
        setPalette(true);
        return;
      }
      const n = Number(e.key);
      const target = Number.isInteger(n) && n >= 1 ? SIDEBAR_AREAS[n - 1] : undefined;
      if (target) {
        e.preventDefault();
        navigate(target.id);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [navigate]);

  const changeTheme = (t: Theme) => {
    setTheme(t);
    applyTheme(t);
    api.preferences_save({ prefs: { theme: t } }).catch(() => undefined);
  };

  if (fatal) {
    return (
      <main className="fatal" role="alert">
        <h1>Rapport could not open its workspace</h1>
        <p data-testid="fatal-message">{fatal.message}</p>
        <p className="muted">Nothing was changed. Error code: {fatal.code}</p>
      </main>
    );
  }

  const screen = { api, param: route.param, focus: route.focus, go: navigate };
  const Screen = SCREENS[route.area];
  return (
    <div className="shell">
      <Sidebar current={route.area} onNavigate={(id) => navigate(id)} theme={theme} onTheme={changeTheme} info={info} onPalette={() => setPalette(true)} />
      <main className="content" aria-labelledby="page-title">
        {zoneReady && <Screen {...screen} />}
      </main>
      {palette && <CommandPalette api={api} go={navigate} onClose={() => setPalette(false)} />}
      <MenuBridge api={api} go={navigate} onTheme={changeTheme} />
    </div>
  );
}
