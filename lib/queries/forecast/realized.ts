import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { TopicContext } from "./context";

// A realized price must be this close to the instant it stands for; older than that it is missing, not stale.
const PRICE_TOLERANCE_SECONDS = 300;

/**
 * SQL for the realized value of an epoch row aliased `e` (with `e.time`), per the topic's category: the price at
 * t + horizon, the log return over the horizon, or the realized volatility (root of summed squared log returns)
 * over it. NULL when the horizon has not passed, prices are missing, or the topic's target is not a price.
 */
export function realizedSql(ctx: TopicContext): Prisma.Sql {
  const truth = ctx.truth;
  const h = ctx.horizonSeconds;
  if (!truth || h === null || ctx.meta.category === "other") return Prisma.sql`NULL::float8`;
  const series = Prisma.sql`g.source = ${truth.source} AND g.series = ${truth.series}`;
  // The series must reach past the instant: a price series that ends earlier has not realized it yet. Its end is
  // read once (an uncorrelated subquery; a correlated EXISTS made Postgres scan the whole series per row).
  const covered = (offset: number) =>
    Prisma.sql`e.time + ${offset} * interval '1 second' <= (SELECT max(g.time) FROM ground_truth g WHERE ${series})`;
  const at = (offset: number) => Prisma.sql`(
    SELECT g.value::float8 FROM ground_truth g
    WHERE g.source = ${truth.source} AND g.series = ${truth.series}
      AND g.time <= e.time + ${offset} * interval '1 second'
      AND g.time >= e.time + ${offset - PRICE_TOLERANCE_SECONDS} * interval '1 second'
    ORDER BY g.time DESC LIMIT 1)`;
  if (ctx.meta.category === "price") return Prisma.sql`CASE WHEN ${covered(h)} THEN ${at(h)} END`;
  if (ctx.meta.category === "log-return") return Prisma.sql`CASE WHEN ${covered(h)} THEN ln(${at(h)} / ${at(0)}) END`;
  return Prisma.sql`CASE WHEN ${covered(h)} THEN (
    SELECT sqrt(sum(x.r * x.r))
    FROM (
      SELECT g.time, ln(g.value::float8 / lag(g.value::float8) OVER (ORDER BY g.time)) AS r
      FROM ground_truth g
      WHERE g.source = ${truth.source} AND g.series = ${truth.series}
        AND g.time >= e.time AND g.time <= e.time + ${h} * interval '1 second'
    ) x) END`;
}
