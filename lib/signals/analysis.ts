// What the signal pages show besides the backtest: per-call track records (live and backtested, measured the same
// way so they can stand side by side), accuracy by volatility regime, and a chart-sized equity curve.
import type { Curve } from "./backtest";
import { regimeOf, volatilityTerciles, REGIMES, type Regime } from "@/lib/forecast/regimes";
import { knownPriceIndex, type PriceSeries } from "./prices";
import type { Direction } from "./strategies";

export type Call = { direction: Direction; /** The asset's realized return over the horizon; null until scored. */ realizedBps: number | null };
export type CallStats = { signals: number; calls: number; scored: number; hitRate: number | null; meanSignedBps: number | null };

/** Directional calls only (flat is no call); a hit when the realized return has the called sign. */
export function callStats(items: readonly Call[]): CallStats {
  let calls = 0;
  let scored = 0;
  let hits = 0;
  let signedSum = 0;
  for (const c of items) {
    if (c.direction === "flat") continue;
    calls++;
    if (c.realizedBps === null) continue;
    scored++;
    const signed = c.direction === "long" ? c.realizedBps : -c.realizedBps;
    signedSum += signed;
    if (signed > 0) hits++;
  }
  return { signals: items.length, calls, scored, hitRate: scored ? hits / scored : null, meanSignedBps: scored ? signedSum / scored : null };
}

/** Std-dev of one-candle log returns over the `window` closes known at each time; null until enough are known. */
export function trailingVolatility(prices: PriceSeries, at: readonly number[], window = 60): (number | null)[] {
  const n = prices.values.length;
  const prefix = new Float64Array(n + 1);
  const prefixSq = new Float64Array(n + 1);
  for (let i = 1; i < n; i++) {
    const r = Math.log(Number(prices.values[i]) / Number(prices.values[i - 1]));
    prefix[i + 1] = prefix[i]! + r;
    prefixSq[i + 1] = prefixSq[i]! + r * r;
  }
  return at.map((t) => {
    const k = knownPriceIndex(prices.times, t);
    if (k < window) return null;
    const sum = prefix[k + 1]! - prefix[k + 1 - window]!;
    const sumSq = prefixSq[k + 1]! - prefixSq[k + 1 - window]!;
    const mean = sum / window;
    return Math.sqrt(Math.max(0, sumSq / window - mean * mean));
  });
}

export type RegimeAccuracy = { regime: Regime; calls: number; hitRate: number | null };

/** Hit rate of scored calls per volatility tercile; null when fewer than three epochs have a volatility. */
export function accuracyByRegime(items: readonly (Call & { volatility: number | null })[]): RegimeAccuracy[] | null {
  const t = volatilityTerciles(items.map((i) => i.volatility));
  if (!t) return null;
  return REGIMES.map((regime) => {
    const stats = callStats(items.filter((i) => i.volatility !== null && regimeOf(i.volatility, t) === regime));
    return { regime, calls: stats.scored, hitRate: stats.hitRate };
  });
}

export type ChartPoint = { t: number; equity: number; buyHold: number; drawdown: number; buyHoldDrawdown: number };

/** At most ~maxPoints rows: per bucket the points of lowest and highest equity, in time order, plus the last. */
export function downsampleCurve(curve: Curve, maxPoints = 400): ChartPoint[] {
  const n = curve.t.length;
  const row = (i: number): ChartPoint => ({ t: curve.t[i]!, equity: curve.equity[i]!, buyHold: curve.buyHold[i]!, drawdown: curve.drawdown[i]!, buyHoldDrawdown: curve.buyHoldDrawdown[i]! });
  if (n <= maxPoints) return Array.from({ length: n }, (_, i) => row(i));
  const buckets = Math.max(1, Math.floor(maxPoints / 2));
  const size = n / buckets;
  const picked: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const from = Math.floor(b * size);
    const to = Math.min(n, Math.floor((b + 1) * size));
    let lo = from;
    let hi = from;
    for (let i = from; i < to; i++) {
      if (curve.equity[i]! < curve.equity[lo]!) lo = i;
      if (curve.equity[i]! > curve.equity[hi]!) hi = i;
    }
    picked.push(Math.min(lo, hi));
    if (hi !== lo) picked.push(Math.max(lo, hi));
  }
  if (picked.at(-1) !== n - 1) picked.push(n - 1);
  return picked.map(row);
}
