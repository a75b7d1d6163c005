// x/distribution's begin-block events → validator_rewards rows. `rewards` carries a validator's whole
// allocation (commission included) and `commission` its commission part (Cosmos SDK 0.50
// AllocateTokensToValidator); both are DecCoins, summed exactly per validator and 1,000-block bucket.
import type { UnknownEvent } from "@/lib/allora/events";
import { REWARD_BUCKET_BLOCKS } from "@/lib/ingest/tables-distribution";
import { addScaled, scaledToDec, toScaled } from "@/lib/staking/amounts";
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

const addDecs = (a: string, b: string) => scaledToDec(addScaled(toScaled(a), toScaled(b)));

/** Two rows of one bucket within a batch: sums added, covered heights widened, blocks counted once per height. */
export function mergeRewardRows(a: Row, b: Row): Row {
  const sameBlock = a.to_height === b.from_height;
  return {
    ...a,
    from_height: a.from_height,
    to_height: b.to_height,
    blocks: Number(a.blocks) + (sameBlock ? 0 : Number(b.blocks)),
    rewards: addDecs(String(a.rewards), String(b.rewards)),
    commission: addDecs(String(a.commission), String(b.commission)),
  };
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
  const bucket = ((height - 1n) / REWARD_BUCKET_BLOCKS) * REWARD_BUCKET_BLOCKS + 1n;
  const h = String(height);
  b.add("validator_rewards", {
    operator_address: validator, bucket_height: String(bucket), from_height: h, to_height: h, blocks: 1,
    rewards: ev.type === "rewards" ? amount : "0", commission: ev.type === "commission" ? amount : "0",
  });
}
