import { z } from "zod";

import type { Dec } from "@/lib/allora/decimal";
import { DEFAULT_LABEL, type LabeledDecs } from "@/lib/allora/schemas/common";
import { evBool, evDec, evDecMatrix, evDecs, evHeight, evStrings, evUint } from "@/lib/allora/schemas/event-fields";
import { labeledFromValueBundle, type NetworkInferenceBundle } from "@/lib/allora/schemas/network-inference";
import { eventValueBundleSchema, type ValueBundle, valueBundleSchema } from "@/lib/allora/schemas/value-bundle";

/** v9 carries the full `value_bundle`; v10 the column-oriented `bundle` (NaN-padded). */
const bundleFieldsSchema = z
  .object({
    topic_id: evUint,
    block_height: evHeight.optional(),
    nonce: evHeight.optional(),
    value_bundle: valueBundleSchema.nullish(),
    bundle: eventValueBundleSchema.nullish(),
  })
  .transform((raw, ctx) => {
    const nonce = raw.nonce ?? raw.block_height ?? raw.value_bundle?.reputerNonce ?? null;
    if (raw.value_bundle) return { topicId: raw.topic_id, nonce, bundle: raw.value_bundle };
    if (!raw.bundle) {
      ctx.issues.push({
        code: "custom",
        path: ["bundle"],
        message: "neither value_bundle nor bundle present",
        input: raw,
      });
      return z.NEVER;
    }
    const bundle: ValueBundle = { topicId: raw.topic_id, reputer: null, reputerNonce: nonce, ...raw.bundle };
    return { topicId: raw.topic_id, nonce, bundle };
  });

export interface NetworkInferenceEvent {
  topicId: bigint;
  nonce: bigint | null;
  outlierResistant: boolean;
  bundle: NetworkInferenceBundle;
}

/** `EventNetworkLossSet` → the network loss bundle of a reputer nonce. */
export const networkLossSetEventSchema = bundleFieldsSchema;

/** v9 `EventNetworkInferences`, normalized to the same labeled shape as the v10 bundle event. */
export const networkInferencesEventSchema = bundleFieldsSchema.transform((raw): NetworkInferenceEvent => ({
  topicId: raw.topicId,
  nonce: raw.nonce,
  outlierResistant: false,
  bundle: { ...labeledFromValueBundle(raw.bundle, raw.nonce), topicId: raw.topicId },
}));

export const outlierResistantNetworkInferencesEventSchema = bundleFieldsSchema.transform(
  (raw): NetworkInferenceEvent => ({
    topicId: raw.topicId,
    nonce: raw.nonce,
    outlierResistant: true,
    bundle: { ...labeledFromValueBundle(raw.bundle, raw.nonce), topicId: raw.topicId },
  }),
);

function labeled(labels: readonly string[], row: ReadonlyArray<Dec | null> | undefined): LabeledDecs {
  const out: LabeledDecs = {};
  (row ?? []).forEach((value, i) => {
    const label = labels[i];
    if (value !== null && label !== undefined) out[label] = value;
  });
  return out;
}

function byActor<K extends string>(
  key: K,
  actors: readonly string[],
  matrix: ReadonlyArray<ReadonlyArray<Dec | null>>,
  labels: readonly string[],
) {
  const out: Array<Record<K, string> & { values: LabeledDecs }> = [];
  matrix.forEach((row, i) => {
    const actor = actors[i];
    const values = labeled(labels, row);
    if (actor !== undefined && Object.keys(values).length > 0) {
      out.push({ [key]: actor, values } as Record<K, string> & { values: LabeledDecs });
    }
  });
  return out;
}

/** v10 `EventNetworkInferenceBundle`: DecArray (per label) and DecMatrix (actor × label) columns. */
export const networkInferenceBundleEventSchema = z
  .object({
    topic_id: evUint,
    nonce: evHeight,
    label_names: evStrings,
    inferer_addresses: evStrings,
    forecaster_addresses: evStrings,
    combined_value: evDecs,
    naive_value: evDecs,
    inferer_values: evDecMatrix,
    forecaster_values: evDecMatrix,
    one_out_inferer_values: evDecMatrix,
    one_out_forecaster_values: evDecMatrix,
    one_in_forecaster_values: evDecMatrix,
    one_out_inferer_forecaster_values: z
      .array(z.array(z.array(evDec)))
      .nullish()
      .transform((value) => value ?? []),
    outlier_resistant: evBool.optional(),
  })
  .superRefine((raw, ctx) => {
    for (const field of ["combined_value", "naive_value"] as const) {
      if (raw[field].length > raw.label_names.length) {
        ctx.addIssue({
          code: "custom",
          path: [field],
          message: `${raw[field].length} values for ${raw.label_names.length} labels`,
        });
      }
    }
  })
  .transform((raw): NetworkInferenceEvent => {
    const labels = raw.label_names.length > 0 ? raw.label_names : [DEFAULT_LABEL];
    const inferers = raw.inferer_addresses;
    const forecasters = raw.forecaster_addresses;
    // Per-forecaster matrices are only attributable when they line up with the address lists.
    const ooif =
      raw.one_out_inferer_forecaster_values.length === forecasters.length
        ? raw.one_out_inferer_forecaster_values.flatMap((matrix, f) =>
            matrix.length === inferers.length
              ? byActor("withheldInferer", inferers, matrix, labels).map((row) => ({
                  forecaster: forecasters[f] ?? "",
                  ...row,
                }))
              : [],
          )
        : [];
    return {
      topicId: raw.topic_id,
      nonce: raw.nonce,
      outlierResistant: raw.outlier_resistant ?? false,
      bundle: {
        topicId: raw.topic_id,
        nonce: raw.nonce,
        format: "labeled",
        labels,
        combined: labeled(labels, raw.combined_value),
        naive: labeled(labels, raw.naive_value),
        inferers: byActor("worker", inferers, raw.inferer_values, labels),
        forecasters: byActor("worker", forecasters, raw.forecaster_values, labels),
        oneOutInferers: byActor("withheldInferer", inferers, raw.one_out_inferer_values, labels),
        oneOutForecasters: byActor("withheldForecaster", forecasters, raw.one_out_forecaster_values, labels),
        oneInForecasters: byActor("forecaster", forecasters, raw.one_in_forecaster_values, labels),
        oneOutInfererForecasters: ooif,
      },
    };
  });
