import { Modal } from "../kit/Dialogs";

/** Every keyboard shortcut of the app, by where it works. The menu's accelerators come first
 * (they are the menu items' own, see src-tauri/src/menu.rs). */
export const SHORTCUTS: readonly { group: string; items: readonly [keys: string, what: string][] }[] = [
  {
    group: "Anywhere",
    items: [
      ["Ctrl+K", "Command palette: go to any area or record"],
      ["Ctrl+1 … Ctrl+9", "Today, People, Interviews, Questions, Sprints, Roadmaps, Follow-ups, Findings, Search"],
      ["Ctrl+Shift+L", "Reliability"],
      ["? or Ctrl+/", "This list of shortcuts"],
      ["Ctrl+= / Ctrl+- / Ctrl+0", "Zoom in, zoom out, actual size"],
      ["Alt+F, Alt+E, Alt+V, Alt+H", "Open the File, Edit, View or Help menu (then arrows and Enter)"],
      ["Escape", "Close a dialog or a form (a form with changes asks first)"],
    ],
  },
  {
    group: "File menu",
    items: [
      ["Ctrl+Shift+N", "New workspace…"],
      ["Ctrl+O", "Open workspace…"],
      ["Ctrl+Shift+B", "Back up now"],
      ["Ctrl+Shift+I", "Import CSV… (on the screen you are on, or People)"],
      ["Ctrl+Shift+E", "Export… (the CSV exports of the screen you are on, or People)"],
    ],
  },
  {
    group: "Edit menu",
    items: [
      ["Ctrl+Z / Ctrl+Shift+Z", "Undo, redo (in text fields)"],
      ["Ctrl+X / Ctrl+C / Ctrl+V", "Cut, copy, paste"],
      ["Ctrl+A", "Select all"],
    ],
  },
  {
    group: "Lists and forms",
    items: [
      ["↑ / ↓, Home / End", "Move through a list or the sidebar"],
      ["Enter", "Open the highlighted item; save a form"],
    ],
  },
  {
    group: "Interview notes",
    items: [
      ["Enter", "Save the note (Shift+Enter for a new line)"],
      ["Ctrl+Q", "Mark the note as a quote, or not"],
    ],
  },
  {
    group: "Roadmap update meeting",
    items: [
      ["1 … 5", "Status of the current row: on track, at risk, blocked, done, dropped"],
      ["Enter (Ctrl+Enter in the note)", "Save the row's update and go to the next"],
      ["← / →", "Previous or next row"],
    ],
  },
  {
    group: "Sprint board",
    items: [
      ["Alt+arrows", "Move the focused card between lanes or up and down"],
      ["F2", "Rename the focused card"],
    ],
  },
];

export function ShortcutsSheet({ onClose }: { onClose: () => void }) {
  return (
    <Modal title="Keyboard shortcuts" onClose={onClose} testId="shortcuts-sheet">
      <div className="shortcuts">
        {SHORTCUTS.map((g) => (
          <section key={g.group} aria-label={g.group}>
            <h3>{g.group}</h3>
            <dl>
              {g.items.map(([keys, what]) => (
                <div key={keys} className="shortcut">
                  <dt>
                    <kbd>{keys}</kbd>
                  </dt>
                  <dd>{what}</dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
      </div>
      <div className="actions">
        <button className="primary" onClick={onClose} autoFocus>
          Close
        </button>
      </div>
    </Modal>
  );
}
