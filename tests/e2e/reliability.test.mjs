// Reliability end to end, in the real app, on one workspace the tests build in order:
// a service and an SLO (a field error, the no-evidence warning), readings imported from CSV
// (twice: nothing changes) and typed by hand, the budget crossing a policy step so the
// roadmap's rows are flagged and moved, with the decision logged; a postmortem with blaming
// language flagged and rewritten, the budget-share refusal, action items made roadmap
// deliverables and closed from the roadmap, overdue items on Today; toil over the 50% cap;
// deletes with Undo; every screen at 1280×800 and 800×560 (and the SLO in dark).
// Only the native file dialog is replaced (--test-dialog-dir answers it from a folder).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session, startDriver } from "./webdriver.mjs";

let driver;
const dir = mkdtempSync(join(tmpdir(), "rapport-e2e-"));
const db = join(dir, "workspace.db");
/** Opens the app on the workspace (Session.start waits for the previous app to let go). */
async function start() {
  return Session.start(driver.url, ["--db", db, "--test-dialog-dir", dir]);
}
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

const DAY = 86_400_000;
/** Midnight UTC `n` days before now, RFC 3339. */
const daysAgo = (n) => new Date(Math.floor(Date.now() / DAY) * DAY - n * DAY).toISOString().replace(".000Z", "Z");
/** An instant as a datetime-local input shows it (this process and the app share the zone). */
const localInput = (iso) => {
  const d = new Date(iso);
  const p = (x) => String(x).padStart(2, "0");
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}`;
};
const ymd = (d) => `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
const localDaysAgo = (n) => ymd(new Date(Date.now() - n * DAY));

/** The readings fixture with its `{{D-n}}` placeholders filled in, written where the dialog answers from. */
function readingsFile() {
  const text = readFileSync(new URL("../data/reliability/e2e-readings.csv", import.meta.url), "utf8").replace(/\{\{D-(\d+)\}\}/g, (_, n) => daysAgo(Number(n)));
  const path = join(dir, "readings.csv");
  writeFileSync(path, text);
  return path;
}

/** The next open dialog answers with `path`. */
const answerOpenWith = (path) => writeFileSync(join(dir, "open-path.txt"), path);

/** Calls the core directly, to set up what is not under test (people, a roadmap). */
async function invoke(app, command, args) {
  const r = await app.cmd("POST", "/execute/async", {
    script: "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(r => done({ ok: r }), e => done({ err: e }));",
    args: [command, args],
  });
  if (r.err) throw new Error(`${command}: ${JSON.stringify(r.err)}`);
  return r.ok;
}

/** The window's inner size; the webview follows the window. */
async function resize(app, width, height) {
  await app.cmd("POST", "/window/rect", { width, height });
  await app.waitFor(async () => Math.abs((await app.exec("return window.innerWidth")) - width) < 40, `the window at ${width}`);
}

/** The same screen at 1280×800 and 800×560 (nothing may run past the right edge in the small
 * one), `show` (a selector) scrolled into view; then back to 1280×800. */
async function shots(app, name, show) {
  const scroll = () => show && app.exec("document.querySelector(arguments[0])?.scrollIntoView({ block: 'start' })", [show]);
  await scroll();
  await app.screenshot(`reliability-${name}-1280`);
  await resize(app, 800, 560);
  await scroll();
  await app.screenshot(`reliability-${name}-800`);
  const overflow = await app.exec("const c = document.querySelector('.content'); return c.scrollWidth - c.clientWidth");
  const wide = overflow > 1 ? await app.exec("const r = document.querySelector('.content').getBoundingClientRect().right; return [...document.querySelectorAll('.content *')].filter(e => e.getBoundingClientRect().right > r + 1).slice(-3).map(e => e.outerHTML.slice(0, 120))") : [];
  assert.ok(overflow <= 1, `${name}: nothing runs past the right edge at 800 px (overflow ${overflow}px): ${wide.join(" | ")}`);
  await resize(app, 1280, 800);
}

/** Sets an input's or a textarea's value the way typing would (React listens to `input`). */
async function setText(app, css, value) {
  await app.find(css);
  await app.exec(
    "const e = document.querySelector(arguments[0]); const proto = e.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype; Object.getOwnPropertyDescriptor(proto, 'value').set.call(e, arguments[1]); e.dispatchEvent(new Event('input', { bubbles: true }));",
    [css, value],
  );
}

/** Picks `name` in the person picker `#id` by typing, as a user would. */
async function pick(app, id, name) {
  await app.type(`#${id}`, name.split(" ")[0]);
  const option = `[...document.querySelectorAll('#${id}-options li')].find(li => li.textContent.startsWith(arguments[0]))`;
  await app.waitFor(() => app.exec(`return Boolean(${option})`, [name]), `${name} offered`);
  await app.exec(`${option}.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }))`, [name]);
  await app.waitFor(async () => (await app.text(`[data-testid=${id}-picked]`)).includes(name), `${name} picked`);
}

/** Picks the option whose text starts with `label` in a select. */
async function chooseByText(app, css, label) {
  await app.waitFor(() => app.exec("return [...document.querySelector(arguments[0]).options].some(o => o.textContent.startsWith(arguments[1]))", [css, label]), `${label} in ${css}`);
  const value = await app.exec("return [...document.querySelector(arguments[0]).options].find(o => o.textContent.startsWith(arguments[1])).value", [css, label]);
  await app.choose(css, value);
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

const texts = (app, css) => app.exec("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", [css]);
const section = (app, p) => app.exec(`return [...document.querySelectorAll('[data-section=${p}] [data-row]')].map(r => r.dataset.row)`);
const until = (app, css, re, what) => app.waitFor(async () => re.test(await app.text(css)), what ?? `${css} to match ${re}`);

const openReliability = async (app, tab = "services") => {
  await app.click("a[data-area=reliability]");
  await app.click(`[data-testid=rel-tab-${tab}]`);
};

test("a service and an SLO: field errors, the no-evidence warning, readings from CSV twice, the budget", async () => {
  const app = await start();
  try {
    await resize(app, 1280, 800);
    // People and a running roadmap to work with (not under test here).
    for (const [name, role] of [["Ana Lima", "lead"], ["Bo Chen", "manager"]]) {
      await invoke(app, "people_create", { input: { name, team: "Platform", role, contact: "", core_user: false, notes: "" } });
    }
    const road = await invoke(app, "roadmaps_create", { input: { title: "Platform H1", starts_on: localDaysAgo(7), ends_on: "", cadence: "biweekly" } });
    for (const [project, priority] of [["Checkout redesign", "high"], ["CI flake fixes", "low"]]) {
      await invoke(app, "roadmaps_add_row", {
        roadmap_id: road.id,
        input: { project, stakeholders: "Eng leads at company", goal_what: `${project} for engineers`, goal_why: "so they ship safely", priority },
      });
    }

    await openReliability(app);
    await app.find("[data-testid=service-list]");
    await shots(app, "overview-empty");
    await app.click("[data-testid=service-new]");
    await app.type("#service-name", "CI Pipeline");
    await app.click("[data-testid=service-save]");
    await until(app, "[data-error-for=service-name]", /./, "the name's error at its field");
    await setText(app, "#service-name", "ci-pipeline");
    await app.type("#service-display_name", "CI pipeline");
    await pick(app, "service-owner_id", "Ana Lima");
    await app.type("#service-user_groups", "backend engineers, mobile engineers");
    await app.click("[data-testid=service-save]");
    await until(app, "[data-testid=service-title]", /CI pipeline/);
    assert.match(await app.text(".rel-head"), /Owner: Ana Lima · serves backend engineers, mobile engineers/);

    // A stale edit: the service changes elsewhere while its form is open; saving shows both
    // versions, and "take theirs" loads what is stored.
    await app.click("[data-testid=service-edit]");
    await app.find("[data-testid=service-form]");
    const svc = (await invoke(app, "services_list", {})).find((x) => x.name === "ci-pipeline");
    await invoke(app, "services_update", {
      id: svc.id,
      version: svc.version,
      input: { name: "ci-pipeline", display_name: "CI pipeline (renamed elsewhere)", description: svc.description ?? "", owner_id: svc.owner?.id ?? null, user_groups: svc.user_groups },
    });
    await setText(app, "#service-display_name", "CI pipeline, mine");
    await app.click("[data-testid=service-save]");
    await app.find("[data-testid=conflict-dialog]");
    assert.equal(await app.text("[data-testid=mine-display_name]"), "CI pipeline, mine");
    assert.equal(await app.text("[data-testid=theirs-display_name]"), "CI pipeline (renamed elsewhere)");
    await app.click("[data-testid=conflict-take-theirs]");
    await app.waitFor(async () => (await app.exec("return document.getElementById('service-display_name')?.value")) === "CI pipeline (renamed elsewhere)", "theirs loaded");
    await setText(app, "#service-display_name", "CI pipeline");
    await app.click("[data-testid=service-save]");
    await app.waitFor(async () => !(await app.exists("[data-testid=service-form]")), "the form closes once saved");
    assert.doesNotMatch(await app.text("[data-testid=service-title]"), /renamed|mine/);

    // Rows of the running roadmap serve the service: one feature, one reliability.
    await chooseByText(app, "[data-testid=link-roadmap]", "Platform H1");
    await app.choose("[data-testid='link-kind-Checkout redesign']", "feature");
    await until(app, "[data-testid=roadmap-impact]", /Checkout redesign/);
    await app.choose("[data-testid='link-kind-CI flake fixes']", "reliability");
    await until(app, "[data-testid=roadmap-impact]", /CI flake fixes/);

    // An SLO: a bad name is refused at its field; no evidence warns, gently.
    await app.click("[data-testid=slo-new]");
    await app.find("[data-testid=slo-form] [data-testid=slo-evidence-warning]");
    await app.type("#slo-name", "CI Results!");
    await setText(app, "#slo-journey", "Engineers get a CI result within 10 minutes of pushing");
    await app.click("[data-testid=slo-save]");
    await until(app, "[data-error-for=slo-name]", /./, "the SLO name's error at its field");
    assert.equal(await app.attr("#slo-name", "aria-invalid"), "true");
    await shots(app, "slo-form-error", "[data-testid=slo-form]");
    // Escape on the half-filled form asks before anything is thrown away.
    await app.click("#slo-journey");
    await app.keys(Keys.Escape);
    await app.find("[data-testid=confirm-dialog]");
    await app.click("[data-testid=confirm-cancel]");
    assert.equal(await app.exec("return document.getElementById('slo-journey').value"), "Engineers get a CI result within 10 minutes of pushing");
    await setText(app, "#slo-name", "ci-results");
    await setText(app, "#slo-target", "99.9");
    await app.click("[data-testid=slo-save]");
    await until(app, "[data-testid=slo-title]", /ci-results/);
    assert.match(await app.text("main [data-testid=slo-evidence-warning]"), /./, "the saved SLO still warns: no user evidence");

    // Readings from CSV: a preview, then all of them; the same file again changes nothing.
    answerOpenWith(readingsFile());
    await app.click("[data-testid=readings-import]");
    await until(app, "[data-testid=readings-preview-counts]", /4 rows .*: 4 new · 0 updated · 0 unchanged/);
    await shots(app, "readings-preview", "[data-testid=readings-preview]");
    await app.click("[data-testid=readings-apply]");
    await until(app, "[data-testid=readings-import-status]", /Imported 4 readings: 4 new/);
    await until(app, "[data-testid=slo-consumed]", /^60%$/);
    assert.equal(await app.text("[data-testid=slo-remaining]"), "40%");
    assert.match(await app.text("[data-testid=slo-bad]"), /^600 \/ 1,?000$/);
    assert.equal(await app.attr("[data-testid=slo-state]", "data-state"), "watch");
    const before = await app.text("[aria-label='Error budget']");
    answerOpenWith(readingsFile());
    await app.click("[data-testid=readings-import]");
    await until(app, "[data-testid=readings-preview-counts]", /4 rows .*: 0 new · 0 updated · 4 unchanged/);
    assert.match(await app.text("[data-testid=readings-preview]"), /importing changes nothing/);
    await app.click("[data-testid=readings-apply]");
    await until(app, "[data-testid=readings-import-status]", /Imported 4 readings: 0 new, 0 updated, 4 unchanged/);
    assert.equal(await app.text("[aria-label='Error budget']"), before, "the second import changed nothing");
    assert.equal((await texts(app, "[data-testid=reading]")).length, 4);
    await app.screenshot("reliability-slo-watch");

    // A bad hour typed by hand: the budget crosses the "reliability first" step.
    await setText(app, "#reading-start", localInput(daysAgo(1)));
    await setText(app, "#reading-end", localInput(daysAgo(1).replace("T00:", "T06:")));
    await setText(app, "#reading-good", "99700");
    await setText(app, "#reading-total", "100000");
    await app.click("[data-testid=reading-save]");
    await app.waitFor(async () => (await app.attr("[data-testid=slo-state]", "data-state")) === "reliability_first", "reliability first");
    assert.match(await app.text("[data-testid=slo-remaining]"), /^18\.18\d*%$/);
    assert.match(await app.text("[data-testid=slo-bad]"), /^900 \/ 1,?100$/);
    assert.equal((await texts(app, "[data-testid=reading]")).length, 5);
    await shots(app, "slo", "[data-testid=slo-title]");
    await shots(app, "slo-charts", ".rel-charts");
    await shots(app, "slo-alerts", "[data-testid=slo-alerts]");

    // The service: its feature row is flagged, the move proposed; the decision is logged.
    await app.click(".rel-head .link");
    await until(app, "[data-testid=service-title]", /Reliability first/);
    const flagged = await app.exec("return [...document.querySelectorAll('[data-testid=impact-row]')].map(r => [r.className, r.textContent])");
    const proposals = flagged.map(([c, t]) => [c, /Checkout redesign/.test(t) ? "feature" : "reliability", /move to (high|low)/.exec(t)?.[1]]);
    proposals.sort((a, b) => a[1].localeCompare(b[1]));
    assert.deepEqual(proposals, [["flagged", "feature", "low"], ["flagged", "reliability", "high"]]);
    // The roadmap shows the flag on the rows themselves, before anyone decides.
    await app.click("[data-testid=impact-row] .link");
    const flags = await app.waitFor(async () => {
      const t = await texts(app, "[data-testid=row-policy-flag]");
      return t.length === 2 && t;
    }, "both rows flagged on the roadmap");
    assert.ok(flags.some((t) => /proposes moving this feature row to low priority/.test(t)), flags.join(" | "));
    await app.screenshot("reliability-roadmap-flagged");
    await app.exec("history.back()");
    await until(app, "[data-testid=service-title]", /Reliability first/);
    await app.click("[data-testid=decide-apply]");
    await app.click("[data-testid=decision-save]");
    await until(app, "[data-error-for=decision-decided_by]", /./, "who decided is required");
    await pick(app, "decision-decided_by", "Bo Chen");
    await setText(app, "#decision-reason", "Budget under 25%: CI flakes first until it recovers");
    await app.click("[data-testid=decision-save]");
    await until(app, "[data-testid=decision-log]", /Applied in Reliability first by Bo Chen/);
    assert.match(await app.text("[data-testid=decision]"), /Budget under 25%: CI flakes first until it recovers/);
    await shots(app, "service", "[data-testid=roadmap-impact]");

    // On the roadmap: the reliability row went up, the feature row down.
    await app.click("[data-testid=impact-row] .link");
    await app.waitFor(async () => (await section(app, "high")).includes("CI flake fixes"), "the reliability row up");
    assert.deepEqual(await section(app, "low"), ["Checkout redesign"]);
    // Moved as the policy asked: nothing is flagged any more.
    assert.deepEqual(await texts(app, "[data-testid=row-policy-flag]"), []);
    await app.screenshot("reliability-roadmap-after-decision");
  } finally {
    await app.quit();
  }
});

test("a postmortem: blame flagged with a rewrite, the budget-share refusal, action items to the roadmap and Today", async () => {
  const app = await start();
  try {
    await resize(app, 1280, 800);
    await openReliability(app, "postmortems");
    await app.find("[data-testid=postmortem-new]");
    await shots(app, "postmortems-empty");
    await app.click("[data-testid=postmortem-new]");
    await app.type("#pm-title", "CI results late after a schema migration");
    await app.choose("#pm-severity", "sev2");
    const started = new Date(Date.now() - 10 * DAY).toISOString();
    await setText(app, "#pm-started_at", localInput(started));
    await setText(app, "#pm-ended_at", localInput(new Date(Date.parse(started) + 2 * 3_600_000).toISOString()));
    await chooseByText(app, "#pm-service_id", "CI pipeline");
    await chooseByText(app, "#pm-slo_id", "ci-results");
    await setText(app, "#pm-budget_consumed", "30%");
    const blaming = "Bob failed to run the migration before the deploy. CI results were two hours late.";
    await setText(app, "#pm-summary", blaming);
    // Flagged as it is typed, with a system-focused rewrite.
    await until(app, "[data-testid=blame-summary] [data-testid=blame-flag]", /failed to/, "the blame flag");
    assert.match(await app.text("[data-testid=blame-summary]"), /Try: .+/);
    await setText(app, "#pm-impact_users", "Every engineer pushing to CI waited up to two hours for results.");
    await app.click("[data-testid=postmortem-save]");
    await until(app, "[data-testid=postmortem-title]", /CI results late after a schema migration/);
    assert.match(await app.text("[data-testid=postmortem-blame-count]"), /1 phrase in the saved text blames a person/);
    assert.match(await app.text("[data-testid=postmortem-needs-p1]"), /30% of the budget, more than the policy's 20%/);
    await shots(app, "postmortem-blame", "[data-testid=blame-summary]");

    // The rewrite replaces the blaming sentence; saved, the flag is gone.
    await app.click("[data-testid=blame-summary] [data-testid=blame-rewrite]");
    await app.waitFor(async () => !(await app.exec("return document.getElementById('pm-summary').value")).includes("Bob failed"), "the sentence rewritten");
    assert.match(await app.exec("return document.getElementById('pm-summary').value"), /CI results were two hours late\.$/);
    await app.click("[data-testid=postmortem-save]");
    await app.waitFor(async () => !(await app.exists("[data-testid=postmortem-blame-count]")), "no blame left");

    // Over the budget share, completing needs a P0/P1 item: refused, clearly.
    await app.click("[data-testid=postmortem-complete]");
    await until(app, "[data-testid=postmortem-refusal]", /used 30% of the budget, more than the 20% .*add a P0 or P1 action item/);
    assert.equal(await app.text("[data-testid=postmortem-status]"), "draft");

    // A P2 item (due date defaults from the severity) does not lift it.
    await app.click("[data-testid=item-new]");
    await app.type("#item-title", "Add a migration check to the deploy pipeline");
    await pick(app, "item-owner_id", "Ana Lima");
    await app.click("[data-testid=item-save]");
    await app.waitFor(async () => (await texts(app, "[data-testid=item]")).length === 1, "the first item");
    await app.click("[data-testid=postmortem-complete]");
    await until(app, "[data-testid=postmortem-refusal]", /add a P0 or P1 action item/);
    // A P1 item does, and it becomes a deliverable of the reliability row in one action.
    await app.click("[data-testid=item-new]");
    await app.type("#item-title", "Block deploys whose migrations have not run");
    await app.choose("#item-priority", "P1");
    await pick(app, "item-owner_id", "Ana Lima");
    await app.click("[data-testid=item-save]");
    await app.waitFor(async () => (await texts(app, "[data-testid=item]")).length === 2, "the P1 item");
    const p1 = "[...document.querySelectorAll('[data-testid=item]')].find(i => i.textContent.includes('Block deploys'))";
    await app.exec(`${p1}.querySelector('[data-testid=item-to-deliverable]').click()`);
    await chooseByText(app, "[data-testid=deliverable-roadmap]", "Platform H1");
    await chooseByText(app, "[data-testid=deliverable-row]", "CI flake fixes");
    await app.click("[data-testid=deliverable-create]");
    await app.waitFor(() => app.exec(`return Boolean(${p1}.querySelector('[data-testid=item-deliverable]'))`), "the item linked to its deliverable");
    assert.match(await app.exec(`return ${p1}.textContent`), /Roadmap: Block deploys whose migrations have not run on CI flake fixes \(Platform H1\)/);
    await app.click("[data-testid=postmortem-complete]");
    await until(app, "[data-testid=postmortem-status]", /^complete$/);
    assert.equal(await app.exists("[data-testid=postmortem-refusal]"), false);
    // Closing waits for every item.
    await app.click("[data-testid=postmortem-close]");
    await until(app, "[data-testid=postmortem-refusal]", /2 action items are still open/);
    await shots(app, "postmortem-items", "[data-testid=item-list]");

    // Done on the roadmap closes the item.
    await app.exec(`${p1}.querySelector('[data-testid=item-deliverable]').click()`);
    await app.choose("select[aria-label='Status of Block deploys whose migrations have not run']", "done");
    await app.waitFor(() => app.exec("return document.querySelector(\"select[aria-label='Status of Block deploys whose migrations have not run']\").value === 'done'"), "the deliverable done");
    await app.exec("history.back()");
    await app.waitFor(() => app.exec(`return ${p1}?.querySelector('[data-testid=item-status]').textContent === 'Done'`), "the item closed by its deliverable");

    // An overdue item shows on Today.
    await app.click("[data-testid=item-new]");
    await app.type("#item-title", "Write the rollback runbook for schema migrations");
    await pick(app, "item-owner_id", "Bo Chen");
    await app.setValue("#item-due_on", localDaysAgo(3));
    await app.click("[data-testid=item-save]");
    await app.waitFor(async () => (await texts(app, "[data-testid=item]")).length === 3, "the overdue item");
    assert.match((await texts(app, "[data-testid=item]")).find((t) => t.includes("rollback runbook")), /3 days overdue/);
    await app.click("a[data-area=today]");
    await until(app, "section[aria-labelledby=today-actions]", /Write the rollback runbook for schema migrations/);
    assert.match(await app.text("section[aria-labelledby=today-actions]"), /Bo Chen · 3 days overdue · CI results late after a schema migration/);

    // The action items tab, with the closure rate per quarter.
    await openReliability(app, "actions");
    await app.find("[data-testid=closure-table]");
    await shots(app, "action-items");
    await openReliability(app, "postmortems");
    await app.find("[data-testid=postmortem-card]");
    await shots(app, "postmortems");
  } finally {
    await app.quit();
  }
});

test("toil over the 50% cap warns; a delete is undone; reports, OpenSLO and CSV; the SLO in dark", async () => {
  const app = await start();
  try {
    await resize(app, 1280, 800);
    await openReliability(app, "toil");
    await app.find("[data-testid=toil-new]");
    await shots(app, "toil-empty");
    await app.click("[data-testid=toil-new]");
    await app.type("#toil-team", "Platform");
    await setText(app, "#toil-task", "Restart stuck CI runners by hand");
    await setText(app, "#toil-minutes", "300");
    await app.choose("#toil-frequency", "daily");
    await app.setValue("#toil-started_on", localDaysAgo(21));
    for (const trait of ["Automatable", "Tactical", "No enduring value", "Grows with the service"]) {
      await app.exec("[...document.querySelectorAll('.rel-traits label')].find(l => l.textContent.trim() === arguments[0]).querySelector('input').click()", [trait]);
    }
    await app.click("[data-testid=toil-save]");
    await app.waitFor(async () => (await texts(app, "[data-testid=toil-entry]")).length === 1, "the toil entry");
    assert.match((await texts(app, "[data-testid=toil-entry]"))[0], /300 min every working day .* 6 of 6 toil traits/);
    // Two engineers in People's Platform team: 25 h of 80 h a week, under the cap.
    await app.find("[data-testid=toil-cell]");
    assert.equal(await app.exists("[data-testid=toil-over-cap]"), false, "31% is under the cap");
    // The team is one engineer really: 25 h of 40 h is over half, and it says so.
    await app.click("[data-testid=team-change]");
    await setText(app, "[data-testid=team-engineers]", "1");
    await app.click("[data-testid=team-save]");
    await until(app, "[data-testid=toil-over-cap]", /Over the 50% cap: Platform in the weeks of .* \(62\.5%\)/);
    await shots(app, "toil");

    // A delete goes to the trash with Undo, which brings it back as it was.
    await app.exec("[...document.querySelectorAll('[data-testid=toil-entry] button')].find(b => b.textContent === 'Delete').click()");
    await app.waitFor(async () => (await texts(app, "[data-testid=toil-entry]")).length === 0, "the entry gone");
    await app.waitFor(async () => !(await app.exists("[data-testid=toil-over-cap]")), "no toil, no warning");
    await undo(app, "Toil: Restart stuck CI runners by hand (Platform)");
    await app.waitFor(async () => (await texts(app, "[data-testid=toil-entry]")).length === 1, "the entry back");
    await app.find("[data-testid=toil-over-cap]");

    // The monthly report beside the other reports, OpenSLO in and out, CSV exports.
    await openReliability(app, "reports");
    await app.click("[data-testid=rel-report-markdown]");
    const md = await app.waitFor(() => app.exec("return document.querySelector('[data-testid=rel-report-output]')?.value"), "the report");
    assert.match(md, /ci-results/);
    answerOpenWith(join(process.cwd(), "tests/data/reliability/shop.yaml"));
    await app.click("[data-testid=openslo-import]");
    await app.find("[data-testid=openslo-preview]");
    await app.click("[data-testid=openslo-apply]");
    await until(app, "[data-testid=openslo-status]", /Imported: \d+ new SLOs/);
    await app.click("[data-testid=openslo-export]");
    await until(app, "[data-testid=openslo-status]", /Exported to /);
    const yaml = readFileSync((await app.text("[data-testid=openslo-status]")).replace(/^Exported to /, ""), "utf8");
    assert.match(yaml, /name: ci-results/);
    await app.click("[data-testid=csv-export-action_items]");
    await until(app, ".csv-tools [role=status]", /Exported 3 action_items rows to/);
    await shots(app, "reports");

    await openReliability(app, "services");
    await app.find("[data-testid=slo-table]");
    await shots(app, "overview");

    // The SLO screen in the dark theme: figures and charts stay readable.
    await app.exec("const s = document.querySelector('[data-testid=theme]'); s.value = 'dark'; s.dispatchEvent(new Event('change', { bubbles: true }));");
    await app.waitFor(async () => (await app.exec("return document.documentElement.dataset.theme")) === "dark", "the dark theme");
    await app.exec("[...document.querySelectorAll('[data-testid=slo-row] .link')].find(b => b.textContent === 'ci-results').click()");
    await until(app, "[data-testid=slo-title]", /ci-results/);
    await app.screenshot("reliability-slo-dark-1280");
    await app.exec("document.querySelector('.rel-charts').scrollIntoView({ block: 'start' })");
    await app.screenshot("reliability-slo-charts-dark-1280");
    await resize(app, 800, 560);
    await app.exec("document.querySelector('.rel-charts').scrollIntoView({ block: 'start' })");
    await app.screenshot("reliability-slo-charts-dark-800");
    await resize(app, 1280, 800);
    await app.exec("const s = document.querySelector('[data-testid=theme]'); s.value = 'light'; s.dispatchEvent(new Event('change', { bubbles: true }));");
  } finally {
    await app.quit();
  }
});
