import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "./App";
import { AREAS } from "./lib/routes";
import { fakeApi, fakePeople, person } from "./test/fakeApi";

beforeEach(() => {
  window.location.hash = "";
});

test("the app opens on Today, and the sidebar opens every area's own screen", async () => {
  const user = userEvent.setup();
  render(<App api={fakeApi()} />);
  expect(await screen.findByRole("heading", { level: 1 })).toHaveProperty("textContent", "Today");
  const nav = screen.getByRole("navigation", { name: "Areas" });
  const links = within(nav).getAllByRole("link");
  expect(links.map((l) => l.textContent)).toEqual(AREAS.map((a) => a.label));
  for (const area of AREAS) {
    await user.click(within(nav).getByRole("link", { name: area.label }));
    expect((await screen.findByRole("heading", { level: 1 })).textContent).toBe(area.label);
    expect(window.location.hash).toBe(`#/${area.id}`);
  }
  // Renders every area in turn: slow on a busy machine, so more than the default 5 s.
}, 20_000);

test("the sidebar is keyboard navigable", async () => {
  const user = userEvent.setup();
  render(<App api={fakeApi()} />);
  await user.keyboard("{Control>}2{/Control}");
  const nav = screen.getByRole("navigation", { name: "Areas" });
  const people = within(nav).getByRole("link", { name: /People/ });
  expect(people.getAttribute("aria-current")).toBe("page");
  expect(people.tabIndex).toBe(0);
  people.focus();
  await user.keyboard("{ArrowDown}");
  expect(document.activeElement?.textContent).toContain("Interviews");
  await user.keyboard("{End}");
  expect(document.activeElement?.textContent).toContain("Search");
  await user.keyboard("{ArrowDown}");
  expect(document.activeElement?.textContent).toContain("Today");
  await user.keyboard("{Enter}");
  expect(window.location.hash).toBe("#/today");
  expect(document.activeElement?.id).toBe("page-title");
  await user.keyboard("{Control>}3{/Control}");
  expect(window.location.hash).toBe("#/interviews");
});

test("choosing a theme applies and saves it", async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  render(<App api={api} />);
  await user.selectOptions(screen.getByTestId("theme"), "dark");
  expect(document.documentElement.dataset.theme).toBe("dark");
  expect(api.preferences_save).toHaveBeenCalledWith({ prefs: { theme: "dark" } });
});

test("a workspace that cannot be opened is explained instead of a broken app", async () => {
  const api = fakeApi();
  vi.mocked(api.workspace_info).mockRejectedValueOnce(
    Object.assign(new Error("this database was written by a newer version of Rapport"), { code: "newer_schema" }),
  );
  render(<App api={api} />);
  expect((await screen.findByTestId("fatal-message")).textContent).toContain("newer version");
});

test("people list shows core users and roles", async () => {
  window.location.hash = "#/people";
  render(<App api={fakeApi(fakePeople([person("Ana", { core_user: true, role: "lead" }), person("Bruno")]).api)} />);
  const row = await screen.findByText("Ana");
  const tr = row.closest(".person-row") as HTMLElement;
  expect(within(tr).getByText("core user")).toBeTruthy();
  expect(within(tr).getByText("Lead")).toBeTruthy();
  expect(screen.getByTestId("people-count").textContent).toBe("2 people");
});
