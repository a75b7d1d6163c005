import { describe, expect, it } from "vitest";
import { chooseBestWithoutHindsight, summarizeWins, type LossBucket } from "@/lib/forecast/best-worker";
import { pointLoss, pooledMean, rollingMean } from "@/lib/forecast/loss";
import { winVerdict } from "@/lib/forecast/verdict";

// Worker A is best early, B late: with hindsight B "wins" overall, but the honest pick lags one bucket.
const buckets: LossBucket[] = [
  { n: 2, network: 1.0, naive: 2.0, actors: [{ actor: "A", mean: 0.5, n: 2, networkWins: 0 }, { actor: "B", mean: 3.0, n: 2, networkWins: 2 }] },
  { n: 2, network: 1.0, naive: 2.0, actors: [{ actor: "A", mean: 2.0, n: 2, networkWins: 2 }, { actor: "B", mean: 0.4, n: 2, networkWins: 0 }] },
  { n: 2, network: 1.0, naive: 2.0, actors: [{ actor: "A", mean: 2.5, n: 2, networkWins: 2 }, { actor: "B", mean: 0.6, n: 2, networkWins: 1 }, { actor: "C", mean: 0.1, n: 1, networkWins: 0 }] },
];

describe("chooseBestWithoutHindsight", () => {
  it("picks from the trailing window only and scores the pick on the next bucket", () => {
    const s = chooseBestWithoutHindsight(buckets, 2);
    expect(s.map((b) => b.best)).toEqual([null, "A", "B"]);
    expect(s[1]).toMatchObject({ bestLoss: 2.0, bestN: 2, networkWins: 2 });
    expect(s[1]!.medianLoss).toBeCloseTo(1.2, 12);
    expect(s[2]).toMatchObject({ bestLoss: 0.6, networkWins: 1, medianLoss: 0.6 });
  });

  it("pools a longer window across buckets", () => {
    // Window 4 epochs: bucket 2 pools buckets 0–1: A (0.5+2.0)/2 = 1.25, B (3.0+0.4)/2 = 1.7 → A.
    expect(chooseBestWithoutHindsight(buckets, 4).map((b) => b.best)).toEqual([null, null, "A"]);
  });

  it("summarizes the share of epochs the network beat its pick, and pooled losses", () => {
    const s = summarizeWins(buckets, chooseBestWithoutHindsight(buckets, 2));
    expect(s.scoredEpochs).toBe(4);
    expect(s.networkBeatBestShare).toBe(0.75);
    expect(s.network).toBe(1);
    expect(s.best).toBeCloseTo(1.3, 12);
    expect(s.naive).toBe(2);
    expect(s.median).toBeCloseTo((1.75 + 1.2 + 0.6) / 3, 12);
  });
});

describe("winVerdict", () => {
  const base = { network: 1, best: 1.25, median: 2, naive: 3 };
  it("says warming up below 30 scored epochs", () => {
    expect(winVerdict({ ...base, scoredEpochs: 4, networkBeatBestShare: 1 })).toMatch(/^Warming up: 4 of the 30/);
  });
  it("says plainly who won and by how much", () => {
    expect(winVerdict({ ...base, scoredEpochs: 1200, networkBeatBestShare: 0.64 })).toBe(
      "The network beat its best single worker (chosen without hindsight) in 64% of 1,200 epochs, with 20% lower mean loss. It beat the naive forecast.",
    );
    expect(winVerdict({ ...base, network: 1.5, scoredEpochs: 100, networkBeatBestShare: 0.3 })).toBe(
      "The best single worker (chosen without hindsight) beat the network in 70% of 100 epochs; the network had 20% higher mean loss. It beat the naive forecast.",
    );
  });
});

describe("losses", () => {
  it("computes mse and mae, and refuses methods that need unpublished parameters", () => {
    expect(pointLoss("mse", 3, 1)).toBe(4);
    expect(pointLoss("MAE", 1, 3)).toBe(2);
    expect(pointLoss("czar", 1, 3)).toBeNull();
    expect(pointLoss("ztae", 1, 3)).toBeNull();
  });
  it("rolls a weighted mean over the trailing epochs, skipping gaps", () => {
    const pts = [{ mean: 1, n: 1 }, { mean: null, n: 0 }, { mean: 4, n: 2 }, { mean: 7, n: 1 }];
    // Window 2 epochs, whole buckets: [1], [1] (gap skipped), [4,4], then 7 (1 epoch) + 4 (2 epochs) = 15/3.
    expect(rollingMean(pts, 2)).toEqual([1, 1, 4, 5]);
    expect(rollingMean([{ mean: null, n: 0 }], 3)).toEqual([null]);
    expect(pooledMean(pts)).toBe(4);
  });
});
