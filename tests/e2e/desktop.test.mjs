// The desktop features in the real app: the page per person, the application menu, the
// keyboard shortcuts sheet, calendar files (.ics) and reminders.
//
// What WebDriver cannot reach is replaced at the edge only:
// - native file dialogs: the app's --test-dialog-dir seam answers them (a save goes to
//   DIR/<suggested name>), as in csv.test.mjs;
// - native menus: WebDriver cannot click a GTK menu bar. A menu click makes the shell emit the
//   event `menu` with the item's id (src-tauri/src/menu.rs); the test emits that same event
//   from the page through Tauri's event plugin (`plugin:event|emit`, the call `emit()` of
//   @tauri-apps/api makes), so MenuBridge and everything after it run for real. That every
//   menu id is handled is checked by a Rust test in menu.rs;
// - notifications: no notification daemon runs under Xvfb, so RAPPORT_NOTIFY_LOG makes the
//   shell append each one to a file as a JSON line instead of showing it.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Keys, Session, startDriver } from "./webdriver.mjs";

let driver;
const dir = mkdtempSync(join(tmpdir(), "rapport-e2e-desktop-"));
const db = join(dir, "workspace.db");
const notifyLog = join(dir, "notifications.jsonl");

before(async () => {
  // The app inherits the environment of tauri-driver, started here.
  process.env.RAPPORT_NOTIFY_LOG = notifyLog;
  driver = await startDriver();
});
after(() => driver?.stop());

/** Starts the app once the previous one has let go of the workspace (a second app on the same
 * workspace hands over to the first and exits, and the session would never start). */
async function start() {
  const lock = join(dir, ".workspace.db.lock");
  for (let i = 0; i < 150 && existsSync(lock); i++) {
    try {
      execFileSync("flock", ["-n", lock, "true"], { stdio: "ignore" });
      break;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return Session.start(driver.url, ["--db", db, "--test-dialog-dir", dir]);
}

/** Runs a command of the contract from the page; throws on its error. */
async function invoke(app, command, args = {}) {
  const r = await app.cmd("POST", "/execute/async", {
    script:
      "const done = arguments[arguments.length - 1]; window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(r => done({ ok: r }), e => done({ err: e }));",
    args: [command, args],
  });
  if (r.err) throw new Error(`${command}: ${JSON.stringify(r.err)}`);
  return r.ok;
}

/** What a click on the menu item `id` does: the shell emits `menu` with the id. */
const menu = (app, id) => invoke(app, "plugin:event|emit", { event: "menu", payload: id });

async function resize(app, width, height) {
  await app.cmd("POST", "/window/rect", { width, height });
  await app.waitFor(async () => Math.abs((await app.exec("return window.innerWidth")) - width) < 40, `the window at ${width}`);
}

/** Both sizes of a screen, for looking at. */
async function shots(app, name, scrollTo = null) {
  const scroll = () => scrollTo && app.exec(`document.querySelector(${JSON.stringify(scrollTo)}).scrollIntoView()`);
  await resize(app, 1280, 800);
  await scroll();
  await app.screenshot(`${name}-1280`);
  await resize(app, 800, 560);
  await scroll();
  await app.screenshot(`${name}-800`);
  const overflow = await app.exec(
    "return [document.documentElement, document.querySelector('main')].some((e) => e && e.scrollWidth > e.clientWidth + 1)",
  );
  assert.equal(overflow, false, `${name}: nothing runs past the right edge at 800 px`);
  await resize(app, 1280, 800);
}

const person = (name, extra = {}) => ({ name, team: "Platform", role: "ic", contact: "", core_user: false, notes: "", duplicate_ok: false, ...extra });
const iso = (ms) => new Date(ms).toISOString();
const localDay = (d = new Date()) => d.toLocaleDateString("sv");
const pad = (n) => String(n).padStart(2, "0");

/** Ids of what the tests seed. */
const seeded = {};

test("a person's page gathers what we know about them, from People and from an interview", async () => {
  const app = await start();
  try {
    const ana = await invoke(app, "people_create", { input: person("Ana Lima", { contact: "ana@example.com", core_user: true, notes: "Owns the deploy pipeline." }) });
    const bo = await invoke(app, "people_create", { input: person("Bo Chen", { team: "Checkout", contact: "@bo on Slack" }) });
    const interview = (title, at, ids) =>
      invoke(app, "interviews_plan", {
        input: { title, topic: "ci", scheduled_at: at, duration_minutes: 30, interviewee_ids: ids, note_taker_id: null, guide_id: null, acknowledge_mixed_roles: false },
      });
    const held = await interview("Deploy pipeline", iso(Date.now() - 3 * 86400_000), [ana.id]);
    await invoke(app, "interviews_start", { id: held.id });
    const quote = await invoke(app, "notes_add", { interview_id: held.id, input: { text: "I wait twenty minutes for CI every time.", is_quote: true, speaker_id: ana.id } });
    await invoke(app, "interviews_finish", { id: held.id });
    await invoke(app, "findings_create", {
      input: { title: "CI is slow enough to change how people work", detail: "", recommendation: "", status: "open", tags: [], evidence_note_ids: [quote.id], row_ids: [] },
    });
    const planned = await interview("Rollbacks, and why they hurt", iso(Date.now() + 2 * 86400_000), [ana.id, bo.id]);
    const today = await invoke(app, "today_date");
    const fu = await invoke(app, "followups_create", {
      input: { person_id: ana.id, reason: "Ask how the remote cache feels", due_on: today, deliverable_id: null, interview_id: null, release: "" },
    });
    const roadmap = await invoke(app, "roadmaps_create", { input: { title: "New CI", starts_on: today, ends_on: "", cadence: "weekly" } });
    await invoke(app, "roadmaps_add_row", {
      roadmap_id: roadmap.id,
      input: { project: "New CI pilot", stakeholders: "Ana Lima, Eng leads at company", goal_what: "Early feedback on the new CI", goal_why: "before it reaches everyone", priority: "high" },
    });
    // An SLO citing Ana as evidence, on a service Bo owns.
    const svc = await invoke(app, "services_create", { input: { name: "deploys", display_name: "Deploys", description: "", owner_id: bo.id, user_groups: [] } });
    await invoke(app, "slos_create", {
      input: {
        service_id: svc.id, name: "deploy-latency", display_name: "Deploys finish in 10 minutes", journey: "An engineer ships a change to production",
        persona: "", target: "99%", window: "28d", time_zone: "", method: "occurrences", slice_minutes: "", slice_target: "",
        people_ids: [ana.id], finding_ids: [], note_ids: [],
      },
    });
    Object.assign(seeded, { ana, bo, held, planned, fu, roadmap });

    // From People: the name opens the page.
    await app.click("a[data-area=people]");
    await app.click("[data-person='Ana Lima'] [data-testid=person-link]");
    await app.find("[data-testid=person-page]");
    assert.equal(await app.text("h1"), "Ana Lima");
    assert.match(await app.exec("return location.hash"), new RegExp(`^#/people/${ana.id}$`));
    assert.match(await app.text("[data-testid=person-facts]"), /core user[\s\S]*Platform[\s\S]*ana@example\.com/);
    const interviews = await app.text("[data-testid=person-interviews]");
    assert.match(interviews, /Interviews 2/);
    assert.match(interviews, /Rollbacks, and why they hurt[\s\S]*Deploy pipeline/, "most recent first");
    const quotes = await app.text("[data-testid=person-quotes]");
    assert.match(quotes, /I wait twenty minutes for CI every time\./);
    assert.match(quotes, /backs CI is slow enough to change how people work/);
    assert.match(await app.text("[data-testid=person-followups]"), /Ask how the remote cache feels[\s\S]*due today/);
    assert.match(await app.text("[data-testid=person-followups-done]"), /None done yet/);
    assert.match(await app.text("[data-testid=person-rows]"), /New CI pilot[\s\S]*New CI/);
    assert.match(await app.text("[data-testid=person-slos]"), /SLOs 1[\s\S]*Deploys finish in 10 minutes[\s\S]*deploys · 99% · cites them/);
    // Interviewed three days ago: contacted, not stale.
    assert.match(await app.text("[data-testid=person-contact-state]"), /Last contact .* by interview, 3 days ago\./);
    await shots(app, "person-page");

    // A link on the page opens the item; Back returns to the page.
    await app.click("[data-testid=person-followups] button.link");
    await app.waitFor(async () => (await app.exec("return location.hash")).startsWith("#/followups/"), "the follow-up");
    await app.exec("history.back()");
    await app.find("[data-testid=person-page]");

    // Edit from the page opens the form with the person in it; Escape goes back to the list.
    await app.click("[data-testid=person-edit]");
    await app.waitFor(async () => (await app.exec("return document.getElementById('person-name')?.value")) === "Ana Lima", "the edit form");
    assert.match(await app.exec("return location.hash"), /\/edit$/);

    // From an interview: an interviewee's name opens their page.
    await app.exec(`location.hash = "#/interviews/${planned.id}"`);
    await app.click("[data-testid=interviewee-link]:nth-of-type(1)");
    await app.waitFor(async () => (await app.exec("return location.hash")) === `#/people/${ana.id}`, "Ana's page from the interview");
    assert.equal(await app.text("h1"), "Ana Lima");
    // Bo: never contacted, so the page says so.
    await app.exec(`location.hash = "#/interviews/${planned.id}"`);
    await app.find("[data-testid=interviewee-link]");
    await app.exec("document.querySelectorAll('[data-testid=interviewee-link]')[1].click()");
    await app.waitFor(async () => (await app.text("h1")) === "Bo Chen", "Bo's page");
    assert.match(await app.text("[data-testid=person-contact-state]"), /Never contacted/);
    assert.match(await app.text("[data-testid=person-slos]"), /Deploys finish in 10 minutes[\s\S]*owns the service/);
    // The SLO's name opens the SLO.
    await app.click("[data-testid=person-slos] button.link");
    await app.waitFor(async () => (await app.exec("return location.hash")).startsWith("#/reliability/slo/"), "the SLO from Bo's page");
    await app.find("h1");
    assert.match(await app.text("main"), /Deploys finish in 10 minutes/);
    await app.exec("history.back()");
    await app.waitFor(async () => (await app.text("h1")) === "Bo Chen", "back on Bo's page");

    // From a follow-up and from Today.
    await app.click("a[data-area=followups]");
    await app.click("[data-testid=followup-person]");
    await app.waitFor(async () => (await app.exec("return location.hash")) === `#/people/${ana.id}`, "Ana's page from follow-ups");
    await app.click("a[data-area=today]");
    await app.click("[data-testid=today-person]");
    await app.waitFor(async () => (await app.exec("return location.hash")) === `#/people/${ana.id}`, "Ana's page from Today");
  } finally {
    await app.quit();
  }
});

test("menu items do what they say (the shell's `menu` event)", async () => {
  const app = await start();
  try {
    await app.find("h1");
    await menu(app, "view-roadmaps");
    await app.waitFor(async () => (await app.text("h1")) === "Roadmaps", "View → Roadmaps");
    assert.equal(await app.exec("return location.hash"), "#/roadmaps");

    await menu(app, "view-reliability");
    await app.waitFor(async () => (await app.exec("return location.hash")) === "#/reliability", "View → Reliability");
    await app.waitFor(async () => (await app.text("h1")) === "Reliability", "the Reliability screen");
    await menu(app, "view-workspace");
    await app.waitFor(async () => (await app.exec("return location.hash")) === "#/workspace", "View → Workspace");
    await app.waitFor(async () => (await app.text("h1")) === "Workspace", "the Workspace screen");

    await menu(app, "theme-dark");
    await app.waitFor(async () => (await app.exec("return document.documentElement.dataset.theme")) === "dark", "View → Dark theme");
    await menu(app, "theme-system");
    await app.waitFor(async () => (await app.exec("return document.documentElement.dataset.theme")) === "system", "back to the system theme");

    await menu(app, "zoom-in");
    await app.waitFor(async () => (await app.exec("return document.documentElement.style.zoom")) === "1.1", "zoom in");
    await menu(app, "zoom-reset");
    await app.waitFor(async () => (await app.exec("return document.documentElement.style.zoom")) === "1", "actual size");

    await menu(app, "help-about");
    await app.find("[data-testid=about-dialog]");
    assert.equal(await app.text("[data-testid=about-path]"), db);
    assert.match(await app.text("[data-testid=about-version]"), /^\d+\.\d+\.\d+/);
    await app.screenshot("about-dialog");
    await app.keys(Keys.Escape);
    await app.waitFor(async () => !(await app.exists("[data-testid=about-dialog]")), "About closes on Escape");

    // File → Back up now: a backup, announced.
    await menu(app, "file-backup");
    await app.waitFor(async () => /Backed up to .*\.(sqlite|db)/.test(await app.text(".toast, .toasts")), "the backup toast");

    // File → Import CSV… on People clicks its import (the dialog seam answers with nothing).
    await menu(app, "view-people");
    await app.find("[data-testid=csv-import-people]");
    await menu(app, "file-export");
    await app.waitFor(async () => (await app.exec("return document.activeElement?.dataset.testid")) === "csv-export-people", "Export… focuses the exports");
  } finally {
    await app.quit();
  }
});

test("the keyboard shortcuts sheet opens on ?, Ctrl+/ and Help → Keyboard shortcuts", async () => {
  const app = await start();
  try {
    await app.find("h1");
    await app.exec("document.activeElement?.blur()");
    await app.keys("?");
    await app.find("[data-testid=shortcuts-sheet]");
    const sheet = await app.text("[data-testid=shortcuts-sheet]");
    for (const k of ["Ctrl+K", "Ctrl+Shift+N", "Ctrl+O", "Ctrl+Shift+B", "Ctrl+Shift+I", "Ctrl+Shift+E", "Ctrl+Q", "F2"]) assert.ok(sheet.includes(k), `the sheet lists ${k}`);
    await shots(app, "shortcuts-sheet");
    await app.keys(Keys.Escape);
    await app.waitFor(async () => !(await app.exists("[data-testid=shortcuts-sheet]")), "Escape closes the sheet");

    // `?` typed in a text field is text, not a shortcut.
    await app.click("a[data-area=people]");
    await app.click("input[aria-label='Filter people']");
    await app.keys("?");
    assert.equal(await app.exists("[data-testid=shortcuts-sheet]"), false);

    await app.chord(Keys.Control, "/");
    await app.find("[data-testid=shortcuts-sheet]");
    await app.keys(Keys.Escape);
    await menu(app, "help-shortcuts");
    await app.find("[data-testid=shortcuts-sheet]");
  } finally {
    await app.quit();
  }
});

/** A Python that parses calendars (Debian's python3-icalendar), or null. */
function pythonWithIcalendar() {
  for (const py of ["python3", "/usr/bin/python3"]) {
    try {
      execFileSync(py, ["-c", "import icalendar"], { stdio: "ignore" });
      return py;
    } catch {
      // next
    }
  }
  return null;
}

function checkIcs(path, summary) {
  const text = readFileSync(path, "utf8");
  assert.ok(text.startsWith("BEGIN:VCALENDAR\r\n") && text.endsWith("END:VCALENDAR\r\n"), text);
  const py = pythonWithIcalendar();
  if (!py) return text;
  const out = execFileSync(py, ["-c", "import icalendar, sys; e = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read()).walk('VEVENT')[0]; print(e['SUMMARY'])", path], {
    encoding: "utf8",
  });
  assert.equal(out.trim(), summary);
  return text;
}

test("Add to calendar (.ics) writes a file a calendar parses, for an interview and a roadmap's meetings", async () => {
  const app = await start();
  try {
    const { planned, roadmap } = seeded;
    await app.exec(`location.hash = "#/interviews/${planned.id}"`);
    await app.click("[data-testid=interview-ics]");
    await app.waitFor(async () => /Saved the calendar invite to /.test(await app.text(".toasts")), "the saved toast");
    const name = await app.exec("return [...document.querySelectorAll('.toasts *')].map(e => e.textContent).join(' ')");
    const path = /Saved the calendar invite to (\S+\.ics)/.exec(name)?.[1];
    assert.ok(path && path.startsWith(dir) && existsSync(path), name);
    const text = checkIcs(path, "Rollbacks, and why they hurt");
    assert.ok(text.includes(`UID:${planned.id}@rapport.app`));
    assert.match(text, /ATTENDEE;CN="Ana Lima";ROLE=REQ-PARTICIPANT:mailto:ana@example\.com/);
    await shots(app, "interview-ics");

    await app.exec(`location.hash = "#/roadmaps/${roadmap.id}"`);
    await app.click("[data-testid=roadmap-ics]");
    await app.waitFor(async () => /Saved the update meetings to /.test(await app.text(".toasts")), "the meetings toast");
    const first = new Date(Date.now() + 7 * 86400_000);
    const file = join(dir, `update-meetings-${localDay(first)}-new-ci.ics`);
    const series = checkIcs(file, "New CI: roadmap update meeting");
    assert.match(series, /RRULE:FREQ=WEEKLY;INTERVAL=1;UNTIL=\d{8}T\d{6}Z/);
    await shots(app, "roadmap-ics");
  } finally {
    await app.quit();
  }
});

test("a follow-up due now becomes a notification (RAPPORT_NOTIFY_LOG)", async () => {
  let app = await start();
  try {
    if (!seeded.fu) {
      // Run alone: the follow-up the first test seeds.
      const ana = await invoke(app, "people_create", { input: person("Ana Lima") });
      const today = await invoke(app, "today_date");
      seeded.fu = await invoke(app, "followups_create", {
        input: { person_id: ana.id, reason: "Ask how the remote cache feels", due_on: today, deliverable_id: null, interview_id: null, release: "" },
      });
    }
    // Morning reminders at this very minute, no quiet hours: Ana's follow-up (due today) is due now.
    const now = new Date();
    const hm = `${pad(now.getHours())}:${pad(now.getMinutes())}:00`;
    await invoke(app, "reminders_save_settings", { settings: { enabled: true, quiet_start: "00:00:00", quiet_end: "00:00:00", morning: hm } });
    // The Reminders section on Today shows the settings; a morning in quiet hours is refused at its field.
    // (Today was open before the settings changed: leave it and come back to read them again.)
    await app.click("a[data-area=people]");
    await app.click("a[data-area=today]");
    await app.waitFor(async () => (await app.exec("return document.getElementById('reminders-morning')?.value")) === hm.slice(0, 5), "the morning time");
    await shots(app, "today-reminders", "[data-testid=reminders]");
  } finally {
    await app.quit();
  }
  // The check a few seconds after a start shows it: in the session above if it was still open,
  // else after this start, as itself or (the minute has passed) in the summary of what was
  // missed while Rapport was closed.
  app = await start();
  try {
    const line = await app.waitFor(
      () => {
        if (!existsSync(notifyLog)) return null;
        return readFileSync(notifyLog, "utf8")
          .split("\n")
          .filter(Boolean)
          .map((l) => JSON.parse(l))
          .find((n) => `${n.title} ${n.body}`.includes("Follow up with Ana Lima"));
      },
      "the notification line",
      20_000,
    );
    assert.ok(line.key && line.target.startsWith("#/"), JSON.stringify(line));
    if (line.covers.length === 0) {
      assert.equal(line.target, `#/followups/${seeded.fu.id}`);
      assert.equal(line.body, "Due today: Ask how the remote cache feels");
    }
    // Recorded as sent: a restart does not show it again.
    const count = readFileSync(notifyLog, "utf8").split("\n").filter(Boolean).length;
    await app.quit();
    app = await start();
    await new Promise((r) => setTimeout(r, 5000));
    assert.equal(readFileSync(notifyLog, "utf8").split("\n").filter(Boolean).length, count, "nothing replayed");

    // Switched off from Today.
    await app.click("a[data-area=today]");
    await app.click("[data-testid=reminders-enabled]");
    await app.waitFor(async () => (await app.text("[data-testid=reminders-status]")) === "Reminders are off.", "reminders off");
    assert.equal((await invoke(app, "reminders_settings")).enabled, false);
  } finally {
    await app.quit();
  }
});
