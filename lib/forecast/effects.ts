// "Who moved the forecast": an inferer's effect is the combined value minus the combined value without it
// (one-out); a forecaster's is the value with only it added to the inferers' naive combination (one-in) minus
// that naive value. Positive: the worker pushed the forecast up.

export function oneOutEffect(combined: number, oneOut: number): number {
  return combined - oneOut;
}

export function oneInEffect(oneIn: number, naive: number): number {
  return oneIn - naive;
}

export type EffectCell = {
  actor: string;
  role: "inferer" | "forecaster";
  bucket: number;
  /** Mean effect over the bucket's epochs. */
  effect: number;
  /** Mean weight the chain gave the actor over those epochs, null when not indexed. */
  weight: number | null;
  n: number;
};

export type Contributor = {
  actor: string;
  role: "inferer" | "forecaster";
  /** Mean absolute effect over every epoch in the range: how much it moved the forecast, either way. */
  meanAbsEffect: number;
  meanEffect: number;
  meanWeight: number | null;
  epochs: number;
};

/** Actors ordered by how much they moved the forecast, biggest first; ties by address. */
export function rankContributors(cells: readonly EffectCell[]): Contributor[] {
  const by = new Map<string, { role: EffectCell["role"]; abs: number; sum: number; w: number; wn: number; n: number }>();
  for (const c of cells) {
    const key = `${c.role}:${c.actor}`;
    const a = by.get(key) ?? { role: c.role, abs: 0, sum: 0, w: 0, wn: 0, n: 0 };
    // Bucket means are weighted by their epoch counts; |mean| per bucket is the best a bucketed view can give.
    a.abs += Math.abs(c.effect) * c.n;
    a.sum += c.effect * c.n;
    if (c.weight !== null) {
      a.w += c.weight * c.n;
      a.wn += c.n;
    }
    a.n += c.n;
    by.set(key, a);
  }
  return [...by.entries()]
    .map(([key, a]) => ({
      actor: key.slice(key.indexOf(":") + 1),
      role: a.role,
      meanAbsEffect: a.abs / a.n,
      meanEffect: a.sum / a.n,
      meanWeight: a.wn ? a.w / a.wn : null,
      epochs: a.n,
    }))
    .sort((x, y) => y.meanAbsEffect - x.meanAbsEffect || (x.actor < y.actor ? -1 : 1));
}
