import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { HeightWindow, TopicContext } from "./context";
import { wholeRange } from "./hours";

export type ActorRole = "inferer" | "forecaster" | "reputer";
export const LEADERBOARD_SORTS = ["score", "trend", "inclusion", "rewards"] as const;
export type LeaderboardSort = (typeof LEADERBOARD_SORTS)[number];

export type LeaderboardRow = {
  role: ActorRole;
  address: string;
  /** Latest EMA score as of the range's end (exact text), null when never scored. */
  score: string | null;
  scoreHeight: string | null;
  /** Latest minus earliest EMA score within the range; null with fewer than two scores in it. */
  trend: number | null;
  /** Epochs in the range the actor was part of (worker values in the network inference; reputer loss bundles). */
  inclusions: number;
  /** Rewards in the range, uallo (exact decimal text); null when none were paid. */
  rewards: string | null;
};

type Raw = { role: ActorRole; address: string; score: string | null; score_height: bigint | null; first: number | null; last: number | null; scores: number; inclusions: number | null; rewards: string | null };

export async function getLeaderboards(ctx: TopicContext, win: HeightWindow, sort: LeaderboardSort): Promise<Record<ActorRole, LeaderboardRow[]>> {
  const { prisma } = await getDb();
  const n = ctx.networkId;
  const t = ctx.topicId;
  const rows = await prisma.$queryRaw<Raw[]>(Prisma.sql`
    WITH RECURSIVE who AS (
      -- The topic's scored actors by a skip scan of the primary key (a few dozen probes, not every score row).
      (SELECT actor_type, kind, address FROM scores WHERE network_id = ${n} AND topic_id = ${t} ORDER BY actor_type, kind, address LIMIT 1)
      UNION ALL
      SELECT s.* FROM who w CROSS JOIN LATERAL (
        SELECT actor_type, kind, address FROM scores WHERE network_id = ${n} AND topic_id = ${t}
          AND (actor_type, kind, address) > (w.actor_type, w.kind, w.address)
        ORDER BY actor_type, kind, address LIMIT 1) s
    ), latest AS (
      SELECT w.actor_type AS role, w.address, l.score::text AS score, l.block_height
      FROM who w CROSS JOIN LATERAL (
        SELECT score, block_height FROM scores WHERE network_id = ${n} AND topic_id = ${t} AND actor_type = w.actor_type AND kind = 'ema'
          AND address = w.address AND block_height <= ${win.toHeight} ORDER BY block_height DESC LIMIT 1) l
      WHERE w.kind = 'ema'
    ), span AS (
      -- First and last EMA score within the range; two or more scores iff they are different rows.
      SELECT w.actor_type AS role, w.address, CASE WHEN f.block_height = l.block_height THEN 1 ELSE 2 END AS scores,
             NULLIF(f.score, 'NaN')::float8 AS first, NULLIF(l.score, 'NaN')::float8 AS last
      FROM who w
      CROSS JOIN LATERAL (SELECT score, block_height FROM scores WHERE network_id = ${n} AND topic_id = ${t} AND actor_type = w.actor_type
        AND kind = 'ema' AND address = w.address AND block_height BETWEEN ${win.fromHeight} AND ${win.toHeight} ORDER BY block_height LIMIT 1) f
      CROSS JOIN LATERAL (SELECT score, block_height FROM scores WHERE network_id = ${n} AND topic_id = ${t} AND actor_type = w.actor_type
        AND kind = 'ema' AND address = w.address AND block_height BETWEEN ${win.fromHeight} AND ${win.toHeight} ORDER BY block_height DESC LIMIT 1) l
      WHERE w.kind = 'ema'
    ), inc AS (${inclusions(ctx, win)}
    ), rew AS (${rewardSums(ctx, win)}
    ), actors AS (SELECT role, address FROM latest UNION SELECT role, address FROM inc UNION SELECT role, address FROM rew)
    SELECT a.role, a.address, l.score, l.block_height AS score_height, s.first, s.last, coalesce(s.scores, 0) AS scores,
           i.inclusions, r.rewards
    FROM actors a
    LEFT JOIN latest l USING (role, address) LEFT JOIN span s USING (role, address)
    LEFT JOIN inc i USING (role, address) LEFT JOIN rew r USING (role, address)`);
  const out: Record<ActorRole, LeaderboardRow[]> = { inferer: [], forecaster: [], reputer: [] };
  for (const r of rows) {
    if (!(r.role in out)) continue;
    out[r.role].push({
      role: r.role,
      address: r.address,
      score: r.score,
      scoreHeight: r.score_height?.toString() ?? null,
      trend: r.scores >= 2 && r.first !== null && r.last !== null ? r.last - r.first : null,
      inclusions: r.inclusions ?? 0,
      rewards: r.rewards,
    });
  }
  for (const role of Object.keys(out) as ActorRole[]) out[role].sort(comparator(sort));
  return out;
}

/** Epochs each actor was part of: per nonce for short ranges, summed from the hourly rollups for long ones. */
function inclusions(ctx: TopicContext, win: HeightWindow): Prisma.Sql {
  const n = ctx.networkId;
  const t = ctx.topicId;
  const whole = wholeRange(win);
  if (whole)
    return Prisma.sql`
      SELECT role, actor AS address, sum(inclusions)::int AS inclusions FROM worker_hours
      WHERE network_id = ${n} AND topic_id = ${t} AND label = ${ctx.label} AND ${whole} AND inclusions > 0
      GROUP BY role, actor
      UNION ALL
      SELECT 'reputer', actor, sum(n)::int FROM loss_hours
      WHERE network_id = ${n} AND topic_id = ${t} AND role = 'reputer' AND ${whole}
      GROUP BY actor`;
  return Prisma.sql`
      SELECT kind AS role, actor AS address, count(DISTINCT nonce)::int AS inclusions FROM network_inference_values
      WHERE network_id = ${n} AND topic_id = ${t} AND kind IN ('inferer', 'forecaster') AND outlier_resistant = false AND peer = ''
        AND label = ${ctx.label} AND nonce BETWEEN ${win.fromHeight} AND ${win.toHeight}
      GROUP BY kind, actor
      UNION ALL
      SELECT 'reputer', reputer, count(*)::int FROM loss_bundles
      WHERE network_id = ${n} AND topic_id = ${t} AND reputer <> '' AND nonce BETWEEN ${win.fromHeight} AND ${win.toHeight}
      GROUP BY reputer`;
}

/** Rewards per actor in the range, exact: from the reward rows for short ranges, the hourly sums for long ones. */
function rewardSums(ctx: TopicContext, win: HeightWindow): Prisma.Sql {
  const whole = wholeRange(win);
  if (whole)
    return Prisma.sql`
      SELECT role, actor AS address, sum(amount)::text AS rewards FROM reward_hours
      WHERE network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId} AND ${whole}
      GROUP BY role, actor`;
  return Prisma.sql`
      SELECT actor_type AS role, address, sum(amount)::text AS rewards FROM rewards
      WHERE network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId} AND block_height BETWEEN ${win.fromHeight} AND ${win.toHeight}
      GROUP BY actor_type, address`;
}

// Missing values sort last whatever the key; ties by address so the order is stable.
function comparator(sort: LeaderboardSort) {
  const key = (r: LeaderboardRow): number | null =>
    sort === "score" ? (r.score === null ? null : Number(r.score)) : sort === "trend" ? r.trend : sort === "inclusion" ? r.inclusions : r.rewards === null ? null : Number(r.rewards);
  return (a: LeaderboardRow, b: LeaderboardRow) => {
    const x = key(a);
    const y = key(b);
    if (x === null || y === null) return x === y ? (a.address < b.address ? -1 : 1) : x === null ? 1 : -1;
    return y - x || (a.address < b.address ? -1 : 1);
  };
}
