// Response schemas of /api/v1, generated from the registry: the OpenAPI document and the tests read these.
import { z } from "zod";
import { valueSchema } from "./columns";
import type { DatasetDef } from "./dataset";

export function rowSchema(def: DatasetDef) {
  return z
    .object(Object.fromEntries(def.columns.map((c) => [c.name, valueSchema(c)])))
    .meta({ id: `${def.name}_row`, description: `One ${def.title.toLowerCase()} row (all columns; columns= returns a subset)` });
}

const asOfHeight = z.string().regex(/^\d+$/).nullable().meta({ description: "Indexed block height the answer is as of; null before anything is indexed" });
const lagSeconds = z.number().int().nonnegative().nullable().meta({ description: "Seconds the index is behind the chain head; null before anything is indexed" });

export function pageSchema(def: DatasetDef) {
  return z
    .object({
      dataset: z.literal(def.name),
      as_of_height: asOfHeight,
      lag_seconds: lagSeconds,
      rows: z.array(rowSchema(def)),
      next_cursor: z.string().nullable().meta({ description: "Pass as cursor= for the next page; null on the last page" }),
    })
    .meta({ id: `${def.name}_page` });
}

export const countSchema = z
  .object({
    dataset: z.string(),
    as_of_height: asOfHeight,
    lag_seconds: lagSeconds,
    count: z.string().regex(/^\d+$/).meta({ description: "Exact number of rows the same query exports (a decimal string)" }),
  })
  .meta({ id: "count", description: "Answer of count=only" });

export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().meta({ description: "invalid_parameter | export_too_large | rate_limited | unauthorized | internal_error" }),
      message: z.string(),
      issues: z.array(z.object({ field: z.string(), message: z.string() })).optional().meta({ description: "The offending parameter" }),
    }),
  })
  .meta({ id: "error" });
