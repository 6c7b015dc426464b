import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

export interface ConfirmOptions {
  title: string;
  body?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** The confirm button does something that can't be undone. */
  danger?: boolean;
}

type Ask = (o: ConfirmOptions) => Promise<boolean>;
const DialogContext = createContext<Ask | null>(null);

/** Asks the user in an in-app dialog (never `window.confirm`, which inside the app returns a
 * Promise and so always "confirms"). Resolves `true` only for the confirm button. */
export function useConfirm(): Ask {
  const ask = useContext(DialogContext);
  if (!ask) throw new Error("useConfirm outside DialogProvider");
  return ask;
}

export function DialogProvider({ children }: { children: ReactNode }) {
  const [open, setOpen] = useState<(ConfirmOptions & { resolve: (ok: boolean) => void }) | null>(null);
  const ask = useCallback<Ask>((o) => new Promise<boolean>((resolve) => setOpen({ ...o, resolve })), []);
  const close = (ok: boolean) => {
    open?.resolve(ok);
    setOpen(null);
  };
  return (
    <DialogContext.Provider value={ask}>
      {children}
      {open && (
        <Modal title={open.title} onClose={() => close(false)} testId="confirm-dialog">
          {open.body && <div className="dialog-body">{open.body}</div>}
          <div className="actions">
            <button
              type="button"
              className={open.danger ? "danger" : "primary"}
              data-testid="confirm-ok"
              onClick={() => close(true)}
              autoFocus={!open.danger}
            >
              {open.confirmLabel}
            </button>
            <button type="button" data-testid="confirm-cancel" onClick={() => close(false)} autoFocus={open.danger}>
              {open.cancelLabel ?? "Cancel"}
            </button>
          </div>
        </Modal>
      )}
    </DialogContext.Provider>
  );
}

/** A modal dialog: focus moves into it and stays there, Escape closes it, and focus returns to
 * where it was. */
export function Modal({ title, onClose, children, testId }: { title: string; onClose: () => void; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Where focus was before the dialog opened (read while rendering, before autofocus moves it).
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => {
    if (!ref.current?.contains(document.activeElement)) {
      ref.current?.querySelector<HTMLElement>("[autofocus], button, input, select, textarea")?.focus();
    }
    return () => before?.focus?.();
  }, [before]);
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === "Escape") {
      e.stopPropagation();
      onClose();
    } else if (e.key === "Tab") {
      const items = [...(ref.current?.querySelectorAll<HTMLElement>("button, input, select, textarea, a[href]") ?? [])].filter(
        (el) => !el.hasAttribute("disabled"),
      );
      const [firstEl, lastEl] = [items[0], items[items.length - 1]];
      if (!firstEl || !lastEl) return;
      if (e.shiftKey && document.activeElement === firstEl) {
        e.preventDefault();
        lastEl.focus();
      } else if (!e.shiftKey && document.activeElement === lastEl) {
        e.preventDefault();
        firstEl.focus();
      }
    }
  };
  // In a portal: a dialog opened from inside a form is not part of that form.
  return createPortal(
    <div className="modal-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={ref} className="modal card" role="dialog" aria-modal="true" aria-labelledby="modal-title" onKeyDown={onKeyDown} data-testid={testId}>
        <h2 id="modal-title">{title}</h2>
        {children}
      </div>
    </div>,
    document.body,
  );
}
