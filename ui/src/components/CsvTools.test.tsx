import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { vi } from "vitest";
import { CsvTools } from "./CsvTools";
import { fakeApi } from "../test/fakeApi";
import type { ImportReport } from "../bindings/ImportReport";

const report = (over: Partial<ImportReport>): ImportReport => ({
  rows: 2,
  headers: ["Full name", "Team", "x"],
  mapping: [{ field: "name", column: "Full name" }],
  ignored_columns: ["x"],
  errors: [],
  applied: false,
  ...over,
});

test("export asks for a path, shows progress and where it went", async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  vi.mocked(api.pickSavePath).mockResolvedValue("/tmp/people.csv");
  let resolve!: (n: number) => void;
  vi.mocked(api.exportCsv).mockImplementation((_k, _p, _b, onProgress) => {
    onProgress({ done: 500, total: 1000 });
    return new Promise((r) => (resolve = r));
  });
  render(<CsvTools api={api} exports={["people"]} />);
  await user.click(screen.getByLabelText(/Excel-friendly/));
  await user.click(screen.getByTestId("csv-export-people"));
  const bar = (await screen.findByTestId("csv-progress")) as HTMLProgressElement;
  expect([bar.value, bar.max]).toEqual([500, 1000]);
  expect(api.exportCsv).toHaveBeenCalledWith("people", "/tmp/people.csv", true, expect.any(Function));
  resolve(1000);
  expect(await screen.findByText("Exported 1000 people rows to /tmp/people.csv")).toBeTruthy();
  expect(screen.queryByTestId("csv-progress")).toBeNull();
});

test("import previews mapping and row errors, remaps a column, then applies", async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  const onImported = vi.fn();
  vi.mocked(api.pickOpenPath).mockResolvedValue("/tmp/in.csv");
  vi.mocked(api.importFields).mockResolvedValue(["name", "team"]);
  vi.mocked(api.importCsv)
    .mockResolvedValueOnce(report({ errors: [{ row: 3, column: "Full name", message: "Name is required" }] }))
    .mockResolvedValueOnce(report({ mapping: [{ field: "name", column: "Full name" }, { field: "team", column: "Team" }] }))
    .mockResolvedValueOnce(report({ applied: true }));
  render(<CsvTools api={api} exports={["people"]} imports="people" onImported={onImported} />);
  await user.click(screen.getByTestId("csv-import-people"));
  const preview = await screen.findByTestId("import-preview");
  expect(within(preview).getByTestId("import-errors").textContent).toBe("Row 3, column “Full name”: Name is required");
  expect((within(preview).getByTestId("import-apply") as HTMLButtonElement).disabled).toBe(true);
  expect(within(preview).getByText("Ignored columns: x")).toBeTruthy();

  await user.selectOptions(within(preview).getByLabelText("Column for team"), "Team");
  expect(api.importCsv).toHaveBeenLastCalledWith("people", "/tmp/in.csv", true, { team: "Team" }, undefined);
  expect(await within(preview).findByText("All 2 rows are valid.")).toBeTruthy();
  await user.click(within(preview).getByTestId("import-apply"));
  expect(api.importCsv).toHaveBeenLastCalledWith("people", "/tmp/in.csv", false, { team: "Team" }, undefined);
  expect(await screen.findByText("Imported 2 people rows.")).toBeTruthy();
  expect(onImported).toHaveBeenCalled();
});
