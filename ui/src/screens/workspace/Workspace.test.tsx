import { render, screen, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../App";
import { IpcError } from "../../lib/ipc";
import type { Api } from "../../lib/ipc";
import type { BackupFile } from "../../bindings/BackupFile";
import type { WorkspaceStatus } from "../../bindings/WorkspaceStatus";
import { setDraftWorkspace, useForm } from "../../kit/useForm";
import { fakeApi } from "../../test/fakeApi";

const status = (over: Partial<WorkspaceStatus> = {}): WorkspaceStatus => ({
  path: "/home/me/work.db",
  error: null,
  is_sample: false,
  size_bytes: 48 * 1024,
  schema_version: 8,
  backups_dir: "/home/me/work-backups",
  logs_dir: "/home/me/.local/state/rapport/logs",
  ...over,
});

const backup = (over: Partial<BackupFile> = {}): BackupFile => ({
  path: "/home/me/work-backups/work-manual-20261123T100000Z.db",
  file_name: "work-manual-20261123T100000Z.db",
  kind: "manual",
  created_at: "2026-11-23T10:00:00Z",
  size_bytes: 40960,
  schema_version: 8,
  ...over,
});

function workspaceApi(overrides: Partial<Api> = {}): Api {
  return fakeApi({
    workspace_status: async () => status(),
    workspace_recent: async () => [
      { path: "/home/me/work.db", opened_at: "2026-11-23T09:00:00Z", exists: true },
      { path: "/home/me/other.db", opened_at: "2026-11-20T09:00:00Z", exists: true },
    ],
    backups_list: async () => [backup()],
    backups_policy: async () => ({ automatic: true, keep_daily: 7, keep_weekly: 4 }),
    backups_set_policy: async ({ policy }) => policy,
    backups_preview: async () => ({ file: backup(), people: 12, interviews: 3, notes: 40, findings: 5, roadmaps: 1, transcripts: 0 }),
    backups_restore: async () => backup({ kind: "before-restore", file_name: "work-before-restore.db" }),
    workspace_open: async ({ path }) => status({ path }),
    ...overrides,
  });
}

beforeEach(() => {
  window.location.hash = "#/workspace";
  localStorage.clear();
});

test("the Workspace screen shows the file, its backups and the recent workspaces", async () => {
  render(<App api={workspaceApi()} />);
  expect(await screen.findByTestId("ws-path")).toHaveProperty("textContent", "/home/me/work.db");
  expect(screen.getByTestId("ws-size").textContent).toBe("48 KB");
  const row = await screen.findByRole("row", { name: /Manual/ });
  expect(within(row).getByText("40 KB")).toBeTruthy();
  const recent = await screen.findByTestId("recent");
  expect(within(recent).getByRole("button", { name: "Open /home/me/work.db" })).toHaveProperty("disabled", true);
  expect(within(recent).getByRole("button", { name: "Open /home/me/other.db" })).toHaveProperty("disabled", false);
  expect(screen.getByTestId("logs-dir").textContent).toBe("/home/me/.local/state/rapport/logs");
});

test("restoring shows what the backup holds and asks first; cancelling restores nothing", async () => {
  const user = userEvent.setup();
  const api = workspaceApi();
  render(<App api={api} />);
  await user.click(await screen.findByRole("button", { name: /^Restore the backup of/ }));
  const dialog = await screen.findByTestId("confirm-dialog");
  expect(within(dialog).getByTestId("restore-preview").textContent).toMatch(/12 people.*3 interviews/);
  expect(dialog.textContent).toMatch(/current workspace is kept as a backup/);
  await user.click(within(dialog).getByTestId("confirm-cancel"));
  expect(api.backups_restore).not.toHaveBeenCalled();

  await user.click(screen.getByRole("button", { name: /^Restore the backup of/ }));
  await user.click(within(await screen.findByTestId("confirm-dialog")).getByTestId("confirm-ok"));
  expect(await screen.findByText(/kept as work-before-restore\.db/)).toBeTruthy();
  expect(api.backups_restore).toHaveBeenCalledWith({ path: backup().path });
  // The whole app read the workspace again.
  expect(vi.mocked(api.workspace_status).mock.calls.length).toBeGreaterThanOrEqual(2);
});

test("a policy the core refuses shows the error at its field", async () => {
  const user = userEvent.setup();
  const api = workspaceApi({
    backups_set_policy: async () => {
      throw new IpcError({ code: "validation", field: "keep_daily", message: "Keep at most 365" });
    },
  });
  render(<App api={api} />);
  const daily = await screen.findByLabelText("Daily backups kept");
  await user.clear(daily);
  await user.type(daily, "400");
  await user.click(screen.getByTestId("policy-save"));
  expect((await screen.findByText("Keep at most 365")).getAttribute("data-error-for")).toBe("policy-keep_daily");
  await user.clear(daily);
  await user.click(screen.getByTestId("policy-save"));
  expect(await screen.findByText("Enter a whole number (0 or more)")).toBeTruthy();
});

test("a damaged workspace gets its own screen, with its backups and other workspaces", async () => {
  const api = workspaceApi({
    workspace_status: async () => status({ error: { code: "corrupt", message: "The workspace file is damaged" } }),
  });
  render(<App api={api} />);
  expect(await screen.findByTestId("corrupt-screen")).toBeTruthy();
  expect(screen.getByTestId("fatal-message").textContent).toBe("The workspace file is damaged");
  expect(screen.getByText(/Nothing was changed/)).toBeTruthy();
  expect(await screen.findByTestId("backups")).toBeTruthy();
  // The damaged one itself is not offered as "another workspace".
  const recent = await screen.findByTestId("recent");
  expect(within(recent).queryByText("/home/me/work.db")).toBeNull();
  expect(within(recent).getByText("/home/me/other.db")).toBeTruthy();
});

test("a command that finds the workspace damaged brings up the damaged screen", async () => {
  const api = workspaceApi({
    backups_list: async () => {
      throw new IpcError({ code: "corrupt", message: "database disk image is malformed" });
    },
  });
  render(<App api={api} />);
  expect(await screen.findByTestId("corrupt-screen")).toBeTruthy();
});

test("the sample banner shows on every screen, with the way back", async () => {
  const user = userEvent.setup();
  let current = status({ path: "/data/rapport/sample.db", is_sample: true });
  const api = workspaceApi({
    workspace_status: async () => current,
    workspace_open: async ({ path }) => {
      current = status({ path });
      return current;
    },
  });
  window.location.hash = "#/people";
  render(<App api={api} />);
  const banner = await screen.findByTestId("sample-banner");
  expect(banner.textContent).toMatch(/separate file/);
  await user.click(await within(banner).findByRole("button", { name: "Back to work.db" }));
  expect(api.workspace_open).toHaveBeenCalledWith({ path: "/home/me/work.db" });
  await vi.waitFor(() => expect(screen.queryByTestId("sample-banner")).toBeNull());
});

function Draft({ k }: { k: string }) {
  const form = useForm({ text: "" }, "d", k);
  return <input aria-label="draft" value={form.values.text} onChange={(e) => form.set("text", e.target.value)} />;
}

test("a draft belongs to the workspace it was typed in", async () => {
  const user = userEvent.setup();
  setDraftWorkspace("/a.db");
  const first = render(<Draft k="note" />);
  await user.type(screen.getByLabelText("draft"), "typed in a");
  first.unmount();
  setDraftWorkspace("/b.db");
  const second = render(<Draft k="note" />);
  expect(screen.getByLabelText("draft")).toHaveProperty("value", "");
  second.unmount();
  setDraftWorkspace("/a.db");
  render(<Draft k="note" />);
  expect(screen.getByLabelText("draft")).toHaveProperty("value", "typed in a");
});
