import { z } from "zod";

import { decSchema, type Dec, heightSchema, uint64Schema } from "@/lib/allora/decimal";
import {
  DEFAULT_LABEL,
  isRecord,
  labeledValueSchema,
  type LabeledDecs,
  labelOrder,
  selectSchema,
  toLabeledDecs,
} from "@/lib/allora/schemas/common";
import { type ValueBundle, valueBundleSchema, type WorkerValue } from "@/lib/allora/schemas/value-bundle";

/**
 * The network inference of one epoch in a version-independent shape: always labeled, keyed by
 * label name. v9 and older scalar bundles come out with the single label "y".
 */
export interface NetworkInferenceBundle {
  topicId: bigint | null;
  /** Worker nonce (block height) of the epoch; null when the chain did not send it. */
  nonce: bigint | null;
  /** "labeled" = v10 bundle; "flat" = v9/legacy ValueBundle normalized to label "y". */
  format: "labeled" | "flat";
  labels: string[];
  combined: LabeledDecs;
  naive: LabeledDecs;
  inferers: Array<{ worker: string; values: LabeledDecs }>;
  /** Forecast-implied inferences, one per forecaster. */
  forecasters: Array<{ worker: string; values: LabeledDecs }>;
  oneOutInferers: Array<{ withheldInferer: string; values: LabeledDecs }>;
  oneOutForecasters: Array<{ withheldForecaster: string; values: LabeledDecs }>;
  oneInForecasters: Array<{ forecaster: string; values: LabeledDecs }>;
  oneOutInfererForecasters: Array<{ forecaster: string; withheldInferer: string; values: LabeledDecs }>;
}

const labeledValuesSchema = z
  .array(labeledValueSchema)
  .nullish()
  .transform((values) => values ?? []);

const labeledBundleSchema = z
  .object({
    topic_id: uint64Schema.optional(),
    // v0.17 code and docs say `nonce`; one stored proto revision says `block_height`.
    nonce: heightSchema.optional(),
    block_height: heightSchema.optional(),
    combined_value: labeledValuesSchema,
    naive_value: labeledValuesSchema,
    inferer_values: z.array(z.object({ worker: z.string(), values: labeledValuesSchema })).nullish(),
    forecaster_values: z.array(z.object({ worker: z.string(), values: labeledValuesSchema })).nullish(),
    one_out_inferer_values: z
      .array(z.object({ withheld_inferer: z.string(), combined_inference: labeledValuesSchema }))
      .nullish(),
    one_out_forecaster_values: z
      .array(z.object({ withheld_forecaster: z.string(), combined_inference: labeledValuesSchema }))
      .nullish(),
    one_in_forecaster_values: z
      .array(z.object({ forecaster: z.string(), combined_inference: labeledValuesSchema }))
      .nullish(),
    one_out_inferer_forecaster_values: z
      .array(
        z.object({ forecaster: z.string(), withheld_inferer: z.string(), combined_inference: labeledValuesSchema }),
      )
      .nullish(),
  })
  .transform((raw): NetworkInferenceBundle => ({
    topicId: raw.topic_id ?? null,
    nonce: raw.nonce ?? raw.block_height ?? null,
    format: "labeled",
    labels: labelOrder(raw.combined_value, raw.naive_value),
    combined: toLabeledDecs(raw.combined_value),
    naive: toLabeledDecs(raw.naive_value),
    inferers: (raw.inferer_values ?? []).map((w) => ({ worker: w.worker, values: toLabeledDecs(w.values) })),
    forecasters: (raw.forecaster_values ?? []).map((w) => ({ worker: w.worker, values: toLabeledDecs(w.values) })),
    oneOutInferers: (raw.one_out_inferer_values ?? []).map((v) => ({
      withheldInferer: v.withheld_inferer,
      values: toLabeledDecs(v.combined_inference),
    })),
    oneOutForecasters: (raw.one_out_forecaster_values ?? []).map((v) => ({
      withheldForecaster: v.withheld_forecaster,
      values: toLabeledDecs(v.combined_inference),
    })),
    oneInForecasters: (raw.one_in_forecaster_values ?? []).map((v) => ({
      forecaster: v.forecaster,
      values: toLabeledDecs(v.combined_inference),
    })),
    oneOutInfererForecasters: (raw.one_out_inferer_forecaster_values ?? []).map((v) => ({
      forecaster: v.forecaster,
      withheldInferer: v.withheld_inferer,
      values: toLabeledDecs(v.combined_inference),
    })),
  }));

function single(value: Dec | null): LabeledDecs {
  return value === null ? {} : { [DEFAULT_LABEL]: value };
}

/** v9 and older flat bundles as a one-label ("y") bundle. */
export function labeledFromValueBundle(bundle: ValueBundle, nonce: bigint | null = null): NetworkInferenceBundle {
  return {
    topicId: bundle.topicId,
    nonce: nonce ?? bundle.reputerNonce,
    format: "flat",
    labels: [DEFAULT_LABEL],
    combined: single(bundle.combined),
    naive: single(bundle.naive),
    inferers: bundle.inferers.map((w) => ({ worker: w.worker, values: single(w.value) })),
    forecasters: bundle.forecasters.map((w) => ({ worker: w.worker, values: single(w.value) })),
    oneOutInferers: bundle.oneOutInferers.map((w) => ({ withheldInferer: w.worker, values: single(w.value) })),
    oneOutForecasters: bundle.oneOutForecasters.map((w) => ({ withheldForecaster: w.worker, values: single(w.value) })),
    oneInForecasters: bundle.oneInForecasters.map((w) => ({ forecaster: w.worker, values: single(w.value) })),
    oneOutInfererForecasters: bundle.oneOutInfererForecasters.map((v) => ({
      forecaster: v.forecaster,
      withheldInferer: v.withheldInferer,
      values: single(v.value),
    })),
  };
}

const flatAsLabeledSchema = valueBundleSchema.transform((bundle) => labeledFromValueBundle(bundle));

/** Accepts the v10 labeled bundle and the v9/legacy flat ValueBundle. */
export const networkInferenceBundleSchema = selectSchema((input) =>
  isRecord(input) && typeof input.combined_value === "string" ? flatAsLabeledSchema : labeledBundleSchema,
);

const workerWeightsSchema = z.array(z.object({ worker: z.string(), weight: decSchema })).nullish();
const workerValuesSchema = z.array(z.object({ worker: z.string(), value: decSchema })).nullish();

/** Fields removed in v0.10; old archives and indexers still hold them. */
export interface LegacyNetworkInferenceExtras {
  infererWeights: Array<{ worker: string; weight: Dec }>;
  forecasterWeights: Array<{ worker: string; weight: Dec }>;
  forecastImpliedInferences: WorkerValue[];
  lossBlockHeight: bigint | null;
  confidenceIntervals: Array<{ percentile: Dec; value: Dec }>;
}

export interface NetworkInferences {
  bundle: NetworkInferenceBundle;
  inferenceBlockHeight: bigint | null;
  legacy: LegacyNetworkInferenceExtras | null;
}

/** `latest_network_inferences` and `network_inferences/{topic}/last_inference/{h}`, v9, v10 and ≤v0.9. */
export const networkInferencesResponseSchema = z
  .object({
    network_inferences: networkInferenceBundleSchema,
    inference_block_height: heightSchema.optional(),
    inferer_weights: workerWeightsSchema,
    forecaster_weights: workerWeightsSchema,
    forecast_implied_inferences: workerValuesSchema,
    loss_block_height: heightSchema.optional(),
    confidence_interval_raw_percentiles: z.array(decSchema).nullish(),
    confidence_interval_values: z.array(decSchema).nullish(),
  })
  .superRefine((raw, ctx) => {
    const percentiles = raw.confidence_interval_raw_percentiles ?? [];
    const values = raw.confidence_interval_values ?? [];
    if (percentiles.length !== values.length) {
      ctx.addIssue({
        code: "custom",
        path: ["confidence_interval_values"],
        message: "length differs from percentiles",
      });
    }
  })
  .transform((raw): NetworkInferences => {
    const hasLegacy = [
      raw.inferer_weights,
      raw.forecaster_weights,
      raw.forecast_implied_inferences,
      raw.loss_block_height,
      raw.confidence_interval_raw_percentiles,
      raw.confidence_interval_values,
    ].some((value) => value !== undefined && value !== null);
    const values = raw.confidence_interval_values ?? [];
    return {
      bundle: { ...raw.network_inferences, nonce: raw.network_inferences.nonce ?? raw.inference_block_height ?? null },
      inferenceBlockHeight: raw.inference_block_height ?? null,
      legacy: hasLegacy
        ? {
            infererWeights: raw.inferer_weights ?? [],
            forecasterWeights: raw.forecaster_weights ?? [],
            forecastImpliedInferences: raw.forecast_implied_inferences ?? [],
            lossBlockHeight: raw.loss_block_height ?? null,
            confidenceIntervals: (raw.confidence_interval_raw_percentiles ?? []).map((percentile, i) => ({
              percentile,
              value: values[i] ?? "",
            })),
          }
        : null,
    };
  });
