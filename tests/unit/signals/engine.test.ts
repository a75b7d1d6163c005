import { describe, expect, it } from "vitest";
import { fc, test } from "@fast-check/vitest";
import { expectedReturnOf, prepareEpochs, volatilityScale, type SignalEpoch } from "@/lib/signals/engine";
import { decideAll, DEFAULT_PARAMS, type StrategyParams } from "@/lib/signals/strategies";

// Horizon of one epoch (10 ms): each outcome is known at the next epoch's publish time.
const epoch = (i: number, expectedReturn: number | null, realizedReturn: number | null, volScale: number | null = null): SignalEpoch => ({
  height: 100 + i * 60,
  t: i * 10,
  expectedReturn,
  realizedReturn,
  realizedAt: i * 10 + 10,
  volScale,
});
const series = [epoch(0, 0.01, 0.02), epoch(1, 0.02, -0.01), epoch(2, -0.005, -0.01), epoch(3, 0.004, 0.001)];
const options = { bandWindow: 3, accuracyWindow: 3, minSamples: 2 };

describe("expected return", () => {
  it("is the predicted price against the price at publish time, or the predicted log-return as a simple return", () => {
    expect(expectedReturnOf("price", 101, 100)).toBeCloseTo(0.01, 15);
    expect(expectedReturnOf("log-return", Math.log(1.02), null)).toBeCloseTo(0.02, 15);
    expect(expectedReturnOf("price", 101, null)).toBeNull();
    expect(expectedReturnOf("price", 101, 0)).toBeNull();
    expect(expectedReturnOf("log-return", Number.NaN, null)).toBeNull();
  });
});

describe("confidence from the empirical band and the recent hit rate", () => {
  const prepared = prepareEpochs(series, options);

  it("is warming up (null) until enough outcomes are known", () => {
    expect(prepared.slice(0, 2).map((p) => p.confidence)).toEqual([null, null]);
  });

  it("matches the hand computation", () => {
    // At t=20 the known residuals are +0.01 and −0.03: the 16 %–84 % quantiles span 0.68 × 0.04, half of it 0.0136.
    expect(prepared[2]!.band68).toBeCloseTo(0.0136, 12);
    expect(prepared[2]!.recentHitRate).toBe(0.5);
    expect(prepared[2]!.confidence).toBeCloseTo((0.005 / 0.0136) * 0.5, 12);
    // At t=30 three residuals (−0.03, −0.005, +0.01): quantiles −0.022 and 0.0052; two hits out of three.
    expect(prepared[3]!.band68).toBeCloseTo(0.0136, 12);
    expect(prepared[3]!.recentHitRate).toBeCloseTo(2 / 3, 12);
    expect(prepared[3]!.confidence).toBeCloseTo((0.004 / 0.0136) * (2 / 3), 12);
  });
});

describe("strategies", () => {
  const prepared = prepareEpochs(series, options);
  const run = (p: Partial<StrategyParams>) => decideAll(prepared, { ...DEFAULT_PARAMS, ...p });

  it("threshold: long or short at full size when |expected| clears the threshold, else flat", () => {
    expect(run({ thresholdBps: 30 }).map((s) => [s.direction, s.size])).toEqual([["long", 1], ["long", 1], ["short", 1], ["long", 1]]);
    expect(run({ thresholdBps: 45 }).map((s) => s.direction)).toEqual(["long", "long", "short", "flat"]);
    expect(run({ thresholdBps: 30, allowShort: false })[2]!.direction).toBe("flat");
    expect(run({ thresholdBps: 30 })[0]!.strengthBps).toBeCloseTo(100, 9);
  });

  it("confidence-scaled: size is the confidence; flat while warming up or below the minimum", () => {
    const s = run({ strategy: "confidence-scaled", thresholdBps: 30, minConfidence: 0.19 });
    expect(s.map((x) => x.direction)).toEqual(["flat", "flat", "flat", "long"]);
    expect(s[3]!.size).toBeCloseTo((0.004 / 0.0136) * (2 / 3), 12);
  });

  it("a volatility forecast scales the size but never sets the direction", () => {
    expect(volatilityScale(0.04, 0.02)).toBe(0.5);
    expect(volatilityScale(0.01, 0.02)).toBe(1);
    expect(volatilityScale(null, 0.02)).toBeNull();
    const scaled = prepareEpochs(series.map((e) => ({ ...e, volScale: 0.5 })), options);
    const s = decideAll(scaled, { ...DEFAULT_PARAMS, thresholdBps: 30 });
    expect(s.map((x) => [x.direction, x.size])).toEqual([["long", 0.5], ["long", 0.5], ["short", 0.5], ["long", 0.5]]);
  });

  test.prop([fc.array(fc.option(fc.double({ min: 0.01, max: 1, noNaN: true }), { nil: null }), { minLength: 4, maxLength: 4 })])(
    "the direction is the same whatever the volatility scale",
    (scales) => {
      const withVol = prepareEpochs(series.map((e, i) => ({ ...e, volScale: scales[i] ?? null })), options);
      for (const strategy of ["threshold", "confidence-scaled"] as const) {
        const p = { ...DEFAULT_PARAMS, strategy, thresholdBps: 30, minConfidence: 0.19 };
        expect(decideAll(withVol, p).map((s) => s.direction)).toEqual(run(p).map((s) => s.direction));
      }
    },
  );
});

describe("no look-ahead", () => {
  const value = fc.option(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { nil: null });
  const arbSeries = fc.array(fc.record({ e: value, r: value, lag: fc.integer({ min: 1, max: 5 }) }), { minLength: 5, maxLength: 60 });

  test.prop([arbSeries, fc.nat(), fc.array(value, { minLength: 60, maxLength: 60 })])(
    "changing anything after a signal's publish time does not change that signal",
    (rows, pick, noise) => {
      const epochs = rows.map((row, i): SignalEpoch => ({ height: i, t: i * 10, expectedReturn: row.e, realizedReturn: row.r, realizedAt: i * 10 + row.lag * 10 }));
      const k = pick % epochs.length;
      const cut = epochs[k]!.t;
      // Later epochs get new predictions and outcomes; earlier ones keep their predictions but an outcome that was
      // not yet known at the cut may change too.
      const altered = epochs.map((e, i) => ({
        ...e,
        expectedReturn: i > k ? (noise[i] ?? null) : e.expectedReturn,
        realizedReturn: e.realizedAt > cut ? (noise[(i + 7) % 60] ?? null) : e.realizedReturn,
      }));
      const opts = { bandWindow: 8, accuracyWindow: 5, minSamples: 2 };
      const before = prepareEpochs(epochs, opts).slice(0, k + 1);
      const after = prepareEpochs(altered, opts).slice(0, k + 1);
      expect(after).toEqual(before);
      for (const strategy of ["threshold", "confidence-scaled"] as const) {
        const p = { ...DEFAULT_PARAMS, strategy, minConfidence: 0.1 };
        expect(decideAll(after, p)).toEqual(decideAll(before, p));
      }
    },
  );

  it("a future outcome that is changed does alter later signals (the test above can fail)", () => {
    const changed = series.map((e, i) => (i === 1 ? { ...e, realizedReturn: 0.05 } : e));
    expect(prepareEpochs(changed, options)[2]!.confidence).not.toEqual(prepareEpochs(series, options)[2]!.confidence);
  });
});
