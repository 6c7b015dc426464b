import { fireEvent, render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { App } from "../../App";
import type { Roadmap } from "../../bindings/Roadmap";
import type { RoadmapRow } from "../../bindings/RoadmapRow";
import type { TrashEntry } from "../../bindings/TrashEntry";
import { IpcError } from "../../lib/ipc";
import { fakeApi } from "../../test/fakeApi";

const row = (id: string, project: string, extra: Partial<RoadmapRow> = {}): RoadmapRow => ({
  id,
  project,
  stakeholders: "Eng leads at company",
  goal_what: `${project}: what`,
  goal_why: `${project}: why`,
  priority: "high",
  kind: "feature",
  service_id: null,
  service_name: null,
  policy_flag: null,
  deliverables: [],
  latest: null,
  carried: false,
  interviews: [],
  findings: [],
  version: 1,
  ...extra,
});

function roadmap(extra: Partial<Roadmap> = {}): Roadmap {
  return {
    id: "r1",
    title: "New CI",
    starts_on: "2026-11-09",
    ends_on: "2026-12-21",
    cadence: "biweekly",
    carried_from: null,
    carried_into: null,
    version: 1,
    rows: [
      row("w1", "Pilot", {
        deliverables: [
          { id: "d1", row_id: "w1", title: "Design doc", owner: "SRE", due_on: "2026-11-16", status: "in-progress", done_on: null, warnings: [], action_item_id: null, version: 1 },
          { id: "d2", row_id: "w1", title: "Pilot retro", owner: "SRE", due_on: null, status: "done", done_on: "2026-11-20", warnings: [], action_item_id: null, version: 1 },
        ],
      }),
      row("w2", "General availability", {
        latest: { id: "u1", row_id: "w2", meeting_on: "2026-11-22", status: "at-risk", note: "Waits on the design doc", created_at: "2026-11-22T10:00:00Z" },
      }),
    ],
    ...extra,
  };
}

const RETRO = {
  figures: { deliverables_planned: 2, deliverables_done: 1, deliverables_dropped: 0, done_on_time: 0, rows: 2, rows_complete: 0, estimation_accuracy: null, slipped: [] },
  notes: { process: "", estimation: "", execution: "" },
};

const trash = (label: string): TrashEntry => ({ id: `t-${label}`, kind: "roadmap-row", entity_id: "x", label, deleted_at: "", contents: "", purge_after: "" });

const common = (r: Roadmap) => ({
  roadmaps_get: async () => r,
  roadmaps_list: async () => [{ id: r.id, title: r.title, starts_on: r.starts_on, ends_on: r.ends_on, cadence: r.cadence, row_count: r.rows.length, version: 1 }],
  roadmaps_next_meeting: async () => "2026-12-07",
  roadmaps_history: async () => [],
});

test("the meeting starts each row from its latest status: Enter with no change keeps “at risk”", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/roadmaps/r1/meeting";
  const r = roadmap();
  const api = fakeApi({ ...common(r), roadmaps_record_update: async ({ row_id, status, note }) => ({ id: "u2", row_id, status, note, meeting_on: "2026-11-23", created_at: "" }) });
  render(<App api={api} />);
  const card = await screen.findByTestId("meeting-row");
  expect(card.getAttribute("aria-label")).toBe("Row 1 of 2: Pilot");
  await user.keyboard("{ArrowRight}");
  expect(card.getAttribute("aria-label")).toBe("Row 2 of 2: General availability");
  expect(within(card).getByRole("radio", { checked: true }).textContent).toMatch(/at risk/);
  expect(within(card).getByTestId("row-latest").textContent).toMatch(/Waits on the design doc/);
  await user.keyboard("{Enter}");
  expect(api.roadmaps_record_update).toHaveBeenCalledWith({ row_id: "w2", status: "at-risk", note: "" });
});

test("carry-over asks first, listing what is copied; a refusal from the core is shown", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/roadmaps/r1/retro";
  const r = roadmap();
  const api = fakeApi({
    ...common(r),
    roadmaps_retro: async () => RETRO,
    roadmaps_carry_over: async () => {
      throw new IpcError({ code: "validation", message: "Its unfinished work was already carried over into “New CI (carried over)”", field: "carry_over" });
    },
  });
  render(<App api={api} />);
  await user.click(await screen.findByTestId("carry-over"));
  const plan = await screen.findByTestId("carry-over-plan");
  expect(plan.textContent).toMatch(/these 2 incomplete rows/);
  expect(plan.textContent).toMatch(/Pilot — Design doc/);
  expect(plan.textContent).not.toMatch(/Pilot retro/);
  expect(api.roadmaps_carry_over).not.toHaveBeenCalled();
  await user.click(screen.getByTestId("confirm-ok"));
  expect((await screen.findByRole("alert")).textContent).toMatch(/already carried over into “New CI \(carried over\)”/);
});

test("once carried over, the retro links to the next interval instead of offering it again", async () => {
  window.location.hash = "#/roadmaps/r1/retro";
  const r = roadmap({ carried_into: "r2" });
  const api = fakeApi({
    ...common(r),
    roadmaps_list: async () => [
      { id: "r1", title: "New CI", starts_on: "", ends_on: "", cadence: "biweekly", row_count: 2, version: 1 },
      { id: "r2", title: "New CI (carried over)", starts_on: "", ends_on: "", cadence: "biweekly", row_count: 2, version: 1 },
    ],
    roadmaps_retro: async () => RETRO,
  });
  render(<App api={api} />);
  const done = await screen.findByTestId("carried-into");
  expect(await within(done).findByText("New CI (carried over)")).toBeTruthy();
  expect(screen.queryByTestId("carry-over")).toBeNull();
});

test("deleting a row takes one click and offers Undo, which restores it", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/roadmaps/r1";
  let r = roadmap();
  const api = fakeApi({
    ...common(r),
    roadmaps_get: async () => r,
    interviews_list: async () => ({ total: 0, offset: 0, items: [] }),
    roadmaps_delete_row: async ({ row_id }) => {
      const gone = r.rows.find((w) => w.id === row_id)!;
      r = { ...r, rows: r.rows.filter((w) => w.id !== row_id) };
      return trash(gone.project);
    },
    trash_restore: async ({ id }) => {
      r = roadmap();
      return trash(id);
    },
  });
  render(<App api={api} />);
  await user.click(await screen.findByRole("button", { name: "Delete Pilot" }));
  expect(api.roadmaps_delete_row).toHaveBeenCalledWith({ row_id: "w1" });
  const toast = await screen.findByTestId("toast");
  expect(toast.textContent).toMatch(/Deleted “Pilot”/);
  expect(document.querySelector("[data-row='Pilot']")).toBeNull();
  await user.click(within(toast).getByTestId("toast-undo"));
  expect(await screen.findByRole("article", { name: "Pilot" })).toBeTruthy();
});

test("an end before the start is refused at the field, without saving", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/roadmaps/r1/timeline";
  const r = roadmap();
  const api = fakeApi({ ...common(r), roadmaps_update: async () => r });
  render(<App api={api} />);
  await user.click(await screen.findByTestId("roadmap-edit"));
  const end = screen.getByLabelText("Ends");
  await user.clear(end);
  await user.type(end, "2026-11-01");
  expect(screen.getByText("The interval must end after it starts").getAttribute("data-error-for")).toBe("roadmap-edit-ends_on");
  await user.click(screen.getByTestId("roadmap-save"));
  expect(api.roadmaps_update).not.toHaveBeenCalled();
  expect(document.activeElement).toBe(end);
});

test("rows reorder by dragging a row's handle and by Alt+↓ on a focused row", async () => {
  const user = userEvent.setup();
  window.location.hash = "#/roadmaps/r1";
  const r = roadmap();
  const api = fakeApi({ ...common(r), interviews_list: async () => ({ total: 0, offset: 0, items: [] }), roadmaps_reorder_rows: async () => r });
  render(<App api={api} />);
  const [pilot, ga] = [await screen.findByRole("article", { name: "Pilot" }), screen.getByRole("article", { name: "General availability" })];
  let dragged = "";
  const dataTransfer = { setData: (_: string, v: string) => (dragged = v), getData: () => dragged, setDragImage: vi.fn() };
  fireEvent.dragStart(ga.querySelector(".drag-handle")!, { dataTransfer });
  fireEvent.drop(pilot, { dataTransfer });
  expect(api.roadmaps_reorder_rows).toHaveBeenLastCalledWith({ roadmap_id: "r1", priority: "high", row_ids: ["w2", "w1"] });
  pilot.focus();
  await user.keyboard("{Alt>}{ArrowDown}{/Alt}");
  expect(api.roadmaps_reorder_rows).toHaveBeenCalledTimes(2);
  expect(api.roadmaps_reorder_rows).toHaveBeenLastCalledWith({ roadmap_id: "r1", priority: "high", row_ids: ["w2", "w1"] });
});
