import { z } from "zod";

import { decSchema, type Dec, heightSchema, uint64Schema } from "@/lib/allora/decimal";
import { bytesSchema, optionalStringSchema } from "@/lib/allora/schemas/common";

export interface WorkerInference {
  topicId: bigint;
  blockHeight: bigint;
  inferer: string;
  /**
   * v9 sends one `value`; v10 sends a dense `values` vector in epoch-label-registry order
   * (UNCERTAIN until checked live). A v9 value becomes a one-element vector.
   */
  values: Dec[];
  extraData: string | null;
  proof: string | null;
}

export interface Forecast {
  topicId: bigint;
  blockHeight: bigint;
  forecaster: string;
  elements: Array<{ inferer: string; value: Dec }>;
  extraData: string | null;
}

// v10 InputInference sends `values` as [{label, value}]; stored inferences send plain Decs.
const inferenceValuesSchema = z.array(z.union([decSchema, z.object({ value: decSchema }).transform((v) => v.value)]));

export const inferenceSchema = z
  .object({
    topic_id: uint64Schema,
    block_height: heightSchema,
    inferer: z.string(),
    value: z.union([decSchema, z.literal("")]).optional(),
    values: inferenceValuesSchema.nullish(),
    extra_data: bytesSchema,
    proof: optionalStringSchema,
  })
  .superRefine((raw, ctx) => {
    if (!raw.value && !raw.values?.length) {
      ctx.addIssue({ code: "custom", path: ["values"], message: "inference has neither value nor values" });
    }
  })
  .transform((raw): WorkerInference => ({
    topicId: raw.topic_id,
    blockHeight: raw.block_height,
    inferer: raw.inferer,
    values: raw.values?.length ? raw.values : raw.value ? [raw.value] : [],
    extraData: raw.extra_data,
    proof: raw.proof,
  }));

/** `inferences/{topic}/{h}`: `{inferences: {inferences: [...]}}`. */
export const inferencesAtBlockResponseSchema = z
  .object({ inferences: z.object({ inferences: z.array(inferenceSchema).nullish() }).nullish() })
  .transform((raw) => raw.inferences?.inferences ?? []);

export const forecastSchema = z
  .object({
    topic_id: uint64Schema,
    block_height: heightSchema,
    forecaster: z.string(),
    forecast_elements: z.array(z.object({ inferer: z.string(), value: decSchema })).nullish(),
    extra_data: bytesSchema,
  })
  .transform((raw): Forecast => ({
    topicId: raw.topic_id,
    blockHeight: raw.block_height,
    forecaster: raw.forecaster,
    elements: raw.forecast_elements ?? [],
    extraData: raw.extra_data,
  }));

/** `forecasts/{topic}/{h}`: `{forecasts: {forecasts: [...]}}`. */
export const forecastsAtBlockResponseSchema = z
  .object({ forecasts: z.object({ forecasts: z.array(forecastSchema).nullish() }).nullish() })
  .transform((raw) => raw.forecasts?.forecasts ?? []);
