import { clock, heldLabel, questionAt, remaining, statusLabel, tagPieces } from "./format";
import type { Interview } from "../../bindings/Interview";

const base = {
  duration_minutes: 30,
  started_at: "2026-11-23T10:00:00.000Z",
  ended_at: null,
} as unknown as Interview;

test("the countdown runs from the start and goes negative when over time", () => {
  const t = Date.parse("2026-11-23T10:00:00.000Z");
  expect(remaining({ ...base, started_at: null }, t)).toBe(1800);
  expect(remaining(base, t + 61_000)).toBe(1739);
  expect(clock(remaining(base, t + 61_000))).toBe("28:59");
  expect(clock(remaining(base, t + 31 * 60_000 + 5_000))).toBe("+1:05");
  expect(remaining({ ...base, ended_at: "2026-11-23T10:10:00.000Z" }, t + 3_600_000)).toBe(1200);
});

test("the guide question due follows each question's planned minutes", () => {
  expect(questionAt([5, 10, 5], 0)).toBe(0);
  expect(questionAt([5, 10, 5], 299)).toBe(0);
  expect(questionAt([5, 10, 5], 300)).toBe(1);
  expect(questionAt([5, 10, 5], 15 * 60)).toBe(2);
  expect(questionAt([5, 10, 5], 99 * 60)).toBe(2);
  expect(questionAt([], 100)).toBe(0);
});

test("a finished interview says how long it was held", () => {
  expect(heldLabel(23)).toBe("Held 23 min");
  expect(heldLabel(0)).toBe("Held under a minute");
  expect(statusLabel({ status: "done", held_minutes: 23 })).toBe("done · held 23 min");
  expect(statusLabel({ status: "done", held_minutes: 0 })).toBe("done · held under a minute");
  expect(statusLabel({ status: "planned", held_minutes: null })).toBe("planned");
});

test("a note's #tags are found where they were typed, not inside words", () => {
  const text = "Deploys take 40 min #deploys, C#ci aside #CI-speed\n#ci";
  expect(tagPieces(text, ["deploys", "ci-speed", "ci"])).toEqual([
    { text: "Deploys take 40 min ", tag: false },
    { text: "#deploys", tag: true },
    { text: ", C#ci aside ", tag: false },
    { text: "#CI-speed", tag: true },
    { text: "\n", tag: false },
    { text: "#ci", tag: true },
  ]);
  expect(tagPieces("no tags", [])).toEqual([{ text: "no tags", tag: false }]);
});
