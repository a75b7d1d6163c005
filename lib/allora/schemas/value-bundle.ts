import { z } from "zod";

import { decOrNaNSchema, decSchema, NAN_DEC, type Dec, uint64Schema } from "@/lib/allora/decimal";
import { bytesSchema, optionalStringSchema, reputerRequestNonceSchema } from "@/lib/allora/schemas/common";
import { decMatrix, decsOrNaN, strings, withFastPath } from "@/lib/allora/schemas/fast-path";

export interface WorkerValue {
  worker: string;
  value: Dec;
}

export interface OneOutInfererForecasterValue {
  forecaster: string;
  withheldInferer: string;
  value: Dec;
}

/**
 * `emissions.v3.ValueBundle`, flat (one scalar per actor). Used for network losses and reputer
 * loss bundles in every version, and for network inferences up to v9.
 * For the one-out lists `worker` is the withheld actor; for one-in it is the forecaster.
 */
export interface ValueBundle {
  topicId: bigint | null;
  reputer: string | null;
  /** The worker nonce (block height) the bundle belongs to, when the chain sent it. */
  reputerNonce: bigint | null;
  extraData: string | null;
  /** "NaN" when the chain sent NaN (kept as sent, never averaged), null when it sent nothing. */
  combined: Dec | typeof NAN_DEC | null;
  naive: Dec | typeof NAN_DEC | null;
  inferers: WorkerValue[];
  forecasters: WorkerValue[];
  oneOutInferers: WorkerValue[];
  oneOutForecasters: WorkerValue[];
  oneInForecasters: WorkerValue[];
  oneOutInfererForecasters: OneOutInfererForecasterValue[];
}

const workerValueSchema = z.object({ worker: z.string(), value: decSchema });
const workerValuesSchema = z
  .array(workerValueSchema)
  .nullish()
  .transform((values): WorkerValue[] => values ?? []);

const oneOutInfererForecasterSchema = z.object({
  forecaster: z.string(),
  one_out_inferer_values: workerValuesSchema,
});

export const valueBundleSchema = z
  .object({
    topic_id: uint64Schema.optional(),
    reputer_request_nonce: reputerRequestNonceSchema,
    reputer: optionalStringSchema,
    extra_data: bytesSchema,
    combined_value: decSchema,
    naive_value: decSchema,
    inferer_values: workerValuesSchema,
    forecaster_values: workerValuesSchema,
    one_out_inferer_values: workerValuesSchema,
    one_out_forecaster_values: workerValuesSchema,
    one_in_forecaster_values: workerValuesSchema,
    one_out_inferer_forecaster_values: z.array(oneOutInfererForecasterSchema).nullish(),
  })
  .transform((raw): ValueBundle => ({
    topicId: raw.topic_id ?? null,
    reputer: raw.reputer,
    reputerNonce: raw.reputer_request_nonce,
    extraData: raw.extra_data,
    combined: raw.combined_value,
    naive: raw.naive_value,
    inferers: raw.inferer_values,
    forecasters: raw.forecaster_values,
    oneOutInferers: raw.one_out_inferer_values,
    oneOutForecasters: raw.one_out_forecaster_values,
    oneInForecasters: raw.one_in_forecaster_values,
    oneOutInfererForecasters: (raw.one_out_inferer_forecaster_values ?? []).flatMap((row) =>
      row.one_out_inferer_values.map((entry) => ({
        forecaster: row.forecaster,
        withheldInferer: entry.worker,
        value: entry.value,
      })),
    ),
  }));

const stringsSchema = withFastPath(
  z
    .array(z.string())
    .nullish()
    .transform((values) => values ?? []),
  strings,
);
const decColumnSchema = withFastPath(
  z
    .array(decOrNaNSchema)
    .nullish()
    .transform((values) => values ?? []),
  decsOrNaN,
);

/**
 * v10 `EventValueBundle`: column-oriented, values line up with the address lists and missing
 * ones are NaN-padded. Padding is dropped here, so absent actors simply do not appear.
 */
export const eventValueBundleSchema = z
  .object({
    extra_data: bytesSchema,
    // The bundle's own values: a NaN here is what the chain computed, so it is kept as sent (only per-actor
    // columns use NaN as padding for an absent actor).
    combined_value: z.union([decSchema, z.literal(NAN_DEC)]).optional(),
    naive_value: z.union([decSchema, z.literal(NAN_DEC)]).optional(),
    inferer_addresses: stringsSchema,
    forecaster_addresses: stringsSchema,
    inferer_values: decColumnSchema,
    forecaster_values: decColumnSchema,
    one_out_inferer_values: decColumnSchema,
    one_out_forecaster_values: decColumnSchema,
    one_in_forecaster_values: decColumnSchema,
    one_out_inferer_forecaster_values: withFastPath(
      z
        .array(z.array(decOrNaNSchema))
        .nullish()
        .transform((rows) => rows ?? []),
      decMatrix,
    ),
  })
  .superRefine((raw, ctx) => {
    const checks: Array<[keyof typeof raw, number]> = [
      ["inferer_values", raw.inferer_addresses.length],
      ["one_out_inferer_values", raw.inferer_addresses.length],
      ["forecaster_values", raw.forecaster_addresses.length],
      ["one_out_forecaster_values", raw.forecaster_addresses.length],
      ["one_in_forecaster_values", raw.forecaster_addresses.length],
      ["one_out_inferer_forecaster_values", raw.forecaster_addresses.length],
    ];
    for (const [field, max] of checks) {
      const column = raw[field] as unknown[];
      if (column.length > max) {
        ctx.addIssue({ code: "custom", path: [field], message: `${column.length} values for ${max} addresses` });
      }
    }
  })
  .transform((raw): Omit<ValueBundle, "topicId" | "reputer" | "reputerNonce"> => ({
    extraData: raw.extra_data,
    combined: raw.combined_value ?? null,
    naive: raw.naive_value ?? null,
    inferers: zipPresent(raw.inferer_addresses, raw.inferer_values),
    forecasters: zipPresent(raw.forecaster_addresses, raw.forecaster_values),
    oneOutInferers: zipPresent(raw.inferer_addresses, raw.one_out_inferer_values),
    oneOutForecasters: zipPresent(raw.forecaster_addresses, raw.one_out_forecaster_values),
    oneInForecasters: zipPresent(raw.forecaster_addresses, raw.one_in_forecaster_values),
    oneOutInfererForecasters: raw.one_out_inferer_forecaster_values.flatMap((row, i) => {
      const forecaster = raw.forecaster_addresses[i];
      if (forecaster === undefined) return [];
      return zipPresent(raw.inferer_addresses, row).map((entry) => ({
        forecaster,
        withheldInferer: entry.worker,
        value: entry.value,
      }));
    }),
  }));

function zipPresent(addresses: readonly string[], values: ReadonlyArray<Dec | null>): WorkerValue[] {
  const out: WorkerValue[] = [];
  values.forEach((value, i) => {
    const worker = addresses[i];
    if (value !== null && worker !== undefined) out.push({ worker, value });
  });
  return out;
}
