// Empirical uncertainty bands: the spread of the network's own past errors, added to today's prediction.
// No look-ahead: a residual (realized − predicted) only counts once its realized value was known, i.e. from
// `realizedAt` on, so the band at time t uses nothing that happened after t.
import { quantileSorted } from "./quantile";

export type BandInput = {
  /** When the prediction was made (ms). Rows sorted by t. */
  t: number;
  prediction: number | null;
  realized: number | null;
  /** When the realized value became known (t + horizon), ms. */
  realizedAt: number;
};

export type Band = { lo68: number; hi68: number; lo95: number; hi95: number };

export type BandOptions = {
  /** How many of the latest known residuals form the distribution. */
  window?: number;
  /** Fewer known residuals than this: no band yet ("warming up"). */
  minSamples?: number;
};

export const DEFAULT_BAND_WINDOW = 200;
export const DEFAULT_BAND_MIN_SAMPLES = 30;

export function empiricalBands(rows: readonly BandInput[], options: BandOptions = {}): (Band | null)[] {
  const window = options.window ?? DEFAULT_BAND_WINDOW;
  const minSamples = options.minSamples ?? DEFAULT_BAND_MIN_SAMPLES;
  const known = rows
    .filter((r) => r.prediction !== null && r.realized !== null)
    .map((r) => ({ at: r.realizedAt, residual: r.realized! - r.prediction! }))
    .sort((a, b) => a.at - b.at);
  let next = 0;
  const trailing: number[] = [];
  // The trailing residuals also kept sorted, by binary insertion and removal, instead of sorting a copy per row
  // (a chart's ~1,200 rows × 200 residuals made that the chart's largest cost).
  const sorted: number[] = [];
  const lowerBound = (x: number) => {
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return rows.map((row) => {
    while (next < known.length && known[next]!.at <= row.t) {
      const residual = known[next]!.residual;
      trailing.push(residual);
      sorted.splice(lowerBound(residual), 0, residual);
      if (trailing.length > window) sorted.splice(lowerBound(trailing.shift()!), 1);
      next++;
    }
    if (row.prediction === null || trailing.length < minSamples) return null;
    const q = (p: number) => row.prediction! + quantileSorted(sorted, p)!;
    return { lo68: q(0.16), hi68: q(0.84), lo95: q(0.025), hi95: q(0.975) };
  });
}
