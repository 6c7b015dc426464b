import { vi } from "vitest";
import type { Api, Command } from "../lib/ipc";
import { IpcError } from "../lib/ipc";
import type { Person } from "../bindings/Person";
import type { LintFinding } from "../bindings/LintFinding";

/** A stand-in for the checker: flags "problems with" like the core's confirmation rule. */
export function fakeLint(q: string): LintFinding[] {
  const start = q.indexOf("problems with");
  if (start < 0) return [];
  return [
    {
      rule: "confirmation-seeking",
      span: { start, end: start + "problems with".length },
      trigger: "problems with",
      explanation: "asks them to confirm a problem you named",
      suggestion: "Tell me about the last time you worked with Chef.",
    },
  ];
}

const stamp = "2026-11-23T10:00:00.000Z";
const page = <T,>(items: T[]) => ({ total: items.length, offset: 0, items });

/** Answers for the commands most screens call when they open, so a test only writes what it
 * is about. */
function defaults(): Partial<Api> {
  return {
    workspace_info: async () => ({ path: "/tmp/test.db", schema_version: 8, app_version: "0.1.0" }),
    app_zone: async () => "UTC",
    preferences_get: async () => ({ theme: "system" }),
    preferences_save: async ({ prefs }) => prefs,
    today_date: async () => "2026-11-23",
    lint_check: async ({ question }) => fakeLint(question),
    people_list: async () => page([]),
    people_same_name: async () => [],
    questions_list: async () => page([]),
    questions_topics: async () => [],
    guides_list: async () => [],
    interviews_list: async () => page([]),
    findings_list: async () => page([]),
    findings_tags: async () => [],
    trash_list: async () => [],
    search_all: async () => [],
    csv_import_fields: async () => [],
    pick_path: async () => null,
    roadmaps_list: async () => [],
    sprints_list: async () => [],
    followups_list: async () => page([]),
    followups_not_contacted: async () => ({ weeks: 6, people: [], total: 0 }),
    today_dashboard: async () => ({ date: "2026-11-23", interviews: [], followups: [], meetings: [], sprint: null, roadmaps: [], action_items_overdue: [] }),
  };
}

/** An in-memory stand-in for the Rust side, typed by the same contract as the real one. A
 * command the test did not provide throws, so a test never passes by accident. */
export function fakeApi(overrides: Partial<Api> = {}): Api {
  const impl: Partial<Api> = { ...defaults(), ...overrides };
  const spies = new Map<string, ReturnType<typeof vi.fn>>();
  return new Proxy({} as Api, {
    get: (_t, command: string) => {
      let spy = spies.get(command);
      if (!spy) {
        const f = impl[command as Command] as ((...a: unknown[]) => Promise<unknown>) | undefined;
        spy = vi.fn(
          f ??
            (async () => {
              throw new Error(`${command} is not used by this test`);
            }),
        );
        spies.set(command, spy);
      }
      return spy;
    },
  });
}

/** A people directory in memory: list, create (the core's name rule), update and archive. */
export function fakePeople(initial: Person[] = []): { people: Person[]; api: Partial<Api> } {
  const people = [...initial];
  let n = 0;
  return {
    people,
    api: {
      people_list: async ({ filter }) =>
        page(
          people
            .filter((p) => filter.include_archived || p.archived_at === null)
            .filter((p) => !filter.query || p.name.toLowerCase().includes(filter.query.toLowerCase())),
        ),
      people_get: async ({ id }) => people.find((p) => p.id === id)!,
      people_create: async ({ input }) => {
        if (!input.name.trim()) {
          throw new IpcError({ code: "validation", message: "Name is required", field: "name" });
        }
        const { duplicate_ok: _ok, ...fields } = input;
        void _ok;
        const p: Person = { ...fields, id: `p${++n}`, archived_at: null, created_at: stamp, updated_at: stamp, version: 1 };
        people.push(p);
        return p;
      },
      people_update: async ({ id, input }) => {
        const i = people.findIndex((p) => p.id === id);
        const { duplicate_ok: _ok, ...fields } = input;
        void _ok;
        people[i] = { ...people[i]!, ...fields, version: people[i]!.version + 1 };
        return people[i]!;
      },
      people_set_archived: async ({ id, archived }) => {
        const p = people.find((x) => x.id === id)!;
        p.archived_at = archived ? stamp : null;
        return p;
      },
    },
  };
}

export function person(name: string, extra: Partial<Person> = {}): Person {
  return {
    id: name.toLowerCase(),
    name,
    team: "SRE",
    role: "ic",
    contact: "",
    core_user: false,
    notes: "",
    archived_at: null,
    created_at: "2026-11-01T00:00:00.000Z",
    updated_at: "2026-11-01T00:00:00.000Z",
    version: 1,
    ...extra,
  };
}
