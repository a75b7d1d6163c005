import { z } from "zod";

import { type Dec, fixedPointToDec, isDec } from "@/lib/allora/decimal";

/** The consumer API sends inference values as uint256 × 1e18; the mocks already send decimals. */
const UINT256_SCALE = 18;

const scaledDecSchema = z.string().transform((value, ctx): Dec => {
  if (/^-?\d+$/.test(value)) return fixedPointToDec(value, UINT256_SCALE);
  if (isDec(value)) return value;
  ctx.issues.push({ code: "custom", message: "expected a uint256 ×1e18 or decimal string", input: value });
  return z.NEVER;
});

const unixSecondsSchema = z
  .union([z.number().int().nonnegative(), z.string().regex(/^\d+$/, "expected unix seconds")])
  .transform((value) => Number(value))
  .refine(Number.isSafeInteger, "timestamp out of range");

export const consumerEnvelopeSchema = z.object({
  request_id: z.string().nullish(),
  status: z.boolean(),
  apiResponseMessage: z.string().nullish(),
  data: z.unknown(),
});

export interface SignedInference {
  requestId: string | null;
  topicId: bigint;
  /** Seconds since epoch: a number in the SDK types, a string in the docs example. */
  timestampSeconds: number;
  networkInference: Dec;
  /** Pairs of (percentile, value); the contract requires both lists to be equally long. */
  confidenceIntervals: Array<{ percentile: Dec; value: Dec }>;
  signature: string;
  extraData: string | null;
  tokenDecimals: number | null;
  /** As sent (uint256 strings), for on-chain verification with AlloraConsumer. */
  raw: { networkInference: string; percentiles: string[]; values: string[] };
}

const inferenceDataSchema = z.object({
  network_inference: z.string(),
  confidence_interval_percentiles: z.array(z.string()).nullish(),
  confidence_interval_values: z.array(z.string()).nullish(),
  topic_id: z.union([z.string().regex(/^\d+$/), z.number().int().nonnegative()]),
  timestamp: unixSecondsSchema,
  extra_data: z.string().nullish(),
});

export const signedInferenceDataSchema = z
  .object({
    signature: z.string(),
    token_decimals: z.number().int().nullish(),
    inference_data: inferenceDataSchema,
  })
  .superRefine((raw, ctx) => {
    const data = raw.inference_data;
    const percentiles = data.confidence_interval_percentiles ?? [];
    const values = data.confidence_interval_values ?? [];
    if (percentiles.length !== values.length) {
      ctx.addIssue({
        code: "custom",
        path: ["inference_data", "confidence_interval_values"],
        message: `${values.length} values for ${percentiles.length} percentiles`,
      });
    }
    const check = (path: Array<string | number>, value: string) => {
      const parsed = scaledDecSchema.safeParse(value);
      if (!parsed.success)
        ctx.addIssue({ code: "custom", path, message: "expected a uint256 ×1e18 or decimal string" });
    };
    check(["inference_data", "network_inference"], data.network_inference);
    percentiles.forEach((v, i) => check(["inference_data", "confidence_interval_percentiles", i], v));
    values.forEach((v, i) => check(["inference_data", "confidence_interval_values", i], v));
  })
  .transform((raw): Omit<SignedInference, "requestId"> => {
    const data = raw.inference_data;
    const percentiles = data.confidence_interval_percentiles ?? [];
    const values = data.confidence_interval_values ?? [];
    const toDec = (value: string) => scaledDecSchema.parse(value);
    return {
      topicId: BigInt(data.topic_id),
      timestampSeconds: data.timestamp,
      networkInference: toDec(data.network_inference),
      confidenceIntervals: percentiles.map((percentile, i) => ({
        percentile: toDec(percentile),
        value: toDec(values[i] ?? "0"),
      })),
      signature: raw.signature,
      extraData: data.extra_data || null,
      tokenDecimals: raw.token_decimals ?? null,
      raw: { networkInference: data.network_inference, percentiles, values },
    };
  });

/** Off-chain topic listing; numbers here are the API's own (float ALLO totals), not chain amounts. */
export interface ConsumerTopic {
  topicId: number;
  name: string;
  description: string | null;
  epochLength: number;
  groundTruthLag: number;
  lossMethod: string;
  workerSubmissionWindow: number | null;
  workerCount: number | null;
  reputerCount: number | null;
  totalStakedAllo: number | null;
  totalEmissionsAllo: number | null;
  isActive: boolean | null;
  updatedAt: string | null;
}

const optionalNumber = z
  .number()
  .nullish()
  .transform((value) => value ?? null);

export const consumerTopicSchema = z
  .object({
    topic_id: z.number().int().nonnegative(),
    topic_name: z.string(),
    description: z.string().nullish(),
    epoch_length: z.number(),
    ground_truth_lag: z.number(),
    loss_method: z.string(),
    worker_submission_window: optionalNumber,
    worker_count: optionalNumber,
    reputer_count: optionalNumber,
    total_staked_allo: optionalNumber,
    total_emissions_allo: optionalNumber,
    is_active: z.boolean().nullish(),
    updated_at: z.string().nullish(),
  })
  .transform((raw): ConsumerTopic => ({
    topicId: raw.topic_id,
    name: raw.topic_name,
    description: raw.description ?? null,
    epochLength: raw.epoch_length,
    groundTruthLag: raw.ground_truth_lag,
    lossMethod: raw.loss_method,
    workerSubmissionWindow: raw.worker_submission_window,
    workerCount: raw.worker_count,
    reputerCount: raw.reputer_count,
    totalStakedAllo: raw.total_staked_allo,
    totalEmissionsAllo: raw.total_emissions_allo,
    isActive: raw.is_active ?? null,
    updatedAt: raw.updated_at ?? null,
  }));

export const consumerTopicsPageSchema = z
  .object({ topics: z.array(consumerTopicSchema).nullish(), continuation_token: z.string().nullish() })
  .transform((raw) => ({ topics: raw.topics ?? [], continuationToken: raw.continuation_token || null }));
