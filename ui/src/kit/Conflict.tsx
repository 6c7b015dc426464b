import { useState, type ReactNode } from "react";
import { Modal } from "./Dialogs";

interface Props {
  /** What this record is called ("person", "interview"…). */
  what: string;
  /** The fields to compare, with how to show each. */
  fields: { key: string; label: string }[];
  mine: Record<string, unknown>;
  theirs: Record<string, unknown>;
  /** Save my version over theirs. */
  onKeepMine: () => void;
  /** Drop my edit and load what is stored now. */
  onTakeTheirs: () => void;
  onCancel: () => void;
}

const show = (v: unknown) => (v === null || v === undefined || v === "" ? "—" : Array.isArray(v) ? v.join(", ") : String(v));

/** A stale edit: the record was changed elsewhere since it was opened. Both versions are shown
 * side by side; nothing is overwritten until the user chooses. */
export function ConflictDialog({ what, fields, mine, theirs, onKeepMine, onTakeTheirs, onCancel }: Props) {
  const differ = fields.filter((f) => show(mine[f.key]) !== show(theirs[f.key]));
  return (
    <Modal title={`This ${what} changed since you opened it`} onClose={onCancel} testId="conflict-dialog">
      <p>Your edit was not saved. Compare the two versions:</p>
      <table className="table compare">
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Yours</th>
            <th scope="col">Saved meanwhile</th>
          </tr>
        </thead>
        <tbody>
          {(differ.length ? differ : fields).map((f) => (
            <tr key={f.key}>
              <th scope="row">{f.label}</th>
              <td className="prewrap" data-testid={`mine-${f.key}`}>{show(mine[f.key])}</td>
              <td className="prewrap" data-testid={`theirs-${f.key}`}>{show(theirs[f.key])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="primary" data-testid="conflict-keep-mine" onClick={onKeepMine}>
          Save mine over it
        </button>
        <button type="button" data-testid="conflict-take-theirs" onClick={onTakeTheirs}>
          Use the saved version
        </button>
        <button type="button" onClick={onCancel}>
          Keep editing
        </button>
      </div>
    </Modal>
  );
}

interface StaleEditOptions<R> {
  what: string;
  fields: { key: string; label: string }[];
  /** The form's values now. */
  mine: () => object;
  /** The stored record as form values. */
  theirs: (record: R) => object;
  /** Saves again from version `from` ("keep mine"). */
  save: (from: number) => unknown;
  /** Loads the stored record into the form ("take theirs"). */
  take: (record: R) => void;
}

export interface StaleEdit<R> {
  /** The version the edit started from (moves on when the user settles a conflict). */
  version: number;
  /** Call with the stored record when a save was refused as stale. */
  stale: (record: R) => void;
  /** After a save that keeps the form open: edits go on from the saved version. */
  saved: (version: number) => void;
  /** The conflict dialog while one is open; call it inside the form's JSX. */
  dialog: () => ReactNode;
}

/** An edit that carries the version it started from, and the "changed since you opened it"
 * dialog when a save was stale: keep mine (save again over the stored version) or take theirs. */
export function useStaleEdit<R extends { version: number }>(start: number, o: StaleEditOptions<R>): StaleEdit<R> {
  const [version, setVersion] = useState(start);
  const [conflict, setConflict] = useState<R | null>(null);
  const dialog = () =>
    conflict && (
      <ConflictDialog
        what={o.what}
        fields={o.fields}
        mine={o.mine() as Record<string, unknown>}
        theirs={o.theirs(conflict) as Record<string, unknown>}
        onKeepMine={() => {
          setVersion(conflict.version);
          setConflict(null);
          void o.save(conflict.version);
        }}
        onTakeTheirs={() => {
          setVersion(conflict.version);
          o.take(conflict);
          setConflict(null);
        }}
        onCancel={() => setConflict(null)}
      />
    );
  return { version, stale: setConflict, saved: setVersion, dialog };
}
