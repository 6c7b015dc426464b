import type { ScreenProps } from "../../lib/routes";
import { PageHeader } from "../../kit/PageHeader";
import { Guides } from "./Guides";
import { QuestionBank } from "./QuestionBank";
import "./questions.css";

/** The question bank with its checker, and interview guides built from it. `param`: `new` or a
 * question id (its form) in the bank; `guides`, `guides/<id>` (a guide) or `guides/<id>/edit`
 * (its title and goal). */
export function QuestionsScreen({ api, param, focus, go }: ScreenProps) {
  const [first, ...rest] = (param ?? "").split("/");
  const tab = first === "guides" ? "guides" : "bank";
  return (
    <section className="page questions">
      <PageHeader
        title="Questions"
        actions={
          <div className="tabs" role="tablist">
            <button role="tab" aria-selected={tab === "bank"} data-testid="tab-bank" onClick={() => go("questions")}>
              Bank
            </button>
            <button role="tab" aria-selected={tab === "guides"} data-testid="tab-guides" onClick={() => go("questions", "guides")}>
              Guides
            </button>
          </div>
        }
        lede="Ask about what people did, not what they think of your idea. The checker explains why a question leads and offers a rewrite."
      />
      {tab === "bank" ? (
        <QuestionBank api={api} open={first || null} focus={focus} go={go} />
      ) : (
        <Guides api={api} open={rest[0] ?? null} editing={rest[1] === "edit"} focus={focus} go={go} />
      )}
    </section>
  );
}
