import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../App";
import { moved } from "./Guides";
import { fakeApi } from "../../test/fakeApi";
import type { Question } from "../../bindings/Question";
import { IpcError } from "../../lib/ipc";

/** The app's first render, on a busy machine. */
const SLOW = { timeout: 5000 };

test("the checker marks the triggering words and the rewrite is one click away", async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  window.location.hash = "#/questions";
  render(<App api={api} />);
  await user.type(await screen.findByTestId("checker-input", {}, SLOW), "Do you have problems with Chef?");
  const report = await screen.findByTestId("lint-report");
  expect(report.querySelector("mark")?.textContent).toBe("problems with");
  expect(report.textContent).toContain("confirmation-seeking");
  await user.click(screen.getByTestId("lint-use-rewrite"));
  expect((screen.getByTestId("checker-input") as HTMLInputElement).value).toBe(
    "Tell me about the last time you worked with Chef.",
  );
  expect(await screen.findByTestId("lint-ok")).toBeTruthy();
}, 20_000);

test("moved() reorders without losing items", () => {
  expect(moved(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
  expect(moved(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "b", "c"]);
}, 20_000);

const question = (extra: Partial<Question> = {}): Question => ({
  id: "q1",
  text: "How long did your last CI run take?",
  topic: "ci",
  tags: ["duration"],
  leading_version: null,
  rationale: "",
  builtin: true,
  archived_at: null,
  created_at: "2026-11-01T00:00:00Z",
  updated_at: "2026-11-01T00:00:00Z",
  findings: [],
  version: 2,
  ...extra,
});

test("a stale question edit shows both versions; the saved one can be taken instead", async () => {
  const user = userEvent.setup();
  localStorage.clear();
  window.location.hash = "#/questions";
  const stored = question({ text: "How long did your last deploy take?", version: 3 });
  const update = vi.fn().mockRejectedValueOnce(new IpcError({ code: "conflict", message: "changed", current: stored as never }));
  const api = fakeApi({ questions_list: async () => ({ total: 1, offset: 0, items: [question()] }), questions_update: update });
  render(<App api={api} />);
  await user.click(await screen.findByRole("button", { name: "Edit “How long did your last CI run take?”" }, SLOW));
  const text = screen.getByLabelText("Question");
  expect(document.activeElement).toBe(text);
  await user.type(text, " Roughly?");
  await user.click(screen.getByTestId("question-save"));
  expect(update).toHaveBeenCalledWith({ id: "q1", version: 2, input: expect.objectContaining({ text: "How long did your last CI run take? Roughly?", tags: ["duration"] }) });
  const dialog = await screen.findByTestId("conflict-dialog");
  expect(within(dialog).getByTestId("theirs-text").textContent).toBe("How long did your last deploy take?");
  await user.click(within(dialog).getByTestId("conflict-take-theirs"));
  expect((screen.getByLabelText("Question") as HTMLTextAreaElement).value).toBe("How long did your last deploy take?");
}, 20_000);

test("taking a question out of a guide offers Undo", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/questions/guides/g1";
  const item = { id: "i1", question_id: "q1", text: "How long did your last CI run take?", topic: "ci", minutes: 3, archived: false, findings: [] };
  let items = [item];
  const guide = () => ({ id: "g1", title: "Pilot", goal: "", items, total_minutes: 3 * items.length, budget_minutes: 30, over_budget: false, leading_count: 0, created_at: "", updated_at: "", version: 1 });
  const entry = { id: "t1", kind: "guide-item" as const, entity_id: "i1", label: item.text, deleted_at: "", contents: "", purge_after: "" };
  const api = fakeApi({
    guides_get: async () => guide(),
    guides_remove_item: async () => {
      items = [];
      return entry;
    },
    trash_restore: async () => {
      items = [item];
      return entry;
    },
  });
  render(<App api={api} />);
  await user.click(await screen.findByRole("button", { name: "Remove question 1" }, SLOW));
  expect(await screen.findByText(`Deleted “${item.text}”.`)).toBeTruthy();
  expect(await screen.findByText(/No questions yet/)).toBeTruthy();
  await user.click(screen.getByTestId("toast-undo"));
  expect(await screen.findByRole("button", { name: "Remove question 1" })).toBeTruthy();
}, 20_000);
