import { z } from "zod";

import { decSchema, type Dec, heightSchema, intStringSchema, uint64Schema } from "@/lib/allora/decimal";
import { paginationSchema } from "@/lib/allora/schemas/common";

export type TopicType = "unspecified" | "regression" | "classification";
export type TopicOutputArity = "unspecified" | "single" | "multi";

export interface Topic {
  id: bigint;
  creator: string;
  metadata: string;
  lossMethod: string;
  epochLastEnded: bigint;
  epochLength: bigint;
  groundTruthLag: bigint;
  workerSubmissionWindow: bigint | null;
  pNorm: Dec;
  alphaRegret: Dec;
  allowNegative: boolean;
  epsilon: Dec;
  initialRegret: Dec | null;
  meritSortitionAlpha: Dec | null;
  activeInfererQuantile: Dec | null;
  activeForecasterQuantile: Dec | null;
  activeReputerQuantile: Dec | null;
  /** Per-topic since v0.15; absent from older Topic revisions. */
  cNorm: Dec | null;
  /** v10 fields below are null on v9 chains. */
  topicType: TopicType | null;
  outputArity: TopicOutputArity | null;
  requireUnity: boolean | null;
  unityTolerance: Dec | null;
  maxLabelsPerSubmission: bigint | null;
  labelWhitelist: string[];
  labelDefaultValue: Dec | null;
  labelCaseSensitive: boolean | null;
}

function enumSchema<T extends string>(prefix: string, names: readonly T[]) {
  // New enum values after an upgrade degrade to "unspecified" instead of failing the whole topic.
  return z
    .union([z.string(), z.number().int()])
    .optional()
    .transform((value): T | null => {
      if (value === undefined) return null;
      if (typeof value === "number") return names[value] ?? names[0] ?? null;
      const short = value.startsWith(prefix) ? value.slice(prefix.length).toLowerCase() : value.toLowerCase();
      return names.find((name) => name === short) ?? names[0] ?? null;
    });
}

const optionalDec = decSchema.optional().transform((value) => value ?? null);
const optionalHeight = heightSchema.optional().transform((value) => value ?? null);

export const topicSchema = z
  .object({
    id: uint64Schema,
    creator: z.string(),
    metadata: z.string(),
    loss_method: z.string(),
    epoch_last_ended: heightSchema,
    epoch_length: heightSchema,
    ground_truth_lag: heightSchema,
    worker_submission_window: optionalHeight,
    p_norm: decSchema,
    alpha_regret: decSchema,
    allow_negative: z.boolean(),
    epsilon: decSchema,
    initial_regret: optionalDec,
    merit_sortition_alpha: optionalDec,
    active_inferer_quantile: optionalDec,
    active_forecaster_quantile: optionalDec,
    active_reputer_quantile: optionalDec,
    c_norm: optionalDec,
    topic_type: enumSchema<TopicType>("TOPIC_TYPE_", ["unspecified", "regression", "classification"]),
    output_arity: enumSchema<TopicOutputArity>("TOPIC_OUTPUT_ARITY_", ["unspecified", "single", "multi"]),
    require_unity: z.boolean().optional(),
    unity_tolerance: optionalDec,
    max_labels_per_submission: uint64Schema.optional(),
    label_whitelist: z.array(z.string()).nullish(),
    label_default_value: optionalDec,
    label_case_sensitive: z.boolean().optional(),
  })
  .transform((raw): Topic => ({
    id: raw.id,
    creator: raw.creator,
    metadata: raw.metadata,
    lossMethod: raw.loss_method,
    epochLastEnded: raw.epoch_last_ended,
    epochLength: raw.epoch_length,
    groundTruthLag: raw.ground_truth_lag,
    workerSubmissionWindow: raw.worker_submission_window,
    pNorm: raw.p_norm,
    alphaRegret: raw.alpha_regret,
    allowNegative: raw.allow_negative,
    epsilon: raw.epsilon,
    initialRegret: raw.initial_regret,
    meritSortitionAlpha: raw.merit_sortition_alpha,
    activeInfererQuantile: raw.active_inferer_quantile,
    activeForecasterQuantile: raw.active_forecaster_quantile,
    activeReputerQuantile: raw.active_reputer_quantile,
    cNorm: raw.c_norm,
    topicType: raw.topic_type,
    outputArity: raw.output_arity,
    requireUnity: raw.require_unity ?? null,
    unityTolerance: raw.unity_tolerance,
    maxLabelsPerSubmission: raw.max_labels_per_submission ?? null,
    labelWhitelist: raw.label_whitelist ?? [],
    labelDefaultValue: raw.label_default_value,
    labelCaseSensitive: raw.label_case_sensitive ?? null,
  }));

export interface TopicInfo {
  topic: Topic;
  /** null when the chain sent no weight (never substituted with 0). */
  weight: Dec | null;
  effectiveRevenue: Dec | null;
  /** v10 only (UNCERTAIN for v9 final). */
  topicStake: bigint | null;
}

/** GetTopicResponse: plain strings on the wire; "" is treated as absent. */
export const topicResponseSchema = z
  .object({
    topic: topicSchema,
    weight: z.union([decSchema, z.literal("")]).optional(),
    effective_revenue: z.union([decSchema, z.literal("")]).optional(),
    topic_stake: z.union([intStringSchema, z.literal("")]).optional(),
  })
  .transform((raw): TopicInfo => ({
    topic: raw.topic,
    weight: raw.weight || null,
    effectiveRevenue: raw.effective_revenue || null,
    topicStake: typeof raw.topic_stake === "bigint" ? raw.topic_stake : null,
  }));

export const nextTopicIdResponseSchema = z
  .object({ next_topic_id: uint64Schema })
  .transform((raw) => raw.next_topic_id);

export const isTopicActiveResponseSchema = z.object({ is_active: z.boolean() }).transform((raw) => raw.is_active);

export const topicExistsResponseSchema = z.object({ exists: z.boolean() }).transform((raw) => raw.exists);

export const activeTopicsResponseSchema = z
  .object({ topics: z.array(topicSchema).nullish(), pagination: paginationSchema })
  .transform((raw) => ({ topics: raw.topics ?? [], nextKey: raw.pagination.nextKey }));
