import { useCallback, useEffect, useRef, useState } from "react";
import type { Api } from "./lib/ipc";
import { IpcError } from "./lib/ipc";
import { AREAS, areaFromHash, paramFromHash, type AreaId } from "./lib/routes";
import type { Theme } from "./bindings/Theme";
import type { WorkspaceInfo } from "./bindings/WorkspaceInfo";
import { Sidebar } from "./components/Sidebar";
import { PeopleScreen } from "./screens/People";
import { QuestionsScreen } from "./screens/Questions";
import { InterviewsScreen } from "./screens/Interviews";
import { FindingsScreen } from "./screens/Findings";
import { SearchScreen } from "./screens/Search";
import { RoadmapsScreen } from "./screens/Roadmaps";
import { TodayScreen } from "./screens/Today";
import { SprintsScreen } from "./screens/Sprints";
import { FollowUpsScreen } from "./screens/FollowUps";

function applyTheme(theme: Theme) {
  document.documentElement.dataset.theme = theme;
}

export function App({ api }: { api: Api }) {
  const [area, setArea] = useState<AreaId>(() => areaFromHash(window.location.hash));
  const [param, setParam] = useState<string | null>(() => paramFromHash(window.location.hash));
  const [theme, setTheme] = useState<Theme>("system");
  const [info, setInfo] = useState<WorkspaceInfo | null>(null);
  const [fatal, setFatal] = useState<IpcError | null>(null);

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
  }, [api]);

  useEffect(() => {
    const onHash = () => {
      setArea(areaFromHash(window.location.hash));
      setParam(paramFromHash(window.location.hash));
    };
    window.addEventListener("hashchange", onHash);
    return () => window.removeEventListener("hashchange", onHash);
  }, []);

  const navigated = useRef(false);
  const navigate = useCallback((id: AreaId, to?: string) => {
    navigated.current = true;
    setArea(id);
    setParam(to ?? null);
    window.location.hash = to ? `/${id}/${to}` : `/${id}`;
  }, []);

  // After a navigation, move focus to the new page's heading so keyboard and screen-reader
  // users land on the new screen.
  useEffect(() => {
    if (navigated.current) {
      navigated.current = false;
      document.getElementById("page-title")?.focus();
    }
  }, [area, param]);

  // Ctrl+1…9 jumps to the areas in sidebar order.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.ctrlKey || e.altKey || e.metaKey) return;
      const n = Number(e.key);
      const target = Number.isInteger(n) && n >= 1 ? AREAS[n - 1] : undefined;
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

  return (
    <div className="shell">
      <Sidebar current={area} onNavigate={(id) => navigate(id)} theme={theme} onTheme={changeTheme} info={info} />
      <main className="content" aria-labelledby="page-title">
        {area === "today" ? (
          <TodayScreen api={api} onNavigate={navigate} />
        ) : area === "sprints" ? (
          <SprintsScreen key={param ?? ""} api={api} initialOpen={param} onNavigate={navigate} />
        ) : area === "followups" ? (
          <FollowUpsScreen key={param ?? ""} api={api} focus={param} onNavigate={navigate} />
        ) : area === "people" ? (
          <PeopleScreen api={api} />
        ) : area === "interviews" ? (
          <InterviewsScreen key={param ?? ""} api={api} initialOpen={param} />
        ) : area === "roadmaps" ? (
          <RoadmapsScreen key={param ?? ""} api={api} initialOpen={param} />
        ) : area === "findings" ? (
          <FindingsScreen api={api} focus={param} onNavigate={navigate} />
        ) : area === "search" ? (
          <SearchScreen api={api} onNavigate={navigate} />
        ) : (
          <QuestionsScreen api={api} />
        )}
      </main>
    </div>
  );
}
