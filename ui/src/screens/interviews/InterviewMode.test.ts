import { clock, remaining } from "./InterviewMode";
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
