import { z } from "zod";

import { optionalStringSchema, selectSchema, isRecord } from "@/lib/allora/schemas/common";
import { type ValueBundle, valueBundleSchema } from "@/lib/allora/schemas/value-bundle";

/** `network_loss/{topic}/{h}`: the flat ValueBundle of losses in v9 and v10 alike. */
export const networkLossResponseSchema = z
  .object({ loss_bundle: valueBundleSchema })
  .transform((raw): ValueBundle => raw.loss_bundle);

export interface ReputerLossBundle {
  reputer: string | null;
  bundle: ValueBundle;
  /** v9 only; v10 returns bare bundles. */
  signature: string | null;
  pubkey: string | null;
}

const v9LossBundlesSchema = z
  .object({
    loss_bundles: z
      .object({
        reputer_value_bundles: z
          .array(
            z.object({
              value_bundle: valueBundleSchema,
              signature: optionalStringSchema,
              pubkey: optionalStringSchema,
            }),
          )
          .nullish(),
      })
      .nullish(),
  })
  .transform((raw): ReputerLossBundle[] =>
    (raw.loss_bundles?.reputer_value_bundles ?? []).map((entry) => ({
      reputer: entry.value_bundle.reputer,
      bundle: entry.value_bundle,
      signature: entry.signature,
      pubkey: entry.pubkey,
    })),
  );

const v10LossBundlesSchema = z
  .object({ loss_bundles: z.array(valueBundleSchema).nullish() })
  .transform((raw): ReputerLossBundle[] =>
    (raw.loss_bundles ?? []).map((bundle) => ({ reputer: bundle.reputer, bundle, signature: null, pubkey: null })),
  );

/** `reputer_loss_bundles/{topic}/{h}`: v10 `{loss_bundles: [...]}`, v9 `{loss_bundles: {reputer_value_bundles}}`. */
export const reputerLossBundlesResponseSchema = selectSchema((input) =>
  isRecord(input) && isRecord(input.loss_bundles) ? v9LossBundlesSchema : v10LossBundlesSchema,
);
