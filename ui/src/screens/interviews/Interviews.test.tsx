import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../App";
import type { Interview } from "../../bindings/Interview";
import type { Note } from "../../bindings/Note";
import { IpcError } from "../../lib/ipc";
import { fakeApi, person } from "../../test/fakeApi";

const ana = person("Ana Ic");
const lee = person("Lee Lead", { role: "lead" });

const interview: Interview = {
  id: "i1",
  title: "How deploys work",
  topic: "deploys",
  scheduled_at: "2026-11-23T09:00:00Z",
  duration_minutes: 30,
  interviewees: [ana, lee],
  note_taker: null,
  guide_id: null,
  mixed_roles_ack_at: "2026-11-20T09:00:00Z",
  status: "running",
  started_at: "2026-11-23T09:00:00Z",
  ended_at: null,
  draft: "",
  note_count: 1,
  held_minutes: null,
  created_at: "2026-11-20T09:00:00Z",
  updated_at: "2026-11-20T09:00:00Z",
  version: 1,
};

const note = (text: string, extra: Partial<Note> = {}): Note => ({
  id: "n1",
  interview_id: "i1",
  text,
  is_quote: false,
  speaker_id: null,
  offset_seconds: 65,
  tags: ["deploys"],
  display: text,
  source: null,
  created_at: "2026-11-23T09:01:05Z",
  updated_at: "2026-11-23T09:01:05Z",
  version: 1,
  ...extra,
});

beforeEach(() => localStorage.clear());

test("a plan is sent with the time typed in the user's zone, and the mixed-roles warning is acknowledged", async () => {
  window.location.hash = "#/interviews/new";
  const user = userEvent.setup();
  const plan = vi.fn(async ({ input }: { input: { acknowledge_mixed_roles: boolean } }) => {
    if (!input.acknowledge_mixed_roles) throw new IpcError({ code: "needs_ack", message: "Lee Lead is a lead and Ana Ic is not.", field: "acknowledge_mixed_roles" });
    return interview;
  });
  const api = fakeApi({
    app_zone: async () => "Asia/Kolkata",
    people_list: async ({ filter }) => {
      const all = [ana, lee].filter((p) => !filter.query || p.name.toLowerCase().includes(filter.query.toLowerCase()));
      return { total: all.length, offset: 0, items: all };
    },
    interviews_plan: plan as never,
    interviews_get: async () => interview,
    notes_list: async () => [],
    transcripts_list: async () => [],
  });
  render(<App api={api} />);
  await user.type(await screen.findByLabelText("Title"), "How deploys work");
  const start = screen.getByLabelText("Starts");
  await user.clear(start);
  await user.type(start, "2026-11-23T14:30");
  for (const name of ["Ana", "Lee"]) {
    await user.type(screen.getByPlaceholderText(/type a name/i), name);
    await user.click(await screen.findByRole("option", { name: new RegExp(name) }));
  }
  await user.click(screen.getByTestId("interview-save"));
  expect(await screen.findByTestId("mixed-warning")).toBeTruthy();
  expect(plan).toHaveBeenLastCalledWith({
    input: expect.objectContaining({
      title: "How deploys work",
      scheduled_at: "2026-11-23T09:00:00Z",
      duration_minutes: 30,
      interviewee_ids: [ana.id, lee.id],
      acknowledge_mixed_roles: false,
    }),
  });
  await user.click(screen.getByTestId("ack-mixed"));
  await user.click(screen.getByTestId("interview-save"));
  await waitFor(() => expect(window.location.hash).toBe("#/interviews/i1"));
  expect(plan).toHaveBeenLastCalledWith({ input: expect.objectContaining({ acknowledge_mixed_roles: true }) });
}, 20_000);

test("a note is edited in place into a quote by its speaker, and a delete can be undone", async () => {
  window.location.hash = "#/interviews/i1";
  const user = userEvent.setup();
  let notes = [note("Deploys take 40 minutes #deploys")];
  const api = fakeApi({
    interviews_get: async () => interview,
    notes_list: async () => notes,
    transcripts_list: async () => [],
    notes_update: async ({ input }) => note(input.text, { ...input, display: input.text.replace(/ #deploys/, ""), version: 2 }),
    notes_delete: async () => {
      const gone = notes;
      notes = [];
      return { id: "t1", kind: "note", entity_id: "n1", label: gone[0]!.display, deleted_at: "", contents: "", purge_after: "" };
    },
    trash_restore: async () => {
      notes = [note("Deploys take 40 minutes\non a good day #deploys", { is_quote: true, speaker_id: lee.id, version: 2 })];
      return { id: "t1", kind: "note", entity_id: "n1", label: "", deleted_at: "", contents: "", purge_after: "" };
    },
  });
  render(<App api={api} />);
  const line = (await screen.findByText(/Deploys take 40 minutes/)).closest("li") as HTMLElement;
  expect(within(line).getByText("1:05")).toBeTruthy();
  expect(within(line).getByText("#deploys").className).toBe("chip");

  await user.click(within(line).getByTestId("note-edit"));
  const box = screen.getByLabelText("Note text");
  await user.type(box, "{Shift>}{Enter}{/Shift}on a good day");
  await user.click(screen.getByTestId("note-edit-quote"));
  await user.selectOptions(screen.getByTestId("note-edit-speaker"), lee.id);
  await user.keyboard("{Enter}");
  expect(api.notes_update).toHaveBeenCalledWith({
    id: "n1",
    version: 1,
    input: { text: "Deploys take 40 minutes #deploys\non a good day", is_quote: true, speaker_id: lee.id },
  });
  const quote = (await screen.findByText(/— Lee Lead/)).closest("li") as HTMLElement;
  expect(quote.className).toContain("quote");

  await user.click(within(quote).getByTestId("note-delete"));
  expect(await screen.findByText(/Deleted “/)).toBeTruthy();
  expect(screen.getByText("No notes yet.")).toBeTruthy();
  await user.click(screen.getByTestId("toast-undo"));
  expect(await screen.findByText(/— Lee Lead/)).toBeTruthy();
}, 20_000);
