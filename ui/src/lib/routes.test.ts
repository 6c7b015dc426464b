import { hashOf, parseHash } from "./routes";

test("a route round-trips through the hash, with an item and a focus", () => {
  expect(parseHash("#/roadmaps/abc/meeting?focus=r1")).toEqual({ area: "roadmaps", param: "abc/meeting", focus: "r1" });
  expect(parseHash(hashOf("interviews", "i 1", "n/2"))).toEqual({ area: "interviews", param: "i 1", focus: "n/2" });
  expect(parseHash("#/nowhere")).toEqual({ area: "today", param: null, focus: null });
  expect(hashOf("people")).toBe("#/people");
});
