import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../App";
import type { Sprint } from "../../bindings/Sprint";
import type { TrashEntry } from "../../bindings/TrashEntry";
import { IpcError } from "../../lib/ipc";
import { fakeApi, person } from "../../test/fakeApi";

/** The app's first render, on a busy machine. */
const SLOW = { timeout: 5000 };

const ana = person("Ana Lima", { core_user: true });

function sprint(extra: Partial<Sprint> = {}): Sprint {
  return {
    id: "s1",
    focus: "Can a new hire deploy on day one?",
    starts_on: "2026-11-23",
    ends_on: "2026-11-27",
    card_limit: 3,
    core_users: [ana],
    cards: [{ id: "c1", title: "Pilot build", lane: "todo", added_on: "2026-11-23", done_on: null, version: 1 }],
    entries: [],
    demo_notes: "",
    working_days: ["2026-11-23", "2026-11-24", "2026-11-25", "2026-11-26", "2026-11-27"],
    warnings: [],
    today: { day: 1, of: 5, working: true },
    burndown: { days: [] },
    version: 4,
    ...extra,
  };
}

const trashed = (label: string): TrashEntry => ({
  id: "t1",
  kind: "card",
  entity_id: "c1",
  label,
  deleted_at: "2026-11-23T10:00:00Z",
  contents: "",
  purge_after: "2026-12-23T10:00:00Z",
});

beforeEach(() => localStorage.clear());

test("a stale sprint edit shows both versions and can be saved over the newer one", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/sprints/s1/edit";
  const stored = sprint({ focus: "Someone else's focus", version: 5 });
  const update = vi
    .fn()
    .mockRejectedValueOnce(new IpcError({ code: "conflict", message: "changed", current: stored as never }))
    .mockImplementation(async ({ input }) => sprint({ focus: input.focus, version: 6 }));
  const api = fakeApi({ sprints_get: async () => sprint(), sprints_update: update });
  render(<App api={api} />);

  const focus = await screen.findByLabelText(/Focus — the one thing/, {}, SLOW);
  await user.clear(focus);
  await user.type(focus, "Can a new hire ship on day one?");
  await user.click(screen.getByTestId("sprint-save"));

  const dialog = await screen.findByTestId("conflict-dialog");
  expect(within(dialog).getByTestId("mine-focus").textContent).toBe("Can a new hire ship on day one?");
  expect(within(dialog).getByTestId("theirs-focus").textContent).toBe("Someone else's focus");
  await user.click(within(dialog).getByTestId("conflict-keep-mine"));

  expect(update).toHaveBeenCalledTimes(2);
  expect(update.mock.calls[0]![0]).toMatchObject({ id: "s1", version: 4, input: { core_user_ids: ["ana lima"], card_limit: 3 } });
  expect(update.mock.calls[1]![0]).toMatchObject({ id: "s1", version: 5, input: { focus: "Can a new hire ship on day one?" } });
  expect(await screen.findByRole("heading", { level: 1, name: "Can a new hire ship on day one?" })).toBeTruthy();
}, 20_000);

test("deleting a card asks nothing, and its toast's Undo restores it", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/sprints/s1";
  let cards = sprint().cards;
  const api = fakeApi({
    sprints_get: async () => sprint({ cards }),
    sprints_delete_card: async () => {
      cards = [];
      return trashed("Pilot build");
    },
    trash_restore: async () => {
      cards = sprint().cards;
      return trashed("Pilot build");
    },
  });
  render(<App api={api} />);
  await user.click(await screen.findByRole("button", { name: "Delete Pilot build" }, SLOW));
  expect(screen.queryByTestId("confirm-dialog")).toBeNull();
  const toast = await screen.findByText("Deleted “Pilot build”.");
  expect(screen.queryByRole("button", { name: "Delete Pilot build" })).toBeNull();
  await user.click(within(toast.closest("[data-testid=toast]") as HTMLElement).getByTestId("toast-undo"));
  expect(api.trash_restore).toHaveBeenCalledWith({ id: "t1" });
  expect(await screen.findByRole("button", { name: "Delete Pilot build" })).toBeTruthy();
}, 20_000);

test("a card is renamed from the version it was opened at", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/sprints/s1";
  const rename = vi.fn(async ({ title }: { title: string }) => sprint({ cards: [{ ...sprint().cards[0]!, title, version: 2 }] }));
  const api = fakeApi({ sprints_get: async () => sprint(), sprints_rename_card: rename });
  render(<App api={api} />);
  await user.click(await screen.findByRole("button", { name: "Rename Pilot build" }, SLOW));
  const input = screen.getByTestId("card-rename-input");
  await user.clear(input);
  await user.type(input, "Pilot build for Checkout{Enter}");
  expect(rename).toHaveBeenCalledWith({ id: "c1", version: 1, title: "Pilot build for Checkout" });
  expect(await screen.findByText("Pilot build for Checkout")).toBeTruthy();
  expect(screen.queryByTestId("card-rename-input")).toBeNull();
}, 20_000);
