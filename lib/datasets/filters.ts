// The query parameters of every dataset, parsed once: a bad one is a 400 that names it. The same schema documents
// the parameters in OpenAPI and types the MCP tools' input.
import { z } from "zod";
import type { DatasetDef } from "./dataset";

/** Largest JSON page. Larger ranges stream in one response as CSV or NDJSON. */
export const MAX_PAGE_ROWS = 1000;
export const DEFAULT_PAGE_ROWS = 100;

const digits = (what: string) => z.string().regex(/^\d{1,19}$/, `must be a ${what} (digits only)`);
// bech32 human part `allo…` + separator + data; checksums are not verified (the devnet's addresses are not valid).
const address = z
  .string()
  .regex(/^allo[a-z]{0,12}1[02-9ac-hj-np-z]{6,90}$/, "must be an allo… bech32 address (lower case)");
const instant = z.union([z.iso.datetime({ offset: true }), z.iso.date()], { error: "must be an ISO 8601 date or date-time" });

export const filterShape = {
  topic: digits("topic id").optional().meta({ description: "Topic id" }),
  address: address.optional().meta({ description: "Only rows where any address column equals this address" }),
  label: z.string().min(1).max(128).optional().meta({ description: 'Output label (e.g. "y"); the series for ground_truth' }),
  from_height: digits("block height").optional().meta({ description: "First block height (inclusive)" }),
  to_height: digits("block height").optional().meta({ description: "Last block height (inclusive)" }),
  from: instant.optional().meta({ description: "First time (inclusive), ISO 8601; resolved to block heights through block times" }),
  to: instant.optional().meta({ description: "Last time (inclusive), ISO 8601" }),
  as_of_height: digits("block height").optional().meta({ description: "Pin the result to the index as of this height (at most the indexed height)" }),
  columns: z.string().regex(/^[a-z0-9_]+(,[a-z0-9_]+)*$/, "must be a comma-separated list of column names").optional()
    .meta({ description: "Columns to return, comma-separated (default: all)" }),
  limit: digits("row count").optional().meta({ description: `JSON page size, 1 to ${MAX_PAGE_ROWS} (default ${DEFAULT_PAGE_ROWS})` }),
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,4096}$/, "must be a next_cursor from a previous page").optional()
    .meta({ description: "next_cursor of the previous page" }),
};

export const querySchema = z.strictObject({
  ...filterShape,
  format: z.enum(["json", "csv", "ndjson"]).optional().meta({ description: "json (paged, default), csv or ndjson (the whole range, streamed)" }),
  count: z.literal("only").optional().meta({ description: "only: answer the row count of the query without the rows" }),
});

export type RawQuery = z.infer<typeof querySchema>;

export type Filters = {
  topic?: string;
  address?: string;
  label?: string;
  fromHeight?: string;
  toHeight?: string;
  from?: string;
  to?: string;
  asOfHeight?: string;
  columns?: string[];
};

export type ParsedQuery = {
  filters: Filters;
  format: "json" | "csv" | "ndjson";
  countOnly: boolean;
  limit: number;
  cursor?: string;
};

export class ParameterError extends Error {
  constructor(
    readonly parameter: string,
    message: string,
  ) {
    super(`${parameter}: ${message}`);
  }
}

const toIso = (v: string) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v).toISOString();

/** Validates the query of one dataset; throws ParameterError naming the first bad parameter. */
export function parseQuery(def: DatasetDef, input: Record<string, string | undefined>): ParsedQuery {
  const result = querySchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const parameter = issue.code === "unrecognized_keys" ? issue.keys[0]! : String(issue.path[0] ?? "query");
    throw new ParameterError(parameter, issue.code === "unrecognized_keys" ? "unknown parameter" : issue.message);
  }
  const q = result.data;
  const unsupported = (name: keyof RawQuery, ok: unknown) => {
    if (q[name] !== undefined && !ok) throw new ParameterError(name, `does not apply to the ${def.name} dataset`);
  };
  unsupported("topic", def.topic);
  unsupported("address", def.address);
  unsupported("label", def.label);
  unsupported("from_height", def.height);
  unsupported("to_height", def.height);
  unsupported("as_of_height", def.height);
  unsupported("from", def.height ?? def.time);
  unsupported("to", def.height ?? def.time);
  if (q.from_height && q.to_height && BigInt(q.from_height) > BigInt(q.to_height))
    throw new ParameterError("from_height", "must not be above to_height");
  const from = q.from ? toIso(q.from) : undefined;
  const to = q.to ? toIso(q.to) : undefined;
  if (from && to && from > to) throw new ParameterError("from", "must not be after to");
  const columns = q.columns?.split(",");
  const unknown = columns?.find((c) => !def.columns.some((d) => d.name === c));
  if (unknown) throw new ParameterError("columns", `${def.name} has no column ${unknown}`);
  const limit = q.limit === undefined ? DEFAULT_PAGE_ROWS : Number(q.limit);
  if (limit < 1 || limit > MAX_PAGE_ROWS)
    throw new ParameterError("limit", `must be between 1 and ${MAX_PAGE_ROWS}; use format=csv or format=ndjson for the whole range in one response`);
  const format = q.format ?? "json";
  if (q.cursor && format !== "json") throw new ParameterError("cursor", "applies to JSON pages only; CSV and NDJSON carry the whole range");
  return {
    filters: {
      topic: q.topic, address: q.address, label: q.label, fromHeight: q.from_height, toHeight: q.to_height,
      from, to, asOfHeight: q.as_of_height, columns,
    },
    format,
    countOnly: q.count === "only",
    limit,
    cursor: q.cursor,
  };
}
