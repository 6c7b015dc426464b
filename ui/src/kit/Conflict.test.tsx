import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useState } from "react";
import { describe, expect, it } from "vitest";
import { useStaleEdit } from "./Conflict";

interface Rec {
  version: number;
  title: string;
}

/** A one-field form whose first save is refused as stale (the record moved on to version 4). */
function Form({ saves }: { saves: number[] }) {
  const [title, setTitle] = useState("mine");
  const edit = useStaleEdit<Rec>(2, {
    what: "note",
    fields: [{ key: "title", label: "Title" }],
    mine: () => ({ title }),
    theirs: (r) => ({ title: r.title }),
    save: (from): void => void save(from),
    take: (r) => setTitle(r.title),
  });
  const save = (from = edit.version) => {
    saves.push(from);
    if (from < 4) edit.stale({ version: 4, title: "theirs" });
  };
  return (
    <div>
      <span data-testid="title">{title}</span>
      <span data-testid="version">{edit.version}</span>
      <button onClick={() => save()}>Save</button>
      {edit.dialog()}
    </div>
  );
}

describe("useStaleEdit", () => {
  it("shows both versions of a stale save; keep mine saves again from the stored version", async () => {
    const saves: number[] = [];
    render(<Form saves={saves} />);
    await userEvent.click(screen.getByText("Save"));
    expect(screen.getByTestId("conflict-dialog")).toBeTruthy();
    expect(screen.getByTestId("mine-title").textContent).toBe("mine");
    expect(screen.getByTestId("theirs-title").textContent).toBe("theirs");
    await userEvent.click(screen.getByTestId("conflict-keep-mine"));
    expect(saves).toEqual([2, 4]);
    expect(screen.queryByTestId("conflict-dialog")).toBeNull();
    expect(screen.getByTestId("version").textContent).toBe("4");
    expect(screen.getByTestId("title").textContent).toBe("mine");
  });

  it("take theirs loads the stored record and edits go on from its version", async () => {
    const saves: number[] = [];
    render(<Form saves={saves} />);
    await userEvent.click(screen.getByText("Save"));
    await userEvent.click(screen.getByTestId("conflict-take-theirs"));
    expect(screen.getByTestId("title").textContent).toBe("theirs");
    expect(screen.getByTestId("version").textContent).toBe("4");
    expect(screen.queryByTestId("conflict-dialog")).toBeNull();
    expect(saves).toEqual([2]);
  });
});
