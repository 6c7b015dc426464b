// The only door to the Rust side. `api.<command>(args)` is typed by the generated contract
// (`bindings/commands.ts`): a wrong command name, argument or result fails `tsc`. Every failure
// becomes an IpcError carrying the core's { code, message, field?, current? }.
import { invoke } from "@tauri-apps/api/core";
import { listen, type UnlistenFn } from "@tauri-apps/api/event";
import { getCurrentWebview } from "@tauri-apps/api/webview";
import type { Commands } from "../bindings/commands";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Progress } from "../bindings/Progress";

export type Command = keyof Commands;
export type Args<K extends Command> = Commands[K]["args"];
export type Result<K extends Command> = Commands[K]["result"];

/** One function per command; commands without arguments take none. */
export type Api = {
  [K in Command]: Args<K> extends Record<string, never> ? () => Promise<Result<K>> : (args: Args<K>) => Promise<Result<K>>;
};

export class IpcError extends Error {
  readonly code: string;
  readonly field: string | undefined;
  /** For a `conflict`: the record as stored now. */
  readonly current: unknown;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = "IpcError";
    this.code = payload.code;
    this.field = payload.field;
    this.current = payload.current;
  }
}

function isPayload(e: unknown): e is ErrorPayload {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call(command: string, args?: Record<string, unknown>): Promise<unknown> {
  try {
    return await invoke(command, args);
  } catch (e) {
    if (isPayload(e)) throw new IpcError(e);
    throw new IpcError({ code: "ipc", message: String(e) });
  }
}

/** The app's API: any property is the command of that name. */
export const api: Api = new Proxy({} as Api, {
  get: (_target, command: string) => (args?: Record<string, unknown>) => call(command, args),
});

/** Progress of the long operation under way (exports, backups), pushed by the Rust side. */
export function onProgress(handler: (p: Progress) => void): Promise<UnlistenFn> {
  return listen<Progress>("progress", (e) => handler(e.payload));
}

/** Files dropped on the window: their paths (the Rust side lets commands open them), or
 *  `"over"`/`"leave"` while something is dragged over it, to show a drop target. */
export function onFileDrop(handler: (e: { kind: "over" | "leave" } | { kind: "drop"; paths: string[] }) => void): Promise<UnlistenFn> {
  return getCurrentWebview().onDragDropEvent((e) => {
    const p = e.payload;
    if (p.type === "drop") handler({ kind: "drop", paths: p.paths });
    else if (p.type === "leave") handler({ kind: "leave" });
    else handler({ kind: "over" });
  });
}

/** A second Rapport was started on this workspace; the shell brought this window to the front. */
export function onFocusRequested(handler: () => void): Promise<UnlistenFn> {
  return listen("focus-requested", () => handler());
}

/** Something failed inside the app (a panic in the shell); the payload is the logs folder. */
export function onInternalError(handler: (logsDir: string) => void): Promise<UnlistenFn> {
  return listen<string>("internal-error", (e) => handler(e.payload));
}
