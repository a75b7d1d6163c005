// The ground truth: one price path per asset, block by block, driven by a two-state regime
// Markov chain (calm / volatile) shared by the whole market. Prices are quantized to cents, so the
// OHLC endpoint, the ground truth a topic is scored against and the record agree exactly.
import type { Asset, LabelSpec, TargetKind } from "./config";
import { Rng, hashSeed } from "./prng";

export const ASSETS: readonly Asset[] = ["BTC", "ETH", "SOL"];
export type Regime = 0 | 1;
export const REGIME_NAMES = ["calm", "volatile"] as const;

const REGIME_STEP = 60;
/** Mean stretch lengths: calm about 18h, volatile about 8h (in 5-minute regime steps). */
const P_LEAVE: readonly [number, number] = [1 / 216, 1 / 96];
const START_PRICE: Record<Asset, number> = { BTC: 98000, ETH: 3600, SOL: 210 };
const ANNUAL_VOL: Record<Asset, readonly [number, number]> = { BTC: [0.35, 1.1], ETH: [0.45, 1.4], SOL: [0.6, 1.9] };
const PER_BLOCK = Math.sqrt(5 / (365 * 86400));

export function blockVol(asset: Asset, regime: Regime): number {
  return ANNUAL_VOL[asset][regime] * PER_BLOCK;
}

export interface Candle {
  t: number;
  open: number;
  high: number;
  low: number;
  close: number;
}

export class Market {
  private readonly rng: Rng;
  private cents: Record<Asset, Float64Array>;
  private logs: Record<Asset, Float64Array>;
  private regimes: Uint8Array;
  private generated = 0;
  private regime: Regime = 0;

  constructor(seed: number) {
    this.rng = new Rng(hashSeed(seed, "market"));
    const cap = 1 << 16;
    this.cents = { BTC: new Float64Array(cap), ETH: new Float64Array(cap), SOL: new Float64Array(cap) };
    this.logs = { BTC: new Float64Array(cap), ETH: new Float64Array(cap), SOL: new Float64Array(cap) };
    this.regimes = new Uint8Array(cap);
    for (const a of ASSETS) {
      this.logs[a][0] = Math.log(START_PRICE[a]);
      this.cents[a][0] = Math.round(START_PRICE[a] * 100);
    }
  }

  /** Extends the path so that every block up to h exists (the path runs ahead of the chain tip). */
  ensure(h: number): void {
    if (h <= this.generated) return;
    this.grow(h + 1);
    const rng = this.rng;
    for (let b = this.generated + 1; b <= h; b++) {
      if (b % REGIME_STEP === 0 && rng.chance(P_LEAVE[this.regime])) this.regime = this.regime === 0 ? 1 : 0;
      this.regimes[b] = this.regime;
      const common = rng.normal();
      for (const a of ASSETS) {
        const sigma = blockVol(a, this.regime);
        let r = sigma * (0.7 * common + 0.714 * rng.normal());
        if (this.regime === 1 && rng.chance(0.002)) r += sigma * 8 * rng.normal();
        const lp = this.logs[a][b - 1]! + r;
        this.logs[a][b] = lp;
        this.cents[a][b] = Math.max(1, Math.round(Math.exp(lp) * 100));
      }
    }
    this.generated = h;
  }

  private grow(size: number): void {
    if (size <= this.regimes.length) return;
    let cap = this.regimes.length;
    while (cap < size) cap *= 2;
    for (const a of ASSETS) {
      const c = new Float64Array(cap);
      c.set(this.cents[a]);
      this.cents[a] = c;
      const l = new Float64Array(cap);
      l.set(this.logs[a]);
      this.logs[a] = l;
    }
    const r = new Uint8Array(cap);
    r.set(this.regimes);
    this.regimes = r;
  }

  /** Price (USD) after block h, exactly representable in cents. */
  price(asset: Asset, h: number): number {
    this.ensure(h);
    return this.cents[asset][h]! / 100;
  }

  regimeAt(h: number): Regime {
    this.ensure(h);
    return (this.regimes[Math.max(1, h)] ?? 0) as Regime;
  }

  /** The realized value a topic label is scored against, for a worker nonce. */
  truth(asset: Asset, target: TargetKind, label: LabelSpec, nonce: number): number {
    const end = nonce + label.horizonBlocks;
    this.ensure(end);
    const c = this.cents[asset];
    if (target === "price") return c[end]! / 100;
    if (target === "log-return") return Math.log(c[end]! / c[nonce]!);
    let sum = 0;
    for (let b = nonce + 1; b <= end; b++) {
      const r = Math.log(c[b]! / c[b - 1]!);
      sum += r * r;
    }
    return Math.sqrt(sum);
  }

  /** Typical size of the unpredictable part of a target at the nonce's regime. */
  targetScale(asset: Asset, target: TargetKind, label: LabelSpec, nonce: number, regime?: Regime): number {
    const r = regime ?? this.regimeAt(nonce);
    const s = blockVol(asset, r) * Math.sqrt(label.horizonBlocks);
    if (target === "price") return s * this.price(asset, nonce);
    if (target === "volatility") return 0.25 * s;
    return s;
  }

  /** Candles over blocks [fromH, toH], buckets aligned to genesis. */
  candles(asset: Asset, fromH: number, toH: number, bucketBlocks: number, timeOf: (h: number) => number): Candle[] {
    const out: Candle[] = [];
    if (toH < fromH) return out;
    this.ensure(toH);
    const c = this.cents[asset];
    const first = Math.floor((fromH - 1) / bucketBlocks);
    const last = Math.floor((toH - 1) / bucketBlocks);
    for (let k = first; k <= last; k++) {
      const start = Math.max(fromH, k * bucketBlocks + 1);
      const end = Math.min(toH, (k + 1) * bucketBlocks);
      let high = -Infinity;
      let low = Infinity;
      for (let b = start; b <= end; b++) {
        const v = c[b]!;
        if (v > high) high = v;
        if (v < low) low = v;
      }
      const open = c[start - 1]!;
      high = Math.max(high, open);
      low = Math.min(low, open);
      out.push({ t: timeOf(k * bucketBlocks + 1), open: open / 100, high: high / 100, low: low / 100, close: c[end]! / 100 });
    }
    return out;
  }
}
