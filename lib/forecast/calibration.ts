// How often reality fell inside the bands, against their nominal 68% and 95%.
import type { Band } from "./bands";

export type Coverage = {
  /** Points that had both a band and a realized value. */
  n: number;
  inside68: number;
  inside95: number;
  /** Shares in [0, 1]; null when n = 0. */
  share68: number | null;
  share95: number | null;
};

export function calibrationCoverage(points: readonly { band: Band | null; realized: number | null }[]): Coverage {
  let n = 0;
  let inside68 = 0;
  let inside95 = 0;
  for (const { band, realized } of points) {
    if (!band || realized === null || !Number.isFinite(realized)) continue;
    n++;
    if (realized >= band.lo68 && realized <= band.hi68) inside68++;
    if (realized >= band.lo95 && realized <= band.hi95) inside95++;
  }
  return { n, inside68, inside95, share68: n ? inside68 / n : null, share95: n ? inside95 / n : null };
}
