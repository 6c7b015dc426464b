import { createContext, useCallback, useContext, useRef, useState, type ReactNode } from "react";
import type { TrashEntry } from "../bindings/TrashEntry";
import type { Api } from "../lib/ipc";

interface Toast {
  id: number;
  text: string;
  /** "Deleted …": Undo restores it from the trash. */
  undo?: { entry: TrashEntry; after: () => void };
}

interface Toasts {
  /** A short message. */
  say: (text: string) => void;
  /** "Deleted “x”. Undo": the way back from a delete, for a while. */
  deleted: (entry: TrashEntry, after: () => void) => void;
}

const ToastContext = createContext<Toasts | null>(null);
/** How long an Undo stays on screen; the record stays in the Trash for 30 days anyway. */
const UNDO_MS = 12_000;

export function useToasts(): Toasts {
  const t = useContext(ToastContext);
  if (!t) throw new Error("useToasts outside ToastProvider");
  return t;
}

export function ToastProvider({ api, children }: { api: Api; children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const drop = useCallback((id: number) => setToasts((ts) => ts.filter((t) => t.id !== id)), []);
  const push = useCallback(
    (t: Omit<Toast, "id">, ms: number) => {
      const id = ++next.current;
      setToasts((ts) => [...ts.slice(-2), { ...t, id }]);
      setTimeout(() => drop(id), ms);
    },
    [drop],
  );
  const value: Toasts = {
    say: useCallback((text: string) => push({ text }, 5000), [push]),
    deleted: useCallback(
      (entry: TrashEntry, after: () => void) => push({ text: `Deleted “${entry.label}”.`, undo: { entry, after } }, UNDO_MS),
      [push],
    ),
  };
  const undo = async (t: Toast) => {
    if (!t.undo) return;
    try {
      await api.trash_restore({ id: t.undo.entry.id });
      drop(t.id);
      t.undo.after();
      push({ text: `Restored “${t.undo.entry.label}”.` }, 4000);
    } catch (e) {
      drop(t.id);
      push({ text: (e as Error).message }, 8000);
    }
  };
  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className="toasts" role="status" aria-live="polite" data-testid="toasts">
        {toasts.map((t) => (
          <div key={t.id} className="toast" data-testid="toast">
            <span>{t.text}</span>
            {t.undo && (
              <button className="link" data-testid="toast-undo" onClick={() => void undo(t)}>
                Undo
              </button>
            )}
            <button className="link muted" aria-label="Dismiss" onClick={() => drop(t.id)}>
              ×
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}
