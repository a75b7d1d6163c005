import { uintSegment } from "@/lib/allora/http";
import { type LcdGet, orNull, type QueryOptions, seg, type Uint } from "@/lib/allora/lcd-request";
import {
  amountResponseSchema,
  delegateRewardPerShareResponseSchema,
  delegateStakePlacementResponseSchema,
  delegateStakeRemovalResponseSchema,
  delegateStakeRemovalsResponseSchema,
  stakeRemovalResponseSchema,
  stakeRemovalsResponseSchema,
} from "@/lib/allora/schemas/stake";

/** Reputer stake and delegation queries of the emissions module (amounts in uallo). */
export function stakeQueries(emissions: LcdGet) {
  const topic = uintSegment;
  return {
    getTotalStake: (q?: QueryOptions) => emissions("/total_stake", amountResponseSchema, q),
    getTopicStake: (topicId: Uint, q?: QueryOptions) => emissions(`/stake/${topic(topicId)}`, amountResponseSchema, q),
    /** Self stake plus everything delegated to the reputer in the topic. */
    getReputerStake: (reputer: string, topicId: Uint, q?: QueryOptions) =>
      emissions(`/reputer_stake/${seg(reputer)}/${topic(topicId)}`, amountResponseSchema, q),
    getReputerStakeSelf: (reputer: string, topicId: Uint, q?: QueryOptions) =>
      emissions(`/reputer_stake_self/${seg(reputer)}/${topic(topicId)}`, amountResponseSchema, q),
    getReputerDelegateStake: (reputer: string, topicId: Uint, q?: QueryOptions) =>
      emissions(`/reputer_delegate_stake/${seg(reputer)}/${topic(topicId)}`, amountResponseSchema, q),
    getDelegateStake: (delegator: string, reputer: string, topicId: Uint, q?: QueryOptions) =>
      emissions(`/delegate_stake/${seg(delegator)}/${seg(reputer)}/${topic(topicId)}`, amountResponseSchema, q),
    getDelegateStakePlacement: (topicId: Uint, delegator: string, reputer: string, q?: QueryOptions) =>
      emissions(
        `/delegate_stake_placement/${topic(topicId)}/${seg(delegator)}/${seg(reputer)}`,
        delegateStakePlacementResponseSchema,
        q,
      ),
    getDelegateRewardPerShare: (topicId: Uint, reputer: string, q?: QueryOptions) =>
      emissions(
        `/delegate_reward_per_share/${topic(topicId)}/${seg(reputer)}`,
        delegateRewardPerShareResponseSchema,
        q,
      ),
    /** Every reputer stake removal completing at or before `height`. */
    getStakeRemovalsUpTo: (height: Uint, q?: QueryOptions) =>
      emissions(`/stake_removals/${uintSegment(height)}`, stakeRemovalsResponseSchema, q),
    getDelegateStakeRemovalsUpTo: (height: Uint, q?: QueryOptions) =>
      emissions(`/delegate_stake_removals/${uintSegment(height)}`, delegateStakeRemovalsResponseSchema, q),
    /** null when no removal is pending (the gateway answers 404). */
    getStakeRemoval: (topicId: Uint, reputer: string, q?: QueryOptions) =>
      orNull(emissions(`/stake_removal/${topic(topicId)}/${seg(reputer)}`, stakeRemovalResponseSchema, q)),
    getDelegateStakeRemoval: (topicId: Uint, delegator: string, reputer: string, q?: QueryOptions) =>
      orNull(
        emissions(
          `/delegate_stake_removal/${topic(topicId)}/${seg(delegator)}/${seg(reputer)}`,
          delegateStakeRemovalResponseSchema,
          q,
        ),
      ),
  };
}
