import type { Audit } from "../../../bindings/Audit";
import type { StoredCue } from "../../../bindings/StoredCue";
import { cut, findHits, leadingMarks, percent, pulledMarks, spanOf, spanWords, stamp, stepHit, talkSplit, whoIs } from "./text";

const cue = (seq: number, speaker: string, text: string): StoredCue => ({ seq, start_ms: seq * 5000, end_ms: seq * 5000 + 4000, speaker, text });
const cues = [cue(0, "Priya", "Do you like the new dashboard?"), cue(1, "Marcus", "Not really. It hides the 🚀 queue depth."), cue(2, "Marcus", "The queue, mostly.")];

test("times read as m:ss, and h:mm:ss past an hour", () => {
  expect(stamp(0)).toBe("0:00");
  expect(stamp(65_400)).toBe("1:05");
  expect(stamp(3_725_000)).toBe("1:02:05");
});

test("a speaker reads as the person mapped, with the side", () => {
  const who = whoIs([
    { label: "Priya", side: "interviewer", person_id: null, person_name: null },
    { label: "M", side: "interviewee", person_id: "p1", person_name: "Marcus O'Neil" },
    { label: "Sam", side: "interviewer", person_id: "p2", person_name: "Sam Lee" },
    { label: "Unknown", side: null, person_id: null, person_name: null },
  ]);
  expect(who.get("Priya")).toEqual({ name: "Priya", side: "interviewer", role: "you" });
  expect(who.get("M")).toEqual({ name: "Marcus O'Neil", side: "interviewee", role: "interviewee" });
  expect(who.get("Sam")?.role).toBe("note-taker");
  expect(who.get("Unknown")).toEqual({ name: "Unknown", side: "unmapped", role: "not mapped" });
});

test("overlapping marks cut the text into pieces that carry each mark covering them", () => {
  const pieces = cut("abcdefgh", [
    { start: 1, end: 5, cls: "pulled-quote" },
    { start: 3, end: 7, cls: "hit" },
    { start: 6, end: 99, cls: "x" },
  ]);
  expect(pieces.map((p) => [p.text, p.marks.map((m) => m.cls).join("+")])).toEqual([
    ["a", ""],
    ["bc", "pulled-quote"],
    ["de", "pulled-quote+hit"],
    ["f", "hit"],
    ["g", "hit+x"],
    ["h", "x"],
  ]);
  expect(cut("", [])).toEqual([{ text: "", start: 0, marks: [] }]);
});

test("a pulled span marks the part of each cue it covers", () => {
  const span = { transcript_id: "t", from_cue: 0, from_offset: 4, to_cue: 2, to_offset: 3 };
  const p = [{ note_id: "n", is_quote: false, span }];
  expect(pulledMarks(p, 0, 30).map((m) => [m.start, m.end, m.cls])).toEqual([[4, 30, "pulled-note"]]);
  expect(pulledMarks(p, 1, 12).map((m) => [m.start, m.end])).toEqual([[0, 12]]);
  expect(pulledMarks(p, 2, 18).map((m) => [m.start, m.end])).toEqual([[0, 3]]);
  expect(pulledMarks(p, 3, 18)).toEqual([]);
  expect(spanWords(cues, { ...span, from_offset: 3, to_cue: 1, to_offset: 11 })).toBe("you like the new dashboard? Not really.");
});

test("search finds every occurrence, ignoring case, in UTF-16 offsets, and steps round", () => {
  const hits = findHits(cues, "QUEUE");
  expect(hits).toEqual([
    { seq: 1, start: 28, end: 33 },
    { seq: 2, start: 4, end: 9 },
  ]);
  expect(cues[1]!.text.slice(28, 33)).toBe("queue");
  expect(findHits(cues, "  ")).toEqual([]);
  expect(findHits(cues, "(new")).toEqual([]);
  expect(stepHit(2, 1, 1)).toBe(0);
  expect(stepHit(2, 0, -1)).toBe(1);
});

test("the talk split adds the interviewer side against the rest", () => {
  const audit: Audit = {
    speakers: [
      { label: "Priya", words: 10, seconds: 10, share_words: 0.25, share_seconds: 0.2, interviewer: true },
      { label: "Marcus", words: 25, seconds: 35, share_words: 0.625, share_seconds: 0.7, interviewer: false },
      { label: "Unknown", words: 5, seconds: 5, share_words: 0.125, share_seconds: 0.1, interviewer: false },
    ],
    questions: [
      { speaker: "Priya", cue: 0, start_ms: 0, start: "00:00:00", text: "Do you like the new dashboard?", span: [0, 30], leading: true, rules: [] },
      { speaker: "Priya", cue: 0, start_ms: 0, start: "00:00:00", text: "x", span: [0, 1], leading: false, rules: [] },
    ],
    asked: 2,
    leading: 1,
    interviewer: ["Priya"],
    interviewer_guessed: false,
  };
  const s = talkSplit(audit);
  expect([percent(s.interviewer.words), percent(s.interviewer.time)]).toEqual(["25%", "20%"]);
  expect([percent(s.interviewees.words), percent(s.interviewees.time)]).toEqual(["75%", "80%"]);
  expect([...leadingMarks(audit, cues)].map(([seq, ms]) => [seq, ms.map((m) => [m.start, m.end])])).toEqual([[0, [[0, 30]]]]);
});

test("a selection in the timeline becomes a span of cue offsets, whatever marks split the text", () => {
  document.body.innerHTML = `
    <div data-cue-row="3"><span class="t">0:15</span><div><div class="who">Marcus</div>
      <p data-cue-text>Not <span class="hit">really</span>. It 🚀 hides</p></div></div>
    <div data-cue-row="4"><span class="t">0:20</span><div><div class="who">Marcus</div><p data-cue-text>More.</p></div></div>`;
  const [p3, p4] = [...document.querySelectorAll("[data-cue-text]")];
  const range = document.createRange();
  // From inside the mark ("ally") to after the rocket.
  range.setStart(p3!.querySelector(".hit")!.firstChild!, 2);
  range.setEnd(p3!.lastChild!, 7);
  expect(spanOf(range, "t")).toEqual({ transcript_id: "t", from_cue: 3, from_offset: 6, to_cue: 3, to_offset: 17 });
  expect("Not really. It 🚀 hides".slice(6, 17)).toBe("ally. It 🚀");
  // From the time of cue 3 to the speaker of cue 4: all of cue 3's words, none of cue 4's.
  range.setStart(document.querySelector(".t")!.firstChild!, 1);
  range.setEnd(p4!.parentElement!.querySelector(".who")!.firstChild!, 3);
  expect(spanOf(range, "t")).toEqual({ transcript_id: "t", from_cue: 3, from_offset: 0, to_cue: 4, to_offset: 0 });
  range.setStart(p3!.firstChild!, 2);
  range.setEnd(p3!.firstChild!, 2);
  expect(spanOf(range, "t")).toBeNull();
});

test("a timestamp in the core's message reads as a local time", async () => {
  const { localTimes } = await import("./useImport");
  const out = localTimes("This transcript is already on this interview (imported 2026-11-23T23:04:01.266Z); nothing was added");
  expect(out).not.toContain("2026-11-23T");
  expect(out).toMatch(/^This transcript is already on this interview \(imported .*2026.*\); nothing was added$/);
});
