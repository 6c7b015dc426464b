import type { Audit } from "../../../bindings/Audit";
import { plural } from "../../../lib/labels";
import { pieces } from "../../../lib/spans";
import { percent, talkSplit } from "./text";

interface Props {
  audit: Audit;
  /** Scrolls the timeline to the cue a question starts in. */
  onJump: (cue: number) => void;
}

/** The interviewer audit: how many questions were asked and which led (why, the words, a
 * rewrite, and a link to the moment), and how the talking was split. */
export function AuditPanel({ audit, onJump }: Props) {
  const led = audit.questions.filter((q) => q.leading);
  const split = talkSplit(audit);
  return (
    <section className="tr-audit" aria-labelledby="tr-audit-title" data-testid="transcript-audit">
      <h2 id="tr-audit-title">Interviewer audit</h2>
      <p className="audit-sum" data-testid="audit-summary">
        You asked {plural(audit.asked, "question")}; {audit.leading} led.
      </p>
      {audit.interviewer_guessed && audit.interviewer.length > 0 && (
        <p className="muted small" data-testid="audit-guessed">
          Taking {audit.interviewer.join(", ")} as the interviewer (most questions). Map the speakers to be sure.
        </p>
      )}
      <div className="talk" data-testid="talk-split">
        <TalkBar label="Interviewer side" words={split.interviewer.words} time={split.interviewer.time} cls="interviewer" />
        <TalkBar label="Interviewees" words={split.interviewees.words} time={split.interviewees.time} cls="interviewee" />
      </div>
      {led.length > 0 && (
        <ol className="led" data-testid="audit-leading">
          {led.map((q, n) => (
            <li key={`${q.cue}-${q.span[0]}`} data-question={q.text}>
              <p className="led-q">
                {pieces(q.text, q.rules).map((p, i) =>
                  p.rules.length ? (
                    <mark key={i} title={p.rules.join(", ")}>
                      {p.text}
                    </mark>
                  ) : (
                    <span key={i}>{p.text}</span>
                  ),
                )}
              </p>
              <ul className="led-rules">
                {q.rules.map((r) => (
                  <li key={`${r.rule}-${r.span.start}`}>
                    <span className="rule">{r.rule}</span> {!r.explanation.includes(r.trigger) && `“${r.trigger}” `}
                    <span className="muted">{r.explanation}</span>
                  </li>
                ))}
              </ul>
              {q.rules[0] && (
                <p className="led-try">
                  <span className="muted">Try:</span> <em data-testid="audit-rewrite">{q.rules[0].suggestion}</em>
                </p>
              )}
              <button type="button" className="link" data-testid="audit-jump" aria-label={`Show leading question ${n + 1} at ${q.start} in the transcript`} onClick={() => onJump(q.cue)}>
                at {q.start} ↓
              </button>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function TalkBar({ label, words, time, cls }: { label: string; words: number; time: number; cls: string }) {
  return (
    <div className={`talk-row ${cls}`} data-side={cls}>
      <span className="talk-label">{label}</span>
      <span className="talk-figures" data-testid={`talk-${cls}`}>
        {percent(words)} of words · {percent(time)} of time
      </span>
      <span className="talk-bar" aria-hidden="true">
        <span style={{ width: percent(words) }} />
      </span>
    </div>
  );
}
