// A small W3C WebDriver client for driving the real Rapport app through tauri-driver
// (which fronts Debian's WebKitWebDriver). No browser download, no framework: just fetch.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, openSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";

export const APP_BIN = process.env.APP_BIN;
export const SCREENSHOTS = process.env.E2E_SCREENSHOTS ?? join(process.cwd(), "tests/e2e/screenshots");

/** Waits (up to 10 s) until no app holds the workspace named by `--db` in `args`: the previous
 * test's app may still be exiting, and a second app on a workspace in use hands over to the
 * first and exits. */
async function lockReleased(args) {
  const db = args[args.indexOf("--db") + 1];
  if (!args.includes("--db") || !db) return;
  const lock = join(dirname(db), `.${basename(db)}.lock`);
  for (let i = 0; i < 100 && existsSync(lock); i++) {
    try {
      execFileSync("flock", ["-n", lock, "true"]);
      return;
    } catch {
      await sleep(100);
    }
  }
}

/** Starts tauri-driver on a free-ish port and waits until it answers.
 *
 * The driver runs in its own process group, with output to a log file rather than this test
 * file's stdout: an app left behind by a crashed session must neither keep the test runner's
 * pipe open (the runner would wait for it forever) nor outlive the suite — `stop` kills the
 * whole group. */
export async function startDriver() {
  const port = 4444 + Math.floor(Math.random() * 1000);
  const nativePort = port + 1000;
  mkdirSync(SCREENSHOTS, { recursive: true });
  const log = openSync(join(SCREENSHOTS, `tauri-driver-${port}.log`), "a");
  const driver = spawn(process.env.TAURI_DRIVER ?? "tauri-driver", ["--port", String(port), "--native-port", String(nativePort)], {
    stdio: ["ignore", log, log],
    detached: true,
  });
  const stop = () => {
    try {
      process.kill(-driver.pid, "SIGKILL");
    } catch {
      // already gone
    }
  };
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      const r = await fetch(`${url}/status`);
      if (r.ok) return { url, stop };
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  stop();
  throw new Error("tauri-driver did not start");
}

async function wd(url, method, path, body) {
  const r = await fetch(url + path, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
    // A wedged webview must fail the test quickly, not after undici's 5-minute default.
    signal: AbortSignal.timeout(60_000),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const v = json.value ?? {};
    throw new Error(`${method} ${path}: ${v.error ?? r.status} ${v.message ?? ""}`);
  }
  return json.value;
}

/** One launch of the app. `args` reach the app's command line (e.g. ["--db", path]). */
export class Session {
  static async start(driverUrl, args) {
    if (!APP_BIN) throw new Error("APP_BIN must name the built rapport-app binary");
    await lockReleased(args);
    const value = await wd(driverUrl, "POST", "/session", {
      capabilities: { alwaysMatch: { "tauri:options": { application: APP_BIN, args } } },
    });
    const s = new Session(driverUrl, value.sessionId);
    await s.waitFor(() => s.exists("#root > *"), "the app to render");
    return s;
  }

  constructor(url, id) {
    this.url = url;
    this.id = id;
  }

  cmd(method, path, body) {
    return wd(this.url, method, `/session/${this.id}${path}`, body);
  }

  async quit() {
    await this.cmd("DELETE", "").catch(() => undefined);
  }

  /** Polls `check` until it returns a truthy value or `ms` pass. */
  async waitFor(check, what, ms = 10_000) {
    const end = Date.now() + ms;
    let last;
    while (Date.now() < end) {
      try {
        const v = await check();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await sleep(100);
    }
    // Keep what the screen showed, and any error it displayed, for whoever reads the failure.
    const shot = await this.screenshot(`timeout-${what.replace(/[^a-z0-9]+/gi, "-")}`).catch(() => "");
    const shown = await this.exec("return [...document.querySelectorAll('[role=alert], .banner')].map(e => e.textContent).join(' | ')").catch(() => "");
    throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ""}${shown ? ` (on screen: ${shown})` : ""} ${shot}`);
  }

  async $(css) {
    const v = await this.cmd("POST", "/element", { using: "css selector", value: css });
    return v[ELEMENT];
  }

  async exists(css) {
    const v = await this.cmd("POST", "/elements", { using: "css selector", value: css });
    return v.length > 0;
  }

  /** Waits for `css` to exist, then returns its element id. */
  async find(css) {
    await this.waitFor(() => this.exists(css), css);
    return this.$(css);
  }

  async click(css) {
    const el = await this.find(css);
    // WebKitWebDriver does not always scroll a target into view before clicking it. Scrolling
    // can make a virtual list below load and shift the page, and a click aimed at where the
    // target was lands elsewhere without an error: wait until it has stood still for two frames.
    await this.waitFor(
      async () =>
        (
          await this.cmd("POST", "/execute/async", {
            script: `const [el, done] = arguments;
              el.scrollIntoView({ block: 'center' });
              const at = () => { const r = el.getBoundingClientRect(); return r.x + ',' + r.y; };
              const before = at();
              requestAnimationFrame(() => requestAnimationFrame(() => done(at() === before)));`,
            args: [{ [ELEMENT]: el }],
          })
        ) === true,
      `${css} to stand still`,
    );
    await this.cmd("POST", `/element/${el}/click`, {});
  }

  async type(css, text) {
    await this.cmd("POST", `/element/${await this.find(css)}/value`, { text });
  }

  /** Sets a controlled input's value the way typing would (React listens to `input`). */
  async setValue(css, value) {
    await this.find(css);
    await this.exec(
      "const i = document.querySelector(arguments[0]); Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(i, arguments[1]); i.dispatchEvent(new Event('input', { bubbles: true }));",
      [css, value],
    );
  }

  /** Picks `value` in a select, as a user would. */
  async choose(css, value) {
    await this.find(css);
    await this.exec(
      "const s = document.querySelector(arguments[0]); s.value = arguments[1]; s.dispatchEvent(new Event('change', { bubbles: true }));",
      [css, value],
    );
  }

  async text(css) {
    return this.cmd("GET", `/element/${await this.find(css)}/text`);
  }

  async attr(css, name) {
    return this.cmd("GET", `/element/${await this.find(css)}/attribute/${name}`);
  }

  /** Sends keys to whatever has focus (WebDriver Actions), e.g. "\uE015" for ArrowDown. */
  async keys(...keys) {
    const actions = keys.flatMap((k) => [{ type: "keyDown", value: k }, { type: "keyUp", value: k }]);
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "kbd", actions }] });
    await this.cmd("DELETE", "/actions").catch(() => undefined);
  }

  /** Presses `keys` together (e.g. Alt+ArrowUp) and releases them in reverse order. */
  async chord(...keys) {
    const actions = [...keys.map((k) => ({ type: "keyDown", value: k })), ...keys.reverse().map((k) => ({ type: "keyUp", value: k }))];
    await this.cmd("POST", "/actions", { actions: [{ type: "key", id: "kbd", actions }] });
    await this.cmd("DELETE", "/actions").catch(() => undefined);
  }

  exec(script, args = []) {
    return this.cmd("POST", "/execute/sync", { script, args });
  }

  /** Saves a PNG of the window to SCREENSHOTS/name.png and returns its path. */
  async screenshot(name) {
    await sleep(150); // let transitions and fonts settle
    const b64 = await this.cmd("GET", "/screenshot");
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    writeFileSync(path, Buffer.from(b64, "base64"));
    return path;
  }
}

export const Keys = {
  ArrowDown: "\uE015",
  ArrowUp: "\uE013",
  ArrowLeft: "\uE012",
  ArrowRight: "\uE014",
  Enter: "\uE007",
  End: "\uE010",
  Escape: "\uE00C",
  Control: "\uE009",
  Alt: "\uE00A",
  Backspace: "\uE003",
  Tab: "\uE004",
};
