// "Does the network beat its best single worker?" asked honestly: the best worker is the one with the lowest
// loss over the trailing window, chosen before the epochs it is scored on. Picking the best over the whole range
// afterwards (hindsight) would flatter the single worker.
import { median } from "./quantile";

export type ActorBucket = {
  actor: string;
  /** Mean loss of the actor over the bucket's epochs. */
  mean: number;
  /** Epochs in the bucket with a loss for this actor. */
  n: number;
  /** Of those, epochs where the network's loss was lower than the actor's. */
  networkWins: number;
};

export type LossBucket = {
  /** Epochs in the bucket with a network loss. */
  n: number;
  network: number | null;
  naive: number | null;
  actors: readonly ActorBucket[];
};

export type ScoredBucket = {
  /** The worker chosen from the trailing window (null while warming up). */
  best: string | null;
  bestLoss: number | null;
  bestN: number;
  networkWins: number;
  /** Median of the workers' mean losses in this bucket. */
  medianLoss: number | null;
};

/** For each bucket, the worker with the lowest pooled loss over the preceding buckets holding ≥ windowEpochs epochs. */
export function chooseBestWithoutHindsight(buckets: readonly LossBucket[], windowEpochs: number): ScoredBucket[] {
  return buckets.map((bucket, i) => {
    const pooled = new Map<string, { sum: number; n: number }>();
    let covered = 0;
    for (let j = i - 1; j >= 0 && covered < windowEpochs; j--) {
      const past = buckets[j]!;
      for (const a of past.actors) {
        const p = pooled.get(a.actor) ?? { sum: 0, n: 0 };
        p.sum += a.mean * a.n;
        p.n += a.n;
        pooled.set(a.actor, p);
      }
      covered += past.n;
    }
    let best: string | null = null;
    let bestMean = Infinity;
    if (covered >= windowEpochs) {
      for (const [actor, p] of pooled) {
        const m = p.sum / p.n;
        // Ties go to the smaller address, so the choice is deterministic.
        if (p.n > 0 && (m < bestMean || (m === bestMean && best !== null && actor < best))) {
          best = actor;
          bestMean = m;
        }
      }
    }
    const scored = best === null ? undefined : bucket.actors.find((a) => a.actor === best);
    return {
      best,
      bestLoss: scored ? scored.mean : null,
      bestN: scored ? scored.n : 0,
      networkWins: scored ? scored.networkWins : 0,
      medianLoss: median(bucket.actors.map((a) => a.mean)),
    };
  });
}

export type WinSummary = {
  /** Epochs on which the network and the chosen best worker were both scored. */
  scoredEpochs: number;
  /** Share of those on which the network's loss was lower; null when none. */
  networkBeatBestShare: number | null;
  network: number | null;
  best: number | null;
  median: number | null;
  naive: number | null;
};

export function summarizeWins(buckets: readonly LossBucket[], scored: readonly ScoredBucket[]): WinSummary {
  let n = 0;
  let wins = 0;
  const acc = { network: [0, 0], best: [0, 0], median: [0, 0], naive: [0, 0] };
  const add = (k: keyof typeof acc, v: number | null, w: number) => {
    if (v === null || w === 0) return;
    acc[k][0]! += v * w;
    acc[k][1]! += w;
  };
  buckets.forEach((b, i) => {
    const s = scored[i]!;
    n += s.bestN;
    wins += s.networkWins;
    add("network", b.network, b.n);
    add("naive", b.naive, b.n);
    add("best", s.bestLoss, s.bestN);
    add("median", s.medianLoss, b.n);
  });
  const mean = (k: keyof typeof acc) => (acc[k][1]! === 0 ? null : acc[k][0]! / acc[k][1]!);
  return {
    scoredEpochs: n,
    networkBeatBestShare: n === 0 ? null : wins / n,
    network: mean("network"),
    best: mean("best"),
    median: mean("median"),
    naive: mean("naive"),
  };
}
