// The question bank, the live checker and a guide, end to end in the real app: questions
// edited from their version, guides renamed and deleted with Undo, a question taken out of a
// guide and put back with Undo, and a bank of 100,000 questions that stays quick.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session, startDriver } from "./webdriver.mjs";

let driver;
const dir = mkdtempSync(join(tmpdir(), "rapport-e2e-"));
const db = join(dir, "workspace.db");
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

const count = (app, css) => app.exec(`return document.querySelectorAll(${JSON.stringify(css)}).length`);

const items = (app) => app.exec("return [...document.querySelectorAll('[data-testid=guide-items] li')].map(l => l.dataset.item)");

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

/** Waits for the "Deleted …" toast and clicks its Undo. */
async function undo(app, label) {
  await app.waitFor(async () => (await app.text("[data-testid=toasts]")).includes(`Deleted “${label}”.`), `the toast for ${label}`);
  // The Undo of this toast (an earlier one may still be on screen).
  await app.exec(
    "[...document.querySelectorAll('[data-testid=toast]')].find(t => t.textContent.includes(arguments[0])).querySelector('[data-testid=toast-undo]').click()",
    [`Deleted “${label}”.`],
  );
  await app.waitFor(async () => (await app.text("[data-testid=toasts]")).includes(`Restored “${label}”.`), `${label} restored`);
}

/** Sets a textarea's value the way typing would (React listens to `input`). */
async function setText(app, css, value) {
  await app.find(css);
  await app.exec(
    "const t = document.querySelector(arguments[0]); Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(t, arguments[1]); t.dispatchEvent(new Event('input', { bubbles: true }));",
    [css, value],
  );
}

/** Filters the bank by `text` and waits for the list to answer. */
async function filter(app, text) {
  await app.setValue("[data-testid=question-filter]", text);
  await app.waitFor(
    () => app.exec("return [...document.querySelectorAll('[data-testid=question-list] [data-question]')].every(q => q.textContent.toLowerCase().includes(arguments[0].toLowerCase()))", [text]),
    `the filter “${text}”`,
  );
}

test("the starter bank, the live checker and its one-click rewrite", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=questions]");
    await app.waitFor(async () => Number(await app.attr("[data-testid=question-list]", "data-total")) >= 33, "the starter bank");
    assert.match(await app.text("[data-testid=question-count]"), /^\d+ questions$/);
    await shots(app, "questions-bank");
    // The three leading → non-leading pairs are shown, each found by its leading wording.
    for (const leading of ["Do you have problems with Chef?", "Do you wish correlating", "Why does your team do so few deploys?"]) {
      await filter(app, leading.slice(0, 20));
      await app.waitFor(async () => (await app.text("[data-testid=question-list] s")).startsWith(leading), leading);
    }
    await filter(app, "");

    await app.type("[data-testid=checker-input]", "Do you have problems with Chef?");
    const marked = await app.waitFor(
      () => app.exec("return document.querySelector('[data-testid=lint-report] mark')?.textContent"),
      "the trigger to be marked",
    );
    assert.equal(marked, "Do you have problems");
    assert.match(await app.text("[data-testid=lint-report]"), /confirmation-seeking/);
    await app.screenshot("questions-checker");
    await app.click("[data-testid=lint-use-rewrite]");
    await app.find("[data-testid=lint-ok]");
    const value = await app.exec("return document.querySelector('[data-testid=checker-input]').value");
    assert.match(value, /^Tell me about the last time you worked with Chef/);

    // A new bank question, checked as it is typed.
    await app.click("[data-testid=question-new]");
    await app.type("#question-text", "Don't you think the deploy tooling is too slow?");
    await app.waitFor(() => app.exists("form [data-testid=lint-report] [data-rule=agreement-seeking]"), "agreement-seeking");
    await app.click("form [data-testid=lint-use-rewrite]");
    await app.find("form [data-testid=lint-ok]");
    const written = await app.exec("return document.getElementById('question-text').value");
    await app.type("#question-topic", "deploys");
    await app.type("#question-tags", "tooling, e2e");
    await app.click("[data-testid=question-save]");
    await app.waitFor(async () => (await app.text("[data-testid=status]")).startsWith("Saved"), "saved");
    assert.ok(!(await app.exists("[data-testid=question-form]")), "the form closes once saved");
    const saved = await app.exec("return document.getElementById('question-text')?.value ?? null");
    assert.equal(saved, null);

    // Edit its text: the form starts from the question, the checker runs on the edit, the list shows it.
    await filter(app, written);
    const before = await app.attr("[data-testid=question-list] [data-question]", "data-question");
    await app.click("[data-testid=question-list] [data-testid=question-edit]");
    await app.find("[data-testid=question-form]");
    assert.equal(await app.exec("return document.getElementById('question-text').value"), before);
    assert.equal(await app.exec("return document.getElementById('question-tags').value"), "e2e, tooling");
    await setText(app, "#question-text", "Do you have problems with the deploy tooling?");
    await app.waitFor(() => app.exists("form [data-testid=lint-report]"), "the checker on the edit");
    await shots(app, "question-editor");
    await setText(app, "#question-text", "Walk me through the last time the deploy tooling slowed you down.");
    await app.find("form [data-testid=lint-ok]");
    await app.click("[data-testid=question-save]");
    await app.waitFor(async () => !(await app.exists("[data-testid=question-form]")), "the edit saved");
    await app.find(".empty"); // the filter no longer matches it
    await filter(app, "slowed you down");
    await app.waitFor(
      async () => (await app.attr("[data-testid=question-list] [data-question]", "data-question")) === "Walk me through the last time the deploy tooling slowed you down.",
      "the edited text in the list",
    );
    assert.equal(await app.attr("[data-testid=question-list]", "data-total"), "1", "edited, not added");
    // An empty text is refused at the field; Escape then asks before dropping the edit.
    await app.click("[data-testid=question-list] [data-testid=question-edit]");
    await setText(app, "#question-text", "");
    await app.waitFor(async () => !(await app.exists("form [data-testid=lint-ok]")), "the checker's note gone");
    await app.click("[data-testid=question-save]");
    assert.match(await app.text("[data-error-for=question-text]"), /required/i);
    await app.keys(Keys.Escape);
    await app.find("[data-testid=confirm-dialog]");
    await app.click("[data-testid=confirm-ok]");
    await app.waitFor(async () => !(await app.exists("[data-testid=question-form]")), "the form closed");

    // Archive it: gone from the bank, back with "Show archived", restored from there.
    await app.click("[data-testid=question-list] button[aria-label^=Archive]");
    await app.find(".empty");
    assert.match(await app.text("[data-testid=toasts]"), /Archived “Walk me through the last time the deploy tooling slowed you down\.”/);
    await app.click(".qtoolbar input[type=checkbox]");
    await app.waitFor(async () => /archived/.test(await app.text("[data-testid=question-list] [data-question]")), "the archived question");
    await app.click("[data-testid=question-list] button[aria-label^=Restore]");
    await app.waitFor(async () => !/archived/.test(await app.text("[data-testid=question-list] [data-question]")), "restored");
    await app.click(".qtoolbar input[type=checkbox]");
    await app.waitFor(async () => (await app.attr("[data-testid=question-list]", "data-total")) === "1", "back in the bank");
    await filter(app, "");
  } finally {
    await app.quit();
  }
});

test("a guide: add questions, reorder from the keyboard, budget, check and export", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=questions]");
    // Put a leading question in the bank so the guide check has something to say.
    await app.click("[data-testid=question-new]");
    await app.type("#question-text", "Do you have problems with Terraform?");
    await app.find("form [data-testid=lint-report]"); // the checker's answer is in: nothing moves under the click
    await app.click("[data-testid=question-save]");
    await app.waitFor(async () => (await app.text("[data-testid=status]")).startsWith("Saved"), "saved");

    await app.click("[data-testid=tab-guides]");
    await app.type("#guide-title", "New CI pilot interviews");
    await app.type("#guide-goal", "Learn how pilot teams ship today");
    await app.click("[data-testid=guide-create]");
    await app.find("[data-testid=guide-editor]");

    // The bank is offered a page at a time, filtered by the core as you type.
    await app.setValue("[data-testid=guide-pick-filter]", "problems with Terraform");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-pick-results] [data-pick]")) === 1, "the Terraform question");
    await app.click("[data-testid=guide-pick-results] [data-testid=guide-pick-add]");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-items] li")) === 1, "item added");
    assert.match(await app.text("[data-testid=guide-pick-results]"), /In the guide/);
    await app.setValue("[data-testid=guide-pick-filter]", "");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-pick-results] [data-pick]")) === 20, "a first page of the bank");
    assert.match(await app.text("[data-testid=guide-pick-more]"), /Show 20 more/);
    for (let n = 2; n <= 11; n++) {
      await app.click("[data-testid=guide-pick-results] [data-testid=guide-pick-add]");
      await app.waitFor(async () => (await count(app, "[data-testid=guide-items] li")) === n, "item added");
    }
    await app.click("[data-testid=guide-pick-more]");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-pick-results] [data-pick]")) === 40, "a second page");
    // A question written in the guide editor is checked as it is typed, then joins bank and guide.
    await app.type("[data-testid=guide-draft]", "Would you use a self-service rollback button?");
    await app.waitFor(() => app.exists("[data-testid=guide-editor] [data-testid=lint-report] [data-rule=hypothetical-future]"), "hypothetical-future");
    await app.screenshot("guide-draft-check");
    await app.click("[data-testid=guide-editor] [data-testid=lint-use-rewrite]");
    await app.find("[data-testid=guide-editor] [data-testid=lint-ok]");
    await app.click("[data-testid=guide-draft-add]");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-items] li")) === 12, "the drafted question added");
    await app.click("[data-testid=guide-items] li:last-child button[aria-label^=Remove]");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-items] li")) === 11, "removed again");

    // Taking a question out shows Undo; Undo puts it back in its place.
    const order = await items(app);
    await app.click("[data-testid=guide-items] li:nth-child(3) [data-testid=guide-item-remove]");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-items] li")) === 10, "the third question out");
    assert.deepEqual(await items(app), order.filter((_, i) => i !== 2));
    await undo(app, order[2]);
    await app.waitFor(async () => (await items(app)).join("|") === order.join("|"), "back in its place");

    // 11 questions × 3 minutes = 33 of 30: over budget, said plainly.
    assert.match(await app.text("[data-testid=budget]"), /33 of 30 minutes — 3 over/);
    await app.screenshot("guide-over-budget");

    // Keyboard reorder: focus the first item's "down" button, then Alt+ArrowUp on the second.
    const first = await app.exec("return document.querySelector('[data-testid=guide-items] li').dataset.item");
    await app.click("[data-testid=guide-items] li:nth-child(1) button[aria-label^='Move question 1 down']");
    await app.waitFor(
      async () => (await app.exec("return document.querySelectorAll('[data-testid=guide-items] li')[1].dataset.item")) === first,
      "the first question to move down",
    );
    await app.exec("document.querySelectorAll('[data-testid=guide-items] li')[1].focus()");
    await app.chord(Keys.Alt, Keys.ArrowUp);
    await app.waitFor(
      async () => (await app.exec("return document.querySelector('[data-testid=guide-items] li').dataset.item")) === first,
      "Alt+ArrowUp to move it back",
    );

    // Shorten one question to get back within 30 minutes.
    await app.exec(
      "const i = document.querySelector('[data-testid=guide-items] li:last-child input[type=number]'); i.focus();",
    );
    await app.keys(Keys.Backspace, Keys.Backspace, "1", Keys.Tab); // Tab away: blur saves
    await app.waitFor(async () => /31 of 30/.test(await app.text("[data-testid=budget]")), "31 of 30");
    await app.exec("document.querySelector('main.content').scrollTop = 0");
    await shots(app, "guide-editor");

    // Rename it and change its goal, from its version.
    await app.click("[data-testid=guide-meta-edit]");
    await app.find("[data-testid=guide-meta-form]");
    assert.equal(await app.exec("return document.getElementById('guide-title').value"), "New CI pilot interviews");
    await app.setValue("#guide-title", "");
    await app.click("[data-testid=guide-meta-save]");
    assert.match(await app.text("[data-error-for=guide-title]"), /required/i);
    await app.setValue("#guide-title", "New CI pilot: first interviews");
    await app.setValue("#guide-goal", "Learn how pilot teams ship today, and what slows them");
    await shots(app, "guide-rename");
    await app.click("[data-testid=guide-meta-save]");
    await app.waitFor(async () => (await app.text("[data-testid=guide-title]")) === "New CI pilot: first interviews", "the new title");
    assert.ok(!(await app.exists("[data-testid=guide-meta-form]")), "the form closed");
    assert.match(await app.text("[data-testid=guide-editor]"), /what slows them/);

    await app.click("[data-testid=guide-tab-check]");
    assert.match(await app.text("[data-testid=guide-check]"), /1 of 11 questions lead/);
    assert.match(await app.text("[data-testid=guide-check]"), /Terraform/);
    await app.screenshot("guide-check");

    await app.click("[data-testid=guide-tab-export]");
    await app.click("[data-testid=export-markdown]");
    const md = await app.waitFor(() => app.exec("return document.querySelector('[data-testid=export-output]')?.value"), "markdown");
    assert.match(md, /^# New CI pilot: first interviews\n\n- \*\*Goal:\*\* Learn how pilot teams ship today, and what slows them/);
    assert.match(md, /\n11\. .+ _\(1 min\)_\n$/);
    await app.click("[data-testid=export-html]");
    await app.waitFor(async () => (await app.exec("return document.querySelector('[data-testid=export-output]').value")).startsWith("<!doctype html>"), "html");
    await app.screenshot("guide-export");

    // Delete the guide: back to the list, and Undo brings it back with its questions.
    await app.click("[data-testid=guide-delete]");
    await app.waitFor(async () => !(await app.exists("[data-testid=guide-editor]")), "the list of guides");
    assert.ok(!(await app.exists("[data-guide='New CI pilot: first interviews']")), "the guide is gone");
    await undo(app, "New CI pilot: first interviews");
    await app.find("[data-guide='New CI pilot: first interviews']");
    assert.equal(await app.text("[data-guide='New CI pilot: first interviews'] td:nth-child(2)"), "11", "with its 11 questions");
  } finally {
    await app.quit();
  }
});

test("a bank of 100,000 questions after an import: the list, the filter and the guide picker stay quick", async () => {
  const big = join(dir, "big.db");
  const csv = join(dir, "questions-100k.csv");
  const topics = ["deploys", "on-call", "ci", "alerts", "runbooks", "builds", "secrets", "dashboards"];
  const lines = ["text,topic"];
  for (let i = 1; i <= 100_000; i++) {
    lines.push(`Walk me through the last time you touched service ${String(i).padStart(6, "0")}.,${topics[i % topics.length]}`);
  }
  writeFileSync(csv, lines.join("\r\n") + "\r\n");
  writeFileSync(join(dir, "open-path.txt"), csv);
  const app = await Session.start(driver.url, ["--db", big, "--test-dialog-dir", dir]);
  try {
    await app.click("a[data-area=questions]");
    await app.waitFor(async () => Number(await app.attr("[data-testid=question-list]", "data-total")) >= 33, "the starter bank");
    await app.click("[data-testid=csv-import-questions]");
    await app.waitFor(async () => /All 100000 rows are valid|All 100,000 rows are valid/.test(await app.text("[data-testid=import-preview]")), "the preview", 180_000);
    await app.click("[data-testid=import-apply]");
    await app.waitFor(async () => Number(await app.attr("[data-testid=question-list]", "data-total")) >= 100_033, "100,033 questions", 300_000);
    const rendered = await count(app, "[data-testid=question-list] [data-question]");
    assert.ok(rendered < 80, `${rendered} rows rendered, not 100,000`);

    // Filtering answers quickly, from the core.
    let t0 = Date.now();
    await app.setValue("[data-testid=question-filter]", "service 099999");
    await app.waitFor(async () => (await app.attr("[data-testid=question-list]", "data-total")) === "1", "one match");
    assert.ok(Date.now() - t0 < 3000, `the filter took ${Date.now() - t0} ms`);
    await app.setValue("[data-testid=question-filter]", "");
    await app.waitFor(async () => Number(await app.attr("[data-testid=question-list]", "data-total")) >= 100_033, "all again");

    // The end of the list is a scroll away.
    t0 = Date.now();
    await app.exec("const m = document.querySelector('main.content'); m.scrollTop = m.scrollHeight");
    await app.waitFor(
      () => app.exec("return [...document.querySelectorAll('[data-testid=question-list] [data-index]')].some(r => Number(r.dataset.index) > 100_000 && r.querySelector('[data-question]'))"),
      "the last rows",
    );
    assert.ok(Date.now() - t0 < 5000, `the end of the list took ${Date.now() - t0} ms`);
    await shots(app, "questions-bank-100k");
    await app.exec("document.querySelector('main.content').scrollTop = 0");

    // The guide picker offers a page, not the bank.
    await app.click("[data-testid=tab-guides]");
    await app.type("#guide-title", "Service ownership");
    await app.click("[data-testid=guide-create]");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-pick-results] [data-pick]")) === 20, "a page of the bank");
    assert.match(await app.text("[data-testid=guide-editor]"), /Showing 20 of 100,?0\d\d questions/);
    await app.setValue("[data-testid=guide-pick-filter]", "service 042424");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-pick-results] [data-pick]")) === 1, "one match");
    await app.click("[data-testid=guide-pick-add]");
    await app.waitFor(async () => (await count(app, "[data-testid=guide-items] li")) === 1, "added");
  } catch (e) {
    await app.screenshot("questions-100k-failure").catch(() => undefined);
    throw e;
  } finally {
    await app.quit();
  }
});
