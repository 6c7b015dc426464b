import type { ScreenProps } from "../../lib/routes";
import { PageHeader } from "../../kit/PageHeader";
import { Overview } from "./Overview";
import { ServiceScreen } from "./ServiceScreen";
import { SloScreen } from "./SloScreen";
import { Postmortems } from "./Postmortems";
import { PostmortemScreen } from "./PostmortemScreen";
import { ActionItems } from "./ActionItems";
import { Toil } from "./Toil";
import { ReportsAndFiles } from "./ReportsAndFiles";
import "./reliability.css";

const TABS = [
  { id: "services", label: "Services & SLOs" },
  { id: "postmortems", label: "Postmortems" },
  { id: "actions", label: "Action items" },
  { id: "toil", label: "Toil" },
  { id: "reports", label: "Reports & files" },
] as const;

type Tab = (typeof TABS)[number]["id"];

/** Which tab an open item belongs to. */
function tabOf(kind: string): Tab {
  if (kind === "postmortem" || kind === "postmortems") return "postmortems";
  if (kind === "actions" || kind === "toil" || kind === "reports") return kind;
  return "services";
}

/** Reliability: services and SLOs with their error budgets, the budget policy and the
 * roadmap, postmortems and their action items, toil, reports. `param` is `<tab>` or
 * `<kind>/<id>` (`service/…`, `slo/…`, `postmortem/…`), with a sub-view after it. */
export function ReliabilityScreen({ api, param, focus, go }: ScreenProps) {
  const [kind = "services", id = null, sub = null] = (param ?? "services").split("/");
  const tab = tabOf(kind);
  const open = (p: string | null, f?: string | null) => go("reliability", p, f);
  const header = ["services", "postmortems", "actions", "toil", "reports"].includes(kind);
  return (
    <section className="page reliability">
      {header && (
        <PageHeader
          title="Reliability"
          lede="SLOs with error budgets, a budget policy that moves the roadmap, and blameless postmortems whose action items get done."
        />
      )}
      <nav className="tabs rel-tabs" role="tablist" aria-label="Reliability">
        {TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} data-testid={`rel-tab-${t.id}`} onClick={() => open(t.id)}>
            {t.label}
          </button>
        ))}
      </nav>
      {kind === "service" && id ? (
        <ServiceScreen key={id} api={api} id={id} sub={sub} open={open} go={go} />
      ) : kind === "slo" && id ? (
        <SloScreen key={id} api={api} id={id} sub={sub} open={open} />
      ) : kind === "postmortem" && id ? (
        <PostmortemScreen key={id} api={api} id={id} focus={focus} open={open} go={go} />
      ) : tab === "postmortems" ? (
        <Postmortems api={api} creating={id === "new"} open={open} />
      ) : tab === "actions" ? (
        <ActionItems api={api} focus={focus} open={open} go={go} />
      ) : tab === "toil" ? (
        <Toil api={api} editing={id} open={open} />
      ) : tab === "reports" ? (
        <ReportsAndFiles api={api} />
      ) : (
        <Overview api={api} creating={id === "new"} open={open} />
      )}
    </section>
  );
}

export type Open = (param: string | null, focus?: string | null) => void;
