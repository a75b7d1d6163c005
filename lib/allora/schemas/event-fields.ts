import { z } from "zod";

import { decOrNaNSchema, decSchema, heightSchema, intStringSchema, uint64Schema } from "@/lib/allora/decimal";
import { decMatrix, decsOrNaN, strings, withFastPath } from "@/lib/allora/schemas/fast-path";

// Typed events quote every 64-bit integer, but attributes from older or hand-built emitters can
// carry bare JSON numbers; only safe integers are accepted so no digit is ever lost.
const safeInt = z.number().int().refine(Number.isSafeInteger, "integer beyond 2^53 must be quoted");

export const evUint = z.union([uint64Schema, safeInt.min(0).transform((n) => BigInt(n))]);
export const evHeight = z.union([heightSchema, safeInt.transform((n) => BigInt(n))]);
/** cosmos.Int amount (uallo). */
export const evInt = z.union([intStringSchema, safeInt.transform((n) => BigInt(n))]);
/** Event Decs may be the chain's NaN padding → null. */
export const evDec = decOrNaNSchema;
export const evStrictDec = decSchema;
export const evBool = z.union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")]);
export const evString = z
  .string()
  .nullish()
  .transform((value) => value ?? "");

export const evStrings = withFastPath(
  z
    .array(z.string())
    .nullish()
    .transform((value) => value ?? []),
  strings,
);
export const evUints = z
  .array(evUint)
  .nullish()
  .transform((value) => value ?? []);
export const evDecs = withFastPath(
  z
    .array(evDec)
    .nullish()
    .transform((value) => value ?? []),
  decsOrNaN,
);
export const evBools = z
  .array(evBool)
  .nullish()
  .transform((value) => value ?? []);
/** math.DecMatrix: rows of Dec strings (NaN → null). */
export const evDecMatrix = withFastPath(
  z
    .array(z.array(evDec))
    .nullish()
    .transform((value) => value ?? []),
  decMatrix,
);
/** `emissions.v3.Nonce` → its block height. */
export const evNonce = z
  .object({ block_height: evHeight })
  .nullish()
  .transform((value) => value?.block_height ?? null);
export const evBytes = z
  .string()
  .nullish()
  .transform((value) => value || null);

type SnakeToCamel<S extends string> = S extends `${infer H}_${infer T}` ? `${H}${Capitalize<SnakeToCamel<T>>}` : S;
export type Camelize<T> = { [K in keyof T as K extends string ? SnakeToCamel<K> : K]: T[K] };

// Keys are the schemas' own (z.object drops others), so the cache stays small; each event renamed every key anew.
const camelKeys = new Map<string, string>();
function toCamel(key: string): string {
  let camel = camelKeys.get(key);
  if (camel === undefined) camelKeys.set(key, (camel = key.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase())));
  return camel;
}

/**
 * An event payload schema with camelCase output. `parallel` lists column groups that must line
 * up (e.g. addresses[] and scores[]), so a short column is reported against its own field.
 */
export function eventSchema<T extends z.ZodRawShape>(shape: T, parallel: ReadonlyArray<ReadonlyArray<keyof T>> = []) {
  return z
    .object(shape)
    .superRefine((raw, ctx) => {
      const record = raw as Record<string, unknown>;
      for (const group of parallel) {
        const [first, ...rest] = group.map(String);
        if (first === undefined) continue;
        const expected = (record[first] as unknown[]).length;
        for (const field of rest) {
          const length = (record[field] as unknown[]).length;
          if (length !== expected) {
            ctx.addIssue({ code: "custom", path: [field], message: `has ${length} entries, ${first} has ${expected}` });
          }
        }
      }
    })
    .transform((raw) => {
      const out: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(raw)) out[toCamel(key)] = value;
      return out as Camelize<z.output<z.ZodObject<T>>>;
    });
}
