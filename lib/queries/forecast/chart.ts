import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { empiricalBands, DEFAULT_BAND_WINDOW } from "@/lib/forecast/bands";
import { downsampleMinMax, insertGaps } from "@/lib/forecast/bucketing";
import { median } from "@/lib/forecast/quantile";
import { calibrationCoverage, type Coverage } from "@/lib/forecast/calibration";
import type { HeightWindow, TopicContext } from "./context";
import { realizedKey, realizedSpec, realizedSql } from "@/lib/forecast/realized-sql";

export const CHART_POINTS = 1000;
/** Rows SQL samples (one epoch per bucket) before bands are computed and the series downsampled for display. */
const SAMPLE_ROWS = CHART_POINTS;
export const MAX_SELECTED_WORKERS = 5;

export type ChartPoint = {
  t: number;
  nonce: string;
  network: number | null;
  naive: number | null;
  realized: number | null;
  band68: [number, number] | null;
  band95: [number, number] | null;
  /** Selected workers' inferences, in the order of `workers`. */
  w: (number | null)[];
};

export type ForecastChartDto = {
  points: ChartPoint[];
  workers: string[];
  /** Epochs in the range (before sampling). */
  epochs: number;
  coverage: Coverage;
  realized: "ok" | "no-prices" | "no-horizon" | "not-a-price";
};

type EpochRow = { nonce: bigint; time: Date; v: number | null; naive: number | null; realized: number | null };

/**
 * SQL: the realized value of an epoch row `e`: the one stored with it at ingest (lib/ingest/realized.ts) when it was
 * computed under the spec the page uses now, else computed from the prices (a CASE evaluates only its branch).
 */
function realized(ctx: TopicContext): Prisma.Sql {
  const spec = realizedSpec(ctx.meta.category, ctx.truth, ctx.horizonSeconds);
  return spec ? Prisma.sql`CASE WHEN e.realized_key = ${realizedKey(spec)} THEN e.realized_value ELSE ${realizedSql(spec)} END` : realizedSql(null);
}

/** The latest `limit` epochs matching `where` (on `ni`), oldest first. */
async function latestRows(ctx: TopicContext, where: Prisma.Sql, limit: number): Promise<EpochRow[]> {
  const { prisma } = await getDb();
  return prisma.$queryRaw<EpochRow[]>(Prisma.sql`
    WITH e AS (
      SELECT ni.nonce, b.time, NULLIF(ni.combined_value, 'NaN')::float8 AS v, NULLIF(ni.naive_value, 'NaN')::float8 AS naive,
             ni.realized_key, ni.realized_value
      FROM network_inferences ni
      JOIN blocks b ON b.network_id = ni.network_id AND b.height = ni.nonce
      WHERE ni.network_id = ${ctx.networkId} AND ni.topic_id = ${ctx.topicId} AND ni.label = ${ctx.label}
        AND ni.outlier_resistant = false AND ${where}
      ORDER BY ni.nonce DESC LIMIT ${limit})
    SELECT e.nonce, e.time, e.v, e.naive, ${realized(ctx)} AS realized FROM e ORDER BY e.nonce`);
}

/**
 * One epoch per bucket of `width` heights (the last), each found by one backward probe of the primary key, so a
 * year costs as many probes as buckets rather than a scan of every epoch.
 */
async function sampledRows(ctx: TopicContext, win: HeightWindow, width: number): Promise<EpochRow[]> {
  const { prisma } = await getDb();
  const buckets = Math.floor(Number(win.toHeight - win.fromHeight) / width) + 1;
  return prisma.$queryRaw<EpochRow[]>(Prisma.sql`
    WITH s AS (
      SELECT x.* FROM generate_series(0, ${buckets - 1}::int) AS k(bk)
      CROSS JOIN LATERAL (
        SELECT nonce, NULLIF(combined_value, 'NaN')::float8 AS v, NULLIF(naive_value, 'NaN')::float8 AS naive, realized_key, realized_value
        FROM network_inferences
        WHERE network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId} AND label = ${ctx.label} AND outlier_resistant = false
          AND nonce BETWEEN ${win.fromHeight}::bigint + k.bk * ${width}::bigint
                        AND LEAST(${win.toHeight}::bigint, ${win.fromHeight}::bigint + (k.bk + 1) * ${width}::bigint - 1)
        ORDER BY nonce DESC LIMIT 1) x
    ), e AS (SELECT s.nonce, b.time, s.v, s.naive, s.realized_key, s.realized_value FROM s JOIN blocks b ON b.network_id = ${ctx.networkId} AND b.height = s.nonce)
    SELECT e.nonce, e.time, e.v, e.naive, ${realized(ctx)} AS realized FROM e ORDER BY e.nonce`);
}

export async function getForecastChart(ctx: TopicContext, win: HeightWindow, workers: string[]): Promise<ForecastChartDto> {
  const { prisma } = await getDb();
  const width = Math.max(1, Math.ceil(Number(win.toHeight - win.fromHeight + 1n) / SAMPLE_ROWS));
  // Few enough epochs to draw them all: one range read, not a probe per (mostly empty) bucket.
  const read = (few: boolean) =>
    few ? latestRows(ctx, Prisma.sql`ni.nonce BETWEEN ${win.fromHeight} AND ${win.toHeight}`, SAMPLE_ROWS) : sampledRows(ctx, win, width);
  // Which read that is depends on the count, but counting a year's epochs costs as much as the read: both run at
  // once, the read chosen by the epochs the range holds at the topic's epoch length, and redone in the rare case
  // (irregular epochs) where the count disagrees, so the rows are always those the count selects.
  const guess = ctx.epochLength > 0 && Number(win.toHeight - win.fromHeight + 1n) / ctx.epochLength <= SAMPLE_ROWS;
  const [[{ n }], warm, guessed] = await Promise.all([
    prisma.$queryRaw<{ n: number }[]>(Prisma.sql`
      SELECT count(*)::int AS n FROM network_inferences
      WHERE network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId} AND label = ${ctx.label} AND outlier_resistant = false
        AND nonce BETWEEN ${win.fromHeight} AND ${win.toHeight}`) as Promise<[{ n: number }]>,
    // The bands at the range's start need residuals from before it.
    latestRows(ctx, Prisma.sql`ni.nonce < ${win.fromHeight}`, DEFAULT_BAND_WINDOW),
    read(guess),
  ]);
  const rows = guess === (n <= SAMPLE_ROWS) ? guessed : await read(n <= SAMPLE_ROWS);
  const horizonMs = (ctx.horizonSeconds ?? 0) * 1000;
  const all = [...warm, ...rows];
  const bands = empiricalBands(all.map((r) => ({ t: r.time.getTime(), prediction: r.v, realized: r.realized, realizedAt: r.time.getTime() + horizonMs })));
  const inRange = rows.map((r, i) => ({ row: r, band: bands[warm.length + i] ?? null }));
  const coverage = calibrationCoverage(inRange.map(({ row, band }) => ({ band, realized: row.realized })));

  const picked = downsampleMinMax(inRange, CHART_POINTS, (p) => Number(p.row.nonce), (p) => p.row.v);
  const selected = workers.slice(0, MAX_SELECTED_WORKERS);
  const values = new Map<string, number | null>();
  if (selected.length && picked.length) {
    const found = await prisma.$queryRaw<{ nonce: bigint; inferer: string; v: number }[]>(Prisma.sql`
      SELECT nonce, inferer, NULLIF(value, 'NaN')::float8 AS v FROM worker_inferences
      WHERE network_id = ${ctx.networkId} AND topic_id = ${ctx.topicId} AND label = ${ctx.label}
        AND inferer IN (${Prisma.join(selected)}) AND nonce IN (${Prisma.join(picked.map((p) => p.row.nonce))})`);
    for (const f of found) values.set(`${f.nonce}:${f.inferer}`, f.v);
  }
  const points: ChartPoint[] = picked.map(({ row, band }) => ({
    t: row.time.getTime(),
    nonce: row.nonce.toString(),
    network: row.v,
    naive: row.naive,
    realized: row.realized,
    band68: band ? [band.lo68, band.hi68] : null,
    band95: band ? [band.lo95, band.hi95] : null,
    w: selected.map((a) => values.get(`${row.nonce}:${a}`) ?? null),
  }));
  // A hole is a step over three times the typical spacing of the sampled points.
  const steps = points.slice(1).map((p, i) => p.t - points[i]!.t);
  const step = 3 * (median(steps) ?? Infinity);
  const gapped = insertGaps(points, step, (p) => p.t, (t) => ({ t, nonce: "", network: null, naive: null, realized: null, band68: null, band95: null, w: selected.map(() => null) }));
  const realized = ctx.meta.category === "other" ? "not-a-price" : ctx.horizonSeconds === null ? "no-horizon" : ctx.truth && rows.some((r) => r.realized !== null) ? "ok" : "no-prices";
  return { points: gapped, workers: selected, epochs: n, coverage, realized };
}
