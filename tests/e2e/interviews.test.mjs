// Interviews end to end: the planning rules in the UI, plans that survive leaving the screen,
// editing and deleting with Undo, interview mode at length, no typed text lost when the app is
// killed mid-interview, and a list of 5,000 interviews.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, startDriver } from "./webdriver.mjs";

let driver;
const db = join(mkdtempSync(join(tmpdir(), "rapport-e2e-")), "workspace.db");
// A zone far from UTC (+05:30), so a time shown in UTC instead of the user's zone would show.
const ARGS = ["--db", db, "--tz", "Asia/Kolkata"];
const Shift = "\uE008";
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

/** Runs SQL on a workspace from outside the app: seeding, or "someone else changed it". */
function sql(file, statements) {
  return execFileSync("sqlite3", ["-cmd", ".timeout 5000", file, statements], { encoding: "utf8" }).trim();
}

async function addPerson(app, name, role) {
  await app.click("[data-testid=person-new]");
  await app.type("#person-name", name);
  await app.choose("#person-role", role);
  await app.click("[data-testid=person-save]");
  await app.waitFor(() => app.exists(`[data-person='${name}']`), name);
}

/** Picks `name` in the person picker `#id` by typing, as a user would. */
async function pick(app, id, name) {
  await app.type(`#${id}`, name.split(" ")[0]);
  const option = `[...document.querySelectorAll('#${id}-options li')].find(li => li.textContent.startsWith(arguments[0]))`;
  await app.waitFor(() => app.exec(`return Boolean(${option})`, [name]), `${name} offered`);
  await app.exec(`${option}.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }))`, [name]);
  const picked = `[...document.querySelectorAll('[data-testid=interviewees], [data-testid=${id}-picked]')].some(e => e.textContent.includes(arguments[0]))`;
  await app.waitFor(() => app.exec(`return ${picked}`, [name]), `${name} picked`);
}

/** Sets a textarea's or input's value the way typing would. */
async function fill(app, css, value) {
  await app.find(css);
  await app.exec(
    "const el = document.querySelector(arguments[0]); const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement : HTMLInputElement; Object.getOwnPropertyDescriptor(proto.prototype, 'value').set.call(el, arguments[1]); el.dispatchEvent(new Event('input', { bubbles: true }));",
    [css, value],
  );
}

/** Forgets interview form drafts. They live in the webview's local storage, which every run on
 * this machine shares and which WebDriver's kill at the end of a session may leave unflushed (a
 * draft removed by a save just before can come back): each test starts from none. */
const forgetDrafts = (app) =>
  app.exec("Object.keys(localStorage).filter(k => k.startsWith('rapport.draft.interview')).forEach(k => localStorage.removeItem(k))");

const count = (app, css) => app.exec("return document.querySelectorAll(arguments[0]).length", [css]);
const noteCount = (app) => count(app, "[data-testid=notes] li[data-note]");
const size = (app, width, height) => app.cmd("POST", "/window/rect", { width, height });

/** On screen, inside the window, and not covered by anything scrolled over it. */
function visible(app, css) {
  return app.exec(
    `const el = document.querySelector(arguments[0]); if (!el) return false;
     const r = el.getBoundingClientRect();
     if (r.height === 0 || r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
     const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
     return el === hit || el.contains(hit);`,
    [css],
  );
}

async function openInterview(app, title) {
  await app.click("a[data-area=interviews]");
  await app.click(`[data-interview='${title}']`);
  await app.waitFor(async () => (await app.text("[data-testid=interview-mode] h1")) === title, `interview “${title}”`);
}

async function addNote(app, text) {
  const before = await noteCount(app);
  await app.type("[data-testid=note-input]", text);
  await app.keys(Keys.Enter);
  await app.waitFor(async () => (await noteCount(app)) === before + 1, `note “${text.slice(0, 20)}”`);
}

test("planning: a third interviewee is refused, a lead with an IC needs an acknowledgement", async () => {
  const app = await Session.start(driver.url, ARGS);
  try {
    await size(app, 1280, 800);
    await forgetDrafts(app);
    await app.click("a[data-area=people]");
    await addPerson(app, "Ana Ic", "ic");
    await addPerson(app, "Bo Ic", "ic");
    await addPerson(app, "Cy Ic", "ic");
    await addPerson(app, "Lee Lead", "lead");

    await app.click("a[data-area=interviews]");
    await app.click("[data-testid=interview-new]");
    // Defaults: 30 minutes, starting on the hour.
    assert.equal(await app.exec("return document.getElementById('interview-duration_minutes').value"), "30");
    assert.match(await app.exec("return document.getElementById('interview-scheduled_at').value"), /^\d{4}-\d\d-\d\dT\d\d:00$/);
    await app.type("#interview-title", "How deploys work today");
    await app.type("#interview-topic", "deploys");
    for (const n of ["Ana Ic", "Bo Ic", "Cy Ic"]) await pick(app, "interview-interviewee-add", n);
    await app.click("[data-testid=interview-save]");
    const err = await app.text("[data-error-for=interview-interviewees]");
    assert.match(err, /At most 2 interviewees per interview \(3 picked\)/);
    // Focus goes to the people, and no list of names opens over the message.
    assert.equal(await app.exec("return document.activeElement.id"), "interview-interviewees");
    assert.equal(await app.exists("[role=listbox]"), false);
    await app.screenshot("interview-plan-three");
    // Saving again without a change is refused the same way, not half-planned.
    await app.click("[data-testid=interview-save]");
    assert.match(await app.text("[data-error-for=interview-interviewees]"), /3 picked/);

    await app.click("button[aria-label='Remove Bo Ic']");
    await app.click("button[aria-label='Remove Cy Ic']");
    await pick(app, "interview-interviewee-add", "Lee Lead");
    await app.click("[data-testid=interview-save]");
    assert.match(await app.text("[data-testid=mixed-warning]"), /Lee Lead is a lead and Ana Ic is not/);
    await app.screenshot("interview-plan-mixed");
    await app.click("[data-testid=ack-mixed]");
    await app.click("[data-testid=interview-save]");
    await app.find("[data-testid=interview-mode]");
    assert.match(await app.text("[data-testid=timer]"), /^30:00$/);
    await app.click("[data-testid=interview-close]");
    await app.waitFor(() => app.exists("[data-interview='How deploys work today'] .badge"), "the mixed-roles mark");
    assert.match(await app.text("[data-interview='How deploys work today']"), /Ana Ic, Lee Lead/);
    assert.match(await app.text("[data-interview='How deploys work today']"), /planned/);
  } finally {
    await app.quit();
  }
});

test("a half-filled plan survives leaving the screen; Escape with changes asks first", async () => {
  const app = await Session.start(driver.url, ARGS);
  try {
    await size(app, 1280, 800);
    await forgetDrafts(app);
    await app.click("a[data-area=interviews]");
    // No change: Escape just closes.
    await app.click("[data-testid=interview-new]");
    await app.find("#interview-title");
    await app.keys(Keys.Escape);
    await app.waitFor(async () => !(await app.exists("[data-testid=plan-form]")), "the untouched form closed");
    assert.equal(await app.exists("[data-testid=confirm-dialog]"), false);

    await app.click("[data-testid=interview-new]");
    await app.type("#interview-title", "Half a plan");
    await pick(app, "interview-interviewee-add", "Cy Ic");
    await app.click("a[data-area=people]");
    await app.find("[data-testid=people-table]");
    await app.click("a[data-area=interviews]");
    await app.click("[data-testid=interview-new]");
    await app.find("[data-testid=plan-restored]");
    assert.equal(await app.exec("return document.getElementById('interview-title').value"), "Half a plan");
    assert.match(await app.text("[data-testid=interviewees]"), /Cy Ic/);
    for (const [w, h] of [[1280, 800], [800, 560]]) {
      await size(app, w, h);
      await app.screenshot(`interview-plan-form-${w}`);
    }
    await size(app, 1280, 800);

    await app.click("#interview-title");
    await app.keys(Keys.Escape);
    await app.find("[data-testid=confirm-dialog]");
    assert.match(await app.text("[data-testid=confirm-dialog]"), /Discard your changes\?/);
    await app.screenshot("interview-plan-escape");
    await app.click("[data-testid=confirm-cancel]");
    await app.waitFor(async () => !(await app.exists("[data-testid=confirm-dialog]")), "the dialog closed");
    assert.equal(await app.exec("return document.getElementById('interview-title').value"), "Half a plan");

    // Cancel, then Discard: gone, and the next plan starts empty.
    await app.click("[data-testid=interview-cancel]");
    await app.click("[data-testid=confirm-ok]");
    await app.waitFor(async () => !(await app.exists("[data-testid=plan-form]")), "the form closed");
    await app.click("[data-testid=interview-new]");
    await app.find("#interview-title");
    assert.equal(await app.exec("return document.getElementById('interview-title').value"), "");
    assert.equal(await app.exists("[data-testid=plan-restored]"), false);
    await app.click("[data-testid=interview-cancel]");
  } finally {
    await app.quit();
  }
});

test("interview mode: Enter adds time-stamped notes and quotes; a kill -9 loses no typed text", async () => {
  let app = await Session.start(driver.url, ARGS);
  try {
    await openInterview(app, "How deploys work today");
    await app.click("[data-testid=interview-start]");
    await app.waitFor(async () => /^2\d:\d\d|^30:00$/.test(await app.text("[data-testid=timer]")), "the countdown");

    await addNote(app, "Deploys take 40 minutes #deploys #ci");
    await app.click("[data-testid=note-quote]");
    await addNote(app, "I just wait and hope it goes green. #waiting");
    assert.match(await app.text("[data-testid=notes] li.quote"), /I just wait and hope it goes green\..*— Ana Ic/);
    // A quote shows the words said; its tags are chips beside them.
    assert.equal(await app.text("[data-testid=notes] li.quote .note-text"), "I just wait and hope it goes green.");
    assert.deepEqual(await app.exec("return [...document.querySelectorAll('[data-testid=notes] li.quote .chip')].map(c => c.textContent)"), ["#waiting"]);
    assert.match(await app.text("[data-testid=notes] li:first-child"), /#deploys.*#ci/s);

    await app.type("[data-testid=note-input]", "Rollbacks are manual, via a wiki page");
    await app.screenshot("interview-mode");
    await sleep(1000); // typing stopped about a second ago
  } catch (e) {
    await app.quit();
    throw e;
  }
  // kill -9 the app itself (not the driver): no chance to flush anything on the way out.
  execFileSync("pkill", ["-KILL", "-f", `rapport-app --db ${db}`]);
  await sleep(500);
  await app.quit();

  app = await Session.start(driver.url, ARGS);
  try {
    await openInterview(app, "How deploys work today");
    const draft = await app.waitFor(
      () => app.exec("return document.querySelector('[data-testid=note-input]')?.value"),
      "the draft",
    );
    assert.equal(draft, "Rollbacks are manual, via a wiki page");
    assert.equal(await noteCount(app), 2);
    await app.click("[data-testid=interview-finish]");
    await app.waitFor(() => app.exists("[data-testid=interview-mode] .badge"), "done");
    assert.match(await app.text("[data-testid=timer]"), /^Held/);
  } finally {
    await app.quit();
  }
});

test("findings from selected notes, grouped by tag with backing; search opens the note, highlighted; reports", async () => {
  const app = await Session.start(driver.url, ARGS);
  try {
    await openInterview(app, "How deploys work today");
    await app.click("[data-select-note^='Deploys take']");
    await app.click("[data-select-note^='I just wait']");
    await app.click("[data-testid=finding-create]");
    assert.match(await app.text("[data-error-for=finding-title]"), /Title is required/);
    await app.type("#finding-title", "Slow, flaky pipelines make people wait instead of ship");
    await app.type("#finding-tags", "ci, waiting");
    await app.click("[data-testid=finding-create]");
    await app.waitFor(async () => /Created finding/.test(await app.exec("return document.querySelector('[data-testid=finding-made]')?.textContent ?? ''")), "finding created");

    await app.click("[data-testid=interview-report]");
    await app.click("[data-testid=interview-export-markdown]");
    const md = await app.waitFor(() => app.exec("return document.querySelector('[data-testid=interview-export-output]')?.value"), "report");
    assert.match(md, /^# How deploys work today\n/);
    // The quote shows the words said; its #tag is metadata beside it.
    assert.match(md, /> “I just wait and hope it goes green\.” — Ana Ic _\\#waiting_/);
    await app.screenshot("interview-report");

    await app.click("a[data-area=findings]");
    await app.waitFor(() => app.exists("[data-finding]"), "the finding");
    // Listed once, with its tags as chips.
    assert.equal(await app.exec("return document.querySelectorAll('[data-finding]').length"), 1);
    assert.deepEqual(await app.exec("return [...document.querySelectorAll('[data-finding] .chip')].map(c => c.textContent)"), ["#ci", "#waiting"]);
    // The plain note backs both interviewees; the quote only Ana: 2 people, 1 lead, 1 IC.
    assert.equal(await app.text("[data-finding] [data-testid=backing]"), "2 interviewees · 1 lead/manager · 1 IC/other");
    await app.click("[data-testid=quotes-export-markdown]");
    const quotes = await app.waitFor(() => app.exec("return document.querySelector('[data-testid=quotes-export-output]')?.value"), "quotes");
    assert.match(quotes, /\| “I just wait and hope it goes green\.” \| Ana Ic \| How deploys work today \| \d{4}-\d\d-\d\d \|/);
    await app.screenshot("findings");

    await app.click("a[data-area=search]");
    await app.type("[data-testid=search-input]", "hope gree");
    await app.waitFor(() => app.exists("[data-testid=search-hits] [data-kind=quote]"), "the quote hit");
    const marked = await app.exec("return [...document.querySelectorAll('[data-testid=search-hits] mark')].map(m => m.textContent)");
    assert.deepEqual(marked, ["hope", "green"]);
    await app.screenshot("search");
    await app.click("[data-testid=search-hits] [data-kind=quote]");
    await app.find("[data-testid=interview-mode]");
    assert.equal(await app.text("h1"), "How deploys work today");
    // The hit is the highlighted note, scrolled into view.
    await app.find("[data-testid=notes] li.focused[data-note^='I just wait']");
    assert.equal(await count(app, "[data-testid=notes] li.focused"), 1);
    await app.waitFor(() => visible(app, "li.focused .note-text"), "the highlighted note in view");
    await app.screenshot("interview-search-focus");
  } finally {
    await app.quit();
  }
});

test("a note is edited where it is (line breaks kept, note to quote, speaker), a stale edit shows both, a delete has Undo", async () => {
  const app = await Session.start(driver.url, ARGS);
  try {
    await size(app, 1280, 800);
    await openInterview(app, "How deploys work today");
    const row = "[data-testid=notes] li[data-note^='Deploys take']";
    await app.click(`${row} [data-testid=note-edit]`);
    await app.find("[data-testid=note-editor]");
    // The editor starts with the text and the caret at its end: a new line, then more words.
    await app.chord(Shift, Keys.Enter);
    await app.type("#note-edit-text", "on a good day");
    assert.equal(await app.exec("return document.getElementById('note-edit-text').value"), "Deploys take 40 minutes #deploys #ci\non a good day");
    await app.click("[data-testid=note-edit-quote]");
    await app.choose("[data-testid=note-edit-speaker]", await app.exec("return [...document.querySelectorAll('[data-testid=note-edit-speaker] option')].find(o => o.textContent === 'Lee Lead').value"));
    await app.screenshot("interview-note-editing");
    await app.click("[data-testid=note-edit-save]");
    await app.waitFor(async () => !(await app.exists("[data-testid=note-editor]")), "the edit saved");

    const quote = "[data-testid=notes] li.quote[data-note^='Deploys take']";
    assert.equal(await app.exec(`return document.querySelector(arguments[0] + ' .note-text').textContent`, [quote]), "Deploys take 40 minutes\non a good day");
    assert.equal(await app.exec(`return getComputedStyle(document.querySelector(arguments[0] + ' .note-text')).whiteSpace`, [quote]), "pre-wrap");
    // Shown on two lines, not run together.
    assert.ok(await app.exec(`const t = document.querySelector(arguments[0] + ' .note-text'); return t.getClientRects().length >= 2 || t.getBoundingClientRect().height > 1.5 * parseFloat(getComputedStyle(t).lineHeight || 20)`, [quote]));
    assert.match(await app.text(quote), /— Lee Lead/);
    assert.deepEqual(await app.exec(`return [...document.querySelectorAll(arguments[0] + ' .chip')].map(c => c.textContent)`, [quote]), ["#deploys", "#ci"]);

    // Changed elsewhere meanwhile: both versions are shown, nothing is overwritten silently.
    await app.click(`${quote} [data-testid=note-edit]`);
    await app.find("[data-testid=note-editor]");
    sql(db, "UPDATE notes SET text = 'Deploys take an hour, someone said', version = version + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ') WHERE text LIKE 'Deploys take 40%'");
    await app.type("#note-edit-text", " (p95)");
    await app.click("[data-testid=note-edit-save]");
    await app.find("[data-testid=conflict-dialog]");
    assert.equal(await app.text("[data-testid=theirs-text]"), "Deploys take an hour, someone said");
    assert.match(await app.text("[data-testid=mine-text]"), /on a good day \(p95\)$/);
    await app.screenshot("interview-note-conflict");
    await app.click("[data-testid=conflict-keep-mine]");
    await app.waitFor(async () => !(await app.exists("[data-testid=note-editor]")), "mine saved over it");
    assert.match(await app.text(quote), /on a good day \(p95\)/);

    // Escape on an unchanged edit just closes it.
    await app.click(`${quote} [data-testid=note-edit]`);
    await app.find("#note-edit-text");
    await app.keys(Keys.Escape);
    await app.waitFor(async () => !(await app.exists("[data-testid=note-editor]")), "the editor closed");
    assert.equal(await app.exists("[data-testid=confirm-dialog]"), false);

    // Delete: gone, with Undo; Undo brings it back as it was.
    await app.click("[data-testid=notes] li[data-note^='I just wait'] [data-testid=note-delete]");
    await app.waitFor(async () => (await noteCount(app)) === 1, "the note gone");
    await app.find("[data-testid=toast-undo]");
    assert.match(await app.text("[data-testid=toast]"), /Deleted “I just wait and hope it goes green\.”/);
    await app.screenshot("interview-note-deleted");
    await app.click("[data-testid=toast-undo]");
    await app.waitFor(async () => (await noteCount(app)) === 2, "the note back");
    assert.match(await app.text("[data-testid=notes] li.quote[data-note^='I just wait']"), /— Ana Ic/);
  } finally {
    await app.quit();
  }
});

test("interview mode at length: 12 notes, clock, guide progress and Finish stay on screen; a leading question is flagged; finished shows Held", async () => {
  // A guide of 8 questions from the built-in bank, 4 minutes each (the Questions screen's own
  // E2E covers building one).
  sql(
    db,
    `INSERT INTO guides (id, title, goal, created_at, updated_at) VALUES ('guide-e2e', 'Deploy walk-through', 'How code reaches production', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z');
     INSERT INTO guide_items (id, guide_id, question_id, position, minutes)
       SELECT 'gi-' || n, 'guide-e2e', id, n, 4 FROM (SELECT id, row_number() OVER (ORDER BY created_at, id) AS n FROM questions) WHERE n <= 8;`,
  );
  const app = await Session.start(driver.url, ARGS);
  try {
    await size(app, 1280, 800);
    await forgetDrafts(app);
    await app.click("a[data-area=interviews]");
    await app.click("[data-testid=interview-new]");
    await app.type("#interview-title", "Twelve notes in a row");
    await pick(app, "interview-interviewee-add", "Bo Ic");
    await pick(app, "interview-note_taker_id", "Cy Ic");
    await app.find("#interview-guide_id option[value=guide-e2e]");
    await app.choose("#interview-guide_id", "guide-e2e");
    await app.click("[data-testid=interview-save]");
    await app.find("[data-testid=interview-mode]");
    assert.match(await app.text("[data-testid=guide-progress]"), /Question 1 of 8/);
    await app.click("[data-testid=interview-start]");

    const texts = [
      "Starts the day by checking the deploy dashboard #deploys",
      "Merges to main, then waits for the pipeline #ci",
      "Pipeline has 14 stages; three are flaky #ci #flaky",
      "Reruns flaky stages by hand, up to three times #flaky",
      "Pings #platform-help when a rerun fails twice",
      "Keeps a personal checklist for releases #release",
      "Rollback means finding the last green build #rollback",
      "Hotfixes skip staging when it is late #release #risk",
      "Nobody owns the deploy dashboard #ownership",
    ];
    for (const t of texts) await addNote(app, t);
    // A note of several lines keeps them.
    await app.type("[data-testid=note-input]", "Steps they listed:");
    await app.chord(Shift, Keys.Enter);
    await app.type("[data-testid=note-input]", "1. merge");
    await app.chord(Shift, Keys.Enter);
    await app.type("[data-testid=note-input]", "2. wait for green #steps");
    await app.keys(Keys.Enter);
    await app.waitFor(async () => (await noteCount(app)) === 10, "the multi-line note");
    assert.equal(await app.exec("return [...document.querySelectorAll('[data-testid=notes] li[data-note] .note-text')].pop().textContent"), "Steps they listed:\n1. merge\n2. wait for green #steps");

    // A question typed as a note is checked as it is typed; the rewrite can replace it.
    await app.type("[data-testid=note-input]", "Why are your deploys always so huge?");
    await app.find("[data-testid=note-lint] [data-rule]");
    const suggestion = await app.text("[data-testid=note-lint-suggestion]");
    assert.ok(suggestion.length > 10);
    await app.screenshot("interview-mode-lint");
    await app.click("[data-testid=note-lint-use]");
    assert.equal(await app.exec("return document.querySelector('[data-testid=note-input]').value"), suggestion);
    await app.click("[data-testid=note-input]");
    await app.keys(Keys.Enter);
    await app.waitFor(async () => (await noteCount(app)) === 11, "the rewritten question");
    await addNote(app, "Would love a one-click rollback #rollback");
    assert.equal(await noteCount(app), 12);
    // One note, one line: the time, the text and its tags side by side.
    const oneLine = await app.exec(
      "const li = document.querySelector('[data-testid=notes] li[data-note^=\"Merges to main\"]'); return li.getBoundingClientRect().height < 2 * parseFloat(getComputedStyle(li).lineHeight || 21) + 8",
    );
    assert.ok(oneLine, "a short note takes one line");

    // Where the guide is: move on two questions.
    await app.click("button[aria-label='Next question']");
    await app.click("button[aria-label='Next question']");
    assert.match(await app.text("[data-testid=guide-progress]"), /Question 3 of 8/);

    for (const [w, h] of [[1280, 800], [800, 560]]) {
      await size(app, w, h);
      for (const where of ["top", "middle", "bottom"]) {
        await app.exec(
          "const m = document.querySelector('main.content'); m.scrollTop = arguments[0] === 'top' ? 0 : arguments[0] === 'middle' ? m.scrollHeight / 2 - m.clientHeight / 2 : m.scrollHeight;",
          [where],
        );
        await sleep(100);
        for (const css of ["[data-testid=timer]", "[data-testid=interview-finish]", "[data-testid=guide-progress]", "[data-testid=note-input]"]) {
          assert.ok(await visible(app, css), `${css} visible at ${w}×${h}, scrolled to the ${where}`);
        }
      }
      if (h === 560) {
        assert.ok(await app.exec("const m = document.querySelector('main.content'); return m.scrollHeight > m.clientHeight + 100"), "the notes run longer than the window");
      }
      // Nothing runs past the right edge.
      assert.ok(await app.exec("const m = document.querySelector('main.content'); return m.scrollWidth <= m.clientWidth"), `no overflow at ${w}`);
      await app.exec("document.querySelector('main.content').scrollTop = 1e6");
      await app.screenshot(`interview-mode-many-${w}`);
      await app.click("[data-testid=notes] li[data-note^='Pipeline has 14'] [data-testid=note-edit]");
      await app.find("[data-testid=note-editor]");
      await app.screenshot(`interview-note-editing-${w}`);
      await app.keys(Keys.Escape);
      await app.waitFor(async () => !(await app.exists("[data-testid=note-editor]")), "the editor closed");
    }
    await size(app, 1280, 800);

    await app.click("[data-testid=interview-finish]");
    await app.waitFor(async () => /^Held/.test(await app.text("[data-testid=timer]")), "Held instead of a countdown");
    assert.equal(await app.exists("[data-testid=interview-finish]"), false);
    assert.equal(await app.exists("[data-testid=guide-progress]"), false);
    for (const [w, h] of [[1280, 800], [800, 560]]) {
      await size(app, w, h);
      await app.exec("document.querySelector('main.content').scrollTop = 0");
      await app.screenshot(`interview-finished-${w}`);
    }
    await size(app, 1280, 800);
    await app.click("[data-testid=interview-close]");
    await app.waitFor(async () => /done · held/.test(await app.text("[data-interview='Twelve notes in a row'] [data-testid=interview-status]")), "done in the list");
    assert.match(await app.text("[data-interview='Twelve notes in a row']"), /12 notes/);
  } finally {
    await app.quit();
  }
});

test("editing an interview: title and time in the user's zone; a stale edit shows both versions", async () => {
  const app = await Session.start(driver.url, ARGS);
  try {
    await size(app, 1280, 800);
    await forgetDrafts(app);
    await openInterview(app, "How deploys work today");
    await app.click("[data-testid=interview-edit]");
    await app.find("[data-testid=plan-form]");
    assert.equal(await app.exec("return document.getElementById('interview-title').value"), "How deploys work today");
    await fill(app, "#interview-title", "How deploys work now");
    await fill(app, "#interview-scheduled_at", "2030-05-06T14:30");
    await app.screenshot("interview-edit-form");
    await app.click("[data-testid=interview-save]");
    await app.waitFor(async () => (await app.exists("[data-testid=interview-mode]")) && (await app.text("h1")) === "How deploys work now", "the new title");
    await app.click("[data-testid=interview-close]");
    // 14:30 in Kolkata is 09:00 UTC: the list shows the user's time.
    const when = await app.waitFor(async () => {
      const t = await app.exec("return document.querySelector(\"[data-interview='How deploys work now'] [data-testid=interview-when]\")?.textContent ?? ''");
      return /2030/.test(t) && t;
    }, "the new time in the list");
    assert.match(when, /\b(14:30|02:30\s?PM)\b/);
    assert.doesNotMatch(when, /\b09:00\b/);

    // Someone else renamed it meanwhile.
    await openInterview(app, "How deploys work now");
    await app.click("[data-testid=interview-edit]");
    assert.equal(await app.exec("return document.getElementById('interview-scheduled_at').value"), "2030-05-06T14:30");
    sql(db, "UPDATE interviews SET title = 'Renamed elsewhere', version = version + 1 WHERE title = 'How deploys work now'");
    await fill(app, "#interview-title", "How deploys work, again");
    await app.click("[data-testid=interview-save]");
    await app.find("[data-testid=conflict-dialog]");
    assert.equal(await app.text("[data-testid=theirs-title]"), "Renamed elsewhere");
    assert.equal(await app.text("[data-testid=mine-title]"), "How deploys work, again");
    await app.screenshot("interview-edit-conflict");
    await app.click("[data-testid=conflict-keep-mine]");
    await app.waitFor(async () => (await app.exists("[data-testid=interview-mode]")) && (await app.text("h1")) === "How deploys work, again", "mine saved");
  } finally {
    await app.quit();
  }
});

test("deleting an interview: Undo brings it back with its notes", async () => {
  const app = await Session.start(driver.url, ARGS);
  try {
    await openInterview(app, "Twelve notes in a row");
    await app.click("[data-testid=interview-delete]");
    await app.find("[data-testid=interview-list]");
    await app.waitFor(async () => !(await app.exists("[data-interview='Twelve notes in a row']")), "the row gone");
    assert.match(await app.text("[data-testid=toast]"), /Deleted “Twelve notes in a row”/);
    await app.screenshot("interview-deleted");
    await app.click("[data-testid=toast-undo]");
    await app.waitFor(() => app.exists("[data-interview='Twelve notes in a row']"), "the row back");
    assert.match(await app.text("[data-interview='Twelve notes in a row']"), /12 notes/);
    await openInterview(app, "Twelve notes in a row");
    await app.waitFor(async () => (await noteCount(app)) === 12, "its notes back");
  } finally {
    await app.quit();
  }
});

test("5,000 interviews: the list reads a page at a time, filters in the core, and opens with Enter", async () => {
  const big = join(mkdtempSync(join(tmpdir(), "rapport-e2e-")), "big.db");
  let app = await Session.start(driver.url, ["--db", big, "--tz", "Asia/Kolkata"]);
  try {
    await app.click("a[data-area=people]");
    await addPerson(app, "Dee Volume", "ic");
  } finally {
    await app.quit();
  }
  sql(
    big,
    `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 5000)
     INSERT INTO interviews (id, title, topic, scheduled_at, duration_minutes, created_at, updated_at)
       SELECT printf('iv-%05d', i), printf('Seeded interview %04d', i), CASE WHEN i % 2 THEN 'deploys' ELSE 'on-call' END,
              strftime('%Y-%m-%dT%H:%M:%SZ', '2027-01-01', printf('+%d hours', i)), 30, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z' FROM n;
     INSERT INTO interview_people (interview_id, person_id) SELECT id, (SELECT id FROM people) FROM interviews;`,
  );
  app = await Session.start(driver.url, ["--db", big, "--tz", "Asia/Kolkata"]);
  try {
    await size(app, 1280, 800);
    await app.click("a[data-area=interviews]");
    await app.waitFor(async () => (await app.text("[data-testid=interview-count]")) === "5000 interviews", "5000 interviews");
    const rendered = await count(app, "[data-testid=interview-list] [data-interview]");
    assert.ok(rendered > 5 && rendered < 80, `only the rows on screen are drawn (${rendered})`);
    assert.match(await app.text("[data-testid=interview-list] [data-index='0']"), /Seeded interview 0001.*Dee Volume.*0 notes.*planned/s);
    await app.screenshot("interviews-list-5000");
    await size(app, 800, 560);
    await app.screenshot("interviews-list-5000-800");
    assert.ok(await app.exec("const m = document.querySelector('main.content'); return m.scrollWidth <= m.clientWidth"), "no overflow at 800");
    await size(app, 1280, 800);

    // The end of the list, from the keyboard.
    await app.click("[data-testid=interview-list] [data-index='0']");
    await app.waitFor(() => app.exists("[data-testid=interview-mode]"), "opened by a click");
    await app.click("[data-testid=interview-close]");
    await app.exec("document.querySelector(\"[data-testid=interview-list] [data-index='0']\").focus()");
    // The kit's VirtualList lands short of the end while the last page is still loading (its
    // "Loading…" rows are shorter than real ones); a second End, once loaded, gets there.
    await app.keys(Keys.End);
    await app.waitFor(() => app.exists("[data-interview^='Seeded interview 49']"), "the last page");
    await sleep(500);
    if (!(await visible(app, "[data-interview='Seeded interview 5000']"))) {
      await app.exec("[...document.querySelectorAll('[data-testid=interview-list] [role=listitem]')].pop().focus()");
      await app.keys(Keys.End);
    }
    await app.waitFor(() => visible(app, "[data-interview='Seeded interview 5000']"), "the last row");
    await app.screenshot("interviews-list-5000-end");

    await app.type("[data-testid=interview-filter]", "interview 4321");
    await app.waitFor(async () => (await app.text("[data-testid=interview-count]")) === "1 interview", "one match");
    // By a person's name too.
    await app.setValue("[data-testid=interview-filter]", "dee vol");
    await app.waitFor(async () => (await app.text("[data-testid=interview-count]")) === "5000 interviews", "all by name");
    await app.setValue("[data-testid=interview-filter]", "interview 4321");
    await app.waitFor(() => app.exists("[data-interview='Seeded interview 4321']"), "the match");
    await app.exec("document.querySelector(\"[data-testid=interview-list] [data-index='0']\").focus()");
    await app.keys(Keys.Enter);
    await app.waitFor(async () => (await app.exists("[data-testid=interview-mode]")) && (await app.text("h1")) === "Seeded interview 4321", "opened with Enter");
  } finally {
    await app.quit();
  }
});
