// A database from a newer Rapport is explained on screen and left untouched.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, startDriver } from "./webdriver.mjs";

let driver;
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

test("a newer-schema workspace is refused with a clear message and not modified", async () => {
  const db = join(mkdtempSync(join(tmpdir(), "rapport-e2e-")), "future.db");
  // A database that claims schema 999, made with Python's sqlite3 (independent of Rapport).
  execFileSync("python3", ["-c", `import sqlite3; c = sqlite3.connect(${JSON.stringify(db)}); c.execute("PRAGMA user_version = 999"); c.execute("CREATE TABLE t (x)"); c.commit()`]);
  const before = readFileSync(db);
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    const message = await app.text("[data-testid=fatal-message]");
    assert.match(message, /newer version of Rapport/);
    await app.screenshot("workspace-newer-schema");
  } finally {
    await app.quit();
  }
  assert.deepEqual(readFileSync(db), before);
});
