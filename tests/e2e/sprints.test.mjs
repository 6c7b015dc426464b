// Sprints end to end: the one-week rule at the field, the card limit's warning, moving cards
// from the keyboard, pre-mortem, log, demo notes, a retro item becoming a finding, and Today.
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
const FOCUS = "Can a Checkout engineer get a green pilot build without asking SRE?";

test("a one-week sprint: board from the keyboard, limit warning, retro item to a finding, Today", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    assert.equal(await app.text("h1"), "Today", "the app opens on Today");
    assert.match(await app.text("#today-sprint + p"), /No sprint this week/);
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
    const start = await app.exec("return document.getElementById('sprint-starts_on').value");
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
    await app.screenshot("sprint-validation");
    await app.click("[data-pick='Ana Lima']");
    await app.click("[data-testid=sprint-save]");
    await app.waitFor(async () => (await app.text("h1")) === FOCUS, "the sprint");
    const day = await app.text("[data-testid=sprint-day]");
    assert.match(day, /^(Day [1-5] of 5|Weekend · \d of 5 days done)$/);
    assert.match(await app.text("[data-testid=sprint-warning]"), /No pre-mortem yet/);

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

    await app.exec("document.querySelector('main.content').scrollTop = 0; window.scrollTo(0, 0)");
    await app.screenshot("sprint-view");
    const burndown = await app.attr("[data-testid=burndown] svg", "aria-label");
    if (day.startsWith("Day")) assert.match(burndown, /^Burndown: 2 of 3 cards left/);
    else assert.match(burndown, /^Burndown: /);

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
    await app.waitFor(async () => /Saved/.test(await app.text("#demo-title + textarea + .actions")), "demo notes saved");

    await app.type("[data-testid=retro-new-learned]", "Engineers read CI logs from the bottom up");
    await app.click("[data-retro=learned] button[type=submit]");
    await app.click("[data-retro=learned] [data-testid=to-finding]");
    await app.waitFor(async () => /Became a finding/.test(await app.text("[data-retro=learned]")), "the finding link");
    await app.screenshot("sprint-board");
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
