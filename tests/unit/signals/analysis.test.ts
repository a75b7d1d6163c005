import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { accuracyByRegime, callStats, downsampleCurve, trailingVolatility } from "@/lib/signals/analysis";
import type { Curve } from "@/lib/signals/backtest";

describe("per-call track record", () => {
  it("counts directional calls, scores only the realized ones, and signs returns by direction", () => {
    const stats = callStats([
      { direction: "long", realizedBps: 20 },
      { direction: "short", realizedBps: 10 },
      { direction: "short", realizedBps: -30 },
      { direction: "flat", realizedBps: 50 },
      { direction: "long", realizedBps: null },
    ]);
    expect(stats).toEqual({ signals: 5, calls: 4, scored: 3, hitRate: 2 / 3, meanSignedBps: (20 - 10 + 30) / 3 });
    expect(callStats([{ direction: "flat", realizedBps: 5 }])).toEqual({ signals: 1, calls: 0, scored: 0, hitRate: null, meanSignedBps: null });
  });

  it("splits hit rates by volatility tercile, null without enough volatilities", () => {
    const items = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6].map((volatility, i) => ({ direction: "long" as const, realizedBps: i % 2 ? 5 : -5, volatility }));
    expect(accuracyByRegime(items)?.map((r) => [r.regime, r.calls])).toEqual([["calm", 2], ["normal", 2], ["volatile", 2]]);
    expect(accuracyByRegime(items.slice(0, 2))).toBeNull();
  });
});

describe("trailing volatility", () => {
  it("uses only the closes known at each time", () => {
    const prices = { source: "s", series: "X/USD", times: [0, 1, 2, 3, 4], values: ["100", "110", "99", "99", "120"] };
    const [early, late] = trailingVolatility(prices, [2, 4], 2);
    expect(early).toBeNull();
    // At t=4 the known closes are 100, 110, 99, 99 (index 3): the last two log returns are ln(0.9) and 0.
    const r = [Math.log(99 / 110), 0];
    const mean = (r[0]! + r[1]!) / 2;
    expect(late).toBeCloseTo(Math.sqrt((r[0]! ** 2 + r[1]! ** 2) / 2 - mean ** 2), 12);
  });
});

describe("chart downsampling", () => {
  test.prop([fc.array(fc.double({ min: 0.5, max: 2, noNaN: true }), { minLength: 1, maxLength: 3000 }), fc.integer({ min: 4, max: 500 })])(
    "keeps at most ~maxPoints rows in time order, the last point, and the extremes of equity",
    (equity, max) => {
      const n = equity.length;
      const col = (f: (i: number) => number) => Float64Array.from({ length: n }, (_, i) => f(i));
      const curve: Curve = { t: col((i) => i), equity: Float64Array.from(equity), drawdown: col(() => 0), buyHold: col(() => 1), buyHoldDrawdown: col(() => 0) };
      const out = downsampleCurve(curve, max);
      expect(out.length).toBeLessThanOrEqual(Math.max(n <= max ? n : max + 1, 1));
      expect(out.every((p, i) => i === 0 || p.t > out[i - 1]!.t)).toBe(true);
      expect(out.at(-1)!.t).toBe(n - 1);
      expect(Math.max(...out.map((p) => p.equity))).toBe(Math.max(...equity));
      expect(Math.min(...out.map((p) => p.equity))).toBe(Math.min(...equity));
    },
  );
});
