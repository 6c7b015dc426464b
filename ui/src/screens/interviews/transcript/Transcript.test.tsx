import { render, screen, waitFor, within } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../../App";
import type { Interview } from "../../../bindings/Interview";
import type { TranscriptSummary } from "../../../bindings/TranscriptSummary";
import type { TranscriptView } from "../../../bindings/TranscriptView";
import { IpcError } from "../../../lib/ipc";
import { fakeApi, person } from "../../../test/fakeApi";

const marcus = person("Marcus O'Neil");
const interview: Interview = {
  id: "i1",
  title: "Build farm",
  topic: "",
  scheduled_at: "2026-11-23T09:00:00Z",
  duration_minutes: 30,
  interviewees: [marcus],
  note_taker: null,
  guide_id: null,
  mixed_roles_ack_at: null,
  status: "done",
  started_at: null,
  ended_at: null,
  draft: "",
  note_count: 0,
  held_minutes: null,
  created_at: "2026-11-20T09:00:00Z",
  updated_at: "2026-11-20T09:00:00Z",
  version: 1,
};

const summary: TranscriptSummary = {
  id: "t1",
  interview_id: "i1",
  file_name: "interview.vtt",
  format: "vtt",
  cue_count: 3,
  word_count: 20,
  duration_ms: 30_000,
  imported_at: "2026-11-23T10:00:00Z",
  unmapped: 1,
  version: 1,
};

const view = (mapped: boolean): TranscriptView => ({
  transcript: { ...summary, unmapped: mapped ? 0 : 1, version: mapped ? 2 : 1 },
  speakers: [
    { label: "Priya", side: mapped ? "interviewer" : null, person_id: null, person_name: null },
    { label: "Marcus O'Neil", side: "interviewee", person_id: marcus.id, person_name: marcus.name },
  ],
  cues: [
    { seq: 0, start_ms: 0, end_ms: 5000, speaker: "Priya", text: "Do you like the new dashboard?" },
    { seq: 1, start_ms: 5000, end_ms: 20_000, speaker: "Marcus O'Neil", text: "Not really. It hides the queue depth." },
    { seq: 2, start_ms: 20_000, end_ms: 30_000, speaker: "Marcus O'Neil", text: "The queue is what I watch." },
  ],
  pulled: [{ note_id: "n1", is_quote: true, span: { transcript_id: "t1", from_cue: 1, from_offset: 12, to_cue: 1, to_offset: 37 } }],
  audit: {
    speakers: [
      { label: "Priya", words: 6, seconds: 5, share_words: 0.3, share_seconds: 1 / 6, interviewer: true },
      { label: "Marcus O'Neil", words: 14, seconds: 25, share_words: 0.7, share_seconds: 5 / 6, interviewer: false },
    ],
    questions: [
      {
        speaker: "Priya",
        cue: 0,
        start_ms: 0,
        start: "00:00:00",
        text: "Do you like the new dashboard?",
        span: [0, 30],
        leading: true,
        rules: [
          {
            rule: "opinion-seeking",
            span: { start: 7, end: 11 },
            trigger: "like",
            explanation: "asks for an opinion",
            suggestion: "When did you last use the dashboard?",
          },
        ],
      },
    ],
    asked: 1,
    leading: 1,
    interviewer: ["Priya"],
    interviewer_guessed: !mapped,
  },
});

beforeEach(() => localStorage.clear());

test("the transcript tab shows the timeline, the audit and the split; mapping a speaker renames its turns", async () => {
  window.location.hash = "#/interviews/i1/transcript";
  const user = userEvent.setup();
  let current = view(false);
  const api = fakeApi({
    interviews_get: async () => interview,
    notes_list: async () => [],
    transcripts_list: async () => [current.transcript],
    transcripts_get: async () => current,
    transcripts_map_speaker: async () => {
      current = view(true);
      return current;
    },
  });
  render(<App api={api} />);
  const timeline = await screen.findByTestId("transcript-timeline");
  await waitFor(() => expect(timeline.querySelectorAll("[data-cue-row]").length).toBe(3));
  // Two turns: Priya's, then Marcus's two cues under one name.
  expect([...timeline.querySelectorAll("[data-testid=cue-speaker]")].map((e) => e.textContent)).toEqual(["Priyanot mapped", "Marcus O'Neil"]);
  expect(timeline.querySelector(".pulled-quote")?.textContent).toBe("It hides the queue depth.");
  expect(timeline.querySelector(".tr-leading")?.textContent).toBe("Do you like the new dashboard?");
  expect(screen.getByTestId("audit-summary").textContent).toBe("You asked 1 question; 1 led.");
  expect(screen.getByTestId("audit-guessed")).toBeTruthy();
  expect(screen.getByTestId("talk-interviewer").textContent).toBe("30% of words · 17% of time");
  expect(screen.getByTestId("talk-interviewee").textContent).toBe("70% of words · 83% of time");
  expect(screen.getByTestId("audit-rewrite").textContent).toBe("When did you last use the dashboard?");

  const priya = within(screen.getByTestId("transcript-speakers")).getByLabelText("Priya");
  await user.selectOptions(priya, "you");
  expect(api.transcripts_map_speaker).toHaveBeenCalledWith({ id: "t1", version: 1, label: "Priya", side: "interviewer", person_id: null });
  await waitFor(() => expect(timeline.querySelector("[data-testid=cue-speaker]")?.textContent).toBe("Priyayou"));
  expect(screen.queryByTestId("audit-guessed")).toBeNull();
}, 20_000);

test("search steps through the hits with Enter and Shift+Enter", async () => {
  window.location.hash = "#/interviews/i1/transcript/t1";
  const user = userEvent.setup();
  const api = fakeApi({
    interviews_get: async () => interview,
    notes_list: async () => [],
    transcripts_list: async () => [summary],
    transcripts_get: async () => view(false),
  });
  render(<App api={api} />);
  const box = await screen.findByTestId("transcript-search");
  await user.type(box, "queue");
  const count = screen.getByTestId("transcript-search-count");
  await waitFor(() => expect(count.textContent).toBe("2 matches"));
  await user.keyboard("{Enter}");
  expect(count.textContent).toBe("1 of 2");
  expect(document.querySelector(".tr-hit.current")?.closest("[data-cue-row]")?.getAttribute("data-cue-row")).toBe("1");
  await user.keyboard("{Enter}");
  expect(count.textContent).toBe("2 of 2");
  await user.keyboard("{Shift>}{Enter}{/Shift}");
  expect(count.textContent).toBe("1 of 2");
  await user.keyboard("{Shift>}{Enter}{/Shift}");
  expect(count.textContent).toBe("2 of 2");
}, 20_000);

test("a malformed file shows the core's error, with its line, and the tab stays empty", async () => {
  window.location.hash = "#/interviews/i1/transcript";
  const user = userEvent.setup();
  const api = fakeApi({
    interviews_get: async () => interview,
    notes_list: async () => [],
    transcripts_list: async () => [],
    pick_path: async () => "/tmp/bad.vtt",
    transcripts_import: async () => {
      throw new IpcError({ code: "validation", message: "bad.vtt, line 11: malformed timestamp", field: "file" });
    },
  });
  render(<App api={api} />);
  expect(await screen.findByTestId("transcript-empty")).toBeTruthy();
  await user.click(screen.getByTestId("transcript-import"));
  expect((await screen.findByTestId("transcript-import-error")).textContent).toBe("bad.vtt, line 11: malformed timestamp");
  expect(api.transcripts_import).toHaveBeenCalledWith({ interview_id: "i1", path: "/tmp/bad.vtt" });
  expect(screen.getByTestId("transcript-empty")).toBeTruthy();
}, 20_000);
