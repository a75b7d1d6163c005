import { z } from "zod";

import { decSchema, type Dec, heightSchema, intStringSchema, uint64Schema } from "@/lib/allora/decimal";

/** The emissions params the product reads; everything else stays available in `raw`. */
export interface EmissionsParams {
  version: string;
  requiredMinimumStake: bigint;
  /** In blocks (the docs page saying seconds contradicts the code). */
  removeStakeDelayWindow: bigint;
  minEpochLength: bigint;
  minEpochLengthRecordLimit: bigint | null;
  registrationFee: bigint;
  createTopicFee: bigint;
  dataSendingFee: bigint | null;
  blocksPerMonth: bigint | null;
  validatorsVsAlloraPercentReward: Dec | null;
  maxTopInferersToReward: bigint | null;
  maxTopForecastersToReward: bigint | null;
  maxTopReputersToReward: bigint | null;
  topicRewardStakeImportance: Dec | null;
  topicRewardFeeRevenueImportance: Dec | null;
  topicRewardAlpha: Dec | null;
  taskRewardAlpha: Dec | null;
  pRewardInference: Dec | null;
  pRewardForecast: Dec | null;
  pRewardReputer: Dec | null;
  cRewardInference: Dec | null;
  cRewardForecast: Dec | null;
  epsilonReputer: Dec | null;
  epsilonSafeDiv: Dec | null;
  halfMaxProcessStakeRemovalsEndBlock: bigint | null;
  maxActiveTopicsPerBlock: bigint | null;
  maxStringLength: bigint | null;
  globalWhitelistEnabled: boolean | null;
  topicCreatorWhitelistEnabled: boolean | null;
  globalWorkerWhitelistEnabled: boolean | null;
  globalReputerWhitelistEnabled: boolean | null;
  /** v0.17+. */
  maxCanonicalLabelByteLength: bigint | null;
  raw: Record<string, unknown>;
}

const dec = decSchema.optional().transform((value) => value ?? null);
const uint = uint64Schema.optional().transform((value) => value ?? null);
const int = intStringSchema.optional().transform((value) => value ?? null);
const flag = z
  .boolean()
  .optional()
  .transform((value) => value ?? null);

export const paramsSchema = z
  .looseObject({
    version: z.string(),
    required_minimum_stake: intStringSchema,
    remove_stake_delay_window: heightSchema,
    min_epoch_length: heightSchema,
    min_epoch_length_record_limit: heightSchema.optional(),
    registration_fee: intStringSchema,
    create_topic_fee: intStringSchema,
    data_sending_fee: int,
    blocks_per_month: uint,
    validators_vs_allora_percent_reward: dec,
    max_top_inferers_to_reward: uint,
    max_top_forecasters_to_reward: uint,
    max_top_reputers_to_reward: uint,
    topic_reward_stake_importance: dec,
    topic_reward_fee_revenue_importance: dec,
    topic_reward_alpha: dec,
    task_reward_alpha: dec,
    p_reward_inference: dec,
    p_reward_forecast: dec,
    p_reward_reputer: dec,
    c_reward_inference: dec,
    c_reward_forecast: dec,
    epsilon_reputer: dec,
    epsilon_safe_div: dec,
    half_max_process_stake_removals_end_block: uint,
    max_active_topics_per_block: uint,
    max_string_length: uint,
    global_whitelist_enabled: flag,
    topic_creator_whitelist_enabled: flag,
    global_worker_whitelist_enabled: flag,
    global_reputer_whitelist_enabled: flag,
    max_canonical_label_byte_length: uint,
  })
  .transform((raw): EmissionsParams => {
    const { version, ...rest } = raw;
    return {
      version,
      requiredMinimumStake: rest.required_minimum_stake,
      removeStakeDelayWindow: rest.remove_stake_delay_window,
      minEpochLength: rest.min_epoch_length,
      minEpochLengthRecordLimit: rest.min_epoch_length_record_limit ?? null,
      registrationFee: rest.registration_fee,
      createTopicFee: rest.create_topic_fee,
      dataSendingFee: rest.data_sending_fee,
      blocksPerMonth: rest.blocks_per_month,
      validatorsVsAlloraPercentReward: rest.validators_vs_allora_percent_reward,
      maxTopInferersToReward: rest.max_top_inferers_to_reward,
      maxTopForecastersToReward: rest.max_top_forecasters_to_reward,
      maxTopReputersToReward: rest.max_top_reputers_to_reward,
      topicRewardStakeImportance: rest.topic_reward_stake_importance,
      topicRewardFeeRevenueImportance: rest.topic_reward_fee_revenue_importance,
      topicRewardAlpha: rest.topic_reward_alpha,
      taskRewardAlpha: rest.task_reward_alpha,
      pRewardInference: rest.p_reward_inference,
      pRewardForecast: rest.p_reward_forecast,
      pRewardReputer: rest.p_reward_reputer,
      cRewardInference: rest.c_reward_inference,
      cRewardForecast: rest.c_reward_forecast,
      epsilonReputer: rest.epsilon_reputer,
      epsilonSafeDiv: rest.epsilon_safe_div,
      halfMaxProcessStakeRemovalsEndBlock: rest.half_max_process_stake_removals_end_block,
      maxActiveTopicsPerBlock: rest.max_active_topics_per_block,
      maxStringLength: rest.max_string_length,
      globalWhitelistEnabled: rest.global_whitelist_enabled,
      topicCreatorWhitelistEnabled: rest.topic_creator_whitelist_enabled,
      globalWorkerWhitelistEnabled: rest.global_worker_whitelist_enabled,
      globalReputerWhitelistEnabled: rest.global_reputer_whitelist_enabled,
      maxCanonicalLabelByteLength: rest.max_canonical_label_byte_length,
      raw,
    };
  });

export const paramsResponseSchema = z.object({ params: paramsSchema }).transform((raw) => raw.params);
