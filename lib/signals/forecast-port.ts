// The two pieces of forecast analytics the signals need: empirical residual bands and volatility regimes. They
// belong to lib/forecast (bands.ts, regimes.ts); until those land on main this port keeps the same signatures, so
// swapping is a change of imports here and nowhere else.
export type BandInput = {
  /** When the prediction was made (ms). Rows sorted by t. */
  t: number;
  prediction: number | null;
  realized: number | null;
  /** When the realized value became known (t + horizon), ms. */
  realizedAt: number;
};

export type Band = { lo68: number; hi68: number; lo95: number; hi95: number };

export type BandOptions = { window?: number; minSamples?: number };

/** Linear interpolation between order statistics (the "type 7" quantile), on an ascending array. */
export function quantileSorted(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const h = (sorted.length - 1) * p;
  const lo = Math.floor(h);
  const hi = Math.ceil(h);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (h - lo);
}

/** Prediction plus the quantiles of the residuals known by t (realizedAt ≤ t): nothing after t is used. */
export function empiricalBands(rows: readonly BandInput[], options: BandOptions = {}): (Band | null)[] {
  const window = options.window ?? 200;
  const minSamples = options.minSamples ?? 30;
  const known = rows
    .filter((r) => r.prediction !== null && r.realized !== null)
    .map((r) => ({ at: r.realizedAt, residual: r.realized! - r.prediction! }))
    .sort((a, b) => a.at - b.at);
  let next = 0;
  const trailing: number[] = [];
  return rows.map((row) => {
    while (next < known.length && known[next]!.at <= row.t) {
      trailing.push(known[next]!.residual);
      if (trailing.length > window) trailing.shift();
      next++;
    }
    if (row.prediction === null || trailing.length < minSamples) return null;
    const sorted = [...trailing].sort((a, b) => a - b);
    const q = (p: number) => row.prediction! + quantileSorted(sorted, p)!;
    return { lo68: q(0.16), hi68: q(0.84), lo95: q(0.025), hi95: q(0.975) };
  });
}

export type Regime = "calm" | "normal" | "volatile";
export const REGIMES: readonly Regime[] = ["calm", "normal", "volatile"];

export function volatilityTerciles(vols: readonly (number | null)[]): { low: number; high: number } | null {
  const sorted = vols.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length < 3) return null;
  return { low: quantileSorted(sorted, 1 / 3)!, high: quantileSorted(sorted, 2 / 3)! };
}

export function regimeOf(vol: number, t: { low: number; high: number }): Regime {
  return vol <= t.low ? "calm" : vol <= t.high ? "normal" : "volatile";
}
