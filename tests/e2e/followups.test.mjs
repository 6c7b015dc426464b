// Follow-ups end to end: a deliverable marked done offers follow-ups for its stakeholders,
// outcomes are required, who has not been contacted is listed core users first, and Today
// lists what is due, each item opening its screen.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session, startDriver } from "./webdriver.mjs";

let driver;
const db = join(mkdtempSync(join(tmpdir(), "rapport-e2e-")), "workspace.db");
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

const shift = (iso, days) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const openRows = (app) => app.exec("return [...document.querySelectorAll('[data-testid=followup-list] tbody tr')].map(r => r.dataset.followup)");
const stale = (app) => app.exec("return [...document.querySelectorAll('[data-stale]')].map(r => r.dataset.stale)");

test("a shipped deliverable offers follow-ups; outcomes, not-contacted and Today", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=people]");
    for (const [name, core] of [["Ana Lima", true], ["Bo Chen", false], ["Cy Park", true]]) {
      await app.click("[data-testid=person-new]");
      await app.type("#person-name", name);
      if (core) await app.click("#person-core_user");
      await app.click("[data-testid=person-save]");
      await app.waitFor(() => app.exists(`[data-person='${name}']`), name);
    }

    // A weekly roadmap that started a week ago: its update meeting is due today.
    await app.click("a[data-area=roadmaps]");
    const today = await app.exec("return document.getElementById('roadmap-starts_on').value");
    await app.type("#roadmap-title", "Platform Q1");
    await app.setValue("#roadmap-starts_on", shift(today, -7));
    await app.choose("#roadmap-cadence", "weekly");
    await app.click("[data-testid=roadmap-create]");
    await app.click("[data-testid=row-new]");
    await app.type("#row-project", "Deploy bot");
    await app.type("#row-stakeholders", "Ana Lima, Eng leads at company");
    await app.type("#row-goal_what", "Engineers deploy from chat without a runbook");
    await app.type("#row-goal_why", "so a deploy takes minutes, not an afternoon");
    await app.click("[data-testid=row-save]");
    const row = "[data-row='Deploy bot']";
    await app.type(`${row} input[aria-label='New deliverable']`, "Deploy bot v1");
    await app.click(`${row} .adder button`);
    await app.waitFor(() => app.exists("[data-deliverable='Deploy bot v1']"), "the deliverable");

    await app.choose("select[aria-label='Status of Deploy bot v1']", "done");
    await app.find("[data-testid=followup-offer]");
    assert.equal(await app.exec("return document.querySelector(\"[data-offer='Ana Lima']\").checked"), true, "the stakeholder is offered, checked");
    assert.match(await app.text("[data-testid=offer-unmatched]"), /Not in People: Eng leads at company/);
    await app.choose("[data-testid=offer-add]", await app.exec("return [...document.querySelectorAll('[data-testid=offer-add] option')].find(o => o.textContent === 'Bo Chen').value"));
    await app.waitFor(() => app.exists("[data-offer='Bo Chen']"), "Bo added");
    assert.equal(await app.text("[data-testid=offer-create]"), "Create 2 follow-ups");
    await app.screenshot("followup-offer");
    await app.click("[data-testid=offer-create]");
    assert.match(await app.text("[data-testid=offer-done]"), /2 follow-ups added/);

    await app.click("a[data-area=followups]");
    await app.waitFor(async () => (await openRows(app)).length === 2, "two open follow-ups");
    assert.deepEqual((await openRows(app)).sort(), ["Ana Lima", "Bo Chen"]);
    assert.match(await app.text("[data-followup='Ana Lima']"), /Deploy bot v1/);
    await app.waitFor(async () => (await stale(app)).length === 3, "not contacted");
    assert.deepEqual(await stale(app), ["Ana Lima", "Cy Park", "Bo Chen"], "core users first");

    // Done needs an outcome; once done, Ana counts as contacted.
    await app.click("[data-followup='Ana Lima'] [data-testid=followup-done]");
    await app.click("[data-followup='Ana Lima'] [data-testid=followup-outcome-save]");
    assert.match(await app.text("[data-followup='Ana Lima'] [role=alert]"), /Outcome \(what you heard\) is required/);
    await app.type("[data-followup='Ana Lima'] [data-testid=followup-outcome]", "Uses it daily; wants a dry-run flag");
    await app.click("[data-followup='Ana Lima'] [data-testid=followup-outcome-save]");
    await app.waitFor(async () => (await openRows(app)).length === 1, "Ana's follow-up done");
    await app.waitFor(async () => !(await stale(app)).includes("Ana Lima"), "Ana contacted");
    await app.click("[data-testid=followups-done]");
    await app.waitFor(async () => /wants a dry-run flag/.test(await app.text("[data-followup='Ana Lima']")), "the outcome");

    // N is configurable and checked.
    const weeks = "[data-testid=contact-weeks]";
    await app.exec(`document.querySelector("${weeks}").focus()`);
    await app.setValue(weeks, "0");
    await app.exec(`document.querySelector("${weeks}").blur()`);
    assert.match(await app.text("[data-error-for=contact-weeks]"), /Weeks must be from 1 to 52/);
    await app.exec(`document.querySelector("${weeks}").focus()`);
    await app.setValue(weeks, "2");
    await app.exec(`document.querySelector("${weeks}").blur()`);
    await app.waitFor(async () => !(await app.exists("[data-error-for=contact-weeks]")), "weeks saved");

    // A follow-up due in the past is refused at its field; today is fine.
    await app.click("[data-stale='Cy Park'] button");
    await app.waitFor(async () => (await app.exec("return document.getElementById('followup-person_id').selectedOptions[0].textContent")).startsWith("Cy Park"), "Cy picked");
    await app.type("#followup-reason", "Has Cy tried the deploy bot?");
    await app.setValue("#followup-due_on", shift(today, -1));
    await app.click("[data-testid=followup-save]");
    assert.match(await app.text("[data-error-for=followup-due_on]"), /is in the past/);
    await app.setValue("#followup-due_on", today);
    await app.click("[data-testid=followup-save]");
    await app.click("[data-testid=followups-open]");
    await app.waitFor(async () => (await openRows(app)).includes("Cy Park"), "Cy's follow-up");
    await app.screenshot("followups");

    await app.click("a[data-area=today]");
    await app.find("[data-testid=today-followup]");
    assert.match(await app.text("[data-testid=today-followup]"), /Cy Park ★\s*due today · Has Cy tried the deploy bot\?/);
    assert.match(await app.text("[data-testid=today-meeting]"), /Platform Q1\s*due today/);
    assert.match(await app.text("[data-testid=today-roadmap]"), /Platform Q1: 35 days left/);
    await app.screenshot("today");
    await app.click("[data-testid=today-followup]");
    await app.waitFor(async () => (await app.exec("return document.activeElement?.dataset.followup")) === "Cy Park", "the follow-up, focused");
    await app.click("a[data-area=today]");
    await app.click("[data-testid=today-meeting]");
    await app.find("[data-testid=meeting-row]");
    assert.equal(await app.attr("[data-testid=roadmap-tab-meeting]", "aria-selected"), "true");
  } catch (e) {
    await app.screenshot("followups-failure").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
