// What an epoch's realized value is, as SQL over an epoch row aliased `e` (with `e.time`): the price at t + horizon,
// the log return over the horizon, or the realized volatility over it, from the topic's realized-price series. The
// ingest path stores it beside each network inference (lib/ingest/realized.ts) and the forecast chart reads it
// from there, falling back to this same SQL for rows stored under another spec, so both always agree.
import { Prisma } from "@/lib/generated/prisma/client";
import type { TopicCategory, TopicMetadata } from "./topic-meta";

// A realized price must be this close to the instant it stands for; older than that it is missing, not stale.
export const PRICE_TOLERANCE_SECONDS = 300;

/** Everything an epoch's realized value depends on besides its time and the prices. */
export type RealizedSpec = { source: string; series: string; category: TopicCategory; horizonSeconds: number };

/** The topic's realized-price series name for its asset ("BTC/USD"), null when the name gives no asset. */
export const truthSeries = (meta: TopicMetadata) => (meta.asset ? `${meta.asset}/${meta.quote ?? "USD"}` : null);

/** The spec of a topic's label, null when it has no realized value (no prices, no horizon, or not a price). */
export function realizedSpec(category: TopicCategory, truth: { source: string; series: string } | null, horizonSeconds: number | null): RealizedSpec | null {
  if (!truth || horizonSeconds === null || category === "other") return null;
  return { source: truth.source, series: truth.series, category, horizonSeconds };
}

/** The key a stored realized value was computed under: a row whose key differs is recomputed when read. */
export const realizedKey = (s: RealizedSpec) => `${s.source}\t${s.series}\t${s.category}\t${s.horizonSeconds}`;

/** NULL when the horizon has not passed, prices are missing, or there is no spec. */
export function realizedSql(spec: RealizedSpec | null): Prisma.Sql {
  if (!spec) return Prisma.sql`NULL::float8`;
  const h = spec.horizonSeconds;
  const series = Prisma.sql`g.source = ${spec.source} AND g.series = ${spec.series}`;
  // The series must reach past the instant: a price series that ends earlier has not realized it yet. Its end is
  // read once (an uncorrelated subquery; a correlated EXISTS made Postgres scan the whole series per row).
  const covered = (offset: number) =>
    Prisma.sql`e.time + ${offset}::int * interval '1 second' <= (SELECT max(g.time) FROM ground_truth g WHERE ${series})`;
  const at = (offset: number) => Prisma.sql`(
    SELECT g.value::float8 FROM ground_truth g
    WHERE ${series}
      AND g.time <= e.time + ${offset}::int * interval '1 second'
      AND g.time >= e.time + ${offset - PRICE_TOLERANCE_SECONDS}::int * interval '1 second'
    ORDER BY g.time DESC LIMIT 1)`;
  if (spec.category === "price") return Prisma.sql`CASE WHEN ${covered(h)} THEN ${at(h)} END`;
  if (spec.category === "log-return") return Prisma.sql`CASE WHEN ${covered(h)} THEN ln(${at(h)} / ${at(0)}) END`;
  return Prisma.sql`CASE WHEN ${covered(h)} THEN (
    SELECT sqrt(sum(x.r * x.r))
    FROM (
      SELECT g.time, ln(g.value::float8 / lag(g.value::float8) OVER (ORDER BY g.time)) AS r
      FROM ground_truth g
      WHERE ${series} AND g.time >= e.time AND g.time <= e.time + ${h}::int * interval '1 second'
    ) x) END`;
}
