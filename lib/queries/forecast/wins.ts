import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { chooseBestWithoutHindsight, summarizeWins, type LossBucket, type WinSummary } from "@/lib/forecast/best-worker";
import { pooledMean, rollingMean } from "@/lib/forecast/loss";
import { lossByRegime, type RegimeRow } from "@/lib/forecast/regimes";
import { winVerdict } from "@/lib/forecast/verdict";
import type { HeightWindow, TopicContext } from "./context";
import { hourBucket, hourBuckets, hoursBefore, inBuckets, type HourBuckets } from "./hours";

/** The best worker is chosen over the trailing 48 epochs; the rolling loss uses the same window. */
export const WIN_WINDOW_EPOCHS = 48;
const MAX_BUCKETS = 500;
const REGIME_WORKERS = 3;

export type WinPoint = { t: number; network: number | null; best: number | null; median: number | null; naive: number | null };

export type WinsDto = {
  points: WinPoint[];
  summary: WinSummary;
  verdict: string;
  windowEpochs: number;
  /** Loss per volatility tercile; null while fewer than three buckets have prices (warming up). */
  regimes: RegimeRow[] | null;
  regimeSeries: { key: string; label: string }[];
};

type NetRow = { b: number; n: number; net: number | null; naive: number | null };
type ActorRow = { b: number; actor: string; mean: number; n: number; wins: number };

type Geometry = { t0: number; w: number; hb: HourBuckets | null; epochSeconds: number };

/** Bucket origin and width: whole hours on the hourly rollups (long ranges), else from the range's start. */
function geometry(ctx: TopicContext, win: HeightWindow): Geometry {
  const t0 = win.from.getTime() / 1000;
  const span = Math.max(1, win.to.getTime() / 1000 - t0);
  const epochSeconds = (span / Math.max(1, Number(win.toHeight - win.fromHeight))) * ctx.epochLength;
  const hb = hourBuckets(win, MAX_BUCKETS);
  return hb ? { t0: hb.t0, w: hb.w, hb, epochSeconds } : { t0, w: Math.max(epochSeconds, span / MAX_BUCKETS), hb, epochSeconds };
}

/** Network and per-inferer losses per bucket, from the epochs (short ranges) or the hourly rollups. */
async function lossBuckets(ctx: TopicContext, win: HeightWindow, { t0, w, hb, epochSeconds }: Geometry): Promise<{ nets: NetRow[]; actors: ActorRow[] }> {
  const { prisma } = await getDb();
  if (hb) {
    const where = Prisma.sql`network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId}
      AND ${inBuckets(hb, hoursBefore(hb, WIN_WINDOW_EPOCHS * epochSeconds))}`;
    const [nets, actors] = await Promise.all([
      prisma.$queryRaw<NetRow[]>(Prisma.sql`
        SELECT ${hourBucket(hb)} AS b, sum(n)::int AS n, sum(loss_sum) / sum(n) AS net, sum(naive_sum) / NULLIF(sum(naive_n), 0) AS naive
        FROM loss_hours WHERE ${where} AND role = 'network' GROUP BY 1 HAVING sum(n) > 0 ORDER BY 1`),
      prisma.$queryRaw<ActorRow[]>(Prisma.sql`
        SELECT ${hourBucket(hb)} AS b, actor, sum(loss_sum) / sum(n) AS mean, sum(n)::int AS n, sum(wins)::int AS wins
        FROM loss_hours WHERE ${where} AND role = 'inferer' GROUP BY 1, 2`),
    ]);
    return { nets, actors };
  }
  const warmFrom = win.fromHeight - BigInt(WIN_WINDOW_EPOCHS * ctx.epochLength);
  const net = Prisma.sql`
    SELECT lb.nonce, floor((extract(epoch FROM b.time)::float8 - ${t0}) / ${w})::int AS b,
           NULLIF(lb.combined_value, 'NaN')::float8 AS net, NULLIF(lb.naive_value, 'NaN')::float8 AS naive
    FROM loss_bundles lb JOIN blocks b ON b.network_id = lb.network_id AND b.height = lb.nonce
    WHERE lb.network_id = ${ctx.networkId} AND lb.topic_id = ${ctx.topicId} AND lb.reputer = ''
      AND lb.nonce BETWEEN ${warmFrom} AND ${win.toHeight}`;
  const [nets, actors] = await Promise.all([
    prisma.$queryRaw<NetRow[]>(Prisma.sql`
      WITH net AS (${net}) SELECT b, count(*)::int AS n, avg(net) AS net, avg(naive) AS naive FROM net WHERE net IS NOT NULL GROUP BY b ORDER BY b`),
    // The epochs with their block time first (MATERIALIZED), then one probe of loss values each (OFFSET 0 keeps the
    // LATERAL a per-epoch probe). Left to itself, PGlite's planner (no statistics) joined the blocks after the loss
    // values (a block probe per loss value), or scanned every loss value of the topic per epoch.
    prisma.$queryRaw<ActorRow[]>(Prisma.sql`
      WITH net AS MATERIALIZED (${net})
      SELECT n.b, v.actor, avg(v.loss) AS mean, count(*)::int AS n, (count(*) FILTER (WHERE n.net < v.loss))::int AS wins
      FROM net n
      JOIN LATERAL (SELECT actor, value::float8 AS loss FROM loss_values
                    WHERE network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId} AND nonce = n.nonce
                      AND reputer = '' AND kind = 'inferer' AND peer = '' AND value <> 'NaN' OFFSET 0) v ON true
      GROUP BY n.b, v.actor`),
  ]);
  return { nets, actors };
}

/** Realized volatility per bucket (stddev of log returns): from the prices, or their hourly sums on long ranges. */
async function volatility(ctx: TopicContext, win: HeightWindow, { t0, w, hb }: Geometry): Promise<{ b: number; vol: number | null }[]> {
  if (!ctx.truth) return [];
  const { prisma } = await getDb();
  const series = Prisma.sql`source = ${ctx.truth.source} AND series = ${ctx.truth.series}`;
  if (hb)
    return prisma.$queryRaw(Prisma.sql`
      SELECT ${hourBucket(hb)} AS b,
             CASE WHEN sum(n) > 1 THEN sqrt(greatest(0, (sum(r2_sum) - sum(r_sum) ^ 2 / sum(n)) / (sum(n) - 1))) END AS vol
      FROM price_hours WHERE ${series} AND ${inBuckets(hb)} GROUP BY 1`);
  return prisma.$queryRaw(Prisma.sql`
    SELECT floor((extract(epoch FROM x.time)::float8 - ${t0}) / ${w})::int AS b, stddev_samp(x.r) AS vol
    FROM (SELECT time, ln(value::float8 / lag(value::float8) OVER (ORDER BY time)) AS r FROM ground_truth
          WHERE ${series} AND time BETWEEN ${win.from} AND ${win.to}) x
    GROUP BY 1`);
}

export async function getWins(ctx: TopicContext, win: HeightWindow): Promise<WinsDto> {
  const g = geometry(ctx, win);
  const { t0, w } = g;
  const [{ nets, actors }, vols] = await Promise.all([lossBuckets(ctx, win, g), volatility(ctx, win, g)]);
  const byBucket = new Map<number, ActorRow[]>();
  for (const a of actors) {
    const list = byBucket.get(a.b);
    if (list) list.push(a);
    else byBucket.set(a.b, [a]);
  }
  const buckets: (LossBucket & { b: number })[] = nets.map((r) => ({
    b: r.b,
    n: r.n,
    network: r.net,
    naive: r.naive,
    actors: (byBucket.get(r.b) ?? []).map((a) => ({ actor: a.actor, mean: a.mean, n: a.n, networkWins: a.wins })),
  }));
  const scoredAll = chooseBestWithoutHindsight(buckets, WIN_WINDOW_EPOCHS);
  const keep = buckets.map((b, i) => ({ b, s: scoredAll[i]! })).filter(({ b }) => b.b >= 0);
  const inRange = keep.map((k) => k.b);
  const scored = keep.map((k) => k.s);
  const summary = summarizeWins(inRange, scored);
  const roll = (pick: (i: number) => { mean: number | null; n: number }) => rollingMean(inRange.map((_, i) => pick(i)), WIN_WINDOW_EPOCHS);
  const network = roll((i) => ({ mean: inRange[i]!.network, n: inRange[i]!.n }));
  const naive = roll((i) => ({ mean: inRange[i]!.naive, n: inRange[i]!.n }));
  const best = roll((i) => ({ mean: scored[i]!.bestLoss, n: scored[i]!.bestN }));
  const med = roll((i) => ({ mean: scored[i]!.medianLoss, n: inRange[i]!.n }));
  const points = inRange.map((b, i) => ({ t: (t0 + (b.b + 0.5) * w) * 1000, network: network[i]!, best: best[i]!, median: med[i]!, naive: naive[i]! }));

  // Regimes compare the network with the three workers of lowest loss over the range (a description, not a pick).
  const pooled = new Map<string, { mean: number | null; n: number }[]>();
  for (const b of inRange)
    for (const a of b.actors) {
      const list = pooled.get(a.actor);
      if (list) list.push({ mean: a.mean, n: a.n });
      else pooled.set(a.actor, [{ mean: a.mean, n: a.n }]);
    }
  const top = [...pooled.entries()].map(([actor, p]) => ({ actor, m: pooledMean(p) ?? Infinity })).sort((x, y) => x.m - y.m).slice(0, REGIME_WORKERS).map((x) => x.actor);
  const volOf = new Map(vols.map((v) => [v.b, v.vol]));
  const regimeSeries = [{ key: "network", label: "Network" }, { key: "naive", label: "Naive" }, ...top.map((a) => ({ key: a, label: a }))];
  const regimes = lossByRegime(
    inRange.map((b) => ({
      volatility: volOf.get(b.b) ?? null,
      losses: {
        network: { mean: b.network, n: b.n },
        naive: { mean: b.naive, n: b.n },
        ...Object.fromEntries(top.map((a) => { const x = b.actors.find((y) => y.actor === a); return [a, { mean: x?.mean ?? null, n: x?.n ?? 0 }]; })),
      },
    })),
    regimeSeries.map((s) => s.key),
  );
  return { points, summary, verdict: winVerdict(summary), windowEpochs: WIN_WINDOW_EPOCHS, regimes, regimeSeries };
}
