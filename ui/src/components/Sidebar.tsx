import { useRef } from "react";
import { AREAS as ALL_AREAS, SIDEBAR_AREAS as AREAS, type AreaId } from "../lib/routes";
import type { Theme } from "../bindings/Theme";
import type { WorkspaceInfo } from "../bindings/WorkspaceInfo";

/** Trash and Workspace: linked from the sidebar's foot. */
const FOOT_AREAS = ALL_AREAS.filter((a) => !a.primary);

interface Props {
  current: AreaId;
  onNavigate: (id: AreaId) => void;
  theme: Theme;
  onTheme: (t: Theme) => void;
  info: WorkspaceInfo | null;
  onPalette: () => void;
}

/** The area list. Arrow keys, Home and End move between areas; Enter or Space opens one. */
export function Sidebar({ current, onNavigate, theme, onTheme, info, onPalette }: Props) {
  const refs = useRef<(HTMLAnchorElement | null)[]>([]);

  const onKeyDown = (e: React.KeyboardEvent, index: number) => {
    const last = AREAS.length - 1;
    const next =
      e.key === "ArrowDown" ? (index === last ? 0 : index + 1)
      : e.key === "ArrowUp" ? (index === 0 ? last : index - 1)
      : e.key === "Home" ? 0
      : e.key === "End" ? last
      : null;
    if (next !== null) {
      e.preventDefault();
      refs.current[next]?.focus();
    } else if (e.key === " ") {
      e.preventDefault();
      onNavigate(AREAS[index]!.id);
    }
  };

  return (
    <nav className="sidebar" aria-label="Areas">
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        Rapport
      </div>
      <ul>
        {AREAS.map((a, i) => (
          <li key={a.id}>
            <a
              ref={(el) => {
                refs.current[i] = el;
              }}
              href={`#/${a.id}`}
              data-area={a.id}
              aria-current={a.id === current ? "page" : undefined}
              tabIndex={a.id === current ? 0 : -1}
              onClick={(e) => {
                e.preventDefault();
                onNavigate(a.id);
              }}
              onKeyDown={(e) => onKeyDown(e, i)}
              title={i < 9 ? `${a.label} (Ctrl+${i + 1})` : a.label}
            >
              <span>{a.label}</span>
            </a>
          </li>
        ))}
      </ul>
      <div className="sidebar-foot">
        <button className="link" onClick={onPalette} title="Ctrl+K" data-testid="open-palette">
          Go to… <kbd>Ctrl K</kbd>
        </button>
        {FOOT_AREAS.map((a) => (
          <a
            key={a.id}
            href={`#/${a.id}`}
            data-area={a.id}
            aria-current={current === a.id ? "page" : undefined}
            onClick={(e) => {
              e.preventDefault();
              onNavigate(a.id);
            }}
          >
            {a.label}
          </a>
        ))}
        <label>
          Theme
          <select
            data-testid="theme"
            value={theme}
            onChange={(e) => onTheme(e.target.value as Theme)}
          >
            <option value="system">System</option>
            <option value="light">Light</option>
            <option value="dark">Dark</option>
          </select>
        </label>
        {info && (
          <p className="workspace" title={info.path}>
            Workspace: <code>{info.path}</code>
            <br />v{info.app_version} · schema {String(info.schema_version)}
          </p>
        )}
      </div>
    </nav>
  );
}
