import { actorTypeSchema } from "@/lib/allora/schemas/common";
import {
  evBools,
  evDec,
  evDecs,
  evHeight,
  evNonce,
  evStrings,
  evUint,
  evUints,
  eventSchema,
} from "@/lib/allora/schemas/event-fields";

// Scores, rewards, weights, regrets and epoch bookkeeping. Columns (addresses[], scores[], …) are
// parallel arrays; eventSchema rejects events whose columns do not line up.

export const scoresSetEventSchema = eventSchema(
  { actor_type: actorTypeSchema, topic_id: evUint, block_height: evHeight, addresses: evStrings, scores: evDecs },
  [["addresses", "scores"]],
);

export const emaScoresSetEventSchema = eventSchema(
  {
    actor_type: actorTypeSchema,
    topic_id: evUint,
    nonce: evHeight,
    addresses: evStrings,
    scores: evDecs,
    is_active: evBools,
  },
  [["addresses", "scores", "is_active"]],
);

export const rewardsSettledEventSchema = eventSchema(
  {
    actor_type: actorTypeSchema,
    topic_id: evUint,
    block_height: evHeight,
    addresses: evStrings,
    rewards: evDecs,
    block_height_tx: evHeight.optional(),
  },
  [["addresses", "rewards"]],
);

export const topicRewardsSetEventSchema = eventSchema({ topic_ids: evUints, rewards: evDecs }, [
  ["topic_ids", "rewards"],
]);

export const forecastTaskScoreSetEventSchema = eventSchema({
  topic_id: evUint,
  score: evDec,
  nonce_block_height: evHeight.optional(),
});

export const epochLabelRegistryFrozenEventSchema = eventSchema({
  topic_id: evUint,
  nonce_block_height: evHeight,
  registry_size: evUint,
});

export const lastCommitSetEventSchema = eventSchema({ topic_id: evUint, block_height: evHeight, nonce: evNonce });

export const submissionWindowOpenedEventSchema = eventSchema({
  topic_id: evUint,
  nonce_block_height: evHeight,
  window_end_block: evHeight,
});

export const submissionWindowClosedEventSchema = eventSchema({ topic_id: evUint, nonce_block_height: evHeight });

export const weightsSetEventSchema = eventSchema(
  { topic_id: evUint, block_height: evHeight, addresses: evStrings, weights: evDecs },
  [["addresses", "weights"]],
);

export const networkInferenceWeightsSetEventSchema = eventSchema(
  { topic_id: evUint, nonce_block_height: evHeight, addresses: evStrings, weights: evDecs },
  [["addresses", "weights"]],
);

export const networkInferenceRegretsUsedSetEventSchema = eventSchema(
  { topic_id: evUint, nonce_block_height: evHeight, addresses: evStrings, regrets: evDecs },
  [["addresses", "regrets"]],
);

export const networkRegretSetEventSchema = eventSchema(
  { topic_id: evUint, block_height: evHeight, addresses: evStrings, regrets: evDecs },
  [["addresses", "regrets"]],
);

export const topicInitialRegretSetEventSchema = eventSchema({
  topic_id: evUint,
  block_height: evHeight,
  regret: evDec,
});

export const topicInitialEmaScoreSetEventSchema = eventSchema({
  actor_type: actorTypeSchema,
  topic_id: evUint,
  block_height: evHeight,
  score: evDec,
});

export const regretStdNormSetEventSchema = eventSchema({ topic_id: evUint, block_height: evHeight, stdnorm: evDec });

export const listeningCoefficientsSetEventSchema = eventSchema(
  { actor_type: actorTypeSchema, topic_id: evUint, block_height: evHeight, addresses: evStrings, coefficients: evDecs },
  [["addresses", "coefficients"]],
);

export const previousPercentageRewardToStakedReputersSetEventSchema = eventSchema({
  block_height: evHeight,
  percentage: evDec,
});

export const pruneRecordsEventSchema = eventSchema({ block_height: evHeight, topic_id: evUint });
