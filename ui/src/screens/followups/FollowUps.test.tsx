import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../App";
import type { FollowUp } from "../../bindings/FollowUp";
import type { FollowUpQuery } from "../../bindings/FollowUpQuery";
import { IpcError } from "../../lib/ipc";
import { fakeApi } from "../../test/fakeApi";

/** The app's first render, on a busy machine. */
const SLOW = { timeout: 5000 };

function followUp(i: number, extra: Partial<FollowUp> = {}): FollowUp {
  return {
    id: `f${i}`,
    person_id: "ana",
    person_name: `Person ${i}`,
    core_user: false,
    reason: `Reason ${i}`,
    due_on: "2026-11-30",
    deliverable_id: null,
    deliverable_title: null,
    roadmap_id: null,
    interview_id: null,
    interview_title: null,
    release: "",
    done_on: null,
    outcome: "",
    state: "upcoming",
    days_overdue: 0,
    version: 1,
    ...extra,
  };
}

/** 3,000 follow-ups, served a page at a time like the core. */
function many(n = 3000) {
  const all = Array.from({ length: n }, (_, i) => followUp(i));
  return {
    all,
    followups_list: vi.fn(async ({ query }: { query: FollowUpQuery }) => {
      const { offset, limit } = query.page ?? { offset: 0, limit: 500 };
      return { total: all.length, offset, items: all.slice(offset, offset + limit) };
    }),
  };
}

beforeEach(() => {
  localStorage.clear();
  window.location.hash = "#/followups";
});

test("3,000 follow-ups are read a page at a time and only a screenful is rendered", async () => {
  // jsdom lays nothing out: give each row a height, as the webview would.
  const height = vi.spyOn(HTMLElement.prototype, "offsetHeight", "get").mockImplementation(function (this: HTMLElement) {
    return this.classList.contains("vrow") ? 60 : 0;
  });
  onTestFinished(() => height.mockRestore());
  const list = many();
  render(<App api={fakeApi({ followups_list: list.followups_list, interviews_list: async () => ({ total: 0, offset: 0, items: [] }) })} />);
  expect(await screen.findByText("3000 follow-ups", {}, SLOW)).toBeTruthy();
  for (const [args] of list.followups_list.mock.calls) expect(args.query.page?.limit).toBeLessThanOrEqual(200);
  expect(document.querySelectorAll("[data-followup]").length).toBeLessThan(60);
}, 20_000);

test("an edit is saved from its version; a stale one shows both versions; a past date stays at its field", async () => {
  const user = userEvent.setup();
  const list = many(3);
  window.location.hash = "#/followups/f1/edit";
  const update = vi
    .fn()
    .mockRejectedValueOnce(new IpcError({ code: "validation", message: "The due date 2026-11-01 is in the past; pick today or later", field: "due_on" }))
    .mockRejectedValueOnce(new IpcError({ code: "conflict", message: "changed", current: followUp(1, { reason: "Changed elsewhere", version: 2 }) as never }))
    .mockImplementation(async ({ input }) => followUp(1, { ...input, version: 3 }));
  render(<App api={fakeApi({ followups_list: list.followups_list, followups_update: update, interviews_list: async () => ({ total: 0, offset: 0, items: [] }) })} />);
  const reason = await screen.findByLabelText("Reason", {}, SLOW);
  expect((reason as HTMLInputElement).value).toBe("Reason 1");
  await user.clear(reason);
  await user.type(reason, "Did the rollout help?");
  await user.click(screen.getByTestId("followup-save"));
  const error = await screen.findByText(/is in the past/);
  expect(error.getAttribute("data-error-for")).toBe("followup-due_on");
  expect(document.activeElement?.id).toBe("followup-due_on");

  await user.click(screen.getByTestId("followup-save"));
  const dialog = await screen.findByTestId("conflict-dialog");
  expect(within(dialog).getByTestId("theirs-reason").textContent).toBe("Changed elsewhere");
  await user.click(within(dialog).getByTestId("conflict-keep-mine"));
  expect(update.mock.calls[0]![0]).toMatchObject({ id: "f1", version: 1, input: { person_id: "ana", reason: "Did the rollout help?" } });
  expect(update.mock.calls[2]![0]).toMatchObject({ id: "f1", version: 2 });
  expect(await screen.findByText("New follow-up")).toBeTruthy();
}, 20_000);

test("a delete shows Undo, which restores the follow-up", async () => {
  const user = userEvent.setup();
  const list = many(2);
  const entry = { id: "t9", kind: "follow-up" as const, entity_id: "f0", label: "Person 0: Reason 0", deleted_at: "", contents: "", purge_after: "" };
  const api = fakeApi({
    followups_list: list.followups_list,
    interviews_list: async () => ({ total: 0, offset: 0, items: [] }),
    followups_delete: async () => {
      list.all.splice(0, 1);
      return entry;
    },
    trash_restore: async () => {
      list.all.unshift(followUp(0));
      return entry;
    },
  });
  render(<App api={api} />);
  await user.click(await screen.findByRole("button", { name: "Delete follow-up with Person 0" }, SLOW));
  expect(await screen.findByText("Deleted “Person 0: Reason 0”.")).toBeTruthy();
  expect(screen.queryByText("Reason 0")).toBeNull();
  await user.click(screen.getByTestId("toast-undo"));
  expect(await screen.findByText("Reason 0")).toBeTruthy();
}, 20_000);
