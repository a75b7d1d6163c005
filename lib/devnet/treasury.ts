// The rewards pool: each block the mint's allora-rewards cut is split across active topics by
// topic weight (stake^½ · fee revenue^½); a topic's accumulated pool is paid out when its
// reputer nonce settles. Integer uallo throughout, so paid rewards add up exactly.
import { CHAIN_PARAMS } from "./config";
import { Series, SeriesMap } from "./series";

export const ALLORA_CUT = (CHAIN_PARAMS.blockEmission * BigInt(Math.round((1 - CHAIN_PARAMS.validatorsPercent) * 100))) / 100n;
export const VALIDATOR_CUT = CHAIN_PARAMS.blockEmission - ALLORA_CUT;

export class Treasury {
  private readonly pools = new Map<number, bigint>();
  private perBlock = new Map<number, bigint>();
  private lastAccrued = 0;
  readonly weights = new SeriesMap<number>(0);
  readonly paid = new Series<bigint>(0n);
  private paidTotal = 0n;

  accrueTo(h: number): void {
    const blocks = BigInt(Math.max(0, h - this.lastAccrued));
    if (blocks > 0n) for (const [t, share] of this.perBlock) this.pools.set(t, (this.pools.get(t) ?? 0n) + share * blocks);
    this.lastAccrued = Math.max(this.lastAccrued, h);
  }

  /** New weights apply from the block after h. */
  reweight(h: number, weights: Map<number, number>): void {
    this.accrueTo(h);
    let sum = 0;
    for (const w of weights.values()) sum += w;
    const units = new Map<number, bigint>();
    let unitSum = 0n;
    for (const [t, w] of weights) {
      const u = sum > 0 ? BigInt(Math.round((w / sum) * 1e9)) : 0n;
      units.set(t, u);
      unitSum += u;
      this.weights.get(String(t)).set(h, w);
    }
    this.perBlock = new Map();
    for (const [t, u] of units) this.perBlock.set(t, unitSum > 0n ? (ALLORA_CUT * u) / unitSum : 0n);
  }

  take(topicId: number, h: number): bigint {
    this.accrueTo(h);
    const v = this.pools.get(topicId) ?? 0n;
    this.pools.set(topicId, 0n);
    this.paidTotal += v;
    this.paid.set(h, this.paidTotal);
    return v;
  }
}

/** Splits `pool` by float units; the rounding remainder goes to the largest share, so Σ = pool. */
export function allocate(pool: bigint, units: number[]): bigint[] {
  const total = units.reduce((a, b) => a + Math.max(0, b), 0);
  if (units.length === 0) return [];
  if (total <= 0 || pool <= 0n) return units.map(() => 0n);
  const scaled = units.map((u) => BigInt(Math.round((Math.max(0, u) / total) * 1e12)));
  const sum = scaled.reduce((a, b) => a + b, 0n);
  const out = scaled.map((s) => (sum > 0n ? (pool * s) / sum : 0n));
  let best = 0;
  scaled.forEach((s, i) => {
    if (s > scaled[best]!) best = i;
  });
  const rest = pool - out.reduce((a, b) => a + b, 0n);
  out[best] = out[best]! + rest;
  return out;
}
