// The OpenAPI 3.1 document of /api/v1, generated from the registry and the same zod schemas the route uses.
import { z } from "zod";
import { createDocument } from "zod-openapi";
import { unitOf } from "./columns";
import { MAX_PAGE_ROWS, querySchema } from "./filters";
import { DATASETS } from "./registry";
import { countSchema, errorSchema, pageSchema } from "./schemas";

export type Limits = { requestsPerWindow: number; windowSeconds: number; exportMaxRows: number };

const rateHeaders = z.object({
  "RateLimit-Limit": z.string().meta({ description: "Requests allowed per window" }),
  "RateLimit-Remaining": z.string().meta({ description: "Requests left in this window" }),
  "RateLimit-Reset": z.string().meta({ description: "Seconds until the window resets" }),
  "X-RateLimit-Limit": z.string(),
  "X-RateLimit-Remaining": z.string(),
  "X-RateLimit-Reset": z.string().meta({ description: "When the window resets, Unix seconds" }),
});

const asOfHeaders = rateHeaders.extend({
  "X-As-Of-Height": z.string().optional().meta({ description: "Indexed height the answer is as of (absent before anything is indexed)" }),
  "X-Lag-Seconds": z.string().optional().meta({ description: "Seconds the index is behind the chain head" }),
});

const errorContent = { "application/json": { schema: errorSchema } };

export function buildOpenApiDocument(limits: Limits) {
  const paths = Object.fromEntries(
    DATASETS.map((def) => [
      `/api/v1/${def.name}`,
      {
        get: {
          operationId: `get_${def.name}`,
          summary: def.title,
          description: `${def.description}\n\nColumns: ${def.columns.map((c) => `\`${c.name}\` (${c.kind}${unitOf(c) ? `, ${unitOf(c)}` : ""})`).join(", ")}.`,
          tags: ["datasets"],
          requestParams: { query: querySchema },
          responses: {
            "200": {
              description: `A JSON page (at most ${MAX_PAGE_ROWS} rows, keyset cursor), the row count (count=only), or the whole range streamed as CSV or NDJSON`,
              headers: asOfHeaders,
              content: {
                "application/json": { schema: z.union([pageSchema(def), countSchema]) },
                "text/csv": { schema: z.string().meta({ description: "RFC 4180 CSV with a header row" }) },
                "application/x-ndjson": { schema: z.string().meta({ description: "One JSON row per line" }) },
              },
            },
            "400": { description: `A bad parameter (named in the message), or an export above ${limits.exportMaxRows} rows`, content: errorContent },
            "401": { description: "Unknown or revoked API key", content: errorContent },
            "429": {
              description: `Rate limit exceeded: ${limits.requestsPerWindow} requests per ${limits.windowSeconds} s per client without a key`,
              headers: rateHeaders.extend({ "Retry-After": z.string().meta({ description: "Seconds until a request is served again" }) }),
              content: errorContent,
            },
          },
        },
      },
    ]),
  );
  return createDocument({
    openapi: "3.1.0",
    info: {
      title: "Allora dashboard public API",
      version: "1.0.0",
      description:
        `Read-only access to every dataset this dashboard indexes. Amounts are exact integer strings in uallo beside an ALLO ` +
        `decimal column; Allora decimals are exact strings; times are ISO 8601 UTC. Limits: ${limits.requestsPerWindow} ` +
        `requests per ${limits.windowSeconds} s per client without an API key (a key raises it), ${MAX_PAGE_ROWS} rows per ` +
        `JSON page, ${limits.exportMaxRows} rows per CSV/NDJSON export; a request over a limit is refused, never cut short.`,
    },
    components: {
      securitySchemes: { apiKey: { type: "http", scheme: "bearer", description: "Optional API key (npm run api-key:create)" } },
    },
    security: [{}, { apiKey: [] }],
    paths,
  });
}
