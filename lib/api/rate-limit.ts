// Per-client rate limits of the public API, counted in the database so every app instance behind one load balancer
// enforces one limit. A small SQL fixed-window limiter rather than rate-limiter-flexible's Postgres store: that store
// needs a `pg` pool and creates its table itself, while ours must also run on PGlite and through our migrations.
import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { serverEnv } from "@/lib/env";
import { findApiKey } from "@/lib/api/api-keys";
import { ApiError } from "@/lib/api/errors";

export type RateLimitState = {
  limit: number;
  remaining: number;
  /** Seconds until the window resets: the Retry-After of a 429. */
  resetSeconds: number;
  windowSeconds: number;
  /** When the window resets, epoch milliseconds (the database's clock, shared by every instance). */
  resetAt: number;
  exceeded: boolean;
};

export type Client = { id: string; limit: number };

/** Who is asking: an API key (Authorization: Bearer, or X-API-Key) raises the limit; otherwise the client address. */
export async function identifyClient(request: Request): Promise<Client> {
  const auth = request.headers.get("authorization");
  const key = request.headers.get("x-api-key") ?? (auth?.toLowerCase().startsWith("bearer ") ? auth.slice(7).trim() : null);
  if (key) {
    const found = await findApiKey(key);
    if (!found) throw new ApiError("unauthorized", "unknown or revoked API key; omit it to use the anonymous limit");
    return { id: `key:${found.id}`, limit: found.requestsPerMinute };
  }
  // The first X-Forwarded-For hop is the client when a proxy sets it (the deployment's proxy must overwrite it).
  const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
  return { id: `ip:${ip}`, limit: serverEnv().API_RATE_LIMIT };
}

/** Counts one request of a client; the row lock of the upsert makes concurrent instances count one after another. */
export async function hitRateLimit(client: Client): Promise<RateLimitState> {
  const windowSeconds = serverEnv().API_RATE_LIMIT_WINDOW_SECONDS;
  const db = await getDb();
  const [row] = await db.transaction(async (tx) => (
      await tx.query<{ hits: number; reset_ms: string; now_ms: string }>(Prisma.sql`
        WITH clock AS (
          SELECT clock_timestamp() AS now,
                 to_timestamp(floor(extract(epoch FROM clock_timestamp()) / ${windowSeconds}::int) * ${windowSeconds}::int) AS window_start
        )
        INSERT INTO api_rate_limits AS r (client, window_start, hits)
        SELECT ${client.id}, window_start, 1 FROM clock
        ON CONFLICT (client) DO UPDATE SET
          hits = CASE WHEN r.window_start = EXCLUDED.window_start THEN r.hits + 1 ELSE 1 END,
          window_start = EXCLUDED.window_start
        RETURNING r.hits,
          (extract(epoch FROM r.window_start) * 1000 + ${windowSeconds}::int * 1000)::bigint::text AS reset_ms,
          (SELECT (extract(epoch FROM now) * 1000)::bigint::text FROM clock) AS now_ms`)
    ).rows);
  if (!row) throw new Error("rate limit: the upsert returned no row");
  const resetAt = Number(row.reset_ms);
  return {
    limit: client.limit,
    remaining: Math.max(0, client.limit - row.hits),
    resetSeconds: Math.max(1, Math.ceil((resetAt - Number(row.now_ms)) / 1000)),
    windowSeconds,
    resetAt,
    exceeded: row.hits > client.limit,
  };
}

/** RateLimit-* (IETF draft) and X-RateLimit-* headers, on every answer including the 429. */
export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "ratelimit-limit": String(state.limit),
    "ratelimit-remaining": String(state.remaining),
    "ratelimit-reset": String(state.resetSeconds),
    "ratelimit-policy": `${state.limit};w=${state.windowSeconds}`,
    "x-ratelimit-limit": String(state.limit),
    "x-ratelimit-remaining": String(state.remaining),
    "x-ratelimit-reset": String(Math.ceil(state.resetAt / 1000)),
  };
}
