// Losses. The chain's own loss bundles are the primary evidence (already in the topic's loss method); these
// functions serve comparisons computed from realized prices, and the rolling means of either.

/**
 * The loss of one prediction under a topic's loss method, or null when the method needs parameters the chain
 * does not publish (czar and ztae scale the error by a per-topic statistic) or is unknown: we never guess.
 */
export function pointLoss(method: string, predicted: number, realized: number): number | null {
  const e = predicted - realized;
  switch (method.toLowerCase()) {
    case "mse":
    case "sse":
      return e * e;
    case "mae":
      return Math.abs(e);
    case "rmse":
      return Math.abs(e);
    default:
      return null;
  }
}

export type MeanPoint = { mean: number | null; n: number };

/** Rolling mean over the trailing buckets that together hold at least `windowEpochs` epochs (weighted by n). */
export function rollingMean(points: readonly MeanPoint[], windowEpochs: number): (number | null)[] {
  return points.map((_, i) => {
    let sum = 0;
    let n = 0;
    for (let j = i; j >= 0 && n < windowEpochs; j--) {
      const p = points[j]!;
      if (p.mean === null || p.n === 0) continue;
      sum += p.mean * p.n;
      n += p.n;
    }
    return n === 0 ? null : sum / n;
  });
}

/** Weighted mean of bucket means; null when nothing is defined. */
export function pooledMean(points: readonly MeanPoint[]): number | null {
  let sum = 0;
  let n = 0;
  for (const p of points) {
    if (p.mean === null || p.n === 0) continue;
    sum += p.mean * p.n;
    n += p.n;
  }
  return n === 0 ? null : sum / n;
}
