import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { rankContributors, type Contributor, type EffectCell } from "@/lib/forecast/effects";
import type { HeightWindow, TopicContext } from "./context";
import { hourBucket, hourBuckets, inBuckets } from "./hours";

const EFFECT_BUCKETS = 40;
export const TOP_CONTRIBUTORS = 10;

export type EffectsDto = {
  /** Bucket start times (ms), the heatmap's columns. */
  buckets: number[];
  /** Top contributors first, each with its mean effect per bucket (null: not in the bundle then). */
  rows: (Contributor & { cells: (number | null)[] })[];
  /** Actors beyond the top ones that also moved the forecast in the range. */
  others: number;
};

type CellRow = { b: number; actor: string; role: "inferer" | "forecaster"; effect: number; weight: number | null; n: number };

/**
 * Inferers: combined − one-out (what the forecast lost without them). Forecasters: one-in − naive (what adding
 * only them to the inferers' naive combination changed). Weights are the chain's, averaged over the bucket.
 * Short ranges read the epochs; long ones the hourly rollups, which hold the same sums (lib/ingest/rollups.ts).
 */
async function effectRows(ctx: TopicContext, win: HeightWindow): Promise<{ t0: number; w: number; cells: CellRow[] }> {
  const { prisma } = await getDb();
  // The heatmap has at most 40 columns: from half a day on, hourly ones (which a day's epochs × workers would cost
  // ~0.3 s on PGlite to compute).
  const hb = hourBuckets(win, EFFECT_BUCKETS, 12 * 3600);
  if (hb) {
    const cells = await prisma.$queryRaw<CellRow[]>(Prisma.sql`
      SELECT ${hourBucket(hb)} AS b, actor, role, sum(effect_sum) / sum(effect_n) AS effect,
             sum(weight_sum) / NULLIF(sum(weight_n), 0) AS weight, sum(effect_n)::int AS n
      FROM worker_hours
      WHERE network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId} AND label = ${ctx.label}
        AND ${inBuckets(hb)} AND effect_n > 0
      GROUP BY 1, 2, 3`);
    return { t0: hb.t0, w: hb.w, cells };
  }
  const t0 = win.from.getTime() / 1000;
  const w = Math.max(1, (win.to.getTime() / 1000 - t0) / EFFECT_BUCKETS);
  const cells = await prisma.$queryRaw<CellRow[]>(Prisma.sql`
    WITH e AS (
      SELECT ni.nonce, floor((extract(epoch FROM b.time)::float8 - ${t0}) / ${w})::int AS b,
             NULLIF(ni.combined_value, 'NaN')::float8 AS combined, NULLIF(ni.naive_value, 'NaN')::float8 AS naive
      FROM network_inferences ni JOIN blocks b ON b.network_id = ni.network_id AND b.height = ni.nonce
      WHERE ni.network_id = ${ctx.networkId} AND ni.topic_id = ${ctx.topicId} AND ni.label = ${ctx.label}
        AND ni.outlier_resistant = false AND ni.nonce BETWEEN ${win.fromHeight} AND ${win.toHeight}
    ), v AS (
      SELECT e.b, e.nonce, x.actor,
             CASE WHEN x.kind = 'one_out_inferer' THEN 'inferer' ELSE 'forecaster' END AS role,
             CASE WHEN x.kind = 'one_out_inferer' THEN e.combined - x.value::float8 ELSE x.value::float8 - e.naive END AS effect
      FROM e CROSS JOIN LATERAL (SELECT kind, actor, value FROM network_inference_values WHERE network_id = ${ctx.networkId}
        AND topic_id = ${ctx.topicId} AND nonce = e.nonce AND label = ${ctx.label} AND outlier_resistant = false
        AND kind IN ('one_out_inferer', 'one_in_forecaster') AND peer = '' AND value <> 'NaN' OFFSET 0) x
    )
    SELECT v.b, v.actor, v.role, avg(v.effect) AS effect, avg(NULLIF(iw.weight, 'NaN')::float8) AS weight, count(v.effect)::int AS n
    -- Index probes per row (OFFSET 0 keeps the LATERAL unflattened): joined plainly, PGlite's planner scanned the
    -- weights for every row of a devnet day (17 s).
    FROM v LEFT JOIN LATERAL (SELECT weight FROM inference_weights WHERE network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId}
      AND nonce = v.nonce AND actor_type = v.role AND address = v.actor OFFSET 0) iw ON true
    WHERE v.effect IS NOT NULL
    GROUP BY v.b, v.actor, v.role`);
  return { t0, w, cells };
}

export async function getEffects(ctx: TopicContext, win: HeightWindow): Promise<EffectsDto> {
  const { t0, w, cells } = await effectRows(ctx, win);
  const effectCells: EffectCell[] = cells.map((c) => ({ actor: c.actor, role: c.role, bucket: c.b, effect: c.effect, weight: c.weight, n: c.n }));
  const ranked = rankContributors(effectCells);
  const bucketIds = [...new Set(cells.map((c) => c.b))].sort((a, b) => a - b);
  const top = ranked.slice(0, TOP_CONTRIBUTORS);
  const index = new Map(cells.map((c) => [`${c.role}:${c.actor}:${c.b}`, c.effect]));
  return {
    buckets: bucketIds.map((b) => (t0 + b * w) * 1000),
    rows: top.map((c) => ({ ...c, cells: bucketIds.map((b) => index.get(`${c.role}:${c.actor}:${b}`) ?? null) })),
    others: Math.max(0, ranked.length - top.length),
  };
}
