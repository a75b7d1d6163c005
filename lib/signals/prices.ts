// Realized prices without look-ahead. Ground truth is stored as candles stamped with their start; a candle's close
// is only known once it has ended, i.e. when the next candle starts. So the price known at T is the close of the
// latest candle whose successor had started by T, and a horizon ending at T is scorable once the series reaches T.

export type PriceSeries = { source: string; series: string; times: readonly number[]; values: readonly string[] };

/** Index of the close known at T, or −1 when none is known yet. */
export function knownPriceIndex(times: readonly number[], at: number): number {
  // Largest k with times[k + 1] ≤ at (binary search on the successor).
  let lo = 1;
  let hi = times.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (times[mid]! <= at) {
      found = mid - 1;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** The series has reached T, so the price known at T is final (no later candle can change it). */
export function coversTime(times: readonly number[], at: number): boolean {
  return times.length > 1 && times[times.length - 1]! >= at;
}
