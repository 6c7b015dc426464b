import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { CsvTools } from "./CsvTools";
import { fakeApi } from "../test/fakeApi";
import type { ImportReport } from "../bindings/ImportReport";
import type { Progress } from "../bindings/Progress";

let pushProgress: (p: Progress) => void = () => undefined;
vi.mock("../lib/ipc", async (original) => ({
  ...(await original<typeof import("../lib/ipc")>()),
  onProgress: vi.fn(async (handler: (p: Progress) => void) => {
    pushProgress = handler;
    return () => undefined;
  }),
}));

const report = (over: Partial<ImportReport>): ImportReport => ({
  rows: 2,
  headers: ["Full name", "Team", "x"],
  mapping: [{ field: "name", column: "Full name" }],
  ignored_columns: ["x"],
  errors: [],
  error_total: 0,
  warnings: [],
  new: 2,
  updated: 0,
  unchanged: 0,
  encoding: "UTF-8",
  delimiter: ",",
  applied: false,
  ...over,
});

test("export asks for a path, shows progress and where it went", async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  vi.mocked(api.pick_path).mockResolvedValue("/tmp/people.csv");
  let resolve!: (n: number) => void;
  vi.mocked(api.csv_export).mockImplementation(() => {
    pushProgress({ done: 500, total: 1000 });
    return new Promise((r) => (resolve = r));
  });
  render(<CsvTools api={api} exports={["people"]} />);
  await user.click(screen.getByLabelText(/Excel-friendly/));
  await user.click(screen.getByTestId("csv-export-people"));
  const bar = (await screen.findByTestId("csv-progress")) as HTMLProgressElement;
  expect([bar.value, bar.max]).toEqual([500, 1000]);
  expect(api.pick_path).toHaveBeenCalledWith({ kind: "csv", save: true, default_name: "rapport-people-2026-11-23.csv" });
  expect(api.csv_export).toHaveBeenCalledWith({ request: { kind: "people", path: "/tmp/people.csv", bom: true } });
  resolve(1000);
  expect(await screen.findByText("Exported 1000 people rows to /tmp/people.csv")).toBeTruthy();
  expect(screen.queryByTestId("csv-progress")).toBeNull();
});

test("import previews mapping and row errors, remaps a column, then applies", async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  const onImported = vi.fn();
  vi.mocked(api.pick_path).mockResolvedValue("/tmp/in.csv");
  vi.mocked(api.csv_import_fields).mockResolvedValue(["name", "team"]);
  vi.mocked(api.csv_import)
    .mockResolvedValueOnce(report({ errors: [{ row: 3, column: "Full name", message: "Name is required" }], error_total: 1 }))
    .mockResolvedValueOnce(report({ mapping: [{ field: "name", column: "Full name" }, { field: "team", column: "Team" }] }))
    .mockResolvedValueOnce(report({ applied: true }));
  render(<CsvTools api={api} exports={["people"]} imports="people" onImported={onImported} />);
  await user.click(screen.getByTestId("csv-import-people"));
  const preview = await screen.findByTestId("import-preview");
  expect(within(preview).getByTestId("import-errors").textContent).toBe("Row 3, column “Full name”: Name is required");
  expect((within(preview).getByTestId("import-apply") as HTMLButtonElement).disabled).toBe(true);
  expect(within(preview).getByText("Ignored columns: x")).toBeTruthy();

  await user.selectOptions(within(preview).getByLabelText("Column for team"), "Team");
  const request = (dry_run: boolean) => ({ request: { kind: "people", path: "/tmp/in.csv", dry_run, overrides: { team: "Team" }, roadmap_id: null } });
  expect(api.csv_import).toHaveBeenLastCalledWith(request(true));
  expect(await within(preview).findByText("All 2 rows are valid.")).toBeTruthy();
  await user.click(within(preview).getByTestId("import-apply"));
  expect(api.csv_import).toHaveBeenLastCalledWith(request(false));
  expect(await screen.findByText("Imported 2 people rows.")).toBeTruthy();
  expect(onImported).toHaveBeenCalled();
});
