// Sprints end to end: the one-week rule at the field, core users picked by typing, the card
// limit's warning, moving cards from the keyboard, renaming and deleting cards (with Undo),
// pre-mortem, log, demo notes, drafts kept across tabs, a retro item becoming a finding,
// editing the sprint, deleting it with Undo, and Today.
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

const lane = (app, id) => app.exec(`return [...document.querySelectorAll('[data-lane=${id}] [data-card]')].map(c => c.dataset.card)`);
const value = (app, css) => app.exec("return document.querySelector(arguments[0]).value", [css]);
const FOCUS = "Can a Checkout engineer get a green pilot build without asking SRE?";
const FOCUS2 = "Can a Checkout engineer ship a pilot build to staging alone?";

/** Screenshots at the usual window and the smallest one (800×560), scrolled to the top. */
async function shots(app, name) {
  for (const [width, height] of [
    [1280, 800],
    [800, 560],
  ]) {
    await app.cmd("POST", "/window/rect", { width, height });
    await app.waitFor(async () => Math.abs((await app.exec("return window.innerWidth")) - width) < 40, `the window at ${width}`);
    await app.exec("document.querySelector('main.content').scrollTop = 0");
    await app.screenshot(`${name}-${width}`);
    const overflow = await app.exec("const m = document.querySelector('main.content'); return m.scrollWidth - m.clientWidth");
    assert.ok(overflow <= 0, `${name} at ${width}px runs ${overflow}px past the right edge`);
  }
  await app.cmd("POST", "/window/rect", { width: 1280, height: 800 });
  await app.waitFor(async () => Math.abs((await app.exec("return window.innerWidth")) - 1280) < 40, "the window at 1280");
}

/** Waits for the toast, checks it names what was deleted, and clicks its Undo. */
async function undo(app, label) {
  await app.waitFor(async () => (await app.text("[data-testid=toasts]")).includes(`Deleted “${label}”.`), `the toast for ${label}`);
  // The Undo of this toast (an earlier one may still be on screen).
  await app.exec(
    "[...document.querySelectorAll('[data-testid=toast]')].find(t => t.textContent.includes(arguments[0])).querySelector('[data-testid=toast-undo]').click()",
    [`Deleted “${label}”.`],
  );
  await app.waitFor(async () => (await app.text("[data-testid=toasts]")).includes(`Restored “${label}”.`), `${label} restored`);
}

/** Picks a person in a PersonPicker by typing part of the name. */
async function pick(app, css, name) {
  await app.click(css);
  await app.type(css, name.split(" ")[0]);
  await app.waitFor(async () => (await app.exec(`return [...document.querySelectorAll('${css}-options li')].map(l => l.textContent).join('|')`)).includes(name), `${name} offered`);
  await app.exec(
    `const li = [...document.querySelectorAll('${css}-options li')].find(l => l.textContent.startsWith(arguments[0]));
     li.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }));`,
    [name],
  );
}

test("a one-week sprint: board from the keyboard, limit warning, retro item to a finding, Today", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    assert.equal(await app.text("h1"), "Today", "the app opens on Today");
    assert.match(await app.text("[aria-labelledby=today-sprint] p"), /No sprint this week/);
    await app.click("a[data-area=people]");
    for (const name of ["Ana Lima", "Bo Chen"]) {
      await app.click("[data-testid=person-new]");
      await app.type("#person-name", name);
      if (name === "Ana Lima") await app.click("#person-core_user");
      await app.click("[data-testid=person-save]");
      await app.waitFor(() => app.exists(`[data-person='${name}']`), name);
    }

    await app.click("a[data-area=sprints]");
    await app.find("[data-testid=sprint-form]");
    const start = await app.waitFor(() => value(app, "#sprint-starts_on"), "the start date");
    assert.match(start, /^\d{4}-\d\d-\d\d$/, "the start defaults to today");
    const later = new Date(`${start}T12:00:00Z`);
    later.setUTCDate(later.getUTCDate() + 9);
    await app.type("#sprint-focus", FOCUS);
    await app.setValue("#sprint-ends_on", later.toISOString().slice(0, 10));
    await app.click("[data-testid=sprint-save]");
    assert.match(await app.text("[data-error-for=sprint-ends_on]"), /one week at most/);
    await app.setValue("#sprint-ends_on", "");
    await app.setValue("#sprint-card_limit", "2");
    await app.click("[data-testid=sprint-save]");
    assert.match(await app.text("[data-error-for=sprint-core_users]"), /at least one core user/);
    assert.equal(await app.exec("return document.activeElement.id"), "sprint-core_users", "the error's field has focus");
    await app.screenshot("sprint-validation");
    await pick(app, "#sprint-core_users", "Ana Lima");
    await app.find("[data-core-user='Ana Lima']");
    await app.click("[data-testid=sprint-save]");
    await app.waitFor(async () => (await app.text("h1")) === FOCUS, "the sprint");
    const day = await app.text("[data-testid=sprint-day]");
    assert.match(day, /^(Day [1-5] of 5|Weekend · \d of 5 days done)$/);
    assert.match(await app.text("[data-testid=sprint-warning]"), /No pre-mortem yet/);
    assert.match(await app.text("[data-testid=sprint-core-users]"), /Ana Lima/);

    for (const card of ["Pilot build for checkout", "Runbook draft"]) {
      await app.type("[data-testid=card-new]", card);
      await app.click(".card-adder button[type=submit]");
      await app.waitFor(async () => (await lane(app, "todo")).includes(card), card);
    }
    assert.equal(await app.text("[data-testid=card-count]"), "2 / 2 cards");
    await app.type("[data-testid=card-new]", "Slack bot");
    await app.click(".card-adder button[type=submit]");
    assert.match(await app.text("[data-testid=over-limit]"), /scope is 2 cards and it has 2: card 3 goes over the limit/);
    assert.deepEqual(await lane(app, "todo"), ["Pilot build for checkout", "Runbook draft"], "nothing added before the acknowledgement");
    await app.screenshot("sprint-over-limit");
    await app.click("[data-testid=add-anyway]");
    await app.waitFor(async () => (await lane(app, "todo")).length === 3, "the third card");
    assert.equal(await app.text("[data-testid=card-count]"), "3 / 2 cards");
    assert.match(await app.attr("[data-testid=card-count]", "class"), /warn/);
    assert.equal(await value(app, "[data-testid=card-new]"), "", "the adder is empty again");

    // Keyboard: Alt+→ twice takes the card to Done, focus stays on it; Alt+← brings it back.
    const pilot = "[data-card='Pilot build for checkout']";
    await app.exec(`document.querySelector("${pilot}").focus()`);
    await app.chord(Keys.Alt, Keys.ArrowRight);
    await app.waitFor(async () => (await lane(app, "doing")).includes("Pilot build for checkout"), "moved to Doing");
    assert.equal(await app.exec("return document.activeElement.dataset.card"), "Pilot build for checkout", "focus follows the card");
    await app.chord(Keys.Alt, Keys.ArrowRight);
    await app.waitFor(async () => (await lane(app, "done")).includes("Pilot build for checkout"), "moved to Done");
    assert.equal(await app.exec("return document.querySelector('[data-testid=board-announce]').textContent"), "Moved “Pilot build for checkout” to Done, 1 of 1");
    await app.exec("document.querySelector(\"[data-card='Runbook draft']\").focus()");
    await app.chord(Keys.Alt, Keys.ArrowRight);
    await app.waitFor(async () => (await lane(app, "doing")).includes("Runbook draft"), "Runbook to Doing");
    await app.chord(Keys.Alt, Keys.ArrowLeft);
    await app.waitFor(async () => (await lane(app, "todo")).length === 2, "Runbook back to To do");
    await app.chord(Keys.Alt, Keys.ArrowUp);
    await app.waitFor(async () => (await lane(app, "todo"))[0] === "Runbook draft", "reordered within To do");

    const burndown = await app.attr("[data-testid=burndown] svg", "aria-label");
    if (day.startsWith("Day")) assert.match(burndown, /^Burndown: 2 of 3 cards left/);
    else assert.match(burndown, /^Burndown: /);
    await shots(app, "sprint-board");

    // Notes tab: pre-mortem, log, demo notes.
    await app.click("[data-testid=sprint-tab-notes]");
    await app.type("[data-testid=risk-new]", "Checkout's pipeline has secrets we cannot copy");
    await app.click("[data-testid=premortem] button[type=submit]");
    const warnings = () => app.exec("return [...document.querySelectorAll('[data-testid=sprint-warning]')].map(w => w.textContent).join(' | ')");
    await app.waitFor(async () => !/pre-mortem/.test(await warnings()), "the pre-mortem warning to clear");
    assert.match(await warnings(), /3 cards for a limit of 2/);
    await app.type("[data-testid=log-new]", "First green pilot build; Ana needed no help");
    await app.click("[data-testid=daily-log] button[type=submit]");
    await app.waitFor(() => app.exists("[data-entry='First green pilot build; Ana needed no help']"), "the log line");
    await app.type("[data-testid=demo-notes]", "Ana ran the pilot build from her laptop.");
    await app.click("[data-testid=demo-save]");
    await app.waitFor(async () => (await app.text("[data-testid=demo-status]")) === "Saved.", "demo notes saved");
    await shots(app, "sprint-notes");

    // Retro tab: an item becomes a finding.
    await app.click("[data-testid=sprint-tab-retro]");
    await app.type("[data-testid=retro-new-learned]", "Engineers read CI logs from the bottom up");
    await app.click("[data-retro=learned] button[type=submit]");
    await app.click("[data-retro=learned] [data-testid=to-finding]");
    await app.waitFor(async () => /Became a finding/.test(await app.text("[data-retro=learned]")), "the finding link");
    await shots(app, "sprint-retro");
    await app.click("[data-retro=learned] .promote button.link");
    await app.waitFor(async () => (await app.text("h1")) === "Findings", "the findings screen");
    assert.match(await app.text("main"), /Engineers read CI logs from the bottom up/);

    await app.click("a[data-area=today]");
    await app.find("[data-testid=today-sprint]");
    const summary = await app.text("[data-testid=today-sprint]");
    assert.match(summary, /1\/3 cards done/);
    assert.ok(summary.includes(FOCUS), summary);
    await app.screenshot("today-sprint");
    await app.click("[data-testid=today-sprint]");
    await app.waitFor(async () => (await app.text("h1")) === FOCUS, "Today opens the sprint");
  } catch (e) {
    await app.screenshot("sprint-failure").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});

test("editing a sprint and its cards; deletes come back with Undo; unsaved retro text survives tabs", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=sprints]");
    await app.find("[data-testid=sprint-list]");
    await shots(app, "sprint-list");
    await app.click(`[data-sprint='${FOCUS}'] button.link`);
    await app.waitFor(async () => (await app.text("h1")) === FOCUS, "the sprint");

    // The sprint's focus and core users, edited with its version; Escape asks before dropping a change.
    await app.click("[data-testid=sprint-edit]");
    await app.find("[data-testid=sprint-form]");
    assert.equal(await value(app, "#sprint-focus"), FOCUS, "the form starts from the sprint");
    assert.equal(await app.exec("return document.activeElement.id"), "sprint-focus");
    await app.setValue("#sprint-focus", FOCUS2);
    await pick(app, "#sprint-core_users", "Bo Chen");
    await app.find("[data-core-user='Bo Chen']");
    await shots(app, "sprint-edit");
    await app.exec("document.getElementById('sprint-focus').focus()");
    await app.keys(Keys.Escape);
    await app.find("[data-testid=confirm-dialog]");
    assert.match(await app.text("[data-testid=confirm-dialog]"), /Discard your changes\?/);
    await app.click("[data-testid=confirm-cancel]");
    assert.equal(await value(app, "#sprint-focus"), FOCUS2, "cancel keeps the edit");
    await app.click("[data-testid=sprint-save]");
    await app.waitFor(async () => (await app.text("h1")) === FOCUS2, "the new focus");
    assert.ok(!(await app.exists("[data-testid=sprint-form]")), "the form closes once saved");
    assert.match(await app.text("[data-testid=sprint-core-users]"), /Ana Lima, Bo Chen/);
    // A second edit starts from the saved version: Enter with no change saves and closes.
    await app.click("[data-testid=sprint-edit]");
    await app.find("#sprint-focus");
    await app.keys(Keys.Enter);
    await app.waitFor(async () => !(await app.exists("[data-testid=sprint-form]")), "an unchanged save");
    assert.equal(await app.text("h1"), FOCUS2);

    // A card's title, in place: F2 opens it, Enter saves; twice in a row.
    await app.exec("document.querySelector(\"[data-card='Runbook draft']\").focus()");
    await app.keys("\uE032"); // F2
    await app.find("[data-testid=card-rename-input]");
    await app.setValue("[data-testid=card-rename-input]", "Runbook for the pilot team");
    await app.keys(Keys.Enter);
    await app.waitFor(async () => (await lane(app, "todo"))[0] === "Runbook for the pilot team", "the renamed card, in its place");
    await app.click("[data-card='Runbook for the pilot team'] [data-testid=card-rename]");
    await app.setValue("[data-testid=card-rename-input]", "Runbook v2");
    await app.click("[data-testid=card-rename-save]");
    await app.waitFor(async () => (await lane(app, "todo"))[0] === "Runbook v2", "renamed again");
    // An empty title is refused at the card; Escape then cancels.
    await app.click("[data-card='Runbook v2'] [data-testid=card-rename]");
    await app.setValue("[data-testid=card-rename-input]", "");
    await app.click("[data-testid=card-rename-save]");
    assert.match(await app.text("[data-error-for=card-title]"), /required/i);
    await app.keys(Keys.Escape);
    await app.find("[data-testid=confirm-dialog]");
    await app.click("[data-testid=confirm-ok]");
    await app.waitFor(async () => !(await app.exists("[data-testid=card-rename-input]")), "rename cancelled");
    assert.deepEqual(await lane(app, "todo"), ["Runbook v2", "Slack bot"]);

    // Delete a card: it goes at once, the toast offers Undo, and Undo puts it back in its place.
    await app.click("[data-card='Runbook v2'] [data-testid=card-delete]");
    await app.waitFor(async () => !(await lane(app, "todo")).includes("Runbook v2"), "the card gone");
    assert.equal(await app.text("[data-testid=card-count]"), "2 / 2 cards");
    await app.screenshot("sprint-card-deleted");
    await undo(app, "Runbook v2");
    await app.waitFor(async () => (await lane(app, "todo")).join() === "Runbook v2,Slack bot", "the card back in its place");
    assert.equal(await app.text("[data-testid=card-count]"), "3 / 2 cards");

    // Delete the only pre-mortem line: the warning comes back; Undo clears it again.
    await app.click("[data-testid=sprint-tab-notes]");
    await app.click("[data-testid=premortem] [data-testid=entry-delete]");
    await app.waitFor(async () => /No pre-mortem yet/.test(await app.text("main")), "the pre-mortem warning");
    await undo(app, "Checkout's pipeline has secrets we cannot copy");
    await app.waitFor(() => app.exists("[data-entry=\"Checkout's pipeline has secrets we cannot copy\"]"), "the risk back");
    assert.ok(!/No pre-mortem yet/.test(await app.text("main")));
    // A log line too.
    await app.click("[data-testid=daily-log] [data-testid=entry-delete]");
    await app.waitFor(async () => !(await app.exists("[data-entry='First green pilot build; Ana needed no help']")), "the log line gone");
    await undo(app, "First green pilot build; Ana needed no help");
    await app.find("[data-entry='First green pilot build; Ana needed no help']");

    // Unsaved text stays: demo notes and a retro line, across tabs and screens.
    await app.type("[data-testid=demo-notes]", " Bo wants it in Slack.");
    await app.click("[data-testid=sprint-tab-retro]");
    await app.type("[data-testid=retro-new-to-improve]", "Start the pilot on Monday, not Wednesday");
    await app.click("[data-testid=sprint-tab-board]");
    await app.find("[data-testid=card-new]");
    await app.click("[data-testid=sprint-tab-retro]");
    assert.equal(await value(app, "[data-testid=retro-new-to-improve]"), "Start the pilot on Monday, not Wednesday", "the retro draft kept");
    await app.click("a[data-area=today]");
    await app.find("[data-testid=today-sprint]");
    await app.click("[data-testid=today-sprint]");
    await app.click("[data-testid=sprint-tab-retro]");
    assert.equal(await value(app, "[data-testid=retro-new-to-improve]"), "Start the pilot on Monday, not Wednesday", "kept across screens");
    await app.click("[data-testid=sprint-tab-notes]");
    assert.equal(await value(app, "[data-testid=demo-notes]"), "Ana ran the pilot build from her laptop. Bo wants it in Slack.", "the demo draft kept");
    assert.equal(await app.text("[data-testid=demo-status]"), "Not saved yet");
    // A retro line deleted and restored.
    await app.click("[data-testid=sprint-tab-retro]");
    await app.click("[data-retro=to-improve] button[type=submit]");
    await app.find("[data-entry='Start the pilot on Monday, not Wednesday']");
    await app.click("[data-entry='Start the pilot on Monday, not Wednesday'] [data-testid=entry-delete]");
    await app.waitFor(async () => !(await app.exists("[data-entry='Start the pilot on Monday, not Wednesday']")), "the retro line gone");
    await undo(app, "Start the pilot on Monday, not Wednesday");
    await app.find("[data-entry='Start the pilot on Monday, not Wednesday']");

    // Delete the sprint: back to the list with Undo; Undo brings it back with its cards.
    await app.click("[data-testid=sprint-delete]");
    await app.waitFor(async () => (await app.text("h1")) === "Sprints", "the list");
    assert.ok(!(await app.exists(`[data-sprint='${FOCUS2}']`)), "the sprint is gone");
    await undo(app, FOCUS2);
    await app.find(`[data-sprint='${FOCUS2}']`);
    assert.match(await app.text(`[data-sprint='${FOCUS2}']`), /1 done of 3/);
    await app.click(`[data-sprint='${FOCUS2}'] button.link`);
    await app.waitFor(async () => (await lane(app, "todo")).join() === "Runbook v2,Slack bot", "its cards");
    assert.deepEqual(await lane(app, "done"), ["Pilot build for checkout"]);
  } catch (e) {
    await app.screenshot("sprint-edit-failure").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
