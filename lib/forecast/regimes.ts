// Accuracy by market regime: buckets are split into terciles of realized volatility (calm, normal, volatile),
// and each series' loss is pooled within a regime. Shows whether the network is "context aware".
import { quantileSorted } from "./quantile";

export type Regime = "calm" | "normal" | "volatile";
export const REGIMES: readonly Regime[] = ["calm", "normal", "volatile"];

export type RegimeBucket = {
  /** Realized volatility over the bucket (e.g. std-dev of log returns); null when no prices. */
  volatility: number | null;
  /** Mean loss per series (network, a worker…) over the bucket, with its epoch count. */
  losses: Readonly<Record<string, { mean: number | null; n: number }>>;
};

export type RegimeRow = { regime: Regime; buckets: number; losses: Record<string, number | null> };

export function volatilityTerciles(vols: readonly (number | null)[]): { low: number; high: number } | null {
  const sorted = vols.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length < 3) return null;
  return { low: quantileSorted(sorted, 1 / 3)!, high: quantileSorted(sorted, 2 / 3)! };
}

export function regimeOf(vol: number, t: { low: number; high: number }): Regime {
  return vol <= t.low ? "calm" : vol <= t.high ? "normal" : "volatile";
}

/** Null when fewer than three buckets have a volatility (warming up). */
export function lossByRegime(buckets: readonly RegimeBucket[], series: readonly string[]): RegimeRow[] | null {
  const t = volatilityTerciles(buckets.map((b) => b.volatility));
  if (!t) return null;
  const acc = new Map(REGIMES.map((r) => [r, { buckets: 0, sums: new Map<string, { s: number; n: number }>() }]));
  for (const b of buckets) {
    if (b.volatility === null || !Number.isFinite(b.volatility)) continue;
    const a = acc.get(regimeOf(b.volatility, t))!;
    a.buckets++;
    for (const name of series) {
      const l = b.losses[name];
      if (!l || l.mean === null || l.n === 0) continue;
      const s = a.sums.get(name) ?? { s: 0, n: 0 };
      s.s += l.mean * l.n;
      s.n += l.n;
      a.sums.set(name, s);
    }
  }
  return REGIMES.map((regime) => {
    const a = acc.get(regime)!;
    const losses: Record<string, number | null> = {};
    for (const name of series) {
      const s = a.sums.get(name);
      losses[name] = s && s.n ? s.s / s.n : null;
    }
    return { regime, buckets: a.buckets, losses };
  });
}
