import { z } from "zod";

import { DEFAULT_LABEL, type LabeledDecs } from "@/lib/allora/schemas/common";
import { evBytes, evDec, evDecs, evHeight, evStrings, evUint, eventSchema } from "@/lib/allora/schemas/event-fields";
import { eventValueBundleSchema, type ValueBundle } from "@/lib/allora/schemas/value-bundle";

// Worker and reputer submissions as they land in a block (tx events).

const inputLabeledValueSchema = z.object({
  label: z.string().optional(),
  label_name: z.string().optional(),
  value: evDec,
});

export const insertInfererPayloadEventSchema = z
  .object({
    inferer: z.string(),
    nonce: evHeight,
    topic_id: evUint,
    value: evDec.optional(),
    extra_data: evBytes,
    // UNCERTAIN: one proto revision has labeled entries, another a dense Dec[] in label-registry order.
    values: z.array(z.union([inputLabeledValueSchema, evDec])).nullish(),
  })
  .transform((raw) => {
    const values: LabeledDecs = {};
    const entries = raw.values ?? [];
    entries.forEach((entry, i) => {
      if (entry === null) return;
      // A dense vector names no labels: one value is the single output "y"; several keep their registry position.
      if (typeof entry === "string") values[entries.length === 1 ? DEFAULT_LABEL : `#${i}`] = entry;
      else {
        const label = entry.label ?? entry.label_name;
        if (label !== undefined && entry.value !== null) values[label] = entry.value;
      }
    });
    if (Object.keys(values).length === 0 && raw.value) values[DEFAULT_LABEL] = raw.value;
    return {
      inferer: raw.inferer,
      nonce: raw.nonce,
      topicId: raw.topic_id,
      value: raw.value ?? null,
      values,
      extraData: raw.extra_data,
    };
  });

export const insertForecasterPayloadEventSchema = eventSchema(
  {
    forecaster: z.string(),
    nonce: evHeight,
    topic_id: evUint,
    inferer_addresses: evStrings,
    inferer_values: evDecs,
    extra_data: evBytes,
  },
  [["inferer_addresses", "inferer_values"]],
);

export const insertReputerPayloadEventSchema = z
  .object({
    topic_id: evUint,
    nonce: evHeight,
    reputer: z.string(),
    bundle: eventValueBundleSchema,
  })
  .transform((raw) => ({
    topicId: raw.topic_id,
    nonce: raw.nonce,
    reputer: raw.reputer,
    bundle: {
      topicId: raw.topic_id,
      reputer: raw.reputer,
      reputerNonce: raw.nonce,
      ...raw.bundle,
    } satisfies ValueBundle,
  }));
