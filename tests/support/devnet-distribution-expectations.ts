// What the devnet says the x/distribution and x/slashing tables should hold: reward buckets summed from the
// `rewards`/`commission` events it served, pending rewards and signing info from its state at the collector's reads
// of them (not every full state read includes them while catching up).
import type { TypedEv } from "@/lib/devnet/chain-types";
import { fmtLegacy } from "@/lib/devnet/dec";
import { SIGNED_BLOCKS_WINDOW, signingInfoJson } from "@/lib/devnet/slashing";
import { isoTime } from "@/lib/devnet/rpc";
import type { Simulation } from "@/lib/devnet/simulation";
import { REWARD_BUCKET_BLOCKS } from "@/lib/ingest/tables-distribution";
import { scaledToDec, toScaled } from "@/lib/staking/amounts";
import type { Check, Windows } from "./devnet-expectations";

const j = (...parts: unknown[]) => parts.map((p) => (p === null || p === undefined ? "" : String(p))).join("|");
const trimmed = (dec: string) => scaledToDec(toScaled(dec));
const scaled18 = (amount: string) => {
  const m = /^(\d+)\.(\d{18})uallo$/.exec(amount);
  if (!m) throw new Error(`devnet served ${amount}, not an 18-decimal uallo DecCoin`);
  return BigInt(m[1]! + m[2]!);
};

export function distributionChecks(sim: Simulation, events: { h: number; ev: TypedEv }[], w: Windows): Check[] {
  const buckets = new Map<string, { operator: string; bucket: bigint; from: number; to: number; heights: Set<number>; rewards: bigint; commission: bigint }>();
  for (const { h, ev } of events) {
    if (ev.module !== "plain" || (ev.name !== "rewards" && ev.name !== "commission")) continue;
    const operator = String(ev.fields.validator);
    const bucket = ((BigInt(h) - 1n) / REWARD_BUCKET_BLOCKS) * REWARD_BUCKET_BLOCKS + 1n;
    const key = j(operator, bucket);
    const b = buckets.get(key) ?? { operator, bucket, from: h, to: h, heights: new Set<number>(), rewards: 0n, commission: 0n };
    b.from = Math.min(b.from, h);
    b.to = Math.max(b.to, h);
    b.heights.add(h);
    b[ev.name] += scaled18(String(ev.fields.amount));
    buckets.set(key, b);
  }
  const fmt = (units: bigint) => scaledToDec({ units, scale: 18 });
  const rewards = [...buckets.values()].map((b) => j(b.operator, b.bucket, b.from, b.to, b.heights.size, fmt(b.rewards), fmt(b.commission)));

  const pending: string[] = [];
  for (const key of sim.validators.shares.keys()) {
    const [delegator, operator] = key.split("|");
    const seen = w.distributionReads.filter((r) => (sim.validators.shares.peek(key)?.at(r) ?? 0n) > 0n);
    const v = sim.validators.list.find((x) => x.operator === operator);
    if (!seen.length || !v || !delegator) continue;
    const at = seen.at(-1)!;
    pending.push(j(delegator, operator, trimmed(fmtLegacy(sim.validators.pendingReward(delegator, v, at))), at));
  }
  const last = w.distributionReads.at(-1) ?? 0;
  const signing = sim.validators.list.flatMap((v) => {
    const info = signingInfoJson(sim, v, last, isoTime);
    return info ? [j(v.operator, info.address, info.missed_blocks_counter, SIGNED_BLOCKS_WINDOW, last)] : [];
  });
  return [
    ["validator_rewards", rewards, `SELECT concat_ws('|', operator_address, bucket_height, from_height, to_height, blocks, trim_scale(rewards)::text, trim_scale(commission)::text) AS k FROM validator_rewards`],
    ["validator_pending_rewards", pending, `SELECT concat_ws('|', delegator, operator_address, trim_scale(amount)::text, updated_height) AS k FROM validator_pending_rewards`],
    ["validator_signing_infos", signing, `SELECT concat_ws('|', operator_address, consensus_address, missed_blocks_counter, signed_blocks_window, updated_height) AS k FROM validator_signing_infos`],
  ];
}
