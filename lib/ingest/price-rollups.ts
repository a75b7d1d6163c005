// Hourly sums of realized-price log returns (price_hours), so the regimes panel reads a year's volatility from
// hours instead of every price. A return belongs to the hour of its later price; the first one of an hour needs
// the last price before it, so a price also touches the next hour's sums.
import { Prisma } from "@/lib/generated/prisma/client";
import type { SqlTransaction } from "@/lib/db/sql-transaction";
import type { IngestBatch } from "./batch-schema";

/** Rewrites the sums of every (source, series, hour) the batch's prices fall in, and of the hour after each. */
export async function refreshPriceHours(tx: SqlTransaction, prices: IngestBatch["rows"]["ground_truth"]): Promise<void> {
  if (!prices?.length) return;
  const keys = new Map<string, { source: string; series: string; time: string }>();
  for (const p of prices as { source: string; series: string; time: string }[]) {
    const hour = new Date(Math.floor(Date.parse(p.time) / 3_600_000) * 3_600_000);
    for (const h of [hour, new Date(hour.getTime() + 3_600_000)]) keys.set(`${p.source}\t${p.series}\t${h.toISOString()}`, { source: p.source, series: p.series, time: h.toISOString() });
  }
  await writePriceHours(tx, Prisma.sql`
    SELECT source, series, time AS hour FROM json_to_recordset(${JSON.stringify([...keys.values()])}::json) AS r(source text, series text, time timestamptz)`);
}

/** Every series' hours in [from, to): the benchmark's COPYed prices. */
export async function rebuildPriceHours(tx: SqlTransaction, from: Date, to: Date): Promise<void> {
  await writePriceHours(tx, Prisma.sql`
    WITH RECURSIVE s AS (
      -- The distinct series by a skip scan of the primary key.
      (SELECT source, series FROM ground_truth ORDER BY source, series LIMIT 1)
      UNION ALL
      SELECT n.source, n.series FROM s CROSS JOIN LATERAL (
        SELECT source, series FROM ground_truth WHERE (source, series) > (s.source, s.series) ORDER BY source, series LIMIT 1) n
    )
    SELECT s.source, s.series, g.hour FROM s
    CROSS JOIN generate_series(date_trunc('hour', ${from}::timestamptz), ${to}::timestamptz - interval '1 microsecond', interval '1 hour') AS g(hour)`);
}

/** Hour rows of the scoped (source, series, hour)s, then the day rows (grain 'd') of their UTC days. */
async function writePriceHours(tx: SqlTransaction, scope: Prisma.Sql): Promise<void> {
  await tx.query(Prisma.sql`
    WITH s AS (${scope}), x AS (
      SELECT s.source, s.series, s.hour, g.time,
             ln(g.value::float8 / lag(g.value::float8) OVER (PARTITION BY s.source, s.series, s.hour ORDER BY g.time)) AS r
      FROM s CROSS JOIN LATERAL (
        (SELECT time, value FROM ground_truth WHERE source = s.source AND series = s.series AND time < s.hour ORDER BY time DESC LIMIT 1)
        UNION ALL
        SELECT time, value FROM ground_truth WHERE source = s.source AND series = s.series AND time >= s.hour AND time < s.hour + interval '1 hour'
      ) g
    )
    INSERT INTO price_hours (source, series, grain, hour, n, r_sum, r2_sum)
    SELECT source, series, 'h', hour, count(r)::int, sum(r), sum(r * r) FROM x WHERE time >= hour GROUP BY source, series, hour
    ON CONFLICT (source, series, grain, hour) DO UPDATE SET n = EXCLUDED.n, r_sum = EXCLUDED.r_sum, r2_sum = EXCLUDED.r2_sum`);
  await tx.query(Prisma.sql`
    WITH d AS (SELECT DISTINCT source, series, date_trunc('day', hour, 'UTC') AS day FROM (${scope}) s)
    INSERT INTO price_hours (source, series, grain, hour, n, r_sum, r2_sum)
    SELECT d.source, d.series, 'd', d.day, sum(x.n)::int, sum(x.r_sum), sum(x.r2_sum)
    FROM d CROSS JOIN LATERAL (SELECT n, r_sum, r2_sum FROM price_hours WHERE source = d.source AND series = d.series AND grain = 'h'
      AND hour >= d.day AND hour < d.day + interval '1 day' OFFSET 0) x
    GROUP BY d.source, d.series, d.day
    ON CONFLICT (source, series, grain, hour) DO UPDATE SET n = EXCLUDED.n, r_sum = EXCLUDED.r_sum, r2_sum = EXCLUDED.r2_sum`);
}
