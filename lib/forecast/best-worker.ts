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
  // Sums in flat arrays indexed by actor (a year's day buckets or a day's epochs pool ~1,000 actor rows per bucket:
  // a Map of fresh objects per bucket cost more than the query). Each actor's sum adds the same terms in the same
  // order as pooling bucket by bucket backwards, so the choice is bit-for-bit the same.
  const index = new Map<string, number>();
  const ids = buckets.map((b) => b.actors.map((a) => index.get(a.actor) ?? index.set(a.actor, index.size).get(a.actor)!));
  const names = [...index.keys()];
  const sum = new Float64Array(names.length);
  const n = new Float64Array(names.length);
  const seen = new Uint8Array(names.length);
  const touched: number[] = [];
  return buckets.map((bucket, i) => {
    let covered = 0;
    for (let j = i - 1; j >= 0 && covered < windowEpochs; j--) {
      const past = buckets[j]!;
      const pastIds = ids[j]!;
      for (let k = 0; k < past.actors.length; k++) {
        const a = past.actors[k]!;
        const id = pastIds[k]!;
        if (!seen[id]) {
          seen[id] = 1;
          touched.push(id);
        }
        sum[id] = sum[id]! + a.mean * a.n;
        n[id] = n[id]! + a.n;
      }
      covered += past.n;
    }
    let best: string | null = null;
    let bestMean = Infinity;
    for (const id of touched) {
      const m = sum[id]! / n[id]!;
      const actor = names[id]!;
      // Ties go to the smaller address, so the choice is deterministic.
      if (covered >= windowEpochs && n[id]! > 0 && (m < bestMean || (m === bestMean && best !== null && actor < best))) {
        best = actor;
        bestMean = m;
      }
      sum[id] = 0;
      n[id] = 0;
      seen[id] = 0;
    }
    touched.length = 0;
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
