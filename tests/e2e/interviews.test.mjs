// Interviews end to end: the planning rules in the UI, interview mode, and no typed text lost
// when the app is killed mid-interview.
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
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

async function addPerson(app, name, role) {
  await app.click("[data-testid=person-new]");
  await app.type("#person-name", name);
  await app.exec(
    "const s = document.getElementById('person-role'); s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));",
    [role],
  );
  await app.click("[data-testid=person-save]");
  await app.waitFor(() => app.exists(`[data-person='${name}']`), name);
}

test("planning: a third interviewee is refused, a lead with an IC needs an acknowledgement", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=people]");
    await addPerson(app, "Ana Ic", "ic");
    await addPerson(app, "Bo Ic", "ic");
    await addPerson(app, "Cy Ic", "ic");
    await addPerson(app, "Lee Lead", "lead");

    await app.click("a[data-area=interviews]");
    await app.click("[data-testid=interview-new]");
    await app.type("#interview-title", "How deploys work today");
    await app.type("#interview-topic", "deploys");
    for (const n of ["Ana Ic", "Bo Ic", "Cy Ic"]) await app.click(`[data-pick='${n}']`);
    await app.click("[data-testid=interview-save]");
    const err = await app.text("[data-error-for=interview-interviewees]");
    assert.match(err, /At most 2 interviewees per interview \(3 picked\)/);
    await app.screenshot("interview-plan-three");

    await app.click("[data-pick='Bo Ic']");
    await app.click("[data-pick='Cy Ic']");
    await app.click("[data-pick='Lee Lead']");
    await app.click("[data-testid=interview-save]");
    assert.match(await app.text("[data-testid=mixed-warning]"), /Lee Lead is a lead and Ana Ic is not/);
    await app.screenshot("interview-plan-mixed");
    await app.click("[data-testid=ack-mixed]");
    await app.click("[data-testid=interview-save]");
    await app.find("[data-testid=interview-mode]");
    assert.match(await app.text("[data-testid=timer]"), /^30:00$/);
    await app.click("[data-testid=interview-mode] button:last-child");
    await app.waitFor(() => app.exists("[data-interview='How deploys work today'] .badge"), "the mixed-roles mark");
    await app.screenshot("interviews-list");
  } finally {
    await app.quit();
  }
});

test("interview mode: Enter adds time-stamped notes and quotes; a kill -9 loses no typed text", async () => {
  let app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=interviews]");
    await app.click("[data-interview='How deploys work today'] button.link");
    await app.click("[data-testid=interview-start]");
    await app.waitFor(async () => /^2\d:\d\d|^30:00$/.test(await app.text("[data-testid=timer]")), "the countdown");

    await app.type("[data-testid=note-input]", "Deploys take 40 minutes #deploys #ci");
    await app.keys(Keys.Enter);
    await app.waitFor(() => app.exists("[data-testid=notes] li[data-note^='Deploys take']"), "the first note");
    await app.click("[data-testid=note-quote]");
    await app.type("[data-testid=note-input]", "I just wait and hope it goes green. #waiting");
    await app.keys(Keys.Enter);
    await app.waitFor(() => app.exists("[data-testid=notes] li.quote"), "the quote");
    assert.match(await app.text("[data-testid=notes] li.quote"), /I just wait and hope it goes green\..*— Ana Ic/);
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

  app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=interviews]");
    await app.click("[data-interview='How deploys work today'] button.link");
    await app.find("[data-testid=interview-mode]");
    const draft = await app.waitFor(
      () => app.exec("return document.querySelector('[data-testid=note-input]')?.value"),
      "the draft",
    );
    assert.equal(draft, "Rollbacks are manual, via a wiki page");
    assert.equal(await app.exec("return document.querySelectorAll('[data-testid=notes] li[data-note]').length"), 2);
    await app.click("[data-testid=interview-finish]");
    await app.waitFor(() => app.exists("[data-testid=interview-mode] .badge"), "done");
  } finally {
    await app.quit();
  }
});

test("findings from selected notes, grouped by tag with backing; search opens the source; reports", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=interviews]");
    await app.click("[data-interview='How deploys work today'] button.link");
    await app.find("[data-testid=interview-mode]");
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
  } finally {
    await app.quit();
  }
});
