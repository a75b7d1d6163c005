import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { HeightWindow, TopicContext } from "./context";
import { hourBucket, hourBuckets, inBuckets } from "./hours";

const ECON_BUCKETS = 60;

export type EconomicsPoint = {
  t: number;
  /** Rewards paid in the bucket, in ALLO as floats for the chart only (exact sums are in `totals`). */
  inferers: number | null;
  forecasters: number | null;
  reputers: number | null;
  /** Topic weight and stake (ALLO) as last reported at or before the bucket's end; null before the first report. */
  weight: number | null;
  stake: number | null;
};

export type EconomicsDto = {
  /** Current values from the topic record (exact text; uallo for stake, the chain's Dec for revenue and weight). */
  topicStake: string | null;
  effectiveRevenue: string | null;
  weight: string | null;
  /** Rewards over the range per role, uallo, exact. */
  totals: { inferer: string | null; forecaster: string | null; reputer: string | null };
  points: EconomicsPoint[];
};

type Row = { b: number; role: string; allo: number | null };

type Geometry = { rewards: Prisma.Sql; totals: Prisma.Sql; changeBucket: Prisma.Sql; buckets: number; timeOf: (b: number) => number };

/** Buckets over heights for short ranges; for long ones, whole hours with the rewards from the hourly sums. */
function geometry(ctx: TopicContext, win: HeightWindow): Geometry {
  const where = Prisma.sql`network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId}`;
  const hb = hourBuckets(win, ECON_BUCKETS);
  if (hb) {
    const hours = Prisma.sql`${where} AND ${inBuckets(hb)}`;
    return {
      rewards: Prisma.sql`SELECT ${hourBucket(hb)} AS b, role, (sum(amount) / 1e18)::float8 AS allo FROM reward_hours WHERE ${hours} GROUP BY 1, 2`,
      totals: Prisma.sql`SELECT role, sum(amount)::text AS total FROM reward_hours WHERE ${hours} GROUP BY 1`,
      changeBucket: Prisma.sql`floor((extract(epoch FROM (SELECT time FROM blocks WHERE network_id = ${ctx.networkId} AND height = tc.height)) - ${hb.t0}) / ${hb.w})::int`,
      buckets: Math.floor((hb.last.getTime() / 1000 - hb.t0) / hb.w) + 1,
      timeOf: (b) => (hb.t0 + (b + 0.5) * hb.w) * 1000,
    };
  }
  const h0 = win.fromHeight;
  const w = Math.max(1, Math.ceil(Number(win.toHeight - win.fromHeight + 1n) / ECON_BUCKETS));
  const heights = Prisma.sql`${where} AND block_height BETWEEN ${h0} AND ${win.toHeight}`;
  const span = win.to.getTime() - win.from.getTime();
  const count = Math.max(1, Number(win.toHeight - win.fromHeight));
  return {
    rewards: Prisma.sql`
      SELECT floor((block_height - ${h0})::float8 / ${w})::int AS b, actor_type AS role, (sum(amount) / 1e18)::float8 AS allo
      FROM rewards WHERE ${heights} GROUP BY 1, 2`,
    totals: Prisma.sql`SELECT actor_type AS role, sum(amount)::text AS total FROM rewards WHERE ${heights} GROUP BY 1`,
    changeBucket: Prisma.sql`floor((tc.height - ${h0})::float8 / ${w})::int`,
    buckets: Math.ceil(Number(win.toHeight - win.fromHeight + 1n) / w),
    // Heights to time by the range's average block time: good enough for a bucket's axis label.
    timeOf: (b) => win.from.getTime() + (Math.min(count, (b + 0.5) * w) / count) * span,
  };
}

export async function getEconomics(ctx: TopicContext, win: HeightWindow): Promise<EconomicsDto> {
  const { prisma } = await getDb();
  const n = ctx.networkId;
  const t = ctx.topicId;
  const g = geometry(ctx, win);
  const [topic, rewards, totals, changes, before] = await Promise.all([
    prisma.topic.findUnique({ where: { networkId_topicId: { networkId: n, topicId: t } }, select: { topicStake: true, effectiveRevenue: true, weight: true } }),
    prisma.$queryRaw<Row[]>(g.rewards),
    prisma.$queryRaw<{ role: string; total: string }[]>(g.totals),
    prisma.$queryRaw<{ b: number; weight: number | null; stake: number | null }[]>(Prisma.sql`
      SELECT DISTINCT ON (1) ${g.changeBucket} AS b, weight::float8 AS weight, (topic_stake / 1e18)::float8 AS stake
      FROM topic_changes tc WHERE network_id = ${n} AND topic_id = ${t} AND kind = 'weight' AND height BETWEEN ${win.fromHeight} AND ${win.toHeight}
      ORDER BY 1, height DESC`),
    prisma.topicChange.findFirst({ where: { networkId: n, topicId: t, kind: "weight", height: { lt: win.fromHeight } }, orderBy: { height: "desc" }, select: { weight: true, topicStake: true } }),
  ]);
  const rew = new Map(rewards.map((r) => [`${r.b}:${r.role}`, r.allo]));
  const chg = new Map(changes.map((c) => [c.b, c]));
  let weight = before?.weight ? Number(before.weight) : null;
  let stake = before?.topicStake ? Number(before.topicStake) / 1e18 : null;
  const points: EconomicsPoint[] = [];
  for (let b = 0; b < g.buckets; b++) {
    const c = chg.get(b);
    if (c) {
      weight = c.weight ?? weight;
      stake = c.stake ?? stake;
    }
    points.push({
      t: g.timeOf(b),
      inferers: rew.get(`${b}:inferer`) ?? null,
      forecasters: rew.get(`${b}:forecaster`) ?? null,
      reputers: rew.get(`${b}:reputer`) ?? null,
      weight,
      stake,
    });
  }
  const total = (role: string) => totals.find((x) => x.role === role)?.total ?? null;
  return {
    topicStake: topic?.topicStake?.toFixed() ?? null,
    effectiveRevenue: topic?.effectiveRevenue?.toFixed() ?? null,
    weight: topic?.weight?.toFixed() ?? null,
    totals: { inferer: total("inferer"), forecaster: total("forecaster"), reputer: total("reputer") },
    points,
  };
}
