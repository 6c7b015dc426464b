import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { QuestionsScreen } from "./Questions";
import { moved } from "./Guides";
import { fakeApi } from "../../test/fakeApi";

test("the checker marks the triggering words and the rewrite is one click away", async () => {
  const user = userEvent.setup();
  const api = fakeApi();
  render(<QuestionsScreen api={api} param={null} focus={null} go={() => undefined} />);
  await user.type(screen.getByTestId("checker-input"), "Do you have problems with Chef?");
  const report = await screen.findByTestId("lint-report");
  expect(report.querySelector("mark")?.textContent).toBe("problems with");
  expect(report.textContent).toContain("confirmation-seeking");
  await user.click(screen.getByTestId("lint-use-rewrite"));
  expect((screen.getByTestId("checker-input") as HTMLInputElement).value).toBe(
    "Tell me about the last time you worked with Chef.",
  );
  expect(await screen.findByTestId("lint-ok")).toBeTruthy();
});

test("moved() reorders without losing items", () => {
  expect(moved(["a", "b", "c"], 0, 2)).toEqual(["b", "c", "a"]);
  expect(moved(["a", "b", "c"], 2, 0)).toEqual(["c", "a", "b"]);
  expect(moved(["a", "b", "c"], 1, 1)).toEqual(["a", "b", "c"]);
});
