import { act, renderHook } from "@testing-library/react";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { useDebounced } from "./hooks";

describe("useDebounced", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("passes the first change after a quiet spell at once, and a burst once it stops", () => {
    const { result, rerender } = renderHook(({ v }) => useDebounced(v, 150), { initialProps: { v: "" } });
    act(() => vi.advanceTimersByTime(500));
    rerender({ v: "a" });
    expect(result.current).toBe("a");
    rerender({ v: "an" });
    act(() => vi.advanceTimersByTime(100));
    rerender({ v: "ana" });
    act(() => vi.advanceTimersByTime(100));
    expect(result.current).toBe("a");
    act(() => vi.advanceTimersByTime(60));
    expect(result.current).toBe("ana");
  });
});
