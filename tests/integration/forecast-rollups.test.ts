// The hourly rollups the topic page's long ranges read: kept in the ingest transaction through partial, overlapping,
// out-of-order and replayed batches, they hold the hand-computed sums of the fixture and equal a fresh rebuild; the
// queries read the same inclusions and effects from them as from the epochs.
import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { migrationsDir } from "@/lib/db/migrate";
import { checksumOf, ingestBatch, parseBatch } from "@/lib/ingest/ingest-batch";
import { rebuildRollups } from "@/lib/ingest/rollups";
import type { IngestBatch } from "@/lib/ingest/batch-schema";
import { parseRange } from "@/lib/forecast/range";
import { getTopicContext, resolveWindow, type HeightWindow, type TopicContext } from "@/lib/queries/forecast/context";
import { getEffects } from "@/lib/queries/forecast/effects";
import { getLeaderboards } from "@/lib/queries/forecast/leaderboard";
import { getEconomics } from "@/lib/queries/forecast/economics";
import { HOURLY_FROM_SECONDS } from "@/lib/queries/forecast/hours";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { A, B, C, F, R, T0, TOPIC, forecastBatch } from "../support/forecast-history-fixture";

let db: TestDatabase;
const ingest = (batch: IngestBatch) => ingestBatch(db, parseBatch(batch), checksumOf(JSON.stringify(batch)));

type Rows = IngestBatch["rows"];
/** The fixture's rows with a nonce (or block height) in [lo, hi], everything else as given. */
function slice(rows: Rows, lo: number, hi: number, withBlocks: boolean): Rows {
  const inside = (r: { nonce?: string; height?: string }) => Number(r.nonce ?? r.height) >= lo && Number(r.nonce ?? r.height) <= hi;
  const out: Record<string, unknown[]> = {};
  for (const [name, list] of Object.entries(rows)) {
    const all = list as { nonce?: string; height?: string }[];
    if (name === "blocks") out[name] = withBlocks ? all.filter(inside) : [];
    else out[name] = all.some((r) => r.nonce !== undefined) ? all.filter(inside) : all;
  }
  return out as Rows;
}

const snapshot = async () => ({
  loss: await db.prisma.lossHour.findMany({ orderBy: [{ grain: "asc" }, { hour: "asc" }, { role: "asc" }, { actor: "asc" }], omit: { networkId: true } }),
  worker: await db.prisma.workerHour.findMany({ orderBy: [{ grain: "asc" }, { hour: "asc" }, { role: "asc" }, { actor: "asc" }], omit: { networkId: true } }),
  price: await db.prisma.priceHour.findMany({ orderBy: [{ grain: "asc" }, { series: "asc" }, { hour: "asc" }] }),
  reward: (await db.prisma.rewardHour.findMany({ orderBy: [{ grain: "asc" }, { hour: "asc" }, { role: "asc" }, { actor: "asc" }] })).map((r) => ({ ...r, amount: r.amount.toFixed() })),
});

let networkId: number;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  const full = forecastBatch();
  const part = (id: string, lo: number, hi: number, withBlocks: boolean): IngestBatch => ({ ...full, batch_id: id, rows: slice(full.rows, lo, hi, withBlocks) });
  // Rows of nonces 30..93 arrive before their blocks 71..93 (a backfill out of order); the ranges overlap.
  const first = part("rollups-1", 1, 40, false);
  first.rows.blocks = full.rows.blocks!.filter((b) => Number(b.height) <= 70);
  await ingest(first);
  await ingest(part("rollups-2", 30, 93, false));
  await ingest({ ...part("rollups-3", 60, 93, true), rows: { blocks: slice(full.rows, 60, 93, true).blocks } });
  // A replay of the first batch (a duplicate) and the second again under another id (an overlap merged).
  expect((await ingest(first)).status).toBe("duplicate");
  await ingest(part("rollups-2-again", 30, 93, false));
  networkId = (await db.prisma.network.findFirstOrThrow({ where: { chainId: "allora-forecast-fixture" } })).id;
});
afterAll(() => db.dispose());

describe(`forecast rollups (${describeTestDatabase()})`, () => {
  it("hold the fixture's hourly sums worked out by hand", async () => {
    const { loss, worker } = await snapshot();
    const hour = (h: number) => new Date(T0 + h * 3_600_000);
    const row = <T extends { grain: string; hour: Date; role: string; actor: string }>(rows: T[], h: number, role: string, actor: string, grain = "h") =>
      rows.find((r) => r.grain === grain && r.hour.getTime() === hour(h).getTime() && r.role === role && r.actor === actor);
    // Hour 0 holds nonces 1..60 (k = 0..59), hour 1 the losses of k = 60..80. Network loss 1; naive 1, 1.5, 2 in turn:
    // the network beats the naive loss in 40 of hour 0's 60 epochs (net_sum / net_n: its loss over those pairs).
    expect(row(loss, 0, "network", "")).toMatchObject({ n: 60, lossSum: 60, naiveSum: 90, naiveN: 60, wins: 40, netSum: 60, netN: 60 });
    expect(row(loss, 1, "network", "")).toMatchObject({ n: 21, lossSum: 21 });
    // A (0.5) never loses to the network (1) in hour 0; B (3) and C (1.5) always do; from k = 60 A's loss is 2.
    expect(row(loss, 0, "inferer", A)).toMatchObject({ n: 60, lossSum: 30, wins: 0, netSum: 60, netN: 60 });
    expect(row(loss, 0, "inferer", B)).toMatchObject({ n: 60, lossSum: 180, wins: 60 });
    expect(row(loss, 1, "inferer", A)).toMatchObject({ n: 21, lossSum: 42, wins: 21 });
    expect(row(loss, 1, "inferer", C)).toMatchObject({ n: 21, wins: 21 });
    expect(row(loss, 0, "reputer", R)).toMatchObject({ n: 5 });
    // The day row (the fixture's day starts at T0) sums its hours.
    expect(row(loss, 0, "network", "", "d")).toMatchObject({ n: 81, lossSum: 81 });
    expect(row(loss, 0, "inferer", A, "d")).toMatchObject({ n: 81, lossSum: 72, wins: 21, netSum: 81, netN: 81 });
    expect(row(worker, 0, "inferer", A, "d")).toMatchObject({ inclusions: 10, effectN: 83, effectSum: 83 * 0.25 });
    // Effects: A's one-out is 0.25 below the combined value, B's 0.125 above; F's one-in is 0.5 below the naive.
    expect(row(worker, 0, "inferer", A)).toMatchObject({ label: "y", inclusions: 10, effectN: 60, effectSum: 15, weightN: 60, weightSum: 45 });
    expect(row(worker, 1, "inferer", B)).toMatchObject({ inclusions: 0, effectN: 23, effectSum: -23 * 0.125, weightSum: 23 * 0.25 });
    expect(row(worker, 1, "forecaster", F)).toMatchObject({ effectN: 23, effectSum: -11.5, weightN: 0, weightSum: null });
    // Three prices a minute: 180 in hour 0 (179 returns), 93 in hour 1 (93 returns, the first from hour 0's last).
    const prices = await db.prisma.priceHour.findMany({ where: { grain: "h" }, orderBy: { hour: "asc" } });
    expect(prices.map((p) => [p.hour.getTime(), p.n])).toEqual([[T0, 179], [T0 + 3_600_000, 93]]);
    expect(prices[1]!.rSum).toBeCloseTo(Math.log(190 / 159), 12); // the returns of hour 1 telescope: last / previous
    expect(await db.prisma.priceHour.findFirst({ where: { grain: "d" } })).toMatchObject({ hour: new Date(T0), n: 179 + 93 });
    // Rewards at heights 50 and 60 (minutes 49 and 59: hour 0), summed exactly.
    const rewards = await db.prisma.rewardHour.findMany({ where: { grain: "h" }, orderBy: { actor: "asc" } });
    expect(rewards.map((r) => [r.hour.getTime(), r.role, r.actor, r.amount.toFixed(), r.n])).toEqual([
      [T0, "reputer", R, "2000000000000000000", 1],
      [T0, "inferer", A, "1500000000000000000.5", 2],
    ].sort((x, y) => (x[2]! < y[2]! ? -1 : 1)));
  });

  it("equal a rebuild from the stored rows after all those batches", async () => {
    const kept = await snapshot();
    await db.prisma.lossHour.deleteMany({});
    await db.prisma.workerHour.deleteMany({});
    await db.prisma.rewardHour.deleteMany({});
    await db.prisma.priceHour.deleteMany({});
    await db.transaction((tx) => rebuildRollups(tx, networkId, new Date(T0), new Date(T0 + 2 * 3_600_000)));
    expect(await snapshot()).toEqual(kept);
    expect(kept.loss.length).toBeGreaterThan(0);
  });

  it("the migration that added the network's loss beside each comparison fills existing rows as ingest writes them", async () => {
    const kept = await snapshot();
    await db.prisma.lossHour.updateMany({ data: { netSum: null, netN: 0 } });
    await db.prisma.lossHour.updateMany({ where: { role: "network" }, data: { wins: 0 } });
    const sql = readFileSync(path.join(migrationsDir(), "20261202130000_loss_hours_net", "migration.sql"), "utf8");
    const statements = sql.replace(/^--.*$/gm, "").split(/;\s*$/m).map((st) => st.trim()).filter((st) => st.startsWith("UPDATE"));
    expect(statements).toHaveLength(3);
    for (const st of statements) await db.prisma.$executeRawUnsafe(st);
    expect(await snapshot()).toEqual(kept);
  });

  it("long ranges read the same inclusions, rewards and effects from them as short ranges read from the epochs", async () => {
    const ctx = (await getTopicContext(networkId, BigInt(TOPIC))) as TopicContext;
    const all = (await resolveWindow(ctx, parseRange({ range: "all" }))) as HeightWindow;
    // The same blocks seen as a range long enough for the hourly path.
    const long: HeightWindow = { ...all, to: new Date(all.from.getTime() + HOURLY_FROM_SECONDS * 1000) };
    const [short, hourly] = await Promise.all([getLeaderboards(ctx, all, "inclusion"), getLeaderboards(ctx, long, "inclusion")]);
    expect(hourly).toEqual(short);
    expect(short.inferer.find((r) => r.address === A)?.inclusions).toBe(10);
    expect(short.reputer[0]).toMatchObject({ address: R, inclusions: 5 });
    const [e1, e2] = await Promise.all([getEffects(ctx, all), getEffects(ctx, long)]);
    const means = (e: typeof e1) => e.rows.map((r) => ({ actor: r.actor, role: r.role, effect: r.meanEffect, weight: r.meanWeight }));
    expect(means(e2)).toEqual(means(e1));
    const [c1, c2] = await Promise.all([getEconomics(ctx, all), getEconomics(ctx, long)]);
    expect(c2.totals).toEqual(c1.totals);
    expect(c1.totals.inferer).toBe("1500000000000000000.5");
    expect(e2.buckets).toEqual([T0]); // two days in 40 buckets: 2-hour buckets, and the data fills the first
  });
});
