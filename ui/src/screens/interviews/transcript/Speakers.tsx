import type { Interview } from "../../../bindings/Interview";
import type { Side } from "../../../bindings/Side";
import type { Speaker } from "../../../bindings/Speaker";

/** A mapping as one select value: "" (not mapped), "you", "taker:<id>" or "iv:<id>". */
export function choiceOf(s: Speaker): string {
  if (s.side === "interviewee") return `iv:${s.person_id ?? ""}`;
  if (s.side === "interviewer") return s.person_id ? `taker:${s.person_id}` : "you";
  return "";
}

/** The side and person a select value stands for. */
export function mappingOf(choice: string): { side: Side | null; person_id: string | null } {
  if (choice === "you") return { side: "interviewer", person_id: null };
  if (choice.startsWith("taker:")) return { side: "interviewer", person_id: choice.slice(6) };
  if (choice.startsWith("iv:")) return { side: "interviewee", person_id: choice.slice(3) };
  return { side: null, person_id: null };
}

interface Props {
  speakers: readonly Speaker[];
  interview: Interview;
  /** A mapping being saved: its select waits. */
  busy: boolean;
  error: string | null;
  onMap: (label: string, choice: string) => void;
}

/** Each speaker label of the file, mapped once to someone of the interview (you, the
 * note-taker, an interviewee) or left unmapped; changing it later re-labels the timeline and
 * the quotes taken from that speaker. */
export function Speakers({ speakers, interview, busy, error, onMap }: Props) {
  return (
    <section className="tr-speakers" aria-labelledby="tr-speakers-title">
      <h2 id="tr-speakers-title">Speakers</h2>
      <ul data-testid="transcript-speakers">
        {speakers.map((s, n) => (
          <li key={s.label} data-label={s.label} className={s.side ? undefined : "unmapped"}>
            <label htmlFor={`tr-speaker-${n}`} title={s.label}>
              {s.label}
            </label>
            <select id={`tr-speaker-${n}`} data-testid="speaker-map" value={choiceOf(s)} disabled={busy} onChange={(e) => onMap(s.label, e.target.value)}>
              <option value="">Not mapped</option>
              <optgroup label="Interviewer side">
                <option value="you">You</option>
                {interview.note_taker && <option value={`taker:${interview.note_taker.id}`}>{interview.note_taker.name}</option>}
              </optgroup>
              <optgroup label="Interviewees">
                {interview.interviewees.map((p) => (
                  <option key={p.id} value={`iv:${p.id}`}>
                    {p.name}
                  </option>
                ))}
              </optgroup>
            </select>
          </li>
        ))}
      </ul>
      {error && (
        <p className="field-error" role="alert" data-testid="speaker-error">
          {error}
        </p>
      )}
    </section>
  );
}
