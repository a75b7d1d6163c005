import { z } from "zod";

import { decSchema, type Dec, heightSchema, uint32Schema } from "@/lib/allora/decimal";

/** Proto `bytes` in gateway JSON: base64 or null. */
export const bytesSchema = z
  .string()
  .nullable()
  .optional()
  .transform((value) => value ?? null);

/** Strings the gateway emits as "" when unset; normalized to null. */
export const optionalStringSchema = z
  .string()
  .nullable()
  .optional()
  .transform((value) => (value ? value : null));

/** `emissions.v3.Nonce` (`{block_height}`), which may be null when unset. */
export const nonceSchema = z
  .object({ block_height: heightSchema })
  .nullable()
  .optional()
  .transform((value) => value?.block_height ?? null);

/** `ReputerRequestNonce` → the worker nonce height it refers to, or null. */
export const reputerRequestNonceSchema = z
  .object({ reputer_nonce: nonceSchema })
  .nullable()
  .optional()
  .transform((value) => value?.reputer_nonce ?? null);

/** Cosmos `PageResponse`; `next_key` is base64 or null on the last page. */
export const paginationSchema = z
  .object({
    next_key: z.string().nullable().optional(),
    total: z.string().optional(),
  })
  .nullable()
  .optional()
  .transform((value) => ({ nextKey: value?.next_key ? value.next_key : null }));

/** Values are keyed by label name; the chain's label_id is 0 or 1 for "y" depending on the code path. */
export type LabeledDecs = Record<string, Dec>;

export const labeledValueSchema = z.object({
  label_id: uint32Schema.optional(),
  label_name: z.string(),
  value: decSchema,
});

export function toLabeledDecs(values: ReadonlyArray<{ label_name: string; value: Dec }>): LabeledDecs {
  return Object.fromEntries(values.map((entry) => [entry.label_name, entry.value]));
}

/** Label order as first seen, since object key order is not reliable for numeric-looking labels. */
export function labelOrder(...groups: ReadonlyArray<ReadonlyArray<{ label_name: string }>>): string[] {
  const seen = new Set<string>();
  for (const group of groups) for (const entry of group) seen.add(entry.label_name);
  return [...seen];
}

/** The single label v9 (and older) scalar values get when normalized to labeled bundles. */
export const DEFAULT_LABEL = "y";

export const actorTypeSchema = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const actor = ACTOR_TYPES[String(value)];
  if (!actor) {
    ctx.issues.push({ code: "custom", message: `unknown actor type ${String(value)}`, input: value });
    return z.NEVER;
  }
  return actor;
});

export type ActorType = "inferer" | "forecaster" | "reputer";

const ACTOR_TYPES: Record<string, ActorType> = {
  ACTOR_TYPE_INFERER_UNSPECIFIED: "inferer",
  ACTOR_TYPE_INFERER: "inferer",
  ACTOR_TYPE_FORECASTER: "forecaster",
  ACTOR_TYPE_REPUTER: "reputer",
  "0": "inferer",
  "1": "forecaster",
  "2": "reputer",
};

/**
 * Picks the schema from the input's shape (e.g. labeled v10 vs flat v9 bundle) so decode errors
 * point at the real field instead of a vague "no union member matched".
 */
export function selectSchema<T>(pick: (input: unknown) => z.ZodType<T>): z.ZodType<T> {
  return z.unknown().transform((input, ctx) => {
    const result = pick(input).safeParse(input);
    if (result.success) return result.data;
    for (const issue of result.error.issues) {
      ctx.issues.push({ code: "custom", message: issue.message, path: [...issue.path], input });
    }
    return z.NEVER;
  });
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
