// Roadmaps end to end on the sample workspace: plan, update meeting from the keyboard,
// timeline, retro with carry-over, and stakeholder reports.
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

const section = (app, p) =>
  app.exec(`return [...document.querySelectorAll('[data-section=${p}] [data-row]')].map(r => r.dataset.row)`);

test("the sample New CI roadmap: plan, meeting, timeline, retro, carry-over, reports", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=roadmaps]");
    await app.click("[data-testid=sample-load]");
    await app.waitFor(async () => (await section(app, "high")).length === 2, "the sample rows");
    assert.deepEqual(await section(app, "high"), ["New CI pilot", "New CI general availability"]);
    assert.deepEqual(await section(app, "low"), ["New CI final phase"]);
    assert.match(await app.text("[data-row='New CI pilot']"), /Stakeholders: Eng leads at company/);
    assert.match(await app.text("[data-row='New CI pilot']"), /Goal: Get early feedback on the new CI pipeline — why: before general rollout to all of eng/);
    await app.screenshot("roadmap-plan");

    // One action moves a high-priority row down.
    await app.click("[data-row='New CI general availability'] [data-testid=move-priority]");
    await app.waitFor(async () => (await section(app, "low")).length === 2, "moved to low");
    assert.deepEqual(await section(app, "low"), ["New CI final phase", "New CI general availability"]);

    // A row needs a goal's why; a deliverable due outside the interval warns.
    await app.click("[data-testid=row-new]");
    await app.type("#row-project", "Flaky test quarantine");
    await app.type("#row-goal_what", "Engineers stop rerunning red builds");
    await app.click("[data-testid=row-save]");
    assert.match(await app.text("[data-error-for=row-goal_why]"), /Why it matters to users is required/);
    await app.type("#row-goal_why", "so a red build means something again");
    await app.click("[data-testid=row-save]");
    await app.waitFor(async () => (await section(app, "high")).includes("Flaky test quarantine"), "the new row");
    const row = "[data-row='Flaky test quarantine']";
    await app.type(`${row} input[aria-label='New deliverable']`, "Quarantine list in CI");
    await app.exec(`const i = document.querySelector("${row} input[type=date]"); const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set; set.call(i, '2030-01-01'); i.dispatchEvent(new Event('input', { bubbles: true }));`);
    await app.click(`${row} .adder button`);
    await app.waitFor(async () => /outside the interval/.test(await app.text(row)), "the outside-interval warning");

    // Update meeting, from the keyboard: 2 = at risk, note, Ctrl+Enter; then 1 = on track.
    await app.click("[data-testid=roadmap-tab-meeting]");
    await app.find("[data-testid=meeting-row]");
    const first = await app.attr("[data-testid=meeting-row]", "aria-label");
    assert.match(first, /^Row 1 of 4: New CI pilot$/);
    await app.exec("document.querySelector('[data-testid=meeting-row]').focus()");
    await app.keys("2");
    await app.click("[data-testid=meeting-note]");
    await app.type("[data-testid=meeting-note]", "Design doc needs another week");
    await app.chord(Keys.Control, Keys.Enter);
    await app.waitFor(async () => /^Row 2 of 4/.test(await app.attr("[data-testid=meeting-row]", "aria-label")), "row 2");
    await app.keys("1", Keys.Enter);
    await app.waitFor(async () => /^Row 3 of 4/.test(await app.attr("[data-testid=meeting-row]", "aria-label")), "row 3");
    await app.screenshot("roadmap-meeting");
    await app.click("[data-testid=roadmap-tab-plan]");
    assert.match(await app.text("[data-row='New CI pilot']"), /at risk/);

    await app.click("[data-testid=roadmap-tab-timeline]");
    await app.find("[data-testid=today-marker]");
    assert.ok(await app.exists("[data-dot='Architecture design doc']"));
    await app.screenshot("roadmap-timeline");

    await app.click("[data-testid=roadmap-tab-reports]");
    await app.click("[data-testid=report-markdown]");
    const md = await app.waitFor(() => app.exec("return document.querySelector('[data-testid=report-output]')?.value"), "the report");
    assert.match(md, /^# Status update: New CI — \d{4}-\d\d-\d\d\n/);
    assert.match(md, /## Needs attention\n\n- New CI pilot: at risk \(as of [\d-]+\) — Design doc needs another week/);
    await app.screenshot("roadmap-report");

    await app.click("[data-testid=roadmap-tab-retro]");
    await app.find("[data-testid=retro]");
    assert.match(await app.text("[data-testid=retro]"), /1\/9\s*deliverables done/);
    await app.type("[data-testid=retro-process]", "Bi-weekly was the right cadence");
    await app.click("[data-testid=retro-save]");
    await app.waitFor(async () => /Retro saved/.test(await app.text("[data-testid=retro]")), "saved");
    await app.screenshot("roadmap-retro");
    await app.click("[data-testid=carry-over]");
    await app.waitFor(async () => /\(carried over\)/.test(await app.text("h1")), "the new interval");
    assert.equal((await section(app, "high")).length + (await section(app, "low")).length, 4, "all four rows were incomplete");
  } catch (e) {
    await app.screenshot("roadmap-failure").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
