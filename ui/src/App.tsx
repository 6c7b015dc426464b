import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { Api } from "./lib/ipc";
import { IpcError, onFocusRequested, onInternalError } from "./lib/ipc";
import { setZone } from "./lib/dates";
import { SIDEBAR_AREAS, hashOf, parseHash, useRoute, type AreaId, type ScreenProps } from "./lib/routes";
import type { Theme } from "./bindings/Theme";
import type { WorkspaceInfo } from "./bindings/WorkspaceInfo";
import type { WorkspaceStatus } from "./bindings/WorkspaceStatus";
import { Sidebar } from "./components/Sidebar";
import { CommandPalette } from "./components/CommandPalette";
import { MenuBridge } from "./components/MenuBridge";
import { DialogProvider } from "./kit/Dialogs";
import { ToastProvider, useToasts } from "./kit/Toasts";
import { setDraftWorkspace } from "./kit/useForm";
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
import { ReliabilityScreen } from "./screens/reliability/Reliability";
import { WorkspaceScreen } from "./screens/workspace/Workspace";
import { Unopenable } from "./screens/workspace/Unopenable";
import { SampleBanner } from "./screens/workspace/SampleBanner";
import { watchedApi } from "./screens/workspace/switching";

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
  reliability: ReliabilityScreen,
  search: SearchScreen,
  trash: TrashScreen,
  workspace: WorkspaceScreen,
};

function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
}

export function App({ api }: { api: Api }) {
  return (
    <DialogProvider>
      <ToastProvider api={api}>
        <Root api={api} />
      </ToastProvider>
    </DialogProvider>
  );
}

/** Which workspace is open. After a switch or a restore it is read again and everything below
 * is mounted afresh, so no list, form or draft from the other workspace stays on screen. A
 * damaged workspace (at start, or when a command finds it so) gets its own screen. */
function Root({ api: raw }: { api: Api }) {
  /** `undefined` until known; `null` when the shell could not say (the app still runs). */
  const [status, setStatus] = useState<WorkspaceStatus | null | undefined>(undefined);
  const [generation, setGeneration] = useState(0);
  const [damaged, setDamaged] = useState<IpcError | null>(null);
  const say = useToasts().say;

  const readStatus = useCallback(
    () =>
      raw.workspace_status().then(
        (s) => {
          setDraftWorkspace(s.path);
          setStatus(s);
        },
        () => setStatus(null),
      ),
    [raw],
  );
  useEffect(() => {
    void readStatus();
  }, [readStatus]);

  const api = useMemo(
    () =>
      watchedApi(raw, {
        switched: async () => {
          await readStatus();
          setDamaged(null);
          // What was open belongs to the other workspace: keep the area, drop the item.
          const h = hashOf(parseHash(window.location.hash).area);
          if (window.location.hash !== h) window.history.replaceState(null, "", h);
          setGeneration((g) => g + 1);
        },
        corrupt: setDamaged,
      }),
    [raw, readStatus],
  );

  // The shell's events: a second Rapport started on this workspace (the shell brings this
  // window to the front), and a failure inside the shell.
  useEffect(() => {
    const offs = [
      onFocusRequested(() => say("Rapport is already open here: this window has the workspace.")),
      onInternalError((logs) => say(`Something went wrong inside Rapport. The details are in the logs (${logs}); Workspace → Open logs folder.`)),
    ].map((p) => p.catch(() => null));
    return () => offs.forEach((p) => void p.then((off) => off?.()));
  }, [say]);

  const problem = damaged ?? status?.error;
  if (problem) return <Unopenable key={generation} api={api} problem={problem} path={status?.path ?? null} />;
  return <Shell key={generation} api={api} status={status} />;
}

function Shell({ api, status }: { api: Api; status: WorkspaceStatus | null | undefined }) {
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

  if (fatal) return <Unopenable api={api} problem={fatal} path={status?.path ?? info?.path ?? null} />;

  const screen = { api, param: route.param, focus: route.focus, go: navigate };
  const Screen = SCREENS[route.area];
  return (
    <div className="shell">
      <Sidebar current={route.area} onNavigate={(id) => navigate(id)} theme={theme} onTheme={changeTheme} info={info} onPalette={() => setPalette(true)} />
      <main className="content" aria-labelledby="page-title">
        {status?.is_sample && <SampleBanner api={api} current={status.path} onWorkspace={() => navigate("workspace")} />}
        {/* Screens wait for the zone (dates) and the workspace (drafts are kept per workspace). */}
        {zoneReady && status !== undefined && <Screen {...screen} />}
      </main>
      {palette && <CommandPalette api={api} go={navigate} onClose={() => setPalette(false)} />}
      <MenuBridge api={api} go={navigate} onTheme={changeTheme} />
    </div>
  );
}
