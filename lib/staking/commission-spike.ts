// Commission spike warning. Starting point: Livepeer Explorer warns delegators when an orchestrator raises its
// cut. Our rule: a validator whose commission rose by at least SPIKE_POINTS percentage points within any
// SPIKE_WINDOW_DAYS-day window ending in the last SPIKE_WINDOW_DAYS days (so a staged rise of several small
// steps is caught too, and an old spike stops warning after a week).
import type { Dec } from "@/lib/allora/decimal";
import { scaledToDec, subScaled, toScaled } from "./amounts";

export const SPIKE_POINTS = 5;
export const SPIKE_WINDOW_DAYS = 7;
const DAY_MS = 86_400_000;

export type CommissionPoint = { height: bigint; timeMs: number; rate: Dec };

export type CommissionSpike = {
  fromRate: Dec;
  toRate: Dec;
  /** Rise in percentage points, exact ("10" for 0.05 → 0.15). */
  risePoints: Dec;
  fromHeight: bigint;
  toHeight: bigint;
};

const points = (rate: Dec) => toScaled(rate);

/** The largest rise within the window among recent points, when it reaches the threshold; null otherwise. */
export function detectCommissionSpike(
  history: readonly CommissionPoint[],
  nowMs: number,
  options: { points?: number; windowDays?: number } = {},
): CommissionSpike | null {
  const threshold = toScaled(String(options.points ?? SPIKE_POINTS));
  const windowMs = (options.windowDays ?? SPIKE_WINDOW_DAYS) * DAY_MS;
  const sorted = [...history].sort((a, b) => (a.height < b.height ? -1 : a.height > b.height ? 1 : 0));
  let best: CommissionSpike | null = null;
  for (let j = 0; j < sorted.length; j++) {
    const later = sorted[j]!;
    if (nowMs - later.timeMs > windowMs) continue;
    for (let i = 0; i < j; i++) {
      const earlier = sorted[i]!;
      if (later.timeMs - earlier.timeMs > windowMs) continue;
      const rise = subScaled(points(later.rate), points(earlier.rate));
      const risePoints = { units: rise.units * 100n, scale: rise.scale };
      const diff = subScaled(risePoints, threshold);
      if (diff.units < 0n) continue;
      if (best === null || subScaled(risePoints, toScaled(best.risePoints)).units > 0n) {
        best = { fromRate: earlier.rate, toRate: later.rate, risePoints: scaledToDec(risePoints), fromHeight: earlier.height, toHeight: later.height };
      }
    }
  }
  return best;
}

/** Only the points where the rate changed (validator_history repeats the rate at every snapshot). */
export function commissionChanges(history: readonly CommissionPoint[]): CommissionPoint[] {
  const out: CommissionPoint[] = [];
  for (const p of history) {
    const last = out.at(-1);
    if (!last || subScaled(points(p.rate), points(last.rate)).units !== 0n) out.push(p);
  }
  return out;
}
