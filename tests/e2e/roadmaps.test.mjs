// Roadmaps end to end on the sample workspace: plan, update meeting from the keyboard,
// timeline, retro with carry-over, and stakeholder reports; then editing and deleting the
// interval, its rows and deliverables (each with Undo), the follow-up offer, and links.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session, startDriver } from "./webdriver.mjs";

let driver;
const newDb = () => join(mkdtempSync(join(tmpdir(), "rapport-e2e-")), "workspace.db");
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

const section = (app, p) =>
  app.exec(`return [...document.querySelectorAll('[data-section=${p}] [data-row]')].map(r => r.dataset.row)`);

/** The window's inner size; the webview follows the window. */
async function resize(app, width, height) {
  await app.cmd("POST", "/window/rect", { width, height });
  await app.waitFor(async () => Math.abs((await app.exec("return window.innerWidth")) - width) < 40, `the window at ${width}`);
}

/** Takes the same screen at 1280×800 and 800×560, `show` (a selector) in view (and checks nothing runs past the right edge
 * in the small window), then goes back to 1280×800. */
async function shots(app, name, show) {
  const scroll = () => show && app.exec("document.querySelector(arguments[0]).scrollIntoView({ block: 'center' })", [show]);
  await scroll();
  await app.screenshot(`${name}-1280`);
  await resize(app, 800, 560);
  await scroll();
  const overflow = await app.exec("const c = document.querySelector('.content'); return c.scrollWidth - c.clientWidth");
  assert.ok(overflow <= 1, `${name}: nothing runs past the right edge at 800 px (overflow ${overflow}px)`);
  await app.screenshot(`${name}-800`);
  await resize(app, 1280, 800);
}

const rect = (app, css) => app.exec("const r = document.querySelector(arguments[0]).getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };", [css]);

/** Sets an input's or a textarea's value the way typing would (React listens to `input`). */
async function setText(app, css, value) {
  await app.find(css);
  await app.exec(
    "const e = document.querySelector(arguments[0]); const proto = e.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype; Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, arguments[1]); e.dispatchEvent(new Event('input', { bubbles: true }));",
    [css, value],
  );
}

/** Calls the core directly, as another window editing the same workspace would. */
function invoke(app, command, args) {
  return app.cmd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(done, (e) => done({ error: e }));",
    args: [command, args],
  });
}

/** Waits for the "Deleted “label”" toast and presses its Undo. */
async function undo(app, label) {
  const toast = `Deleted “${label}”`;
  await app.waitFor(
    () => app.exec("return [...document.querySelectorAll('[data-testid=toast]')].some(t => t.textContent.includes(arguments[0]))", [toast]),
    `the Undo toast for ${label}`,
  );
  await app.exec("[...document.querySelectorAll('[data-testid=toast]')].find(t => t.textContent.includes(arguments[0])).querySelector('[data-testid=toast-undo]').click()", [toast]);
}

const roadmapId = (app) => app.exec("return decodeURIComponent(location.hash.split('/')[2].split('?')[0])");
const shift = (ymd, days) => new Date(Date.parse(ymd) + days * 86_400_000).toISOString().slice(0, 10);

async function openSample(app) {
  await resize(app, 1280, 800);
  await app.click("a[data-area=roadmaps]");
  await app.click("[data-testid=sample-load]");
  await app.waitFor(async () => (await section(app, "high")).length === 2, "the sample rows");
}

test("the sample New CI roadmap: plan, meeting, timeline, retro, carry-over, reports", async () => {
  const app = await Session.start(driver.url, ["--db", newDb()]);
  try {
    await openSample(app);
    assert.deepEqual(await section(app, "high"), ["New CI pilot", "New CI general availability"]);
    assert.deepEqual(await section(app, "low"), ["New CI final phase"]);
    assert.match(await app.text("[data-row='New CI pilot']"), /Stakeholders: Eng leads at company/);
    assert.match(await app.text("[data-row='New CI pilot']"), /Goal: Get early feedback on the new CI pipeline — why: before general rollout to all of eng/);
    await shots(app, "roadmap-plan");

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
    await app.setValue(`${row} .adder input[type=date]`, "2030-01-01");
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
    // → skips a row without recording anything.
    await app.keys(Keys.ArrowRight);
    await app.waitFor(async () => /^Row 4 of 4: New CI general availability$/.test(await app.attr("[data-testid=meeting-row]", "aria-label")), "row 4");

    // The default is the row's latest status (at risk), shown with its note beside the row.
    const chosen = "[data-testid=meeting-status] [aria-checked=true]";
    assert.equal(await app.attr(chosen, "data-status"), "at-risk", "starts from the latest status");
    assert.match(await app.text("[data-testid=meeting-row] [data-testid=row-latest]"), /at risk\s+Depends on the pilot's design doc, which is a week late\./);
    await shots(app, "roadmap-meeting");
    // Enter with no change records "at risk" again (not "on track").
    await app.exec("document.querySelector('[data-testid=meeting-row]').focus()");
    await app.keys(Keys.Enter);
    await app.waitFor(async () => /3 updates recorded/.test(await app.text("[data-testid=meeting-done]")), "the meeting done");
    await app.click("[data-testid=roadmap-tab-plan]");
    assert.match(await app.text("[data-row='New CI pilot']"), /at risk/);
    const ga = "[data-row='New CI general availability'] [data-testid=row-latest]";
    await app.waitFor(async () => /no note/.test(await app.text(ga)), "GA's new update");
    assert.equal(await app.attr(ga, "data-status"), "at-risk", "Enter kept at risk");

    await app.click("[data-testid=roadmap-tab-timeline]");
    await app.find("[data-testid=today-marker]");
    assert.ok(await app.exists("[data-dot='Architecture design doc']"));
    // Due after the interval: past its edge, with its date, not stacked on the edge.
    assert.match(await app.text("[data-dot='Quarantine list in CI'][data-outside=after]"), /2030/);
    for (const [w, h] of [[1280, 800], [800, 560]]) {
      await resize(app, w, h);
      const end = await rect(app, "[data-testid=axis-end]");
      const box = await rect(app, "[data-testid=timeline]");
      const width = await app.exec("return window.innerWidth");
      assert.ok(end.right <= box.right && end.right <= width && end.left >= box.left, `the end label is visible at ${w} px (${JSON.stringify(end)})`);
      const start = await rect(app, "[data-testid=axis-start]");
      assert.ok(start.left >= box.left, `the start label is visible at ${w} px`);
      await app.screenshot(`roadmap-timeline-${w}`);
    }
    await resize(app, 1280, 800);

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
    // Unsaved retro text survives switching tabs.
    await app.type("[data-testid=retro-execution]", "Half the estimates were a week short");
    await app.click("[data-testid=roadmap-tab-plan]");
    await app.find("[data-section=high]");
    await app.click("[data-testid=roadmap-tab-retro]");
    await app.waitFor(async () => (await app.exec("return document.querySelector('[data-testid=retro-execution]')?.value")) === "Half the estimates were a week short", "the retro draft kept");
    assert.equal(await app.exec("return document.querySelector('[data-testid=retro-process]').value"), "Bi-weekly was the right cadence");
    await shots(app, "roadmap-retro", "[data-testid=retro-execution]");

    // Carry-over says what it will copy, and asks.
    const old = await roadmapId(app);
    await app.click("[data-testid=carry-over]");
    await app.find("[data-testid=confirm-dialog]");
    const plan = await app.text("[data-testid=carry-over-plan]");
    assert.match(plan, /these 4 incomplete rows/);
    assert.match(plan, /Flaky test quarantine — Quarantine list in CI/);
    assert.match(plan, /New CI pilot — Architecture design doc/);
    assert.doesNotMatch(plan, /User interviews & share findings/, "a done deliverable is not carried");
    await shots(app, "roadmap-carry-over-confirm");
    await app.click("[data-testid=confirm-ok]");
    await app.waitFor(async () => /\(carried over\)/.test(await app.text("h1")), "the new interval");
    await app.waitFor(async () => (await section(app, "high")).length + (await section(app, "low")).length === 4, "all four rows were incomplete");
    assert.notEqual(await roadmapId(app), old);

    // Back on the old interval: it says where its work went, and cannot be carried over again.
    await app.click("[data-testid=carried-from]");
    await app.waitFor(async () => (await app.text("h1")) === "New CI", "the old interval");
    await app.click("[data-testid=roadmap-tab-retro]");
    assert.match(await app.text("[data-testid=carried-into]"), /Carried over into New CI \(carried over\)/);
    assert.equal(await app.exists("[data-testid=carry-over]"), false, "no second carry-over");
    // Another window that still offers it is refused by the core, with its message shown.
    const again = await invoke(app, "roadmaps_carry_over", { id: old });
    assert.match(again.error?.message ?? "", /already carried over into “New CI \(carried over\)”/);
  } catch (e) {
    await app.screenshot("roadmap-failure").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});

test("editing and deleting the interval, rows and deliverables, with Undo; the follow-up offer; links", async () => {
  const app = await Session.start(driver.url, ["--db", newDb()]);
  try {
    await openSample(app);
    const id = await roadmapId(app);
    const start = await app.exec("return document.querySelector('[data-testid=roadmap-interval]').dataset.startsOn");

    // The interval: renamed, dates moved, cadence changed; an end before the start is refused at the field.
    await app.click("[data-testid=roadmap-edit]");
    await app.find("[data-testid=roadmap-edit-form]");
    await setText(app, "#roadmap-edit-title", "New CI, first interval");
    await app.setValue("#roadmap-edit-ends_on", shift(start, -3));
    assert.match(await app.text("[data-error-for=roadmap-edit-ends_on]"), /The interval must end after it starts/);
    await app.click("[data-testid=roadmap-save]");
    assert.match(await app.text("[data-error-for=roadmap-edit-ends_on]"), /The interval must end after it starts/);
    assert.equal(await app.text("h1"), "New CI", "nothing saved");
    await shots(app, "roadmap-edit-form");
    await app.setValue("#roadmap-edit-starts_on", shift(start, 7));
    await app.setValue("#roadmap-edit-ends_on", shift(start, 56));
    await app.choose("#roadmap-edit-cadence", "weekly");
    await app.click("[data-testid=roadmap-save]");
    await app.waitFor(async () => (await app.text("h1")) === "New CI, first interval", "renamed");
    assert.equal(await app.exists("[data-testid=roadmap-edit-form]"), false);
    const interval = "[data-testid=roadmap-interval]";
    assert.equal(await app.attr(interval, "data-starts-on"), shift(start, 7));
    assert.equal(await app.attr(interval, "data-ends-on"), shift(start, 56));
    assert.match(await app.text(interval), /weekly updates/);
    // The first deliverable (due on the old start) is now before the interval: it warns.
    await app.waitFor(async () => /outside the interval/.test(await app.text("[data-deliverable='User interviews & share findings']")), "the moved dates warn");

    // A row's goal and stakeholders; a missing why is refused at its field.
    const pilot = "[data-row='New CI pilot']";
    await app.click(`${pilot} [data-testid=row-edit]`);
    await app.find(`${pilot} [data-testid=row-edit-form]`);
    await setText(app, `${pilot} [id$=-stakeholders]`, "Eng leads at company, Payments team");
    await setText(app, `${pilot} [id$=-goal_what]`, "Early feedback from one team on the new CI pipeline");
    await setText(app, `${pilot} [id$=-goal_why]`, "");
    await app.click(`${pilot} [data-testid=row-update]`);
    assert.match(await app.text(`${pilot} [data-error-for$=-goal_why]`), /Why it matters to users is required/);
    await setText(app, `${pilot} [id$=-goal_why]`, "before general rollout to all of eng");
    await shots(app, "roadmap-row-edit", `${pilot} [data-testid=row-edit-form]`);
    await app.click(`${pilot} [data-testid=row-update]`);
    await app.waitFor(async () => /Stakeholders: Eng leads at company, Payments team/.test(await app.text(pilot)), "the row saved");
    assert.match(await app.text(pilot), /Goal: Early feedback from one team on the new CI pipeline — why: before general rollout to all of eng/);

    // A stale edit (the row changed in another window) shows both versions; mine can win.
    const ga = "[data-row='New CI general availability']";
    await app.click(`${ga} [data-testid=row-edit]`);
    await setText(app, `${ga} [id$=-goal_what]`, "Every engineer's CI workflow is faster");
    const current = await invoke(app, "roadmaps_get", { id });
    const gaRow = current.rows.find((w) => w.project === "New CI general availability");
    await invoke(app, "roadmaps_update_row", { row_id: gaRow.id, version: gaRow.version, input: { project: gaRow.project, stakeholders: "Changed elsewhere", goal_what: gaRow.goal_what, goal_why: gaRow.goal_why, priority: gaRow.priority } });
    await app.click(`${ga} [data-testid=row-update]`);
    await app.find("[data-testid=conflict-dialog]");
    assert.equal(await app.text("[data-testid=theirs-stakeholders]"), "Changed elsewhere");
    assert.equal(await app.text("[data-testid=mine-goal_what]"), "Every engineer's CI workflow is faster");
    await app.click("[data-testid=conflict-keep-mine]");
    await app.waitFor(async () => /Goal: Every engineer's CI workflow is faster/.test(await app.text(ga)), "mine saved over it");

    // A deliverable's owner and due date; a due date past the interval warns.
    const select = "[data-deliverable='Select one eng team for pilot']";
    await app.click(`${select} [data-testid=deliverable-edit]`);
    await app.find(`${select} [data-testid=deliverable-form]`);
    await setText(app, `${select} [id$=-owner]`, "Platform lead");
    await app.setValue(`${select} [id$=-due_on]`, shift(start, 70));
    await shots(app, "roadmap-deliverable-edit", `${select} [data-testid=deliverable-form]`);
    await app.click(`${select} [data-testid=deliverable-save]`);
    await app.waitFor(async () => /Platform lead/.test(await app.text(select)), "the deliverable saved");
    assert.match(await app.text(select), new RegExp(shift(start, 70)));
    assert.match(await app.text(select), /outside the interval/);

    // On the timeline, items before and after the moved interval sit past its edges, with dates.
    await app.click("[data-testid=roadmap-tab-timeline]");
    assert.match(await app.attr("[data-dot='User interviews & share findings'][data-outside=before]", "title"), new RegExp(`due ${start}, before the interval`));
    assert.match(await app.attr("[data-dot='Select one eng team for pilot'][data-outside=after]", "title"), new RegExp(`due ${shift(start, 70)}, after the interval`));
    assert.match(await app.text("[data-dot='Select one eng team for pilot'][data-outside=after]"), /\d/, "its date is shown");
    await shots(app, "roadmap-timeline-both-edges");
    await app.click("[data-testid=roadmap-tab-plan]");

    // Delete a deliverable → Undo → it is back.
    const tech = "[data-deliverable='Technical deliverables']";
    await app.click(`${tech} [data-testid=deliverable-delete]`);
    await app.waitFor(async () => !(await app.exists(tech)), "the deliverable deleted");
    await undo(app, "Technical deliverables");
    await app.waitFor(() => app.exists(tech), "the deliverable restored");

    // Delete a row with its deliverables (no confirm, one click) → Undo → back with them.
    const count = () => app.exec(`return document.querySelectorAll("${pilot} [data-deliverable]").length`);
    assert.equal(await count(), 6);
    await app.click(`${pilot} [data-testid=row-delete]`);
    await app.waitFor(async () => !(await app.exists(pilot)), "the row deleted");
    await undo(app, "New CI pilot");
    await app.waitFor(() => app.exists(pilot), "the row restored");
    assert.equal(await count(), 6, "with its deliverables");

    // Marking a deliverable done offers follow-ups right under it, its text inside its card.
    const line = "[data-deliverable='Transition all non-legacy applications with owners to new CI']";
    await app.choose(`select[aria-label='Status of Transition all non-legacy applications with owners to new CI']`, "done");
    await app.find(`${line} [data-testid=followup-offer]`);
    const below = await rect(app, `${line} .deliverable-line`);
    const offer = await rect(app, "[data-testid=followup-offer]");
    assert.ok(offer.top >= below.bottom && offer.top - below.bottom <= 200, `the offer is right under its deliverable (${below.bottom} → ${offer.top})`);
    const card = await rect(app, ga);
    assert.ok(offer.left >= card.left && offer.right <= card.right, "inside its row's card");
    assert.ok(await app.exec("const o = document.querySelector('[data-testid=followup-offer]'); return o.scrollWidth <= o.clientWidth + 1"), "its text wraps");
    await shots(app, "roadmap-offer", "[data-testid=followup-offer]");
    await resize(app, 800, 560);
    assert.ok(await app.exec("const o = document.querySelector('[data-testid=followup-offer]'); return o.scrollWidth <= o.clientWidth + 1"), "its text wraps at 800 px");
    await resize(app, 1280, 800);
    await app.exec("[...document.querySelectorAll('[data-testid=followup-offer] button')].find(b => b.textContent === 'Not now').click()");
    await app.waitFor(async () => !(await app.exists("[data-testid=followup-offer]")), "the offer closed");

    // From search: a deliverable is scrolled to and highlighted; /meeting opens the meeting.
    const migrate = await app.exec("return document.querySelector(\"[data-deliverable=\\\"Migrate team's services\\\"]\").dataset.id");
    await app.exec("window.scrollTo(0, 0); document.querySelector('.content').scrollTop = 0; location.hash = arguments[0]", [`#/roadmaps/${id}?focus=${migrate}`]);
    const focused = `[data-id='${migrate}']`;
    await app.waitFor(async () => (await app.attr(focused, "class")).includes("focused"), "the deliverable highlighted");
    const shown = await rect(app, focused);
    const height = await app.exec("return window.innerHeight");
    assert.ok(shown.top >= 0 && shown.bottom <= height, `scrolled into view (${shown.top}–${shown.bottom} of ${height})`);
    await app.screenshot("roadmap-focus-1280");
    await app.exec("location.hash = arguments[0]", [`#/roadmaps/${id}/meeting`]);
    await app.find("[data-testid=meeting-row]");
    assert.equal(await app.attr("[data-testid=roadmap-tab-meeting]", "aria-selected"), "true");

    // Delete the roadmap → it leaves the list → Undo → back, with its rows.
    await app.click("[data-testid=roadmap-tab-plan]");
    await app.click("[data-testid=roadmap-delete]");
    await app.find("[data-testid=roadmap-new-form]");
    await app.waitFor(async () => !(await app.exists("[data-roadmap='New CI, first interval']")), "gone from the list");
    await undo(app, "New CI, first interval");
    await app.click("[data-roadmap='New CI, first interval'] button");
    await app.waitFor(async () => (await section(app, "high")).length === 2 && (await section(app, "low")).length === 1, "restored with its rows");
    assert.equal(await count(), 6);
  } catch (e) {
    await app.screenshot("roadmap-edit-failure").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
