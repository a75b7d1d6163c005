import { z } from "zod";

import { decSchema, type Dec, heightSchema, intStringSchema, parseDec, uint64Schema } from "@/lib/allora/decimal";

/** `{amount: Int}` (reputer_stake, reputer_stake_self, reputer_delegate_stake, delegate_stake, stake, total_stake). */
export const amountResponseSchema = z.object({ amount: intStringSchema }).transform((raw) => raw.amount);

/** `delegate_stake_upon_reputer`: `{stake: Int}`. */
export const stakeResponseSchema = z.object({ stake: intStringSchema }).transform((raw) => raw.stake);

export interface DelegatorInfo {
  /** Dec, not Int: the chain tracks delegated shares with fractional precision. */
  amount: Dec;
  rewardDebt: Dec;
}

export const delegateStakePlacementResponseSchema = z
  .object({ delegator_info: z.object({ amount: decSchema, reward_debt: decSchema }) })
  .transform((raw): DelegatorInfo => ({
    amount: raw.delegator_info.amount,
    rewardDebt: raw.delegator_info.reward_debt,
  }));

export const delegateRewardPerShareResponseSchema = z
  .object({ reward_per_share: decSchema })
  .transform((raw): Dec => raw.reward_per_share);

export interface StakeRemoval {
  topicId: bigint;
  reputer: string;
  amount: bigint;
  blockRemovalStarted: bigint;
  blockRemovalCompleted: bigint;
}

export interface DelegateStakeRemoval extends StakeRemoval {
  delegator: string;
}

export const stakeRemovalSchema = z
  .object({
    block_removal_started: heightSchema,
    topic_id: uint64Schema,
    reputer: z.string(),
    amount: intStringSchema,
    block_removal_completed: heightSchema,
  })
  .transform((raw): StakeRemoval => ({
    topicId: raw.topic_id,
    reputer: raw.reputer,
    amount: raw.amount,
    blockRemovalStarted: raw.block_removal_started,
    blockRemovalCompleted: raw.block_removal_completed,
  }));

export const delegateStakeRemovalSchema = z
  .object({
    block_removal_started: heightSchema,
    topic_id: uint64Schema,
    reputer: z.string(),
    delegator: z.string(),
    amount: intStringSchema,
    block_removal_completed: heightSchema,
  })
  .transform((raw): DelegateStakeRemoval => ({
    topicId: raw.topic_id,
    reputer: raw.reputer,
    delegator: raw.delegator,
    amount: raw.amount,
    blockRemovalStarted: raw.block_removal_started,
    blockRemovalCompleted: raw.block_removal_completed,
  }));

/** `stake_removals/{h}`: every reputer removal completing up to that height. */
export const stakeRemovalsResponseSchema = z
  .object({ removals: z.array(stakeRemovalSchema).nullish() })
  .transform((raw) => raw.removals ?? []);

export const delegateStakeRemovalsResponseSchema = z
  .object({ removals: z.array(delegateStakeRemovalSchema).nullish() })
  .transform((raw) => raw.removals ?? []);

// The two single-removal routes answer with `removal` or `stake_removal_info` depending on which
// of the ambiguous gateway patterns served the request.
export const stakeRemovalResponseSchema = z
  .object({ removal: stakeRemovalSchema.nullish(), stake_removal_info: stakeRemovalSchema.nullish() })
  .transform((raw) => raw.removal ?? raw.stake_removal_info ?? null);

export const delegateStakeRemovalResponseSchema = z
  .object({ removal: delegateStakeRemovalSchema.nullish(), stake_removal_info: delegateStakeRemovalSchema.nullish() })
  .transform((raw) => raw.removal ?? raw.stake_removal_info ?? null);

/**
 * Pending delegator reward in uallo: `amount × reward_per_share − reward_debt`, truncated toward
 * zero like the chain does. Exact (scaled bigint arithmetic); never negative.
 */
export function pendingDelegateReward(placement: DelegatorInfo, rewardPerShare: Dec): bigint {
  const [a, as] = scaled(placement.amount);
  const [r, rs] = scaled(rewardPerShare);
  const [d, ds] = scaled(placement.rewardDebt);
  const productScale = as + rs;
  const scale = Math.max(productScale, ds);
  const diff = a * r * 10n ** BigInt(scale - productScale) - d * 10n ** BigInt(scale - ds);
  const reward = diff / 10n ** BigInt(scale);
  return reward > 0n ? reward : 0n;
}

function scaled(value: Dec): [bigint, number] {
  const [whole = "0", fraction = ""] = parseDec(value).split(".");
  return [BigInt(whole + fraction), fraction.length];
}
