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
