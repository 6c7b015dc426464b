import type { Area } from "../lib/routes";

/** Says plainly that an area is not built yet, and what it will do. */
export function NotBuilt({ area }: { area: Area }) {
  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          {area.label}
        </h1>
      </header>
      <div className="notice" data-testid="not-built">
        <p>
          <strong>{area.label} is not built yet.</strong> Nothing here works or stores data today.
        </p>
        <p className="muted">When it is built: {area.purpose}</p>
      </div>
    </section>
  );
}
