// The question bank, the live checker and a guide, end to end in the real app.
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

const count = (app, css) => app.exec(`return document.querySelectorAll(${JSON.stringify(css)}).length`);

async function select(app, css, value) {
  await app.exec(
    `const s = document.querySelector(${JSON.stringify(css)}); s.value = arguments[0]; s.dispatchEvent(new Event('change', { bubbles: true }));`,
    [value],
  );
}

test("the starter bank, the live checker and its one-click rewrite", async () => {
  const app = await Session.start(driver.url, ["--db", db]);
  try {
    await app.click("a[data-area=questions]");
    await app.waitFor(async () => (await count(app, "[data-testid=question-list] li")) >= 33, "the starter bank");
    const pairs = await count(app, "[data-testid=question-list] s");
    assert.equal(pairs, 3, "the three leading → non-leading pairs are shown");
    await app.screenshot("questions-bank");

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
    await app.type("#question-topic", "deploys");
    await app.type("#question-tags", "tooling, e2e");
    await app.click("[data-testid=question-save]");
    await app.waitFor(async () => (await app.text("[data-testid=status]")).startsWith("Saved"), "saved");
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
    await app.click("[data-testid=question-save]");
    await app.waitFor(async () => (await app.text("[data-testid=status]")).startsWith("Saved"), "saved");

    await app.click("[data-testid=tab-guides]");
    await app.type("#guide-title", "New CI pilot interviews");
    await app.type("#guide-goal", "Learn how pilot teams ship today");
    await app.click("[data-testid=guide-create]");
    await app.find("[data-testid=guide-editor]");

    const options = await app.exec(
      "return [...document.querySelectorAll('[data-testid=guide-pick] option')].filter(o => o.value).map(o => [o.value, o.textContent])",
    );
    const wanted = [
      options.find(([, t]) => t.includes("Terraform")),
      ...options.filter(([, t]) => !t.includes("Terraform")).slice(0, 10),
    ];
    for (const [value] of wanted) {
      await select(app, "[data-testid=guide-pick]", value);
      const before = await count(app, "[data-testid=guide-items] li");
      await app.click("[data-testid=guide-add]");
      await app.waitFor(async () => (await count(app, "[data-testid=guide-items] li")) === before + 1, "item added");
    }
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
    await app.screenshot("guide-editor");

    await app.click("[data-testid=guide-tab-check]");
    assert.match(await app.text("[data-testid=guide-check]"), /1 of 11 questions lead/);
    assert.match(await app.text("[data-testid=guide-check]"), /Terraform/);
    await app.screenshot("guide-check");

    await app.click("[data-testid=guide-tab-export]");
    await app.click("[data-testid=export-markdown]");
    const md = await app.waitFor(() => app.exec("return document.querySelector('[data-testid=export-output]')?.value"), "markdown");
    assert.match(md, /^# New CI pilot interviews\n\n- \*\*Goal:\*\* Learn how pilot teams ship today/);
    assert.match(md, /\n11\. .+ _\(1 min\)_\n$/);
    await app.click("[data-testid=export-html]");
    await app.waitFor(async () => (await app.exec("return document.querySelector('[data-testid=export-output]').value")).startsWith("<!doctype html>"), "html");
    await app.screenshot("guide-export");
  } finally {
    await app.quit();
  }
});
