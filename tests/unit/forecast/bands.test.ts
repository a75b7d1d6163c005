import { describe, expect, it } from "vitest";
import { empiricalBands } from "@/lib/forecast/bands";
import { calibrationCoverage } from "@/lib/forecast/calibration";
import { quantileSorted } from "@/lib/forecast/quantile";

describe("empiricalBands", () => {
  // Five epochs 10 apart, horizon 20: epoch k's residual is known at t = 10k + 20.
  const rows = [
    { t: 0, prediction: 100, realized: 101, realizedAt: 20 }, // residual +1
    { t: 10, prediction: 100, realized: 97, realizedAt: 30 }, // −3
    { t: 20, prediction: 100, realized: 102, realizedAt: 40 }, // +2
    { t: 30, prediction: 110, realized: null, realizedAt: 50 },
    { t: 40, prediction: 120, realized: null, realizedAt: 60 },
  ];

  it("uses only residuals already known at each time (no look-ahead), warming up until minSamples", () => {
    const bands = empiricalBands(rows, { window: 10, minSamples: 2 });
    expect(bands[0]).toBeNull(); // nothing known at t=0
    expect(bands[1]).toBeNull(); // nothing known at t=10
    expect(bands[2]).toBeNull(); // only +1 known at t=20
    // At t=30: residuals {+1, −3} → sorted [−3, 1]; q16 = −3 + 4·0.16 = −2.36, q84 = −3 + 4·0.84 = 0.36
    expect(bands[3]!.lo68).toBeCloseTo(110 - 2.36, 10);
    expect(bands[3]!.hi68).toBeCloseTo(110 + 0.36, 10);
    expect(bands[3]!.lo95).toBeCloseTo(110 - 3 + 4 * 0.025, 10);
    // At t=40: [−3, 1, 2]; q84 at pos 1.68 → 1 + 0.68 = 1.68
    expect(bands[4]!.hi68).toBeCloseTo(121.68, 10);
  });

  it("forgets residuals older than the window", () => {
    const bands = empiricalBands(rows, { window: 1, minSamples: 1 });
    // At t=40 only the latest known residual (+2) remains: a zero-width band at 122.
    expect(bands[4]).toEqual({ lo68: 122, hi68: 122, lo95: 122, hi95: 122 });
  });

  it("keeps the window's residuals in order as they come and go: each band is the quantiles of the window sorted afresh", () => {
    // Repeated residuals (halves of 0..10) and a window of 7 that keeps dropping the oldest, on a fixed pseudo-random walk.
    let seed = 12345;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const walk = Array.from({ length: 400 }, (_, i) => ({ t: i, prediction: next() < 0.1 ? null : 5, realized: next() < 0.1 ? null : 5 + Math.round(next() * 20) / 2, realizedAt: i + Math.floor(next() * 12) }));
    const bands = empiricalBands(walk, { window: 7, minSamples: 3 });
    const known = walk.filter((r) => r.prediction !== null && r.realized !== null).sort((a, b) => a.realizedAt - b.realizedAt);
    walk.forEach((row, i) => {
      const window = known.filter((k) => k.realizedAt <= row.t).slice(-7).map((k) => k.realized! - k.prediction!).sort((a, b) => a - b);
      const q = (p: number) => row.prediction! + quantileSorted(window, p)!;
      expect(bands[i]).toEqual(row.prediction === null || window.length < 3 ? null : { lo68: q(0.16), hi68: q(0.84), lo95: q(0.025), hi95: q(0.975) });
    });
  });
});

describe("calibrationCoverage", () => {
  it("counts realized values inside each band, skipping points without a band or a value", () => {
    const band = { lo68: 9, hi68: 11, lo95: 8, hi95: 12 };
    const c = calibrationCoverage([
      { band, realized: 10 },
      { band, realized: 11.5 },
      { band, realized: 13 },
      { band, realized: 8 },
      { band: null, realized: 10 },
      { band, realized: null },
    ]);
    expect(c).toEqual({ n: 4, inside68: 1, inside95: 3, share68: 0.25, share95: 0.75 });
    expect(calibrationCoverage([]).share68).toBeNull();
  });
});

describe("quantileSorted", () => {
  it("interpolates linearly", () => {
    expect(quantileSorted([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantileSorted([], 0.5)).toBeNull();
  });
});
