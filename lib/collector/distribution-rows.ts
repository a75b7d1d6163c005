// x/distribution's begin-block events → validator_rewards rows. `rewards` carries a validator's whole
// allocation (commission included) and `commission` its commission part (Cosmos SDK 0.50
// AllocateTokensToValidator); both are DecCoins, summed exactly per validator and 1,000-block bucket.
import type { UnknownEvent } from "@/lib/allora/events";
import { REWARD_BUCKET_BLOCKS } from "@/lib/ingest/tables-distribution";
import { addScaled, scaledToDec, toScaled, type Scaled } from "@/lib/staking/amounts";
import type { BatchBuilder } from "./batch-builder";
import { EventDecodeError } from "./event-rows";

type Row = Record<string, unknown>;
const DENOM = "uallo";
// A DecCoin is an amount then a denom ("12.5uallo"); DecCoins join them with commas, and an empty list is zero.
const DEC_COIN = /^(\d+(?:\.\d+)?)([a-zA-Z][a-zA-Z0-9/:._-]{2,127})$/;

/** The uallo amount of a DecCoins string, exact; null when the text is not DecCoins. */
export function decCoinsAmount(text: string, denom = DENOM): string | null {
  if (text === "") return "0";
  let found = "0";
  for (const part of text.split(",")) {
    const m = DEC_COIN.exec(part);
    if (!m) return null;
    if (m[2] === denom) found = m[1]!;
  }
  return found;
}

type Sum = { operator: string; bucket: bigint; from: bigint; to: bigint; blocks: number; rewards: Scaled; commission: Scaled };
const ZERO: Scaled = { units: 0n, scale: 0 };

/**
 * One batch's validator_rewards rows, summed as scaled bigints and written out as decimal text once, in rows():
 * a block brings two events per validator, and re-parsing a growing text sum for each was most of a batch's
 * row-building time.
 */
export class RewardSums {
  private readonly sums = new Map<string, Sum>();

  /** Adds one event's amount; heights come in ascending order, and a block's two events count it once. */
  add(operator: string, height: bigint, kind: "rewards" | "commission", amount: Scaled): void {
    const bucket = ((height - 1n) / REWARD_BUCKET_BLOCKS) * REWARD_BUCKET_BLOCKS + 1n;
    const key = `${operator}|${bucket}`;
    let sum = this.sums.get(key);
    if (!sum) this.sums.set(key, (sum = { operator, bucket, from: height, to: height, blocks: 1, rewards: ZERO, commission: ZERO }));
    else if (sum.to !== height) {
      sum.to = height;
      sum.blocks += 1;
    }
    sum[kind] = addScaled(sum[kind], amount);
  }

  /** Takes another part's sums (later heights than this one's); a block both parts hold is counted once. */
  merge(other: RewardSums): void {
    for (const [key, s] of other.sums) {
      const mine = this.sums.get(key);
      if (!mine) this.sums.set(key, { ...s });
      else {
        mine.blocks += s.blocks - (mine.to === s.from ? 1 : 0);
        mine.to = s.to;
        mine.rewards = addScaled(mine.rewards, s.rewards);
        mine.commission = addScaled(mine.commission, s.commission);
      }
    }
  }

  get size(): number {
    return this.sums.size;
  }

  rows(): Row[] {
    return [...this.sums.values()].map((s) => ({
      operator_address: s.operator, bucket_height: String(s.bucket), from_height: String(s.from), to_height: String(s.to),
      blocks: s.blocks, rewards: scaledToDec(s.rewards), commission: scaledToDec(s.commission),
    }));
  }
}

function attribute(ev: UnknownEvent, key: string, height: bigint): string {
  const value = ev.attributes.find((a) => a.key === key)?.value;
  if (value === undefined) throw new EventDecodeError(`block ${height}: ${ev.type} event without ${key}`);
  return value;
}

/** Adds a finalize-block `rewards` or `commission` event; other unknown events are not ours. */
export function addDistributionEvent(b: BatchBuilder, ev: UnknownEvent, height: bigint): void {
  if (ev.type !== "rewards" && ev.type !== "commission") return;
  const validator = attribute(ev, "validator", height);
  const text = attribute(ev, "amount", height);
  const amount = decCoinsAmount(text);
  if (amount === null) throw new EventDecodeError(`block ${height}: ${ev.type}.amount is not DecCoins: ${JSON.stringify(text.slice(0, 80))}`);
  b.validatorRewards.add(validator, height, ev.type, toScaled(amount));
}
