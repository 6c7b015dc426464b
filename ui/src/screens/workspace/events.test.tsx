import { render, screen } from "@testing-library/react";
import { App } from "../../App";
import { fakeApi } from "../../test/fakeApi";

// The shell's events, caught where the app listens to them.
const handlers = vi.hoisted(() => ({ focus: () => {}, internal: (() => {}) as (dir: string) => void }));
vi.mock("../../lib/ipc", async (real) => ({
  ...(await real<typeof import("../../lib/ipc")>()),
  onFocusRequested: (h: () => void) => {
    handlers.focus = h;
    return Promise.resolve(() => undefined);
  },
  onInternalError: (h: (dir: string) => void) => {
    handlers.internal = h;
    return Promise.resolve(() => undefined);
  },
}));

test("a second Rapport on this workspace, and a failure inside the shell, are both said", async () => {
  window.location.hash = "#/today";
  render(<App api={fakeApi()} />);
  await screen.findByRole("heading", { level: 1 });
  handlers.focus();
  expect(await screen.findByText(/Rapport is already open here/)).toBeTruthy();
  handlers.internal("/home/me/.local/state/rapport/logs");
  expect(await screen.findByText(/went wrong inside Rapport.*\/home\/me\/\.local\/state\/rapport\/logs/)).toBeTruthy();
});
