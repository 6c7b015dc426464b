import type { ReactNode } from "react";

/** The page's title (focused after navigation, for keyboard and screen-reader users), its
 * main actions and a one-line description. */
export function PageHeader({ title, actions, lede }: { title: string; actions?: ReactNode; lede?: ReactNode }) {
  return (
    <>
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </header>
      {lede && <p className="muted lede">{lede}</p>}
    </>
  );
}
