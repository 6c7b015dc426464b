import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { PeopleScreen } from "./People";
import { fakeApi, fakePeople, person } from "../test/fakeApi";

test("adding a person sends every field and lists them", async () => {
  const user = userEvent.setup();
  const api = fakeApi(fakePeople().api);
  render(<PeopleScreen api={api} />);
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
    },
  });
  const row = (await screen.findByText("Dana Park")).closest("tr")!;
  expect(within(row).getByText("Manager")).toBeTruthy();
  expect(screen.getByTestId("status").textContent).toBe("Added Dana Park.");
  expect(screen.queryByRole("form")).toBeNull();
});

test("a core validation error is shown at its field, and the form stays open", async () => {
  const user = userEvent.setup();
  const dir = fakePeople();
  const api = fakeApi(dir.api);
  render(<PeopleScreen api={api} />);
  await user.click(screen.getByTestId("person-new"));
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

test("editing and archiving", async () => {
  const user = userEvent.setup();
  const api = fakeApi(fakePeople([person("Ana")]).api);
  render(<PeopleScreen api={api} />);
  await user.click(await screen.findByRole("button", { name: "Edit Ana" }));
  const name = screen.getByLabelText("Name");
  await user.clear(name);
  await user.type(name, "Ana Lima");
  await user.click(screen.getByText("Save changes"));
  expect(await screen.findByText("Ana Lima")).toBeTruthy();

  await user.click(screen.getByRole("button", { name: "Archive Ana Lima" }));
  expect(await screen.findByText(/No people yet/)).toBeTruthy();
  await user.click(screen.getByLabelText("Show archived"));
  const row = (await screen.findByText("Ana Lima")).closest("tr")!;
  expect(within(row).getByText("archived")).toBeTruthy();
  await user.click(within(row).getByRole("button", { name: "Restore Ana Lima" }));
  expect(api.people_set_archived).toHaveBeenLastCalledWith({ id: "ana", archived: false });
});

test("Escape cancels the form", async () => {
  const user = userEvent.setup();
  render(<PeopleScreen api={fakeApi()} />);
  await user.click(screen.getByTestId("person-new"));
  await user.keyboard("{Escape}");
  expect(screen.queryByLabelText("Name")).toBeNull();
});
