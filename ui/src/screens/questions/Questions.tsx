import type { ScreenProps } from "../../lib/routes";

import { Guides } from "./Guides";
import { QuestionBank } from "./QuestionBank";

/** The question bank with its checker, and interview guides built from it. */
export function QuestionsScreen({ api, param, go }: ScreenProps) {
  const tab = param?.startsWith("guides") ? "guides" : "bank";
  const setTab = (t: "bank" | "guides") => go("questions", t === "guides" ? "guides" : null);
  return (
    <section className="page">
      <header className="page-head">
        <h1 id="page-title" tabIndex={-1}>
          Questions
        </h1>
        <div className="tabs" role="tablist">
          <button role="tab" aria-selected={tab === "bank"} data-testid="tab-bank" onClick={() => setTab("bank")}>
            Bank
          </button>
          <button role="tab" aria-selected={tab === "guides"} data-testid="tab-guides" onClick={() => setTab("guides")}>
            Guides
          </button>
        </div>
      </header>
      <p className="muted lede">
        Ask about what people did, not what they think of your idea. The checker explains why a question leads and
        offers a rewrite.
      </p>
      {tab === "bank" ? <QuestionBank api={api} /> : <Guides api={api} />}
    </section>
  );
}
