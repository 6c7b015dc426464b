import { useEffect, useState } from "react";
import type { FollowUpOffer } from "../../bindings/FollowUpOffer";
import type { Person } from "../../bindings/Person";
import type { Api } from "../../lib/ipc";
import { ErrorBanner } from "../../kit/ErrorBanner";

/** Offered when a deliverable is marked done, right under it: follow-ups for its stakeholders and
 * the people interviewed about it. */
export function FollowUpOfferPanel({ api, offer, onClose }: { api: Api; offer: FollowUpOffer; onClose: (created: number) => void }) {
  const [chosen, setChosen] = useState<string[]>(offer.candidates.filter((c) => !c.already_open).map((c) => c.person.id));
  const [extra, setExtra] = useState<Person[]>([]);
  const [people, setPeople] = useState<Person[]>([]);
  const [reason, setReason] = useState(offer.reason);
  const [due, setDue] = useState(offer.due_on);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    api.people_list({ filter: { include_archived: false } }).then((p) => setPeople(p.items), () => undefined);
  }, [api]);

  const shown = [...offer.candidates.map((c) => ({ person: c.person, why: c.why, open: c.already_open })), ...extra.map((p) => ({ person: p, why: "added by you", open: false }))];
  const toggle = (id: string) => setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  const others = people.filter((p) => !shown.some((s) => s.person.id === p.id));

  const create = async () => {
    try {
      const made = await api.followups_create_many({ inputs: chosen.map((person_id) => ({ person_id, reason, due_on: due, deliverable_id: offer.deliverable_id, interview_id: null, release: "" })) });
      onClose(made.length);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <section className="card offer" role="dialog" aria-labelledby="offer-title" data-testid="followup-offer">
      <h2 id="offer-title">“{offer.deliverable_title}” is done. Follow up with the people it was for?</h2>
      <p className="muted small">Stakeholders of {offer.project} and the people interviewed about it. A week after a release is a good time to ask what changed.</p>
      <ErrorBanner message={error} />
      {shown.length === 0 && <p className="muted">No one in People matches this row's stakeholders, and no interview is linked to it. Add someone below.</p>}
      <div className="pick-grid">
        {shown.map(({ person, why, open }) => (
          <label key={person.id} className="inline offer-person">
            <input type="checkbox" data-offer={person.name} checked={chosen.includes(person.id)} onChange={() => toggle(person.id)} />
            <span className="offer-who">
              {person.name}{" "}
              <span className="muted small">
                {why}
                {open ? " · already has an open follow-up" : ""}
              </span>
            </span>
          </label>
        ))}
      </div>
      {offer.unmatched_stakeholders.length > 0 && (
        <p className="small warn-text" data-testid="offer-unmatched">
          Not in People: {offer.unmatched_stakeholders.join(", ")}. Pick those people by hand.
        </p>
      )}
      {others.length > 0 && (
        <select
          aria-label="Add someone"
          data-testid="offer-add"
          value=""
          onChange={(e) => {
            const p = others.find((x) => x.id === e.target.value);
            if (p) {
              setExtra((x) => [...x, p]);
              setChosen((c) => [...c, p.id]);
            }
          }}
        >
          <option value="">Add someone…</option>
          {others.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      )}
      <div className="grid2">
        <label className="field">
          Reason
          <input value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        <label className="field">
          Due
          <input type="date" value={due} onChange={(e) => setDue(e.target.value)} />
        </label>
      </div>
      <div className="actions">
        <button className="primary" data-testid="offer-create" disabled={chosen.length === 0} onClick={() => void create()}>
          Create {chosen.length} follow-up{chosen.length === 1 ? "" : "s"}
        </button>
        <button onClick={() => onClose(0)}>Not now</button>
      </div>
    </section>
  );
}
