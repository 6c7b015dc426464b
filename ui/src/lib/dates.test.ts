import { dateTime, fromLocalInput, localDate, setZone, toLocalInput } from "./dates";

test("the same instant reads as the user's local day and time, in far zones too", () => {
  const at = "2026-11-23T18:30:00Z";
  setZone("Pacific/Kiritimati");
  expect(localDate(at)).toBe("2026-11-24");
  expect(toLocalInput(at)).toBe("2026-11-24T08:30");
  setZone("America/Anchorage");
  expect(localDate(at)).toBe("2026-11-23");
  expect(toLocalInput(at)).toBe("2026-11-23T09:30");
  setZone("Asia/Kolkata");
  expect(toLocalInput(at)).toBe("2026-11-24T00:00");
  expect(dateTime(at)).toContain("2026");
});

test("a time typed in the local zone is stored as the right instant, across DST", () => {
  setZone("Europe/Berlin");
  expect(fromLocalInput("2026-11-23T19:30")).toBe("2026-11-23T18:30:00Z");
  expect(fromLocalInput("2026-07-01T10:00")).toBe("2026-07-01T08:00:00Z");
  setZone("Pacific/Kiritimati");
  expect(fromLocalInput("2026-11-24T08:30")).toBe("2026-11-23T18:30:00Z");
});
