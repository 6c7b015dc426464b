// The app's API as every screen gets it, watched for the two things that change what the whole
// app shows: a switch to another workspace (or a restore over this one), after which every list
// must be read again, and a damaged workspace (`corrupt`), which gets its own screen.
import type { Api, Command } from "../../lib/ipc";
import { IpcError } from "../../lib/ipc";

/** Commands after which the open workspace is another file, or the same file with other data. */
export const SWITCHES: ReadonlySet<string> = new Set<Command>(["workspace_open", "workspace_create", "sample_load", "backups_restore"]);

export interface Watchers {
  /** After a successful switch or restore; the caller's promise resolves once this has. */
  switched: () => Promise<void>;
  /** A command failed because the workspace is damaged. */
  corrupt: (e: IpcError) => void;
}

export function isCorrupt(e: unknown): e is IpcError {
  return e instanceof IpcError && e.code === "corrupt";
}

export function watchedApi(api: Api, on: Watchers): Api {
  return new Proxy({} as Api, {
    get: (_t, command: string) => {
      const f = (api as unknown as Record<string, (...a: unknown[]) => Promise<unknown>>)[command];
      if (typeof f !== "function") return f;
      return async (...args: unknown[]) => {
        let result: unknown;
        try {
          result = await f(...args);
        } catch (e) {
          if (isCorrupt(e)) on.corrupt(e);
          throw e;
        }
        if (SWITCHES.has(command)) await on.switched();
        return result;
      };
    },
  });
}
