import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { App } from "../../App";
import type { Today } from "../../bindings/Today";
import { fakeApi } from "../../test/fakeApi";

/** The app's first render, on a busy machine. */
const SLOW = { timeout: 5000 };

const today: Today = {
  date: "2026-11-23",
  interviews: [
    {
      id: "i1",
      title: "How deploys work",
      topic: "deploys",
      scheduled_at: "2026-11-23T14:30:00Z",
      duration_minutes: 30,
      status: "planned",
      interviewees: [{ id: "ana", name: "Ana Lima", role: "ic" }],
      note_taker: null,
      note_count: 0,
      held_minutes: null,
      mixed_roles: false,
    },
  ],
  followups: [],
  action_items_overdue: [],
  meetings: [{ roadmap_id: "r1", title: "Platform Q1", due_on: "2026-11-20", days_overdue: 3 }],
  sprint: { sprint_id: "s1", focus: "Green pilot builds", day: { day: 1, of: 5, working: true }, cards_done: 1, cards_total: 3 },
  roadmaps: [],
};

beforeEach(() => {
  window.location.hash = "#/today";
});

test("interview times are the app's local time, and each item opens its own screen", async () => {
  const user = userEvent.setup();
  const api = fakeApi({ app_zone: async () => "Asia/Tokyo", today_dashboard: async () => today, interviews_list: async () => ({ total: 0, offset: 0, items: [] }) });
  render(<App api={api} />);
  const interview = await screen.findByTestId("today-interview", {}, SLOW);
  // 14:30 UTC is 23:30 in Tokyo.
  expect(interview.textContent).toMatch(/^(23:30|11:30\s?PM) How deploys work/);
  expect(interview.textContent).toContain("Ana Lima · 30 min · planned");
  expect(screen.getByTestId("today-meeting").textContent).toMatch(/3 days ago/);

  await user.click(screen.getByTestId("today-meeting"));
  expect(window.location.hash).toBe("#/roadmaps/r1/meeting");
  window.location.hash = "#/today";
  await user.click(await screen.findByTestId("today-sprint"));
  expect(window.location.hash).toBe("#/sprints/s1");
}, 20_000);
