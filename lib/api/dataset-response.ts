// GET /api/v1/[dataset] end to end: rate limit → parameters → count, JSON page or streamed CSV/NDJSON. Every answer
// carries the rate-limit headers and, once the query is valid, the as-of height and lag it was computed at.
import "server-only";
import { NextResponse } from "next/server";
import { serverEnv } from "@/lib/env";
import { ApiError, errorResponse } from "@/lib/api/errors";
import { hitRateLimit, identifyClient, rateLimitHeaders } from "@/lib/api/rate-limit";
import { findDataset, DATASET_NAMES } from "@/lib/datasets/registry";
import { ParameterError, parseQuery } from "@/lib/datasets/filters";
import { selectedColumns } from "@/lib/datasets/sql";
import { ndjsonStream } from "@/lib/datasets/formats";
import type { DatasetDef } from "@/lib/datasets/dataset";
import { countRows, csvBody, readPage, resolveScope, streamRows, type AsOf } from "@/lib/queries/datasets";

export function findDatasetOrThrow(name: string): DatasetDef {
  const def = findDataset(name);
  if (!def) throw new ParameterError("dataset", `unknown dataset "${name.slice(0, 64)}"; one of ${DATASET_NAMES.join(", ")}`);
  return def;
}

/** Counts the request against the client's limit; throws a 429 (with its headers) once it is used up. */
export async function enforceRateLimit(request: Request): Promise<Record<string, string>> {
  const state = await hitRateLimit(await identifyClient(request));
  const headers = rateLimitHeaders(state);
  if (state.exceeded) {
    throw new ApiError(
      "rate_limited",
      `rate limit of ${state.limit} requests per ${state.windowSeconds} s exceeded; retry after ${state.resetSeconds} s (an API key raises the limit, see /data/api)`,
      undefined,
      { ...headers, "retry-after": String(state.resetSeconds) },
    );
  }
  return headers;
}

const asOfHeaders = (asOf: AsOf): Record<string, string> => ({
  ...(asOf.asOfHeight !== null ? { "x-as-of-height": asOf.asOfHeight } : {}),
  ...(asOf.lagSeconds !== null ? { "x-lag-seconds": String(asOf.lagSeconds) } : {}),
  "cache-control": "no-store",
});

export async function answerDatasetRequest(request: Request, name: string): Promise<Response> {
  let headers: Record<string, string> = {};
  try {
    headers = await enforceRateLimit(request);
    const def = findDatasetOrThrow(name);
    const query = parseQuery(def, Object.fromEntries(new URL(request.url).searchParams));
    if (query.format === "json" && !query.countOnly) {
      const page = await readPage(def, query.filters, query.limit, query.cursor);
      const body = { dataset: def.name, as_of_height: page.asOfHeight, lag_seconds: page.lagSeconds, rows: page.rows, next_cursor: page.nextCursor };
      return NextResponse.json(body, { headers: { ...headers, ...asOfHeaders(page) } });
    }
    const scope = await resolveScope(query.filters);
    const count = await countRows(def, query.filters, scope);
    headers = { ...headers, ...asOfHeaders(scope), "x-total-rows": count };
    if (query.countOnly)
      return NextResponse.json({ dataset: def.name, as_of_height: scope.asOfHeight, lag_seconds: scope.lagSeconds, count }, { headers });
    const cap = serverEnv().EXPORT_MAX_ROWS;
    if (BigInt(count) > BigInt(cap))
      throw new ApiError("export_too_large", `this export has ${count} rows, above the cap of ${cap} rows per response; narrow the height or time range (nothing was cut short)`);
    const file = `${def.name}-${scope.asOfHeight ?? "empty"}.${query.format}`;
    const stream =
      query.format === "csv"
        ? await csvBody(def, query.filters, scope)
        : ndjsonStream(selectedColumns(def, query.filters), streamRows(def, query.filters, scope));
    return new Response(stream, {
      headers: {
        ...headers,
        "content-type": query.format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
        "content-disposition": `attachment; filename="${file}"`,
      },
    });
  } catch (error) {
    return errorResponse(error, `GET /api/v1/${name.slice(0, 64)}`, headers);
  }
}
