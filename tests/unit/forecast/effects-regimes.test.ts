import { describe, expect, it } from "vitest";
import { oneInEffect, oneOutEffect, rankContributors } from "@/lib/forecast/effects";
import { lossByRegime, volatilityTerciles } from "@/lib/forecast/regimes";

describe("one-out and one-in effects", () => {
  it("are combined minus one-out, and one-in minus naive", () => {
    expect(oneOutEffect(10, 9.5)).toBe(0.5);
    expect(oneInEffect(9.8, 10)).toBeCloseTo(-0.2, 12);
  });

  it("ranks contributors by mean absolute effect, pooling buckets by epoch count", () => {
    const ranked = rankContributors([
      { actor: "A", role: "inferer", bucket: 0, effect: 0.5, weight: 0.2, n: 1 },
      { actor: "A", role: "inferer", bucket: 1, effect: -0.5, weight: 0.4, n: 3 },
      { actor: "B", role: "inferer", bucket: 0, effect: 0.1, weight: null, n: 4 },
      { actor: "F", role: "forecaster", bucket: 0, effect: -0.8, weight: 1, n: 1 },
    ]);
    expect(ranked.map((c) => c.actor)).toEqual(["F", "A", "B"]);
    expect(ranked[1]).toMatchObject({ actor: "A", role: "inferer", meanAbsEffect: 0.5, meanEffect: -0.25, epochs: 4 });
    expect(ranked[1]!.meanWeight).toBeCloseTo(0.35, 12);
    expect(ranked[2]!.meanWeight).toBeNull();
  });
});

describe("regimes", () => {
  it("splits buckets into volatility terciles and pools losses within each", () => {
    const b = (volatility: number | null, net: number, w: number | null) => ({
      volatility,
      losses: { network: { mean: net, n: 2 }, W: { mean: w, n: w === null ? 0 : 2 } },
    });
    const rows = lossByRegime([b(1, 1, 2), b(2, 3, 4), b(3, 5, 6), b(4, 7, null), b(5, 9, 10), b(6, 11, 12), b(null, 100, 100)], ["network", "W"]);
    // terciles of [1..6]: 1/3 → 2.667, 2/3 → 4.333: calm {1,2}, normal {3,4}, volatile {5,6}; null vol skipped.
    expect(rows).toEqual([
      { regime: "calm", buckets: 2, losses: { network: 2, W: 3 } },
      { regime: "normal", buckets: 2, losses: { network: 6, W: 6 } },
      { regime: "volatile", buckets: 2, losses: { network: 10, W: 11 } },
    ]);
  });

  it("warms up with fewer than three volatile-known buckets", () => {
    expect(volatilityTerciles([1, null, 2])).toBeNull();
    expect(lossByRegime([], ["network"])).toBeNull();
  });
});
