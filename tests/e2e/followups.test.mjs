// Follow-ups end to end: a deliverable marked done offers follow-ups for its stakeholders,
// outcomes are required, who has not been contacted is listed core users first, a follow-up is
// edited (a past due date refused at its field) and deleted with Undo, and Today lists what is
// due, each item opening its screen.
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

const shift = (iso, days) => {
  const d = new Date(`${iso}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};
const openRows = (app) => app.exec("return [...document.querySelectorAll('[data-testid=followup-list] [data-followup]')].map(r => r.dataset.followup)");
const due = (app, name) => app.attr(`[data-followup='${name}']`, "data-due");

/** Screenshots at the usual window and the smallest one (800×560); nothing may run past the right edge. */
async function shots(app, name) {
  for (const [width, height] of [
    [1280, 800],
    [800, 560],
  ]) {
    await app.cmd("POST", "/window/rect", { width, height });
    await app.waitFor(async () => Math.abs((await app.exec("return window.innerWidth")) - width) < 40, `the window at ${width}`);
    await app.screenshot(`${name}-${width}`);
    const overflow = await app.exec("const m = document.querySelector('main.content'); return m.scrollWidth - m.clientWidth");
    assert.ok(overflow <= 0, `${name} at ${width}px runs ${overflow}px past the right edge`);
  }
  await app.cmd("POST", "/window/rect", { width: 1280, height: 800 });
  await app.waitFor(async () => Math.abs((await app.exec("return window.innerWidth")) - 1280) < 40, "the window at 1280");
}

/** Runs a core command from the page, to seed many records quickly. */
const invoke = (app, command, args) =>
  app.cmd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(r => done({ ok: r }), e => done({ err: e }));",
    args: [command, args],
  });

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
    const today = await app.waitFor(() => app.exec("return document.getElementById('roadmap-starts_on')?.value"), "the roadmap form's start");
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
    await app.waitFor(async () => (await app.text("[data-testid=followup-person-picked]")).startsWith("Cy Park"), "Cy picked");
    assert.equal(await app.exec("return document.activeElement.id"), "followup-reason", "the reason is next");
    await app.type("#followup-reason", "Has Cy tried the deploy bot?");
    await app.setValue("#followup-due_on", shift(today, -1));
    await app.click("[data-testid=followup-save]");
    assert.match(await app.text("[data-error-for=followup-due_on]"), /is in the past/);
    await app.setValue("#followup-due_on", today);
    await app.click("[data-testid=followup-save]");
    await app.click("[data-testid=followups-open]");
    await app.waitFor(async () => (await openRows(app)).includes("Cy Park"), "Cy's follow-up");
    await app.exec("document.querySelector('main.content').scrollTop = 0");
    await shots(app, "followups-list");

    await app.click("a[data-area=today]");
    await app.find("[data-testid=today-followup]");
    assert.match(await app.text("[data-testid=today-followup]"), /Cy Park ★\s*due today · Has Cy tried the deploy bot\?/);
    assert.match(await app.text("[data-testid=today-meeting]"), /Platform Q1\s*due today/);
    assert.match(await app.text("[data-testid=today-roadmap]"), /Platform Q1: 35 days left/);
    await shots(app, "today");
    await app.click("[data-testid=today-followup]");
    await app.waitFor(
      async () => (await app.exec("return document.activeElement?.querySelector('[data-followup]')?.dataset.followup")) === "Cy Park",
      "the follow-up, focused",
    );
    assert.match(await app.attr(".vrow.focused [data-followup]", "data-followup"), /Cy Park/, "and highlighted");
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

test("a follow-up edited from its version (a past date refused at the field), deleted with Undo; 3,000 stay quick", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=followups]");
    await app.waitFor(async () => (await openRows(app)).includes("Bo Chen"), "Bo's follow-up");
    const today = shift(await app.waitFor(() => app.exec("return document.getElementById('followup-due_on')?.value"), "the new follow-up form"), -7);

    // A new one, the person picked by typing.
    await app.click("#followup-person_id");
    await app.type("#followup-person_id", "Ana");
    await app.waitFor(() => app.exists("#followup-person_id-options li"), "Ana offered");
    await app.keys(Keys.Enter);
    await app.waitFor(async () => (await app.text("[data-testid=followup-person-picked]")).startsWith("Ana Lima"), "Ana picked");
    await app.type("#followup-reason", "Did the dry-run flag land well?");
    await app.click("[data-testid=followup-save]");
    await app.waitFor(async () => (await openRows(app)).includes("Ana Lima"), "Ana's new follow-up");
    assert.equal(await app.exec("return document.getElementById('followup-reason').value"), "", "a fresh form after adding");
    assert.ok(!(await app.exists("[data-testid=followup-person-picked]")), "no one picked in the fresh form");

    // Edit Bo's: the form starts from it; a past date is refused at its field, a later one saved.
    await app.click("[data-followup='Bo Chen'] [data-testid=followup-edit]");
    await app.waitFor(async () => (await app.text("#followup-form-title")) === "Edit follow-up with Bo Chen", "the edit form");
    assert.equal(await app.exec("return document.getElementById('followup-due_on').value"), await due(app, "Bo Chen"));
    assert.match(await app.exec("return document.getElementById('followup-deliverable_id').selectedOptions[0].textContent"), /Deploy bot v1/);
    await shots(app, "followups-edit");
    await app.setValue("#followup-due_on", shift(today, -2));
    await app.click("[data-testid=followup-save]");
    assert.match(await app.text("[data-error-for=followup-due_on]"), /is in the past/);
    assert.equal(await app.exec("return document.activeElement.id"), "followup-due_on", "the field with the error has focus");
    await app.setValue("#followup-due_on", shift(today, 10));
    await app.setValue("#followup-reason", "Has Bo's team tried the dry-run flag?");
    await app.click("[data-testid=followup-save]");
    await app.waitFor(async () => (await due(app, "Bo Chen")) === shift(today, 10), "the new due date");
    assert.match(await app.text("[data-followup='Bo Chen']"), /Has Bo's team tried the dry-run flag\?/);
    assert.ok(!/Edit follow-up/.test(await app.text("main")), "the form closed");
    assert.equal(await app.text("[data-followup='Bo Chen'] [data-testid=followup-state]"), "upcoming");

    // Escape on a changed edit asks first.
    await app.click("[data-followup='Bo Chen'] [data-testid=followup-edit]");
    await app.find("#followup-reason");
    await app.setValue("#followup-reason", "Something else");
    await app.exec("document.getElementById('followup-reason').focus()");
    await app.keys(Keys.Escape);
    await app.find("[data-testid=confirm-dialog]");
    await app.click("[data-testid=confirm-ok]");
    await app.waitFor(async () => (await app.text("#followup-form-title")) === "New follow-up", "back to a new follow-up");
    assert.match(await app.text("[data-followup='Bo Chen']"), /Has Bo's team tried the dry-run flag\?/, "nothing saved");

    // Delete: gone at once, the toast's Undo brings it back.
    await app.click("[data-followup='Bo Chen'] [data-testid=followup-delete]");
    await app.waitFor(async () => !(await openRows(app)).includes("Bo Chen"), "Bo's follow-up gone");
    await app.waitFor(async () => /Deleted “Bo Chen: Has Bo's team tried the dry-run flag\?”\./.test(await app.text("[data-testid=toasts]")), "the toast");
    await app.click("[data-testid=toast-undo]");
    await app.waitFor(async () => (await openRows(app)).includes("Bo Chen"), "Bo's follow-up back");
    assert.equal(await due(app, "Bo Chen"), shift(today, 10));

    // 3,000 more: the list reads a page at a time and renders a screenful.
    const people = await invoke(app, "people_list", { filter: { include_archived: false, query: "Ana Lima" } });
    const anaId = people.ok.items[0].id;
    const inputs = Array.from({ length: 3000 }, (_, i) => ({
      person_id: anaId,
      reason: `Check-in ${String(i + 1).padStart(4, "0")}`,
      due_on: shift(today, 1 + (i % 60)),
      deliverable_id: null,
      interview_id: null,
      release: "",
    }));
    const made = await invoke(app, "followups_create_many", { inputs });
    assert.equal(made.ok?.length, 3000, JSON.stringify(made.err ?? ""));
    await app.click("a[data-area=today]");
    const t0 = Date.now();
    await app.click("a[data-area=followups]");
    await app.waitFor(async () => Number(await app.attr("[data-testid=followup-list]", "data-total")) >= 3003, "3,003 follow-ups");
    const shown = Date.now() - t0;
    assert.ok(shown < 3000, `the list took ${shown} ms`);
    const rendered = await app.exec("return document.querySelectorAll('[data-testid=followup-list] [data-followup]').length");
    assert.ok(rendered > 3 && rendered < 80, `${rendered} rows rendered`);
    assert.match(await app.text("[data-testid=followups-count]"), /3,?003 follow-ups/);
    await app.exec("const m = document.querySelector('main.content'); m.scrollTop = m.scrollHeight");
    await app.waitFor(
      () => app.exec("return [...document.querySelectorAll('[data-testid=followup-list] [data-index]')].some(r => r.dataset.index === '3002' && r.querySelector('[data-followup]'))"),
      "the last row loaded",
    );
    await shots(app, "followups-3000");

    // 120 people never contacted: the list shows 50 of them and the count, then 50 more.
    for (let i = 0; i < 120; i++) {
      const r = await invoke(app, "people_create", {
        input: { name: `Quiet ${String(i).padStart(3, "0")}`, team: "Infra", role: "ic", contact: "", core_user: false, notes: "", duplicate_ok: false },
      });
      assert.ok(r.ok, JSON.stringify(r.err ?? ""));
    }
    await app.click("a[data-area=today]");
    await app.click("a[data-area=followups]");
    await app.waitFor(async () => (await stale(app)).length === 50, "the first 50 not contacted");
    const total = Number((await app.text("[data-testid=not-contacted]")).match(/50 of (\d+)/)?.[1]);
    assert.ok(total >= 120, `the count of all (${total})`);
    const first = await stale(app);
    await app.click("[data-testid=stale-more]");
    await app.waitFor(async () => (await stale(app)).length === 100, "50 more");
    assert.deepEqual((await stale(app)).slice(0, 50), first, "the same order, extended");
  } catch (e) {
    await app.screenshot("followups-edit-failure").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
