import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { HeightWindow, TopicContext } from "./context";
import { hourBuckets } from "./hours";

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
    WITH latest AS (
      SELECT DISTINCT ON (actor_type, address) actor_type AS role, address, score::text AS score, block_height
      FROM scores WHERE network_id = ${n} AND topic_id = ${t} AND kind = 'ema' AND block_height <= ${win.toHeight}
      ORDER BY actor_type, address, block_height DESC
    ), span AS (
      SELECT actor_type AS role, address, count(*)::int AS scores,
             (array_agg(NULLIF(score, 'NaN')::float8 ORDER BY block_height))[1] AS first,
             (array_agg(NULLIF(score, 'NaN')::float8 ORDER BY block_height DESC))[1] AS last
      FROM scores WHERE network_id = ${n} AND topic_id = ${t} AND kind = 'ema' AND block_height BETWEEN ${win.fromHeight} AND ${win.toHeight}
      GROUP BY actor_type, address
    ), inc AS (${inclusions(ctx, win)}
    ), rew AS (
      SELECT actor_type AS role, address, sum(amount)::text AS rewards FROM rewards
      WHERE network_id = ${n} AND topic_id = ${t} AND block_height BETWEEN ${win.fromHeight} AND ${win.toHeight}
      GROUP BY actor_type, address
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
  const hb = hourBuckets(win, 1);
  if (hb)
    return Prisma.sql`
      SELECT role, actor AS address, sum(inclusions)::int AS inclusions FROM worker_hours
      WHERE network_id = ${n} AND topic_id = ${t} AND label = ${ctx.label} AND hour BETWEEN ${hb.first} AND ${hb.last} AND inclusions > 0
      GROUP BY role, actor
      UNION ALL
      SELECT 'reputer', actor, sum(n)::int FROM loss_hours
      WHERE network_id = ${n} AND topic_id = ${t} AND role = 'reputer' AND hour BETWEEN ${hb.first} AND ${hb.last}
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
