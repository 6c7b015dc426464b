// The real-app half of `make bench` (run by scripts/bench-app.sh, inside Xvfb, with private XDG
// directories): the release rapport-app next to references measured in the same run — the
// bare Tauri app (benches/bare-tauri) for binary size, time to a mapped window and idle memory,
// and the same app on an empty workspace for every screen's "click to painted" time on the
// team-scale workspace. Timings are medians of 5 after a warm-up; the machine is shared, so
// read the ratios rather than the absolute figures.
//
// Environment: APP_BIN, BARE_BIN, CLI_BIN (release binaries), BENCH_WORK (a scratch directory),
// optionally RAPPORT_SCALE_DB (an existing team-scale workspace to copy instead of generating).
import { execFile, execFileSync, spawn } from "node:child_process";
import { copyFileSync, existsSync, openSync, readFileSync, readdirSync, readlinkSync, realpathSync, statSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { setTimeout as sleep } from "node:timers/promises";
import { promisify } from "node:util";
import { Session, startDriver } from "../tests/e2e/webdriver.mjs";

const run = promisify(execFile);
const env = (k) => {
  const v = process.env[k];
  if (!v) throw new Error(`${k} must be set (run scripts/bench-app.sh)`);
  return v;
};
const APP = env("APP_BIN");
const BARE = env("BARE_BIN");
const CLI = env("CLI_BIN");
const WORK = env("BENCH_WORK");
const RUNS = 5;
const IDLE_MS = 5000;

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const log = (...a) => console.error("bench-app:", ...a);

// ---------------------------------------------------------------- workspaces

/** A workspace made by rapport-cli, with automatic backups off: the app's first automatic
 * backup (20 s after start, a full copy of the file) would otherwise land in the middle of the
 * timings. */
function workspace(name, flag) {
  const path = join(WORK, `${name}.db`);
  if (flag === "--scale" && process.env.RAPPORT_SCALE_DB && existsSync(process.env.RAPPORT_SCALE_DB)) {
    copyFileSync(process.env.RAPPORT_SCALE_DB, path);
  } else {
    const t = performance.now();
    execFileSync(CLI, ["init", path, ...(flag ? [flag] : [])], { stdio: ["ignore", "ignore", "inherit"] });
    log(`${name} workspace in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  execFileSync("sqlite3", [
    path,
    `INSERT OR REPLACE INTO settings(key, value) VALUES ('backup_policy', '{"automatic":false,"keep_daily":7,"keep_weekly":4}')`,
  ]);
  return path;
}

// ---------------------------------------------------------------- processes and memory

/** pid → parent pid, for every process we can see. */
function parents() {
  const map = new Map();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      // The name (field 2) may hold spaces and parentheses: the fields after it are reliable.
      const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      map.set(Number(d), Number(rest[1]));
    } catch {
      // gone already
    }
  }
  return map;
}

/** `root` and every process below it. */
function tree(root) {
  const ppid = parents();
  const out = [root];
  for (let i = 0; i < out.length; i++) for (const [pid, pp] of ppid) if (pp === out[i]) out.push(pid);
  return out.filter((p) => ppid.has(p));
}

const comm = (pid) => {
  try {
    return readFileSync(`/proc/${pid}/comm`, "utf8").trim();
  } catch {
    return "?";
  }
};

/** Proportional set size of one process, in bytes (0 once it is gone). */
function pss(pid) {
  try {
    const m = /^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, "utf8"));
    return m ? Number(m[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** PSS of `root` and its descendants, in total and by process name. */
function pssOfTree(root) {
  const by = {};
  let total = 0;
  for (const pid of tree(root)) {
    const b = pss(pid);
    by[comm(pid)] = (by[comm(pid)] ?? 0) + b;
    total += b;
  }
  return { total, by };
}

const MB = (b) => b / (1024 * 1024);

/** Our own rapport-app process: under this node process (tauri-driver → WebKitWebDriver → app),
 * never anyone else's. */
function ourApp() {
  const real = realpathSync(APP);
  for (const pid of tree(process.pid)) {
    try {
      if (readlinkSync(`/proc/${pid}/exe`) === real) return pid;
    } catch {
      // not ours to read, or gone
    }
  }
  throw new Error("the app process was not found under this benchmark");
}

// ---------------------------------------------------------------- direct launches

/** Starts `bin` in its own process group; resolves the time until its window `title` is mapped
 * (polling `xwininfo -name`), and gives a way to stop it and everything it started. */
async function launch(bin, args, title, logName) {
  const out = openSync(join(WORK, `${logName}.log`), "a");
  const t0 = performance.now();
  const child = spawn(bin, args, { detached: true, stdio: ["ignore", out, out] });
  let exited = false;
  const gone = new Promise((r) => child.once("exit", () => r((exited = true))));
  const stop = async () => {
    const all = tree(child.pid);
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await Promise.race([gone, sleep(3000)]);
    for (const pid of all) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // exited
      }
    }
    await sleep(200);
  };
  for (;;) {
    if (exited) throw new Error(`${bin} exited before its window was mapped (see ${logName}.log)`);
    if (performance.now() - t0 > 30_000) {
      await stop();
      throw new Error(`${title}: no mapped window after 30 s`);
    }
    const r = await run("xwininfo", ["-name", title]).catch(() => null);
    if (r && /Map State:\s+IsViewable/.test(r.stdout)) return { ms: performance.now() - t0, pid: child.pid, stop };
    await sleep(5);
  }
}

/** Time to a mapped window and PSS after IDLE_MS idle, for the bare app and Rapport (empty
 * workspace), alternating, one warm-up launch each and RUNS measured ones. */
async function launches(emptyDb) {
  const apps = [
    { name: "bare", bin: BARE, args: [], title: "Bare" },
    { name: "rapport", bin: APP, args: ["--db", emptyDb], title: "Rapport" },
  ];
  const res = { bare: { mapped: [], pss: [], by: [] }, rapport: { mapped: [], pss: [], by: [] } };
  for (let r = 0; r <= RUNS; r++) {
    for (const a of apps) {
      // A shared machine: a launch that dies before mapping (say GTK failing to reach the X
      // server) is retried once, and logged.
      const l = await launch(a.bin, a.args, a.title, a.name).catch((e) => {
        log(`retrying after: ${e.message}`);
        return launch(a.bin, a.args, a.title, a.name);
      });
      await sleep(IDLE_MS);
      const m = pssOfTree(l.pid);
      await l.stop();
      if (r === 0) continue; // warm-up: page cache, fontconfig and WebKit caches
      res[a.name].mapped.push(l.ms);
      res[a.name].pss.push(m.total);
      res[a.name].by.push(m.by);
      log(`${a.name}: window mapped in ${l.ms.toFixed(0)} ms, PSS ${MB(m.total).toFixed(1)} MB`, JSON.stringify(Object.fromEntries(Object.entries(m.by).map(([k, v]) => [k, +MB(v).toFixed(1)]))));
    }
  }
  return res;
}

// ---------------------------------------------------------------- screens through WebDriver

/** Each sidebar area, and what shows that its screen is painted: a list row with content (not
 * a "Loading…" placeholder), or the list's empty state. Follow-ups has two lists. */
const SCREENS = [
  { area: "today", label: "Today", parts: [{ what: "dashboard", rows: "main.content .today-grid" }] },
  { area: "people", label: "People", parts: [{ what: "list", rows: "[data-testid=people-table] .person-row", empty: "main.content .empty" }] },
  { area: "interviews", label: "Interviews", parts: [{ what: "list", rows: "[data-testid=interview-list] .interview-row", empty: "main.content .empty" }] },
  { area: "questions", label: "Questions", parts: [{ what: "list", rows: "[data-testid=question-list] .qrow", empty: "main.content .empty" }] },
  { area: "sprints", label: "Sprints", parts: [{ what: "list", rows: "[data-testid=sprint-list] tbody tr", empty: "main.content .empty" }] },
  { area: "roadmaps", label: "Roadmaps", parts: [{ what: "list", rows: "[data-testid=roadmap-list] tbody tr", empty: "main.content .empty" }] },
  {
    area: "followups",
    label: "Follow-ups",
    parts: [
      { what: "list", rows: "[data-testid=followup-list] .followup-row", empty: "main.content .empty" },
      { what: "not-contacted card", rows: "[data-testid=not-contacted] li[data-stale]", empty: "[data-testid=not-contacted] > p.muted" },
    ],
  },
  { area: "findings", label: "Findings", parts: [{ what: "list", rows: "[data-testid=affinity] article.finding", empty: "main.content .empty" }] },
  { area: "search", label: "Search", parts: [{ what: "input", rows: "[data-testid=search-input]" }] },
];

// In the page: note performance.now(), click the sidebar link, then check once a frame
// (requestAnimationFrame) until the new screen is current and each part shows rows or its
// empty state; the time is taken in a task queued from that frame, i.e. after it was painted.
const VISIT = `
const [area, parts, done] = arguments;
const link = document.querySelector('nav.sidebar a[data-area="' + area + '"]');
const current = () => link.getAttribute("aria-current") === "page";
const ready = (p) => (p.rows && document.querySelector(p.rows)) || (p.empty && document.querySelector(p.empty));
const seen = parts.map(() => false);
const times = parts.map(() => null);
const rows = parts.map(() => 0);
let finished = false;
const finish = (v) => { if (!finished) { finished = true; done(v); } };
setTimeout(() => finish({ error: "timed out", times }), 30000);
const check = () => {
  if (finished) return;
  if (current()) parts.forEach((p, i) => {
    if (seen[i] || !ready(p)) return;
    seen[i] = true;
    rows[i] = p.rows ? document.querySelectorAll(p.rows).length : 0;
    setTimeout(() => {
      times[i] = performance.now() - t0;
      if (times.every((t) => t !== null)) {
        const count = document.querySelector("main.content .count");
        finish({ times, rows, count: count ? count.textContent : "" });
      }
    }, 0);
  });
  if (!seen.every(Boolean)) requestAnimationFrame(check);
};
const t0 = performance.now();
link.click();
requestAnimationFrame(check);
`;

async function execAsync(s, script, args) {
  return s.cmd("POST", "/execute/async", { script, args });
}

// Waits until the page has drawn 10 frames in a row less than 50 ms apart (its main thread is
// free: the previous screen's rendering and scripts are over), at most 20 s; returns the wait.
const SETTLE = `
const done = arguments[0];
const start = performance.now();
let last = start, calm = 0;
const frame = () => {
  const now = performance.now();
  calm = now - last < 50 ? calm + 1 : 0;
  last = now;
  if (calm >= 10 || now - start > 20000) done(now - start);
  else requestAnimationFrame(frame);
};
requestAnimationFrame(frame);
`;

async function visit(s, screen) {
  await sleep(250);
  const settled = await execAsync(s, SETTLE, []);
  if (settled > 1000) log(`(waited ${settled.toFixed(0)} ms for the page to settle before opening ${screen.label})`);
  const r = await execAsync(s, VISIT, [screen.area, screen.parts]);
  if (r.error) throw new Error(`${screen.label}: ${r.error} (${JSON.stringify(r)})`);
  return r;
}

/** Types one character into the People filter and times it, in the page, from the keydown to
 * the frame after the list shows the filtered rows (or "No one matches"). Also when the list
 * was reset for the new query (a MutationObserver sees the "Loading…" rows), i.e. when the
 * debounce let the query through (at once for a first keystroke after a pause). */
const ARM_FILTER = `
const before = document.querySelector("[data-testid=people-table]").dataset.total;
const input = document.querySelector('input[aria-label="Filter people"]');
const st = (window.__bench = { t0: null, reset: null, t1: null, total: null });
const list = () => document.querySelector("[data-testid=people-table]");
const empty = () => document.querySelector("main.content .empty");
const mo = new MutationObserver(() => {
  if (st.t0 === null || st.reset !== null) return;
  const l = list();
  if (empty() || (l && l.querySelector('[role=listitem] > span'))) st.reset = performance.now() - st.t0;
});
mo.observe(document.querySelector("main.content"), { subtree: true, childList: true, characterData: true });
const check = () => {
  const l = list();
  if (empty() || (l && l.dataset.total !== before && l.querySelector(".person-row"))) {
    mo.disconnect();
    setTimeout(() => {
      st.t1 = performance.now() - st.t0;
      st.total = empty() ? 0 : Number(list().dataset.total);
      if (st.reset === null) st.reset = st.t1;
    }, 0);
  } else requestAnimationFrame(check);
};
input.addEventListener("keydown", () => {
  st.t0 = performance.now();
  requestAnimationFrame(check);
}, { capture: true, once: true });
return before;
`;

async function filterKeystrokes(s, char) {
  const css = 'input[aria-label="Filter people"]';
  await visit(s, SCREENS.find((x) => x.area === "people"));
  const out = [];
  for (let r = 0; r <= RUNS; r++) {
    const before = await s.exec(ARM_FILTER);
    await s.type(css, char);
    const st = await s.waitFor(async () => {
      const v = await s.exec("return window.__bench");
      return v && v.t1 !== null ? v : null;
    }, "the filtered people list", 20_000);
    if (r > 0) out.push(st);
    log(`filter "${char}": ${before} → ${st.total} people, list updated ${st.t1.toFixed(0)} ms after the keydown (reset at ${st.reset.toFixed(0)} ms)${r === 0 ? " [warm-up]" : ""}`);
    await s.setValue(css, "");
    await s.waitFor(
      () => s.exec("const l = document.querySelector('[data-testid=people-table]'); return !!l && l.dataset.total === arguments[0] && !!l.querySelector('.person-row')", [before]),
      "the unfiltered people list",
      20_000,
    );
    await sleep(300);
  }
  return { total: out.map((x) => x.t1), after: out.map((x) => x.t1 - x.reset) };
}

/** Search: the typed query (set at once, as a paste would) to the hits painted, after the
 * screen is opened afresh (a remembered result would show at once). Includes the 120 ms
 * debounce. */
const SEARCH = `
const [query, done] = arguments;
const input = document.querySelector("[data-testid=search-input]");
const ready = () => document.querySelector("[data-testid=search-hits] li") || document.querySelector("main.content .empty");
let finished = false;
const finish = (v) => { if (!finished) { finished = true; done(v); } };
setTimeout(() => finish({ error: "timed out" }), 30000);
const check = () => {
  if (finished) return;
  if (ready()) setTimeout(() => finish({ ms: performance.now() - t0, hits: document.querySelectorAll("[data-testid=search-hits] li").length }), 0);
  else requestAnimationFrame(check);
};
const t0 = performance.now();
Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set.call(input, query);
input.dispatchEvent(new Event("input", { bubbles: true }));
requestAnimationFrame(check);
`;

async function searches(s, query) {
  const out = [];
  for (let r = 0; r <= RUNS; r++) {
    await visit(s, SCREENS[0]);
    await visit(s, SCREENS.find((x) => x.area === "search"));
    const v = await execAsync(s, SEARCH, [query]);
    if (v.error) throw new Error(`search: ${v.error}`);
    if (r > 0) out.push(v.ms);
    log(`search "${query}": ${v.hits} hits painted in ${v.ms.toFixed(0)} ms${r === 0 ? " [warm-up]" : ""}`);
  }
  return out;
}

/** One app session on `db`: every screen RUNS times (after a warm-up round), then the PSS of
 * the app and its WebKit processes. */
async function session(driver, db, name, { filterChar, searchQuery } = {}) {
  const s = await Session.start(driver.url, ["--db", db]);
  try {
    await s.cmd("POST", "/timeouts", { script: 60_000 });
    await s.find("nav.sidebar a[data-area=search]");
    await sleep(1000);
    // Start away from Today (the first screen), so that every click changes screen.
    await visit(s, SCREENS.find((x) => x.area === "search"));
    const times = Object.fromEntries(SCREENS.flatMap((x) => x.parts.map((p) => [`${x.label}|${p.what}`, []])));
    for (let r = 0; r <= RUNS; r++) {
      for (const screen of SCREENS) {
        const v = await visit(s, screen);
        screen.parts.forEach((p, i) => {
          if (r > 0) times[`${screen.label}|${p.what}`].push(v.times[i]);
          log(`${name} ${screen.label} ${p.what}: ${v.times[i].toFixed(0)} ms, ${v.rows[i]} rows painted ${v.count ? `(${v.count})` : ""}${r === 0 ? " [cold]" : ""}`);
        });
      }
    }
    const filter = filterChar ? await filterKeystrokes(s, filterChar) : null;
    const search = searchQuery ? await searches(s, searchQuery) : null;
    await sleep(2000);
    const app = ourApp();
    const m = pssOfTree(app);
    log(`${name} PSS after every screen:`, JSON.stringify(Object.fromEntries(Object.entries(m.by).map(([k, v]) => [k, +MB(v).toFixed(1)]))));
    return { times, filter, search, pss: m };
  } finally {
    await s.quit();
  }
}

// ---------------------------------------------------------------- the table

const rows = [];
const fmtMs = (v) => `${v.toFixed(0)} ms`;
const fmtMB = (v) => `${MB(v).toFixed(1)} MB`;
function row(what, ours, ref, fmt, goal, pass) {
  const ratio = ref ? `${(ours / ref).toFixed(2)}×` : "—";
  rows.push(`| ${what} | ${fmt(ours)} | ${ref === null ? "—" : fmt(ref)} | ${ratio} | ${goal}${pass === undefined ? "" : pass ? " ✅" : " ❌"} |`);
}

async function main() {
  const emptyDb = workspace("empty");
  const sampleDb = workspace("sample", "--sample");
  const scaleDb = workspace("scale", "--scale");

  const appSize = statSync(APP).size;
  const bareSize = statSync(BARE).size;
  log(`binaries: rapport-app ${appSize} bytes, bare ${bareSize} bytes`);

  const launched = await launches(emptyDb);

  const driver = await startDriver();
  let empty, scale, sample;
  try {
    empty = await session(driver, emptyDb, "empty", { searchQuery: "deploy" });
    scale = await session(driver, scaleDb, "scale", { filterChar: "k", searchQuery: "deploy" });
    sample = await session(driver, sampleDb, "sample", { filterChar: "k" });
  } finally {
    driver.stop();
  }

  // /proc/PID/comm keeps 15 characters: "WebKitWebProces".
  const webview = (m) => Object.entries(m.by).reduce((sum, [k, v]) => (k.startsWith("WebKitWebProc") ? sum + v : sum), 0);
  console.log("\n| what | Rapport | reference | ratio | goal |");
  console.log("| --- | --- | --- | --- | --- |");
  row("binary size (release, stripped)", appSize, bareSize, (b) => `${(b / 1e6).toFixed(2)} MB (${b} B)`, "≤ 1.5× bare and < 15 MB", appSize <= 1.5 * bareSize && appSize < 15e6);
  const mApp = median(launched.rapport.mapped);
  const mBare = median(launched.bare.mapped);
  row("window mapped after spawn (empty workspace vs bare)", mApp, mBare, fmtMs, "< 300 ms", mApp < 300);
  const pApp = median(launched.rapport.pss);
  const pBare = median(launched.bare.pss);
  row(`idle PSS, app + WebKit processes, ${IDLE_MS / 1000} s after start (vs bare)`, pApp, pBare, fmtMB, "≤ 1.15× bare", pApp <= 1.15 * pBare);
  for (const screen of SCREENS) {
    for (const p of screen.parts) {
      const k = `${screen.label}|${p.what}`;
      const ours = median(scale.times[k]);
      row(`${screen.label}${screen.parts.length > 1 ? ` (${p.what})` : ""}: click to painted (team scale vs empty)`, ours, median(empty.times[k]), fmtMs, "< 200 ms", ours < 200);
    }
  }
  const fTotal = median(scale.filter.total);
  row(`People filter keystroke to list updated (team scale vs sample workspace)`, fTotal, median(sample.filter.total), fmtMs, "< 50 ms", fTotal < 50);
  const fAfter = median(scale.filter.after);
  row(`… of which from the list starting to reload (the query let through) to rows painted`, fAfter, median(sample.filter.after), fmtMs, "(not a goal)");
  const sq = median(scale.search);
  row(`Search "deploy" typed to hits painted, incl. 120 ms debounce (team scale vs empty)`, sq, median(empty.search), fmtMs, "(not a goal)");
  const wv = webview(scale.pss);
  row("webview (WebKitWebProcess) PSS after every screen (team scale vs empty)", wv, webview(empty.pss), fmtMB, "< 400 MB", wv < 400 * 1024 * 1024);
  row("app + WebKit processes PSS after every screen (team scale vs empty)", scale.pss.total, empty.pss.total, fmtMB, "(not a goal)");
  console.log(rows.join("\n"));
  console.log(`\nMedians of ${RUNS} runs after a warm-up; references measured in the same run. Samples are on stderr above.`);
}

await main();
