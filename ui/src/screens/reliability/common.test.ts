import { describe, expect, it } from "vitest";
import { pct } from "./common";

describe("pct", () => {
  it("shows the core's fraction as a percent, to four decimals by default", () => {
    expect(pct(0.999)).toBe("99.9%");
    expect(pct(0.18181818)).toBe("18.1818%");
    expect(pct(1)).toBe("100%");
  });
  it("rounds to fewer decimals when asked, and shows a dash for no figure", () => {
    expect(pct(1 / 3, 1)).toBe("33.3%");
    expect(pct(null)).toBe("—");
    expect(pct(Number.NaN)).toBe("—");
  });
});
