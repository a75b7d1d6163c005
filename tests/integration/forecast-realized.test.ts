// The realized value stored beside each network inference at ingest (lib/ingest/realized.ts) equals what the chart
// computed from the prices before it was stored, for price, log-return and volatility topics, through batches
// where the prices and the epochs' blocks arrive after the inferences; and the chart reads the same either way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/generated/prisma/client";
import { setDatabase } from "@/lib/db";
import { checksumOf, ingestBatch, parseBatch } from "@/lib/ingest/ingest-batch";
import type { IngestBatch } from "@/lib/ingest/batch-schema";
import { parseRange } from "@/lib/forecast/range";
import { realizedKey, realizedSpec, realizedSql } from "@/lib/forecast/realized-sql";
import { getTopicContext, resolveWindow, type TopicContext } from "@/lib/queries/forecast/context";
import { getForecastChart } from "@/lib/queries/forecast/chart";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { TOPIC, forecastBatch } from "../support/forecast-history-fixture";

// The fixture's price topic, plus a log-return and a volatility topic over the same series and epochs.
const TOPICS = { [TOPIC]: "BTC/USD - Price Prediction - 10m", "8": "BTC/USD - Log Returns - 10m", "9": "BTC/USD - Volatility - 10m" };

let db: TestDatabase;
let seq = 0;
async function ingest(rows: IngestBatch["rows"]): Promise<void> {
  const base = forecastBatch();
  const batch = { ...base, batch_id: `realized-${seq++}`, rows };
  await ingestBatch(db, parseBatch(batch), checksumOf(JSON.stringify(batch)));
}

type Row = { topic: string; nonce: number; stored: number | null; key: string | null; live: number | null };
/** Every inference's stored value and key beside the value the old query computes from the prices now. */
async function compare(): Promise<{ rows: Row[]; keys: Record<string, string | null> }> {
  const network = await db.prisma.network.findFirstOrThrow({ where: { chainId: "allora-forecast-fixture" } });
  const rows: Row[] = [];
  const keys: Record<string, string | null> = {};
  for (const id of Object.keys(TOPICS)) {
    const ctx = (await getTopicContext(network.id, BigInt(id)))!;
    const spec = realizedSpec(ctx.meta.category, ctx.truth, ctx.horizonSeconds);
    keys[id] = spec && realizedKey(spec);
    rows.push(...(await db.prisma.$queryRaw<Row[]>(Prisma.sql`
      SELECT e.topic_id::text AS topic, e.nonce::int AS nonce, e.realized_value AS stored, e.realized_key AS key, ${realizedSql(spec)} AS live
      FROM (SELECT ni.*, b.time FROM network_inferences ni JOIN blocks b ON b.network_id = ni.network_id AND b.height = ni.nonce
            WHERE ni.network_id = ${network.id} AND ni.topic_id = ${BigInt(id)}) e ORDER BY e.nonce`)));
  }
  return { rows, keys };
}

/**
 * Rows the chart would read wrongly: stored under a key other than the page's, or unlike the computed value. A row
 * with no key is computed when read, so it is wrong only if it was due a value (an epoch past the prices is not).
 */
const mismatches = (rows: Row[], keys: Record<string, string | null>) =>
  rows.filter((r) => (r.key === null ? r.live !== null : r.key !== keys[r.topic] || r.stored !== r.live));

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(() => db.dispose());

describe(`stored realized values (${describeTestDatabase()})`, () => {
  it("equal the values computed from the prices, through late prices and late blocks", async () => {
    const all = forecastBatch().rows as Record<string, Record<string, unknown>[]> & {
      blocks: { height: string; time: string }[];
      ground_truth: { time: string }[];
    };
    const inferences = all.network_inferences!.flatMap((r) => Object.keys(TOPICS).map((topic_id) => ({ ...r, topic_id })));
    const topics = Object.entries(TOPICS).map(([topic_id, metadata]) => ({ ...all.topics![0]!, topic_id, metadata }));
    const prices = (from: number, to: number) => all.ground_truth.filter((g) => Date.parse(g.time) >= from && Date.parse(g.time) < to);
    const t = (height: number) => Date.parse(all.blocks.find((b) => b.height === String(height))!.time);

    // 1: every inference, the blocks up to height 60 only, no prices yet.
    await ingest({ topics, blocks: all.blocks.filter((b) => Number(b.height) <= 60), network_inferences: inferences });
    let { rows, keys } = await compare();
    expect(rows.length).toBe(3 * 60); // rows joined to a block: nonces 1..60 of each topic
    expect(rows.filter((r) => r.key !== null || r.live !== null)).toEqual([]); // no series yet: nothing to store

    // 2: prices up to minute 45 arrive after the inferences.
    await ingest({ ground_truth: prices(0, t(47)) });
    ({ rows, keys } = await compare());
    expect(mismatches(rows, keys)).toEqual([]);
    expect(rows.find((r) => r.topic === TOPIC && r.nonce === 6)!.stored).toBe(115); // the price 10 minutes after epoch 5
    expect(rows.find((r) => r.topic === TOPIC && r.nonce === 40)!.stored).toBeNull(); // 39 + 10 minutes is past the series' end

    // 3: prices from minute 54 on, after a gap: epochs whose instants fall in the gap are now covered (by minute 45's price).
    await ingest({ ground_truth: prices(t(55), Infinity) });
    ({ rows, keys } = await compare());
    expect(mismatches(rows, keys)).toEqual([]);
    expect(rows.find((r) => r.topic === TOPIC && r.nonce === 39)!.stored).toBe(145); // minute 48's price is minute 45's, 2:20 old

    // 4: most of the gap's prices arrive last (a backfill up to minute 51), replacing those values, also of the epochs
    // just after them whose start price (a log return's) they now give.
    await ingest({ ground_truth: prices(t(47), t(53)) });
    ({ rows, keys } = await compare());
    expect(mismatches(rows, keys)).toEqual([]);
    expect(rows.find((r) => r.topic === "8" && r.nonce === 54)!.stored).toBeCloseTo(Math.log(163 / 151), 12);

    // 5: the blocks of the later epochs arrive after their inferences and prices.
    await ingest({ blocks: all.blocks.filter((b) => Number(b.height) > 60) });
    ({ rows, keys } = await compare());
    expect(rows.length).toBe(3 * 83);
    expect(mismatches(rows, keys)).toEqual([]);
    const price = rows.filter((r) => r.topic === TOPIC);
    expect(price.find((r) => r.nonce === 39)!.stored).toBe(148);
    expect(price.find((r) => r.nonce === 40)!.stored).toBe(149);
    expect(price.find((r) => r.nonce === 11)!.stored).toBe(120);
    expect(price.find((r) => r.nonce === 83)!.stored).toBeNull(); // its horizon has not passed
    expect(rows.filter((r) => r.key === null)).toEqual([]); // every epoch now has its stored value
    for (const topic of ["8", "9"]) expect(rows.filter((r) => r.topic === topic && r.stored !== null).length).toBeGreaterThan(70);
  });

  it("the chart reads the same with the stored values as when it computes them from the prices", async () => {
    const network = await db.prisma.network.findFirstOrThrow({ where: { chainId: "allora-forecast-fixture" } });
    const charts = async () => {
      const out = [];
      for (const id of Object.keys(TOPICS)) {
        const ctx: TopicContext = (await getTopicContext(network.id, BigInt(id)))!;
        out.push(await getForecastChart(ctx, (await resolveWindow(ctx, parseRange({ range: "all" })))!, []));
      }
      return out;
    };
    const stored = await charts();
    expect(stored[0]!.points.filter((p) => p.realized !== null).length).toBe(81);
    await db.prisma.$executeRaw`UPDATE network_inferences SET realized_key = NULL, realized_value = NULL`;
    expect(await charts()).toEqual(stored);
  });
});
