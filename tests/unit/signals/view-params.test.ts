import { describe, expect, it } from "vitest";
import { parseViewParams } from "@/lib/signals/view-params";

describe("topic signal page parameters from the URL", () => {
  it("default to the threshold rule, 4 bps fee, 10 bps slippage, 10 bps threshold and the whole range", () => {
    expect(parseViewParams({}).params).toEqual({ strategy: "threshold", feeBps: 4, slippageBps: 10, thresholdBps: 10, from: null, to: null });
  });

  it("read every parameter, a day range including the whole last day", () => {
    const { params, issues } = parseViewParams({ strategy: "confidence-scaled", fee_bps: "2.5", slippage_bps: "0", threshold: "25", from: "2026-11-01", to: "2026-11-02" });
    expect(issues).toEqual([]);
    expect(params).toEqual({ strategy: "confidence-scaled", feeBps: 2.5, slippageBps: 0, thresholdBps: 25, from: Date.parse("2026-11-01T00:00:00Z"), to: Date.parse("2026-11-03T00:00:00Z") - 1 });
  });

  it("name each bad value and fall back to its default", () => {
    const { params, issues } = parseViewParams({ strategy: "moon", fee_bps: "-1", threshold: "abc", from: "2026-11-05", to: "2026-11-01" });
    expect(issues.map((i) => i.field)).toEqual(["strategy", "fee_bps", "threshold", "to"]);
    expect(params).toMatchObject({ strategy: "threshold", feeBps: 4, thresholdBps: 10, to: null });
  });
});
