import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { publishSignalsOnce } from "@/lib/collector/signal-publisher";
import { readLedgerSeries } from "@/lib/queries/signal-sources";
import { signalRows } from "@/lib/signals/ledger";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";
import { startPipeline, TEST_INGEST_TOKEN } from "../../support/collector-harness";
import { digestTables } from "../../support/record-compare";

let db: TestDatabase;
let pipeline: Awaited<ReturnType<typeof startPipeline>>;
const ingest = () => ({ url: pipeline.route.url, token: TEST_INGEST_TOKEN });

async function indexTo(height: number) {
  const c = pipeline.collector();
  await pipeline.untilIndexed(c, BigInt(height));
  await c.stop();
}

type Row = { topic_id: string; label: string; strategy: string; published_height: string; direction: string; confidence: string | null; size: string; expected_return_bps: string | null };
const ledger = () =>
  db.prisma.$queryRawUnsafe<Row[]>(`SELECT topic_id::text, label, strategy, published_height::text, direction, confidence::text, size::text,
    expected_return_bps::text FROM signals ORDER BY topic_id, label, strategy, published_height`);

beforeAll(async () => {
  process.env.ALLORA_NETWORK = "devnet";
  db = await createTestDatabase();
  setDatabase(db);
  pipeline = await startPipeline({ seed: 5, historyBlocks: 3000 });
}, 120_000);
afterAll(async () => {
  await pipeline?.close();
  await db?.dispose();
});

describe(`the signal ledger: devnet → collector → route, publisher → route (${describeTestDatabase()})`, () => {
  let firstPass: Row[] = [];

  it("publishes signals from the indexed inferences and scores those whose horizon has passed", { timeout: 240_000 }, async () => {
    await indexTo(1500);
    const first = await publishSignalsOnce({ ingest: ingest() });
    expect(first.signals).toBeGreaterThan(100);
    expect(first.scores).toBeGreaterThan(0);
    firstPass = await ledger();
    // The 20-minute label of the multi-horizon topic is scorable within 1,500 blocks; the 8-hour topics are not.
    const scored = await db.prisma.signal.findMany({ where: { scoredAt: { not: null } }, select: { label: true, horizonSeconds: true } });
    expect(new Set(scored.map((s) => s.label))).toContain("20m");
    expect(scored.every((s) => s.horizonSeconds < 8 * 3600)).toBe(true);

    // The horizons elapse as the chain goes on: the next pass scores signals published in the first.
    await indexTo(3000);
    const second = await publishSignalsOnce({ ingest: ingest() });
    expect(second.signals).toBeGreaterThan(0);
    expect(second.scores).toBeGreaterThan(first.scores);
    expect(await db.prisma.signal.count({ where: { label: "1h", scoredAt: { not: null } } })).toBeGreaterThan(0);
  });

  it("stamps each signal with its publish height, the exact inference and the price known at that time", async () => {
    const mismatches = await db.prisma.$queryRawUnsafe<unknown[]>(`
      WITH c AS (SELECT series, time, value, lead(time) OVER (PARTITION BY source, series ORDER BY time) AS next FROM ground_truth)
      SELECT s.topic_id, s.published_height FROM signals s
      JOIN blocks b ON b.network_id = s.network_id AND b.height = s.published_height
      JOIN network_inferences ni ON ni.network_id = s.network_id AND ni.topic_id = s.topic_id AND ni.label = s.label
        AND ni.block_height = s.published_height AND NOT ni.outlier_resistant
      WHERE s.published_at <> b.time OR s.predicted_value <> ni.combined_value
        OR s.reference_value <> (SELECT value FROM c WHERE c.series = s.inputs->>'price_series' AND c.next <= s.published_at ORDER BY time DESC LIMIT 1)`);
    expect(mismatches).toEqual([]);
    const total = await db.prisma.signal.count();
    expect(await db.prisma.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM signals s JOIN blocks b ON b.height = s.published_height`)).toEqual([{ n: total }]);
    const strategies = await db.prisma.signal.groupBy({ by: ["strategy"], _count: true });
    expect(strategies.map((s) => s.strategy).sort()).toEqual(["confidence-scaled", "threshold"]);
  });

  it("scores equal the realized returns: the close known at publish time + horizon against the reference", async () => {
    const rows = await db.prisma.$queryRawUnsafe<{ bad: number; scored: number; early: number }[]>(`
      WITH c AS (SELECT series, time, value, lead(time) OVER (PARTITION BY source, series ORDER BY time) AS next FROM ground_truth),
      s AS (SELECT *, published_at + make_interval(secs => horizon_seconds) AS due,
              (SELECT value FROM c WHERE c.series = inputs->>'price_series' AND c.next <= published_at + make_interval(secs => horizon_seconds)
               ORDER BY time DESC LIMIT 1) AS realized
            FROM signals)
      SELECT count(*) FILTER (WHERE scored_at IS NOT NULL AND (realized_value <> realized OR scored_at <> due
               OR return_bps <> round((realized / reference_value - 1) * 10000, 6)))::int AS bad,
             count(*) FILTER (WHERE scored_at IS NOT NULL)::int AS scored,
             count(*) FILTER (WHERE scored_at IS NULL AND due <= (SELECT max(time) FROM ground_truth))::int AS early
      FROM s`);
    expect(rows[0]!.scored).toBeGreaterThan(0);
    expect(rows[0]).toEqual({ bad: 0, scored: rows[0]!.scored, early: 0 });
  });

  it("published late or early, a signal is the same: the first pass equals a fresh computation on all the data", async () => {
    const series = await readLedgerSeries((await db.prisma.network.findFirstOrThrow()).id);
    const recomputed = new Map(
      series.flatMap((s) => signalRows(s, new Map())).map((r) => [`${r.topic_id}|${r.label}|${r.strategy}|${r.published_height}`, r]),
    );
    expect(firstPass.length).toBeGreaterThan(100);
    for (const row of firstPass) {
      const again = recomputed.get(`${row.topic_id}|${row.label}|${row.strategy}|${row.published_height}`);
      expect({ direction: again?.direction, size: again?.size, confidence: again?.confidence }).toEqual({
        direction: row.direction,
        size: String(Number(row.size).toFixed(8)),
        confidence: row.confidence === null ? null : Number(row.confidence).toFixed(8),
      });
    }
  });

  it("a replayed batch, a second pass and a conflicting signal change nothing", async () => {
    const before = await digestTables(db.prisma, ["signals"]);
    const published = pipeline.accepted.filter((a) => a.collector === null);
    expect(published.length).toBeGreaterThanOrEqual(2);
    for (const batch of published) {
      const res = await fetch(pipeline.route.url, { method: "POST", headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "content-type": "application/json" }, body: batch.body });
      expect(((await res.json()) as { status: string }).status).toBe("duplicate");
    }
    expect(await publishSignalsOnce({ ingest: ingest() })).toEqual({ signals: 0, scores: 0 });
    // Another body (new batch id) rewriting a published signal's direction and score is accepted but writes nothing.
    const target = (await db.prisma.signal.findFirstOrThrow({ where: { scoredAt: { not: null } } }));
    const body = JSON.parse(published[0]!.body) as { batch_id: string; rows: { signals: Record<string, unknown>[] } };
    const forged = { ...body.rows.signals[0]!, topic_id: target.topicId.toString(), label: target.label, strategy: target.strategy, published_height: target.publishedHeight.toString(), direction: target.direction === "long" ? "short" : "long" };
    const score = { topic_id: forged.topic_id, label: target.label, strategy: target.strategy, published_height: forged.published_height, realized_value: "1", return_bps: "12345", scored_at: "2099-01-01T00:00:00Z" };
    const res = await fetch(pipeline.route.url, {
      method: "POST",
      headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({ ...body, batch_id: "forged-rewrite", rows: { signals: [forged] }, updates: { signal_scores: [score] } }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { counts: Record<string, number> }).counts).toEqual({ signals: 0 });
    expect(await digestTables(db.prisma, ["signals"])).toEqual(before);
  });

  it("the database refuses an UPDATE of a published column, a second score and any DELETE", async () => {
    const scored = await db.prisma.signal.findFirstOrThrow({ where: { scoredAt: { not: null } } });
    const where = `topic_id = ${scored.topicId} AND label = '${scored.label}' AND strategy = '${scored.strategy}' AND published_height = ${scored.publishedHeight}`;
    await expect(db.prisma.$executeRawUnsafe(`UPDATE signals SET direction = CASE direction WHEN 'short' THEN 'long' ELSE 'short' END WHERE ${where}`)).rejects.toThrow(/append-only.*cannot be updated/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE signals SET params = params || '{"threshold_bps": 0}' WHERE ${where}`)).rejects.toThrow(/append-only/);
    await expect(db.prisma.$executeRawUnsafe(`UPDATE signals SET return_bps = return_bps + 1 WHERE ${where}`)).rejects.toThrow(/already scored/);
    await expect(db.prisma.$executeRawUnsafe(`DELETE FROM signals WHERE ${where}`)).rejects.toThrow(/cannot be deleted/);
    await expect(db.prisma.signal.deleteMany({})).rejects.toThrow(/cannot be deleted/);
    expect(await db.prisma.signal.findFirstOrThrow({ where: { topicId: scored.topicId, label: scored.label, strategy: scored.strategy, publishedHeight: scored.publishedHeight } })).toEqual(scored);
  });
});
