import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../App";
import { IpcError } from "../../lib/ipc";
import { fakeApi, fakePeople, person } from "../../test/fakeApi";

beforeEach(() => {
  window.location.hash = "#/people";
});

test("adding a person sends every field and lists them", async () => {
  const user = userEvent.setup();
  const api = fakeApi(fakePeople().api);
  render(<App api={api} />);
  expect(await screen.findByText(/No people yet/)).toBeTruthy();

  await user.click(screen.getByTestId("person-new"));
  expect(document.activeElement?.id).toBe("person-name");
  await user.type(screen.getByLabelText("Name"), "Dana Park");
  await user.type(screen.getByLabelText("Team"), "Observability");
  await user.selectOptions(screen.getByLabelText("Role"), "manager");
  await user.type(screen.getByLabelText("Contact"), "@dana");
  await user.click(screen.getByLabelText(/Core user/));
  await user.type(screen.getByLabelText("Notes"), "Runs the on-call rota");
  await user.click(screen.getByTestId("person-save"));

  expect(api.people_create).toHaveBeenCalledWith({
    input: {
      name: "Dana Park",
      team: "Observability",
      role: "manager",
      contact: "@dana",
      core_user: true,
      notes: "Runs the on-call rota",
      duplicate_ok: false,
    },
  });
  const row = (await screen.findByText("Dana Park")).closest(".person-row") as HTMLElement;
  expect(within(row).getByText("Manager")).toBeTruthy();
  expect(screen.getByTestId("status").textContent).toBe("Added Dana Park.");
  expect(screen.queryByRole("form")).toBeNull();
});

test("a core validation error is shown at its field, and the form stays open", async () => {
  const user = userEvent.setup();
  const dir = fakePeople();
  render(<App api={fakeApi(dir.api)} />);
  await user.click(await screen.findByTestId("person-new"));
  await user.click(screen.getByTestId("person-save"));
  const error = await screen.findByText("Name is required");
  expect(error.getAttribute("data-error-for")).toBe("person-name");
  const name = screen.getByLabelText("Name");
  expect(name.getAttribute("aria-invalid")).toBe("true");
  expect(document.activeElement).toBe(name);
  expect(dir.people).toHaveLength(0);
  await user.type(name, "A");
  expect(screen.queryByText("Name is required")).toBeNull();
});

test("a name already in People is pointed out, and adding anyway needs a click", async () => {
  const user = userEvent.setup();
  const dir = fakePeople([person("Ana Lima")]);
  const api = fakeApi({
    ...dir.api,
    people_same_name: async ({ name }) => dir.people.filter((p) => p.name.toLowerCase() === name.trim().toLowerCase()),
    people_create: async ({ input }) => {
      if (!input.duplicate_ok) throw new IpcError({ code: "needs_ack", message: "Ana Lima is already in People.", field: "name" });
      return dir.api.people_create!({ input });
    },
  });
  render(<App api={api} />);
  await user.click(await screen.findByTestId("person-new"));
  await user.type(screen.getByLabelText("Name"), "ana lima");
  expect(await screen.findByTestId("same-name")).toBeTruthy();
  await user.click(screen.getByTestId("person-save"));
  expect((await screen.findByTestId("duplicate-warning")).textContent).toContain("already in People");
  expect(dir.people).toHaveLength(1);
  await user.click(screen.getByTestId("person-add-anyway"));
  expect(await screen.findByText("Added ana lima.")).toBeTruthy();
  expect(dir.people).toHaveLength(2);
});

test("Escape on a changed form asks before throwing the text away", async () => {
  const user = userEvent.setup();
  render(<App api={fakeApi(fakePeople().api)} />);
  await user.click(await screen.findByTestId("person-new"));
  await user.type(screen.getByLabelText("Name"), "Half typed");
  await user.keyboard("{Escape}");
  expect(await screen.findByTestId("confirm-dialog")).toBeTruthy();
  await user.click(screen.getByTestId("confirm-cancel"));
  expect((screen.getByLabelText("Name") as HTMLInputElement).value).toBe("Half typed");
  await user.keyboard("{Escape}");
  await user.click(await screen.findByTestId("confirm-ok"));
  expect(screen.queryByLabelText("Name")).toBeNull();
});

test("an edit made from an older version shows both versions instead of overwriting", async () => {
  const user = userEvent.setup();
  const dir = fakePeople([person("Ana")]);
  const theirs = { ...person("Ana"), team: "Payments", version: 2 };
  let calls = 0;
  const api = fakeApi({
    ...dir.api,
    people_update: async (args) => {
      calls += 1;
      if (args.version === 1) throw new IpcError({ code: "conflict", message: "changed", current: theirs });
      return { ...theirs, name: args.input.name, version: 3 };
    },
  });
  window.location.hash = "#/people/ana/edit";
  render(<App api={api} />);
  const name = await screen.findByLabelText("Name");
  await user.clear(name);
  await user.type(name, "Ana Lima");
  await user.click(screen.getByText("Save changes"));
  const dialog = await screen.findByTestId("conflict-dialog");
  expect(within(dialog).getByTestId("mine-name").textContent).toBe("Ana Lima");
  expect(within(dialog).getByTestId("theirs-team").textContent).toBe("Payments");
  await user.click(within(dialog).getByTestId("conflict-keep-mine"));
  expect(calls).toBe(2);
  expect(await screen.findByText("Saved Ana Lima.")).toBeTruthy();
});

test("archiving and restoring", async () => {
  const user = userEvent.setup();
  const dir = fakePeople([person("Ana")]);
  const api = fakeApi(dir.api);
  render(<App api={api} />);
  await user.click(await screen.findByRole("button", { name: "Archive Ana" }));
  expect(await screen.findByText(/No people yet/)).toBeTruthy();
  await user.click(screen.getByLabelText("Show archived"));
  const row = (await screen.findByText("Ana")).closest(".person-row") as HTMLElement;
  expect(within(row).getByText("archived")).toBeTruthy();
  await user.click(within(row).getByRole("button", { name: "Restore Ana" }));
  expect(api.people_set_archived).toHaveBeenLastCalledWith({ id: "ana", archived: false });
});
