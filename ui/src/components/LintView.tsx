import type { LintFinding } from "../bindings/LintFinding";
import { pieces } from "../lib/spans";

/** The question with its triggering words marked. */
export function MarkedText({ text, findings }: { text: string; findings: readonly LintFinding[] }) {
  return (
    <span className="marked-text">
      {pieces(text, findings).map((p, i) =>
        p.rules.length ? (
          <mark key={i} title={p.rules.join(", ")} data-rules={p.rules.join(" ")}>
            {p.text}
          </mark>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

interface Props {
  text: string;
  /** `null` while the check for `text` is still running. */
  findings: readonly LintFinding[] | null;
  /** Offered as "Use this rewrite" when given. */
  onRewrite?: (rewrite: string) => void;
}

/** Why a question leads: each rule, its trigger and explanation, and a one-click rewrite. */
export function LintReport(props: Props) {
  // The live region stays mounted so screen readers announce each new result.
  return (
    <div aria-live="polite">
      <LintResult {...props} />
    </div>
  );
}

function LintResult({ text, findings, onRewrite }: Props) {
  if (!text.trim()) return null;
  if (findings === null) return <p className="lint muted">Checking…</p>;
  if (findings.length === 0) {
    return (
      <p className="lint ok" data-testid="lint-ok">
        No leading wording found.
      </p>
    );
  }
  const suggestion = findings[0]!.suggestion;
  return (
    <div className="lint leads" data-testid="lint-report">
      <p className="lint-text">
        <MarkedText text={text} findings={findings} />
      </p>
      <ul>
        {findings.map((f, i) => (
          <li key={i} data-rule={f.rule}>
            <span className="rule">{f.rule}</span> <q>{f.trigger}</q> — {f.explanation}
          </li>
        ))}
      </ul>
      <p className="rewrite">
        <span className="muted">Try instead:</span> <em data-testid="lint-suggestion">{suggestion}</em>{" "}
        {onRewrite && (
          <button type="button" data-testid="lint-use-rewrite" onClick={() => onRewrite(suggestion)}>
            Use this rewrite
          </button>
        )}
      </p>
    </div>
  );
}
