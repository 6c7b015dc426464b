// People, end to end in the real app: create through the UI, restart, still there.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session, startDriver } from "./webdriver.mjs";

let driver;
const db = join(mkdtempSync(join(tmpdir(), "rapport-e2e-")), "workspace.db");

before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

async function rowNames(app) {
  return app.exec(
    "return [...document.querySelectorAll('[data-testid=people-table] [data-person]')].map(r => r.dataset.person)",
  );
}

test("a person created in the UI survives a restart", async () => {
  let app = await Session.start(driver.url, ["--db", db]);
  try {
    assert.equal(await app.text("h1"), "Today");
    await app.click("a[data-area=people]");
    await app.find(".empty");
    await app.screenshot("people-empty");

    await app.click("[data-testid=person-new]");
    await app.click("[data-testid=person-save]");
    assert.equal(await app.text("[data-error-for=person-name]"), "Name is required");
    assert.equal(await app.attr("#person-name", "aria-invalid"), "true");
    await app.screenshot("people-validation");

    await app.type("#person-name", "Priya Raman");
    await app.type("#person-team", "Payments Platform");
    await app.exec("const s = document.getElementById('person-role'); s.value = 'lead'; s.dispatchEvent(new Event('change', { bubbles: true }));");
    await app.type("#person-contact", "priya@example.com");
    await app.click("#person-core_user");
    await app.type("#person-notes", "Owns the payments deploy pipeline.");
    await app.screenshot("people-form");
    await app.click("[data-testid=person-save]");
    await app.waitFor(async () => (await rowNames(app)).includes("Priya Raman"), "the new row");

    await app.click("[data-testid=person-new]");
    await app.type("#person-name", "Tom Okafor");
    await app.type("#person-team", "Checkout");
    await app.click("[data-testid=person-save]");
    await app.waitFor(async () => (await rowNames(app)).length === 2, "two rows");
    await app.screenshot("people-list");
  } finally {
    await app.quit();
  }

  app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=people]");
    await app.waitFor(async () => (await rowNames(app)).length === 2, "rows after restart");
    assert.deepEqual(await rowNames(app), ["Priya Raman", "Tom Okafor"]);
    const row = "[data-person='Priya Raman']";
    const text = await app.text(row);
    assert.match(text, /core user/);
    assert.match(text, /Payments Platform/);
    assert.match(text, /Lead/);
    assert.match(text, /priya@example\.com/);

    // Archive hides; "Show archived" brings the row back, marked.
    await app.click(`${row} button[aria-label^=Archive]`);
    await app.waitFor(async () => (await rowNames(app)).length === 1, "archived row hidden");
    await app.click(".toolbar input[type=checkbox]");
    await app.waitFor(async () => (await rowNames(app)).length === 2, "archived row shown");
    assert.match(await app.text(row), /archived/);
    await app.screenshot("people-archived");
  } finally {
    await app.quit();
  }
});

test("every area is reachable from the keyboard and opens its own screen", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=people]");
    const areas = await app.exec("return [...document.querySelectorAll('nav a')].map(a => a.dataset.area)");
    assert.deepEqual(areas, ["today", "people", "interviews", "questions", "sprints", "roadmaps", "followups", "findings", "reliability", "search", "trash", "workspace"]);
    // From People, walk down the sidebar with the arrow keys and open each area with Enter
    // (Trash and Workspace, in the sidebar's foot, are not in the arrow-key list).
    for (const area of areas.slice(2, -2)) {
      await app.exec("document.querySelector('nav a[aria-current=page]').focus()");
      await app.keys(Keys.ArrowDown, Keys.Enter);
      await app.waitFor(async () => (await app.attr(`a[data-area=${area}]`, "aria-current")) === "page", `${area} to open`);
      assert.equal(await app.text("h1"), await app.text(`a[data-area=${area}]`));
      await app.screenshot(`area-${area}`);
    }
    await app.exec("document.querySelector('nav a[aria-current=page]').focus()");
    await app.keys(Keys.ArrowDown, Keys.Enter);
    await app.waitFor(async () => (await app.attr("a[data-area=today]", "aria-current")) === "page", "wrap to Today");
    await app.screenshot("area-today");
  } finally {
    await app.quit();
  }
});

test("the dark theme applies and is remembered by the workspace", async () => {
  let app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.exec("const s = document.querySelector('[data-testid=theme]'); s.value = 'dark'; s.dispatchEvent(new Event('change', { bubbles: true }));");
    await app.click("a[data-area=people]");
    await app.find("[data-testid=people-table]");
    await app.screenshot("people-dark");
  } finally {
    await app.quit();
  }
  app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.waitFor(async () => (await app.exec("return document.documentElement.dataset.theme")) === "dark", "dark theme after restart");
    const bg = await app.exec("return getComputedStyle(document.body).backgroundColor");
    assert.equal(bg, "rgb(20, 24, 31)");
  } finally {
    await app.quit();
  }
});
