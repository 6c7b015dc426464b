import { byteToIndex, pieces } from "./spans";
import type { LintFinding } from "../bindings/LintFinding";

const finding = (rule: string, start: number, end: number): LintFinding => ({
  rule,
  span: { start, end },
  trigger: "",
  explanation: "",
  suggestion: "",
});

test("byte offsets map to string indexes through multi-byte characters", () => {
  const text = "Ça “broken” 😀 ok";
  expect(byteToIndex(text, 0)).toBe(0);
  expect(byteToIndex(text, 3)).toBe(2); // Ç is 2 bytes
  const start = new TextEncoder().encode("Ça “").length;
  const end = new TextEncoder().encode("Ça “broken").length;
  expect(text.slice(byteToIndex(text, start), byteToIndex(text, end))).toBe("broken");
  const emojiEnd = new TextEncoder().encode("Ça “broken” 😀").length;
  expect(text.slice(0, byteToIndex(text, emojiEnd))).toBe("Ça “broken” 😀");
});

test("overlapping triggers are split into marked pieces", () => {
  const text = "Why are they always huge?";
  const p = pieces(text, [finding("presupposition", 0, 19), finding("loaded-wording", 13, 19)]);
  expect(p.map((x) => x.text).join("")).toBe(text);
  expect(p).toEqual([
    { text: "Why are they ", rules: ["presupposition"] },
    { text: "always", rules: ["presupposition", "loaded-wording"] },
    { text: " huge?", rules: [] },
  ]);
});

test("no findings: one plain piece", () => {
  expect(pieces("Walk me through it.", [])).toEqual([{ text: "Walk me through it.", rules: [] }]);
});
