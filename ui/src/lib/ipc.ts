// The only door to the Rust side. Every command is typed against the generated bindings, and
// every failure is turned into an IpcError carrying the core's { code, message, field? }.
import { invoke } from "@tauri-apps/api/core";
import type { ErrorPayload } from "../bindings/ErrorPayload";
import type { Person } from "../bindings/Person";
import type { PersonFilter } from "../bindings/PersonFilter";
import type { PersonInput } from "../bindings/PersonInput";
import type { Preferences } from "../bindings/Preferences";
import type { WorkspaceInfo } from "../bindings/WorkspaceInfo";

export class IpcError extends Error {
  readonly code: string;
  readonly field: string | undefined;

  constructor(payload: ErrorPayload) {
    super(payload.message);
    this.name = "IpcError";
    this.code = payload.code;
    this.field = payload.field;
  }
}

function isPayload(e: unknown): e is ErrorPayload {
  return typeof e === "object" && e !== null && "code" in e && "message" in e;
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    if (isPayload(e)) throw new IpcError(e);
    throw new IpcError({ code: "ipc", message: String(e) });
  }
}

export const api = {
  workspaceInfo: () => call<WorkspaceInfo>("workspace_info"),
  preferences: () => call<Preferences>("preferences_get"),
  savePreferences: (prefs: Preferences) => call<Preferences>("preferences_save", { prefs }),
  listPeople: (filter: PersonFilter) => call<Person[]>("people_list", { filter }),
  createPerson: (input: PersonInput) => call<Person>("people_create", { input }),
  updatePerson: (id: string, input: PersonInput) => call<Person>("people_update", { id, input }),
  setPersonArchived: (id: string, archived: boolean) =>
    call<Person>("people_set_archived", { id, archived }),
};

export type Api = typeof api;
