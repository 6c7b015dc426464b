// Workspace safety from the user's side, in the real app: the Workspace screen, backups and
// restore (preview and confirm), new/open/recent workspaces, the sample in its own file, one app
// per workspace, a damaged workspace, the logs folder, a stale edit, and a newer database.
//
// Every app in this file runs with its own XDG folders (recent list, sample file, logs), so the
// recent list is this file's alone; native file dialogs answer from a folder
// (--test-dialog-dir).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomBytes } from "node:crypto";
import { APP_BIN, Session, startDriver } from "./webdriver.mjs";

const root = mkdtempSync(join(tmpdir(), "rapport-e2e-ws-"));
for (const [name, dir] of [
  ["XDG_DATA_HOME", "data"],
  ["XDG_CONFIG_HOME", "config"],
  ["XDG_STATE_HOME", "state"],
  ["XDG_CACHE_HOME", "cache"],
]) {
  process.env[name] = join(root, dir);
  mkdirSync(process.env[name], { recursive: true });
}

let driver;
before(async () => {
  // Started after the XDG folders are set: every app it starts inherits them.
  driver = await startDriver();
});
after(() => driver?.stop());

/** A fresh folder with a workspace path in it (not created yet) and a dialog folder. */
function place(name = "work.db") {
  const dir = mkdtempSync(join(root, "ws-"));
  const dialogs = join(dir, "dialogs");
  mkdirSync(dialogs);
  return { dir, db: join(dir, name), dialogs };
}

/** Sets the window's size and waits until the page has laid itself out at it. */
async function resize(app, width, height) {
  await app.cmd("POST", "/window/rect", { width, height });
  // The application menu's bar takes part of the window's height, so the page is a little lower.
  await app.waitFor(() => app.exec("return Math.abs(window.innerWidth - arguments[0]) < 40 && Math.abs(window.innerHeight - arguments[1]) < 80", [width, height]), `a ${width}×${height} window`);
  await app.cmd("POST", "/execute/async", { script: "const done = arguments[arguments.length - 1]; requestAnimationFrame(() => requestAnimationFrame(() => done()))", args: [] });
  await new Promise((r) => setTimeout(r, 300));
}

/** Quits and waits until the app has really exited: WebDriver answers before the process has
 * gone, and an app started on the same workspace meanwhile would find it still taken. */
async function quitAndWait(app, p) {
  await app.quit();
  for (let i = 0; i < 100; i++) {
    try {
      execFileSync("pgrep", ["-f", `rapport-app --db ${p.db}`]);
    } catch {
      return; // no such process
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`the app on ${p.db} did not exit`);
}

async function start(p) {
  const app = await Session.start(driver.url, ["--db", p.db, "--test-dialog-dir", p.dialogs]);
  try {
    await resize(app, 1280, 800);
  } catch (e) {
    await app.quit();
    throw e;
  }
  return app;
}

/** Calls the core directly, as another window (or another path) would. */
async function invoke(app, command, args = {}) {
  const r = await app.cmd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(r => done({ ok: r }), e => done({ err: e }));",
    args: [command, args],
  });
  if (r.err) throw new Error(`${command}: ${JSON.stringify(r.err)}`);
  return r.ok;
}

const person = (name, team = "") => ({ input: { name, team, role: "ic", contact: "", core_user: false, notes: "" } });
const texts = (app, css) => app.exec("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", [css]);
const count = (app, css) => app.exec("return document.querySelectorAll(arguments[0]).length", [css]);
const toastShown = (app, re) => app.waitFor(async () => (await texts(app, "[data-testid=toast]")).some((t) => re.test(t)), `a toast ${re}`);

async function openWorkspaceScreen(app) {
  await app.click("a[data-area=workspace]");
  await app.find("[data-testid=ws-path]");
  await app.find("[data-testid=backups], .workspace-page .empty");
}

const rows = (app) => app.exec("return [...document.querySelectorAll('[data-testid=people-table] [data-person]')].map(r => r.dataset.person)");

/** Opens People and waits until it lists exactly `expected` (in any order; none: the empty list). */
async function expectPeople(app, expected) {
  await app.click("a[data-area=people]");
  const want = JSON.stringify([...expected].sort());
  await app.waitFor(async () => {
    const seen = await rows(app);
    return JSON.stringify([...seen].sort()) === want && (expected.length > 0 || (await app.exists(".page .empty")));
  }, `People to list ${want}`);
}

/** Nothing runs past the window's right edge. */
async function fits(app, name) {
  const past = await app.exec(
    "return [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length && e.getBoundingClientRect().right > window.innerWidth + 1).map(e => e.tagName + '.' + e.className).slice(0, 5)",
  );
  assert.deepEqual(past, [], `${name}: nothing runs past the right edge`);
}

/** A screenshot at 800×560 (checked to fit), then back to 1280×800. */
async function small(app, name) {
  await resize(app, 800, 560);
  await app.screenshot(`${name}-small`);
  await fits(app, name);
  await resize(app, 1280, 800);
}

const scroll = (app, to) => app.exec("const c = document.querySelector('.content') ?? document.scrollingElement; c.scrollTop = arguments[0] === 'top' ? 0 : c.scrollHeight", [to]);

/** The whole screen, top and bottom, at 1280×800 and 800×560. */
async function shots(app, name) {
  for (const [size, suffix] of [
    [[1280, 800], ""],
    [[800, 560], "-small"],
  ]) {
    await resize(app, ...size);
    await scroll(app, "top");
    await app.screenshot(`${name}${suffix}`);
    await fits(app, `${name}${suffix}`);
    await scroll(app, "bottom");
    await app.screenshot(`${name}${suffix}-bottom`);
  }
  await resize(app, 1280, 800);
  await scroll(app, "top");
}

/** Restores the backup in the row `row` through the preview and the confirm dialog. */
async function restoreRow(app, row, shot) {
  await app.click(`${row} .row-actions button`);
  await app.find("[data-testid=confirm-dialog] [data-testid=restore-preview]");
  const preview = { text: await app.text("[data-testid=confirm-dialog]"), people: await app.text("[data-testid=confirm-dialog] [data-count=people]") };
  if (shot) await app.screenshot(shot);
  await app.click("[data-testid=confirm-ok]");
  return preview;
}

test("Back up now, then restore it with a preview and a confirmation; the replaced workspace is kept", async () => {
  const p = place();
  const app = await start(p);
  try {
    await invoke(app, "people_create", person("Before Backup"));
    await openWorkspaceScreen(app);
    assert.equal(await app.text("[data-testid=ws-path]"), p.db);
    assert.match(await app.text("[data-testid=ws-schema]"), /^[1-9]\d*$/);
    assert.match(await app.text("[data-testid=ws-size]"), /KB|MB/);
    assert.equal(await count(app, "[data-testid=backups] tbody tr"), 0);

    await app.click("[data-testid=backup-now]");
    await toastShown(app, /Backed up to/);
    await app.waitFor(async () => (await count(app, "[data-testid=backups] tr[data-kind=manual]")) === 1, "the new backup in the list");
    const row = await app.text("[data-testid=backups] tr[data-kind=manual]");
    assert.match(row, /Manual/);
    assert.match(row, /KB/);
    await shots(app, "workspace-screen");
    await app.choose("[data-testid=theme]", "dark");
    await app.screenshot("workspace-screen-dark");
    await scroll(app, "bottom");
    await app.screenshot("workspace-screen-dark-bottom");
    await app.choose("[data-testid=theme]", "system");

    // Changed after the backup: the restore takes it away.
    await invoke(app, "people_create", person("After Backup"));
    await expectPeople(app, ["After Backup", "Before Backup"]);
    await openWorkspaceScreen(app);
    await app.find("[data-testid=backups] tr[data-kind=manual]");

    // Cancel first: nothing happens.
    await app.click("[data-testid=backups] tr[data-kind=manual] .row-actions button");
    await app.find("[data-testid=confirm-dialog]");
    await app.click("[data-testid=confirm-cancel]");
    await app.waitFor(async () => !(await app.exists("[data-testid=confirm-dialog]")), "the dialog to close");
    assert.equal(await count(app, "[data-testid=backups] tr[data-kind=before-restore]"), 0);

    const preview = await restoreRow(app, "[data-testid=backups] tr[data-kind=manual]", "workspace-restore-confirm");
    assert.equal(preview.people, "1 person");
    assert.match(preview.text, /current workspace is kept as a backup/);
    await toastShown(app, /Restored the backup\. The workspace it replaced is kept as/);
    await app.waitFor(async () => (await count(app, "[data-testid=backups] tr[data-kind=before-restore]")) === 1, "the replaced workspace listed");
    assert.match(await app.text("[data-testid=backups] tr[data-kind=before-restore]"), /Replaced by a restore/);
    await app.screenshot("workspace-after-restore");
    await expectPeople(app, ["Before Backup"]);
  } finally {
    await app.quit();
  }
});

test("the backup policy is edited, checked by the core, and kept", async () => {
  const p = place();
  let app = await start(p);
  try {
    await openWorkspaceScreen(app);
    assert.equal(await app.attr("#policy-keep_daily", "value"), "7");
    assert.equal(await app.attr("#policy-keep_weekly", "value"), "4");
    // Nothing changed yet: nothing to save.
    assert.equal(await app.attr("[data-testid=policy-save]", "disabled"), "true");
    await app.setValue("#policy-keep_daily", "400");
    await app.click("[data-testid=policy-save]");
    assert.match(await app.text("[data-error-for=policy-keep_daily]"), /at most 365/);
    await app.screenshot("workspace-policy-error");
    await app.setValue("#policy-keep_daily", "10");
    await app.setValue("#policy-keep_weekly", "2");
    await app.click("[data-testid=policy-save]");
    await toastShown(app, /Backup policy saved/);
  } finally {
    await quitAndWait(app, p);
  }
  app = await start(p);
  try {
    await openWorkspaceScreen(app);
    await app.waitFor(async () => (await app.attr("#policy-keep_daily", "value")) === "10", "the saved policy");
    assert.equal(await app.attr("#policy-keep_weekly", "value"), "2");
  } finally {
    await app.quit();
  }
});

test("a new workspace is made in the dialog, and the first one comes back through Recent", async () => {
  const p = place();
  const app = await start(p);
  try {
    await invoke(app, "people_create", person("Only In First"));
    // A half-typed new person: its draft belongs to this workspace.
    await expectPeople(app, ["Only In First"]);
    await app.click("[data-testid=person-new]");
    await app.setValue("#person-name", "Draft In First");
    await openWorkspaceScreen(app);
    await app.click("[data-testid=ws-new]");
    const made = join(p.dialogs, "Rapport workspace.db");
    await app.waitFor(async () => (await app.text("[data-testid=ws-path]").catch(() => "")) === made, "the new workspace open");
    assert.ok(existsSync(made));
    // Everything was read again: nothing from the first workspace is left on screen.
    assert.match(await app.text(".sidebar .workspace"), /Rapport workspace\.db/);
    await expectPeople(app, []);
    await app.click("[data-testid=person-new]");
    await app.find("#person-name");
    assert.equal(await app.attr("#person-name", "value"), "", "no draft from the other workspace");
    await app.click("a[data-area=today]");

    // Making it again at the same place is refused, and says why.
    await openWorkspaceScreen(app);
    await app.click("[data-testid=ws-new]");
    assert.match(await app.text(".workspace-page .banner.error"), /already exists/);

    await app.waitFor(() => app.exists(`[data-testid=recent] li[data-recent="${p.db}"] button:not([disabled])`), "the first workspace in Recent");
    assert.ok(await app.exists(`[data-testid=recent] li[data-recent="${made}"] button[disabled]`), "the open one can't be opened again");
    await app.screenshot("workspace-recent");
    await app.click(`[data-testid=recent] li[data-recent="${p.db}"] button`);
    await app.waitFor(async () => (await app.text("[data-testid=ws-path]").catch(() => "")) === p.db, "back on the first workspace");
    await expectPeople(app, ["Only In First"]);
    await app.click("[data-testid=person-new]");
    await app.waitFor(async () => (await app.attr("#person-name", "value")) === "Draft In First", "the draft back with its workspace");
    await app.click("a[data-area=today]");

    // "Open workspace…" through the dialog.
    writeFileSync(join(p.dialogs, "open-path.txt"), made);
    await openWorkspaceScreen(app);
    await app.click("[data-testid=ws-open]");
    await app.waitFor(async () => (await app.text("[data-testid=ws-path]").catch(() => "")) === made, "the picked workspace open");
  } finally {
    await app.quit();
  }
});

test("the sample workspace is its own file, says so on every screen, and leads back", async () => {
  const p = place();
  const app = await start(p);
  try {
    await invoke(app, "people_create", person("My Own Person"));
    const size = statSync(p.db).size;
    await openWorkspaceScreen(app);
    await app.click("[data-testid=ws-sample]");
    await app.find("[data-testid=sample-banner]");
    assert.match(await app.text("[data-testid=sample-banner]"), /sample workspace.*separate file/i);
    assert.match(await app.text("h1"), /New CI|Roadmap/);
    await app.screenshot("sample-banner-roadmap");
    await app.click("a[data-area=people]");
    const names = await app.waitFor(async () => ((await rows(app)).length > 0 ? rows(app) : null), "the sample's people");
    assert.ok(!names.includes("My Own Person"), "the sample does not show my data");
    assert.ok(await app.exists("[data-testid=sample-banner]"), "the banner stays on every screen");
    await app.screenshot("sample-banner-people");
    await small(app, "sample-banner-people");
    await app.click("a[data-area=workspace]");
    assert.match(await app.text("[data-testid=ws-path]"), /sample\.db$/);
    assert.notEqual(await app.text("[data-testid=ws-path]"), p.db);

    assert.equal(await app.text("[data-testid=sample-back]"), "Back to work.db");
    await app.click("[data-testid=sample-back]");
    await app.waitFor(async () => !(await app.exists("[data-testid=sample-banner]")), "the banner gone");
    await app.waitFor(async () => (await app.text("[data-testid=ws-path]").catch(() => "")) === p.db, "back on my workspace");
    await expectPeople(app, ["My Own Person"]);
    assert.ok(statSync(p.db).size >= size);
  } finally {
    await app.quit();
  }
});

test("a second Rapport on the same workspace exits, and the first says it is already open", async () => {
  const p = place();
  const app = await start(p);
  try {
    await app.find("h1");
    const second = spawn(APP_BIN, ["--db", p.db], { env: { ...process.env, RAPPORT_DB: p.db }, stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    second.stderr.on("data", (d) => (stderr += d));
    const code = await new Promise((resolve, reject) => {
      const t = setTimeout(() => {
        second.kill("SIGKILL");
        reject(new Error("the second app did not exit"));
      }, 30_000);
      second.on("exit", (c) => {
        clearTimeout(t);
        resolve(c);
      });
    });
    assert.equal(code, 0);
    assert.match(stderr, /already open/);
    await toastShown(app, /Rapport is already open here/);
    await app.screenshot("workspace-already-open-toast");
  } finally {
    await app.quit();
  }
});

test("a damaged workspace gets its own screen with its backups, and a restore brings it back", async () => {
  const p = place("damaged.db");
  let app = await start(p);
  try {
    await invoke(app, "people_create", person("Saved By Backup"));
    await invoke(app, "backups_create");
  } finally {
    await quitAndWait(app, p);
  }
  // Fold the write-ahead log into the file (the app was stopped, not closed), then write
  // garbage over every page after the first: the header still says "SQLite", the data is gone.
  execFileSync("python3", ["-c", `import sqlite3; c = sqlite3.connect(${JSON.stringify(p.db)}); c.execute("PRAGMA wal_checkpoint(TRUNCATE)"); c.close()`]);
  const good = readFileSync(p.db);
  assert.ok(good.length > 8192, "a workspace of several pages");
  writeFileSync(p.db, Buffer.concat([good.subarray(0, 4096), randomBytes(good.length - 4096)]));
  const damaged = readFileSync(p.db);

  app = await start(p);
  try {
    await app.find("[data-testid=corrupt-screen]");
    assert.equal(await app.text("h1"), "This workspace is damaged");
    assert.match(await app.text("[data-testid=corrupt-screen]"), /Nothing was changed/);
    assert.equal(await app.text("[data-testid=fatal-path]"), p.db);
    await app.waitFor(async () => (await count(app, "[data-testid=backups] tr[data-kind=manual]")) === 1, "its backup listed");
    await shots(app, "workspace-corrupt");
    // Nothing was written to the damaged file by opening it.
    assert.deepEqual(readFileSync(p.db), damaged);

    const preview = await restoreRow(app, "[data-testid=backups] tr[data-kind=manual]", "workspace-corrupt-restore-confirm");
    assert.equal(preview.people, "1 person");
    assert.match(preview.text, /damaged workspace is not deleted/);
    await app.waitFor(() => app.exists(".shell"), "the app on the restored workspace", 20_000);
    await expectPeople(app, ["Saved By Backup"]);
    await openWorkspaceScreen(app);
    await app.waitFor(async () => (await count(app, "[data-testid=backups] tr[data-kind=before-restore]")) === 1, "the damaged file kept as a backup");
  } finally {
    await app.quit();
  }
});

test("Open logs folder opens the folder it shows", async () => {
  const p = place();
  const app = await start(p);
  try {
    await openWorkspaceScreen(app);
    const shown = await app.text("[data-testid=logs-dir]");
    assert.equal(shown, join(process.env.XDG_STATE_HOME, "rapport", "logs"));
    await app.click("[data-testid=logs-open]");
    await toastShown(app, /Opened/);
    assert.equal(readFileSync(join(p.dialogs, "opened.txt"), "utf8"), shown);
  } finally {
    await app.quit();
  }
});

test("a person changed elsewhere while their form is open: saving shows both versions", async () => {
  const p = place();
  const app = await start(p);
  try {
    const priya = await invoke(app, "people_create", person("Priya Raman", "Payments"));
    await expectPeople(app, ["Priya Raman"]);
    await app.click("button[aria-label='Edit Priya Raman']");
    await app.find("#person-team");
    await app.setValue("#person-team", "Edited here");
    // Meanwhile, another path changes the same person.
    await invoke(app, "people_update", { id: priya.id, version: priya.version, input: { ...person("Priya Raman", "Changed elsewhere").input } });
    await app.click("[data-testid=person-save]");
    await app.find("[data-testid=conflict-dialog]");
    assert.equal(await app.text("[data-testid=mine-team]"), "Edited here");
    assert.equal(await app.text("[data-testid=theirs-team]"), "Changed elsewhere");
    await app.screenshot("workspace-stale-edit-conflict");
    await small(app, "workspace-stale-edit-conflict");
    await app.click("[data-testid=conflict-keep-mine]");
    await app.waitFor(async () => /Edited here/.test(await app.text("[data-person='Priya Raman']")), "my version saved");
  } finally {
    await app.quit();
  }
});

test("a newer-schema workspace is refused with a clear message and not modified", async () => {
  const p = place("future.db");
  // A database that claims schema 999, made with Python's sqlite3 (independent of Rapport).
  execFileSync("python3", ["-c", `import sqlite3; c = sqlite3.connect(${JSON.stringify(p.db)}); c.execute("PRAGMA user_version = 999"); c.execute("CREATE TABLE t (x)"); c.commit()`]);
  const before = readFileSync(p.db);
  const app = await start(p);
  try {
    const message = await app.text("[data-testid=fatal-message]");
    assert.match(message, /newer version of Rapport/);
    await app.screenshot("workspace-newer-schema");
  } finally {
    await app.quit();
  }
  assert.deepEqual(readFileSync(p.db), before);
});
