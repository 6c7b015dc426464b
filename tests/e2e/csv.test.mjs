// CSV from the real UI: export with progress to a file, import with preview, errors and apply.
// Only the native file dialogs are replaced (WebDriver cannot drive GTK dialogs): the app's
// --test-dialog-dir seam answers them from a folder; the UI, IPC, core and file I/O are real.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, startDriver } from "./webdriver.mjs";

let driver;
const dir = mkdtempSync(join(tmpdir(), "rapport-e2e-"));
const db = join(dir, "workspace.db");
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

/** The next open dialog answers with `path`. */
function answerOpenWith(path) {
  writeFileSync(join(dir, "open-path.txt"), path);
}

const rows = (app) =>
  app.exec("return [...document.querySelectorAll('[data-testid=people-table] [data-person]')].map(r => r.dataset.person)");

test("people: import with a checked preview, then export to a file", async () => {
  const app = await Session.start(driver.url, ["--db", db, "--test-dialog-dir", dir]);
  try {
    await app.click("a[data-area=people]");
    await app.find(".empty");
    const bad = join(dir, "bad.csv");
    writeFileSync(bad, "Full name,Team,Role,Email,Shoe size\r\nPriya Raman,Payments,lead,priya@x.io,39\r\n,Checkout,ic,,40\r\nTom Okafor,Checkout,boss,,41\r\n");
    answerOpenWith(bad);
    await app.click("[data-testid=csv-import-people]");
    const errors = await app.text("[data-testid=import-errors]");
    assert.match(errors, /Row 3, column “Full name”: Name is required/);
    assert.match(errors, /Row 4, column “Role”: “boss” is not one of ic, lead, manager or other/);
    assert.equal(await app.attr("[data-testid=import-apply]", "disabled"), "true");
    assert.match(await app.text("[data-testid=import-preview]"), /Ignored columns: Shoe size/);
    await app.screenshot("csv-import-errors");
    assert.deepEqual(await rows(app), [], "a bad file changes nothing");

    const good = join(dir, "good.csv");
    writeFileSync(good, "Full name,Team,Role,Email\r\nPriya Raman,Payments,lead,priya@x.io\r\n\"=cmd|' /C calc'!A0\",Checkout,ic,\r\n");
    answerOpenWith(good);
    await app.click("[data-testid=import-preview] button:last-child"); // Cancel
    await app.click("[data-testid=csv-import-people]");
    await app.waitFor(async () => /All 2 rows are valid/.test(await app.text("[data-testid=import-preview]")), "a clean preview");
    await app.click("[data-testid=import-apply]");
    await app.waitFor(async () => (await rows(app)).length === 2, "imported rows");

    // Named by the local date (the app and this test share the time zone).
    const out = join(dir, `rapport-people-${new Date().toLocaleDateString("sv")}.csv`);
    await app.click(".csv-tools input[type=checkbox]"); // Excel-friendly BOM
    await app.click("[data-testid=csv-export-people]");
    await app.waitFor(async () => /Exported 2 people rows to/.test(await app.text(".csv-tools [role=status]")), "export done");
    const text = readFileSync(out, "utf8");
    assert.ok(text.startsWith("\uFEFFid,name,team,role,contact,core_user,notes,archived_at,created_at,updated_at\r\n"), text);
    assert.ok(text.includes(",'=cmd|' /C calc'!A0,Checkout,ic,,false,"), "the formula is neutralised");
    assert.match(text, /,Priya Raman,Payments,lead,priya@x\.io,false,/);
    await app.screenshot("csv-people");
  } finally {
    await app.quit();
  }
});
