import { z } from "zod";

import { topicSchema } from "@/lib/allora/schemas/topic";
import {
  evBool,
  evDec,
  evHeight,
  evInt,
  evString,
  evStrings,
  evUint,
  eventSchema,
} from "@/lib/allora/schemas/event-fields";

// Staking, delegation, topic lifecycle, registrations and mint. Amounts are uallo bigints except
// where the chain uses Dec (delegate rewards, reward per share).

/** `delegator` is "" for reputer self-stake (UNCERTAIN); normalized to null. */
const delegator = evString.transform((value) => (value ? value : null));

export const stakeChangeEventSchema = eventSchema({
  topic_id: evUint,
  reputer: z.string(),
  delegator,
  amount: evInt,
});

export const requestStakeRemovalEventSchema = eventSchema({
  topic_id: evUint,
  reputer: z.string(),
  delegator,
  amount: evInt,
  completion_height: evHeight,
});

export const cancelStakeRemovalEventSchema = eventSchema({ topic_id: evUint, reputer: z.string(), delegator });

export const reputerStakeUpdatedEventSchema = eventSchema({ topic_id: evUint, reputer: z.string(), amount: evInt });

export const rewardDelegateStakeEventSchema = eventSchema({
  topic_id: evUint,
  reputer: z.string(),
  delegator: z.string(),
  amount: evDec,
});

export const delegateRewardShareUpdatedEventSchema = eventSchema({
  topic_id: evUint,
  reputer: z.string(),
  reward_per_share: evDec,
});

export const delegateRewardDistributedEventSchema = eventSchema({
  topic_id: evUint,
  reputer: z.string(),
  amount: evInt,
  block_height: evHeight.optional(),
});

export const createNewTopicEventSchema = eventSchema({ topic: topicSchema });

export const topicUpdatedEventSchema = eventSchema({ topic_id: evUint, topic: topicSchema });

export const topicStatusChangedEventSchema = eventSchema({ topic_id: evUint, is_active: evBool });

export const topicWeightUpdatedEventSchema = eventSchema({
  topic_id: evUint,
  new_weight: evDec,
  topic_stake: evInt,
  topic_fee_revenue: evInt,
});

export const topicFeeRevenueDrippedEventSchema = eventSchema({
  topic_id: evUint,
  old_revenue: evInt,
  new_revenue: evInt,
  drip_amount: evInt,
});

export const fundTopicEventSchema = eventSchema({ topic_id: evUint, funder: z.string(), amount: evInt });

export const workerRegisteredEventSchema = eventSchema({ topic_id: evUint, worker: z.string(), owner: evString });
export const reputerRegisteredEventSchema = eventSchema({ topic_id: evUint, reputer: z.string(), owner: evString });
export const workerUnregisteredEventSchema = eventSchema({ topic_id: evUint, worker: z.string() });
export const reputerUnregisteredEventSchema = eventSchema({ topic_id: evUint, reputer: z.string() });

export const nodeOwnerUpdatedEventSchema = eventSchema({
  node_address: z.string(),
  old_owner: evString,
  new_owner: z.string(),
  is_reputer: evBool.optional(),
});

export const activeActorsSetEventSchema = eventSchema({
  topic_id: evUint,
  addresses: evStrings,
  nonce_block_height: evHeight,
});

export const paramsSetEventSchema = eventSchema({ params: z.record(z.string(), z.unknown()) });

export const mintAmountEventSchema = eventSchema({ block_height: evHeight, token_amount: evInt });

export const tokenomicsSetEventSchema = eventSchema({
  staked_token_amount: evInt,
  circulating_supply: evInt,
  emissions_amount: evInt,
});
