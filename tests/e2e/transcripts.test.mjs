// Transcripts end to end: import by the file dialog (a malformed file and the same file twice
// are refused, nothing stored) or by a drop, speakers mapped to the interview's people, the
// timeline searched and quoted from, the interviewer audit, a search hit landing on its cue,
// delete with Undo, and a 2,000-cue transcript that scrolls without freezing.
// Only the native file dialog is replaced (the app's --test-dialog-dir seam answers it).
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { Keys, Session, startDriver } from "./webdriver.mjs";

let driver;
const dir = mkdtempSync(join(tmpdir(), "rapport-e2e-"));
const db = join(dir, "workspace.db");
const ARGS = ["--db", db, "--test-dialog-dir", dir];
const FIXTURES = resolve("tests/data/transcripts");
const Shift = "\uE008";
before(async () => {
  driver = await startDriver();
});
after(() => driver?.stop());

/** The next open dialog answers with `path`. */
const answerOpenWith = (path) => writeFileSync(join(dir, "open-path.txt"), path);
const size = (app, width, height) => app.cmd("POST", "/window/rect", { width, height });
const theme = (app, t) => app.choose("[data-testid=theme]", t);

async function addPerson(app, name) {
  await app.click("[data-testid=person-new]");
  await app.type("#person-name", name);
  await app.choose("#person-role", "ic");
  await app.click("[data-testid=person-save]");
  await app.waitFor(() => app.exists(`[data-person="${name}"]`), name);
}

/** Picks `name` in the person picker `#id` by typing, as a user would. */
async function pick(app, id, name) {
  await app.type(`#${id}`, name.split(" ")[0]);
  const option = `[...document.querySelectorAll('#${id}-options li')].find(li => li.textContent.startsWith(arguments[0]))`;
  await app.waitFor(() => app.exec(`return Boolean(${option})`, [name]), `${name} offered`);
  await app.exec(`${option}.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, cancelable: true }))`, [name]);
}

async function planInterview(app, title, interviewee, noteTaker) {
  await app.click("a[data-area=people]");
  await addPerson(app, interviewee);
  if (noteTaker) await addPerson(app, noteTaker);
  await app.click("a[data-area=interviews]");
  await app.click("[data-testid=interview-new]");
  await app.type("#interview-title", title);
  await pick(app, "interview-interviewee-add", interviewee);
  await app.waitFor(async () => (await app.text("[data-testid=interviewees]")).includes(interviewee), `${interviewee} picked`);
  if (noteTaker) await pick(app, "interview-note_taker_id", noteTaker);
  await app.click("[data-testid=interview-save]");
  await app.waitFor(async () => (await app.text("[data-testid=interview-mode] h1").catch(() => "")) === title, `interview “${title}”`);
}

const speakers = (app) => app.exec("return [...document.querySelectorAll('[data-testid=transcript-timeline] [data-testid=cue-speaker]')].map(e => e.textContent)");
const speakerOf = (app, seq) =>
  app.exec(
    `let row = document.querySelector('[data-cue-row="' + arguments[0] + '"]');
     for (let i = arguments[0]; i >= 0; i--) { const r = document.querySelector('[data-cue-row="' + i + '"] [data-testid=cue-speaker]'); if (r) return r.textContent; }
     return null;`,
    [seq],
  );

/** Maps a speaker label to the option whose text starts with `option`, as a user would. */
async function mapSpeaker(app, label, option) {
  const css = `[data-testid=transcript-speakers] li[data-label="${label}"] select`;
  await app.find(css);
  const value = await app.exec(`return [...document.querySelector(arguments[0]).options].find(o => o.textContent.startsWith(arguments[1])).value`, [css, option]);
  await app.choose(css, value);
  await app.waitFor(async () => (await app.exec("return document.querySelector(arguments[0]).value", [css])) === value && !(await app.attr(css, "disabled")), `${label} → ${option}`);
}

/** Selects `words` in cue `seq`'s text the way a mouse would, and lets go. */
async function selectWords(app, seq, words) {
  const ok = await app.exec(
    `const text = document.querySelector('[data-cue-row="' + arguments[0] + '"] [data-cue-text]');
     if (!text) return false;
     text.scrollIntoView({ block: 'center' });
     const start = text.textContent.indexOf(arguments[1]);
     if (start < 0) return false;
     const at = (off) => { const w = document.createTreeWalker(text, NodeFilter.SHOW_TEXT); let n = 0;
       for (let t = w.nextNode(); t; t = w.nextNode()) { const len = t.textContent.length; if (off <= n + len) return [t, off - n]; n += len; } };
     const r = document.createRange(); r.setStart(...at(start)); r.setEnd(...at(start + arguments[1].length));
     const s = getSelection(); s.removeAllRanges(); s.addRange(r);
     text.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
     return true;`,
    [seq, words],
  );
  assert.ok(ok, `“${words}” in cue ${seq}`);
  await app.waitFor(async () => (await app.text("[data-testid=pull-bar] .pull-words").catch(() => "")).includes(words), "the Quote/Note bar");
}

/** On screen, inside the window, and not covered by anything over it. */
function visible(app, css) {
  return app.exec(
    `const el = document.querySelector(arguments[0]); if (!el) return false;
     const r = el.getBoundingClientRect();
     if (r.height === 0 || r.top < 0 || r.left < 0 || r.bottom > window.innerHeight || r.right > window.innerWidth) return false;
     const hit = document.elementFromPoint(r.left + Math.min(r.width / 2, 40), r.top + r.height / 2);
     return el === hit || el.contains(hit);`,
    [css],
  );
}

/** Nothing runs past the window's right edge. */
const overflowing = (app) =>
  app.exec(
    `return [...document.querySelectorAll('[data-testid=interview-mode] *')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.right > window.innerWidth + 1; })
       .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 30));`,
  );

/** Screenshots at 1280×800 and 800×560 (and dark, with `dark`); `each` runs after each resize
 * (e.g. to bring back into view what a resize scrolled away). */
async function shots(app, name, { dark = false, each = async () => undefined } = {}) {
  for (const [w, h] of [[1280, 800], [800, 560]]) {
    await size(app, w, h);
    await sleep(300); // the window manager applies the size, then the page lays out again
    await each(w);
    assert.deepEqual(await overflowing(app), [], `nothing past the right edge at ${w}×${h} (${name})`);
    await app.screenshot(`${name}-${w}`);
    if (dark) {
      await theme(app, "dark");
      await app.screenshot(`${name}-${w}-dark`);
      await theme(app, "light");
    }
  }
  // Back to the usual size, and settled there (a focused cue scrolls itself back into view)
  // before the test clicks anything else.
  await size(app, 1280, 800);
  await sleep(300);
  await each(1280);
}

test("transcript: import, refusals, speakers, search, quote, audit, global search, delete with Undo", async () => {
  const app = await Session.start(driver.url, ARGS);
  try {
    await size(app, 1280, 800);
    await planInterview(app, "Build farm", "Marcus O'Neil", "Sam Lee");
    await app.click("[data-testid=interview-tab-transcript]");
    await app.find("[data-testid=transcript-empty]");
    assert.match(await app.exec("return location.hash"), /^#\/interviews\/[^/]+\/transcript$/);
    await shots(app, "transcript-empty");

    // A malformed file: the core's message with its line, and nothing stored.
    answerOpenWith(join(FIXTURES, "bad_timestamp.vtt"));
    await app.click("[data-testid=transcript-import]");
    assert.match(await app.text("[data-testid=transcript-import-error]"), /^bad_timestamp\.vtt, line 11: /);
    assert.ok(await app.exists("[data-testid=transcript-empty]"), "nothing was stored");
    await shots(app, "transcript-import-error");

    // A dropped file goes the same way. (WebDriver cannot drop a file: the webview's drop event
    // is sent as the shell sends it. The shell lets the page open what was dropped; this path
    // was picked above, so it is allowed already.)
    const drop = (path) =>
      app.exec("return window.__TAURI_INTERNALS__.invoke('plugin:event|emit', { event: 'tauri://drag-drop', payload: { paths: [arguments[0]], position: { x: 100, y: 100 } } })", [path]);
    await drop(join(dir, "notes.pdf"));
    await app.waitFor(async () => /“notes\.pdf” is not a transcript/.test(await app.text("[data-testid=transcript-import-error]")), "a dropped non-transcript refused");
    await drop(join(FIXTURES, "bad_timestamp.vtt"));
    await app.waitFor(async () => /^bad_timestamp\.vtt, line 11: /.test(await app.text("[data-testid=transcript-import-error]")), "the dropped file's error");
    assert.ok(await app.exists("[data-testid=transcript-empty]"), "still nothing stored");

    // The fixture, by the dialog.
    const vtt = join(FIXTURES, "interview.vtt");
    answerOpenWith(vtt);
    await app.click("[data-testid=transcript-import]");
    await app.waitFor(() => app.exists("[data-testid=transcript-timeline] [data-cue-row]"), "the timeline");
    assert.equal(await app.exists("[data-testid=transcript-import-error]"), false);
    assert.match(await app.exec("return location.hash"), /\/transcript\/[0-9a-f-]{36}$/);
    assert.match(await app.text("[data-testid=transcript-meta]"), /^14 cues · 1:42 · /);
    assert.equal(await app.attr("[data-testid=transcript-timeline]", "data-total"), "14");
    // Marcus is mapped by his name; Priya (you) and the crosstalk are not yet.
    assert.deepEqual((await speakers(app)).slice(0, 2), ["Priya Ramannot mapped", "Marcus O'Neil"]);
    assert.equal(await speakerOf(app, 13), "Unknownnot mapped");
    assert.match(await app.text("[data-testid=audit-guessed]"), /Taking Priya Raman as the interviewer/);
    await shots(app, "transcript-imported", { dark: true });

    // The same file again is refused, and nothing is added.
    await app.click("[data-testid=transcript-import]");
    assert.match(await app.text("[data-testid=transcript-import-error]"), /already on this interview \(imported .*\); nothing was added/);
    assert.equal(await app.exists("[data-testid=transcript-pick]"), false, "still one transcript");
    await app.screenshot("transcript-twice");
    assert.doesNotMatch(await app.text("[data-testid=transcript-import-error]"), /\d{4}-\d\d-\d\dT/, "the time is local, not ISO");
    await app.click("[data-testid=transcript-import-dismiss]");
    await app.waitFor(async () => !(await app.exists("[data-testid=transcript-import-error]")), "the message dismissed");

    // Speakers: Priya is you, the crosstalk is Marcus; the timeline follows.
    await mapSpeaker(app, "Priya Raman", "You");
    await app.exec("document.querySelector('[data-testid=toasts] [aria-label=Dismiss]')?.click()");
    await mapSpeaker(app, "Unknown", "Marcus O'Neil");
    await app.waitFor(async () => (await speakerOf(app, 0)) === "Priya Ramanyou", "Priya as you");
    await app.waitFor(async () => (await speakerOf(app, 13)) === "Marcus O'Neil", "the crosstalk as Marcus");
    assert.equal(await app.exists("[data-testid=audit-guessed]"), false);

    // The audit: the fixture's 8 questions, 3 leading, each with its rule, words and rewrite.
    assert.equal(await app.text("[data-testid=audit-summary]"), "You asked 8 questions; 3 led.");
    const led = await app.exec("return [...document.querySelectorAll('[data-testid=audit-leading] > li')].map(li => li.dataset.question)");
    assert.deepEqual(led, ["Do you like the new dashboard?", "Don't you think that's frustrating?", "Isn't the alerting frustrating?"]);
    const second = await app.text("[data-testid=audit-leading] > li:nth-child(2)");
    assert.match(second, /frustrating/);
    assert.match(second, /Try: /);
    assert.equal(await app.text("[data-testid=talk-interviewer]"), "50% of words · 31% of time");
    assert.equal(await app.text("[data-testid=talk-interviewee]"), "50% of words · 69% of time");
    // The link goes to the moment: cue 11 (01:25), highlighted.
    await app.click("[data-testid=audit-leading] > li:nth-child(3) [data-testid=audit-jump]");
    await app.waitFor(() => app.exists(".vrow.focused [data-cue-row='11']"), "cue 11 highlighted");
    await app.waitFor(() => visible(app, ".vrow.focused [data-cue-row='11']"), "cue 11 on screen");
    assert.match(await app.text(".vrow.focused [data-cue-row='11'] .tr-leading"), /Isn't the alerting frustrating\?/);
    await shots(app, "transcript-audit");

    // Search within the transcript: Enter and Shift+Enter step through the hits.
    await app.type("[data-testid=transcript-search]", "frustrating");
    await app.waitFor(async () => (await app.text("[data-testid=transcript-search-count]")) === "2 matches", "2 matches");
    await app.keys(Keys.Enter);
    assert.equal(await app.text("[data-testid=transcript-search-count]"), "1 of 2");
    assert.equal(await app.exec("return document.querySelector('.tr-hit.current').closest('[data-cue-row]').dataset.cueRow"), "7");
    await app.keys(Keys.Enter);
    assert.equal(await app.text("[data-testid=transcript-search-count]"), "2 of 2");
    assert.equal(await app.exec("return document.querySelector('.tr-hit.current').closest('[data-cue-row]').dataset.cueRow"), "11");
    await app.chord(Shift, Keys.Enter);
    assert.equal(await app.text("[data-testid=transcript-search-count]"), "1 of 2");
    await app.waitFor(() => visible(app, ".tr-hit.current"), "the current hit on screen");
    assert.equal(await app.exec("return document.querySelectorAll('[data-testid=transcript-timeline] .tr-hit').length"), 2);
    // In the small window too: the next hit comes into view under the sticky search box.
    await shots(app, "transcript-search", {
      dark: true,
      each: async (w) => {
        if (w === 1280) return;
        await app.exec("document.querySelector('[data-testid=transcript-search]').focus()");
        await app.keys(Keys.Enter);
        await app.waitFor(async () => (await app.text("[data-testid=transcript-search-count]")) === "2 of 2", "2 of 2 at 800");
        await app.waitFor(() => visible(app, ".tr-hit.current"), "the current hit on screen at 800");
      },
    });
    await app.setValue("[data-testid=transcript-search]", "");

    // A quote from Marcus's words: linked to the span, highlighted, and in the notes.
    await selectWords(app, 3, "It hides the queue depth.");
    await shots(app, "transcript-selection");
    await app.click("[data-testid=pull-quote]");
    await app.waitFor(async () => (await app.exec("return document.querySelector('[data-cue-row=\"3\"] .pulled-quote')?.textContent")) === "It hides the queue depth.", "the quote highlighted");
    assert.equal(await app.exists("[data-testid=pull-bar]"), false);
    // A quote across two speakers is refused with the core's reason.
    await app.exec(
      `const a = document.querySelector('[data-cue-row="2"] [data-cue-text]'), b = document.querySelector('[data-cue-row="3"] [data-cue-text]');
       const r = document.createRange(); r.setStart(a.firstChild, 0); r.setEnd(b.firstChild, 3);
       getSelection().removeAllRanges(); getSelection().addRange(r); b.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));`,
    );
    await app.click("[data-testid=pull-quote]");
    assert.match(await app.text("[data-testid=pull-error]"), /A quote is one person's words/);
    // The same words as a note with a tag are fine.
    await app.click("[data-testid=pull-note]");
    await app.type("[data-testid=pull-note-tags]", "dashboard");
    await app.keys(Keys.Enter);
    await app.waitFor(() => app.exists("[data-cue-row='2'] .pulled-note"), "the note highlighted");
    await shots(app, "transcript-pulled", { dark: true });

    await app.click("[data-testid=interview-tab-notes]");
    await app.waitFor(() => app.exists("[data-testid=notes] li.quote"), "the quote in the notes");
    assert.match(await app.text("[data-testid=notes] li.quote"), /It hides the queue depth\.\s*— Marcus O'Neil/);
    assert.match(await app.text("[data-testid=notes] li.note:not(.quote)"), /Do you like the new dashboard\? Not/);
    assert.match(await app.text("[data-testid=notes] li.note:not(.quote)"), /#dashboard/);
    // Remapping Marcus re-attributes the quote; mapping him back restores it.
    await app.click("[data-testid=interview-tab-transcript]");
    await mapSpeaker(app, "Marcus O'Neil", "Not mapped");
    await app.waitFor(async () => (await speakerOf(app, 1)) === "Marcus O'Neilnot mapped", "Marcus unmapped");
    await app.click("[data-testid=interview-tab-notes]");
    await app.waitFor(async () => !/— Marcus/.test(await app.text("[data-testid=notes] li.quote")), "the quote without a speaker");
    await app.click("[data-testid=interview-tab-transcript]");
    await mapSpeaker(app, "Marcus O'Neil", "Marcus O'Neil");
    await app.click("[data-testid=interview-tab-notes]");
    await app.waitFor(async () => /— Marcus O'Neil/.test(await app.text("[data-testid=notes] li.quote")), "the quote by Marcus again");
    await shots(app, "transcript-notes");
    // The quote is evidence like any other: it can be selected for a finding.
    assert.ok(await app.exists("[data-testid=notes] li.quote input[type=checkbox]"));
    // And it links back to its moment.
    await app.click("[data-testid=notes] li.quote [data-testid=note-source]");
    await app.waitFor(() => app.exists(".vrow.focused [data-cue-row='3']"), "the quote's cue");

    // Global search finds the words said; the transcript hit lands on the cue, highlighted.
    await app.click("a[data-area=search]");
    await app.type("[data-testid=search-input]", "grepped runner");
    await app.waitFor(() => app.exists("[data-testid=search-hits] [data-kind=transcript]"), "the transcript hit");
    await app.screenshot("transcript-search-hit");
    await app.click("[data-testid=search-hits] [data-kind=transcript]");
    await app.waitFor(() => app.exists(".vrow.focused [data-cue-row='10']"), "cue 10 highlighted");
    await app.waitFor(() => visible(app, ".vrow.focused [data-cue-row='10']"), "cue 10 on screen");
    assert.match(await app.exec("return location.hash"), /\/transcript\/[0-9a-f-]{36}\?focus=/);
    await shots(app, "transcript-search-landed", {
      dark: true,
      // The window resized: the cue comes back into view by itself.
      each: () => app.waitFor(() => visible(app, ".vrow.focused [data-cue-row='10']"), "cue 10 on screen after a resize"),
    });

    // Delete: to the trash, with Undo; Undo brings it back whole (quotes still linked).
    await app.click("[data-testid=transcript-delete]");
    await app.waitFor(async () => /Deleted “interview\.vtt”/.test(await app.text("[data-testid=toasts]").catch(() => "")), "the Undo toast");
    await app.find("[data-testid=transcript-empty]");
    await app.screenshot("transcript-deleted");
    await app.click("[data-testid=toast-undo]");
    await app.waitFor(() => app.exists("[data-testid=transcript-timeline] [data-cue-row]"), "the transcript back");
    await app.waitFor(() => app.exists("[data-cue-row='3'] .pulled-quote"), "its quote highlighted again");
  } finally {
    await app.quit();
  }
});

/** A WebVTT of `n` cues, two speakers taking turns. */
function longVtt(n) {
  const t = (ms) => new Date(ms).toISOString().slice(11, 23);
  const lines = ["WEBVTT", ""];
  for (let i = 0; i < n; i++) {
    const who = i % 2 ? "Ana Long" : "Interviewer";
    lines.push(`${i + 1}`, `${t(i * 4000)} --> ${t(i * 4000 + 3500)}`, `<v ${who}>Cue number ${i} about deploys and how they went that day.`, "");
  }
  return lines.join("\n");
}

test("a 2,000-cue transcript opens and scrolls to its end without freezing", async () => {
  const app = await Session.start(driver.url, ARGS);
  try {
    await size(app, 1280, 800);
    await planInterview(app, "Long call", "Ana Long");
    await app.click("[data-testid=interview-tab-transcript]");
    const file = join(dir, "long.vtt");
    writeFileSync(file, longVtt(2000));
    answerOpenWith(file);
    const t0 = Date.now();
    await app.click("[data-testid=transcript-import]");
    await app.waitFor(() => app.exists("[data-testid=transcript-timeline] [data-cue-row]"), "the long timeline", 15_000);
    assert.equal(await app.attr("[data-testid=transcript-timeline]", "data-total"), "2000");
    const rendered = await app.exec("return document.querySelectorAll('[data-testid=transcript-timeline] [data-cue-row]').length");
    assert.ok(rendered < 120, `only the rows on screen are drawn (${rendered})`);
    // To the end: the last cue is drawn and on screen, and the window still answers.
    await app.exec("document.querySelector('main.content').scrollTop = 1e9");
    await app.waitFor(() => app.exists("[data-cue-row='1999']"), "the last cue drawn", 5_000);
    await app.exec("document.querySelector('main.content').scrollTop = 1e9");
    await app.waitFor(() => visible(app, "[data-cue-row='1999']"), "the last cue on screen", 5_000);
    assert.ok(Date.now() - t0 < 15_000, `imported, drawn and scrolled in ${Date.now() - t0} ms`);
    // Search over all 2,000 cues, then to the last hit.
    await app.type("[data-testid=transcript-search]", "number 1234 ");
    await app.waitFor(async () => (await app.text("[data-testid=transcript-search-count]")) === "1 match", "one match");
    await app.keys(Keys.Enter);
    await app.waitFor(() => visible(app, "[data-cue-row='1234'] .tr-hit.current"), "cue 1234 on screen", 5_000);
    await shots(app, "transcript-long", { dark: true });
  } finally {
    await app.quit();
  }
});
