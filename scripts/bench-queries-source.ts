// Where `npm run bench:queries` reads from: a generated year in a scratch Postgres database (the default), or an
// existing PGlite directory (BENCH_PGLITE_DIR, e.g. the demo's devnet week). Either way the history gets its hourly
// rollups and stored realized values from the ingest path's own statements when it has none yet (a COPYed history,
// or one indexed before them).
import pg from "pg";
import { openDatabase, type Database } from "@/lib/db/client";
import type { SqlTransaction } from "@/lib/db/sql-transaction";
import { rebuildRollups } from "@/lib/ingest/rollups";
import { rebuildRealized } from "@/lib/ingest/realized";
import { generateBenchData, worker, type BenchSize } from "./bench-queries-data";

export type BenchSource = {
  db: Database;
  networkId: number;
  topics: bigint[];
  /** Two workers of the topic to plot on the chart. */
  workers: (topic: bigint) => Promise<string[]>;
  close(): Promise<void>;
};

export async function postgresSource(size: BenchSize, keep: string | undefined, base: URL): Promise<BenchSource> {
  const name = keep ?? `bench_queries_issue10a_${process.pid}`;
  const admin = new pg.Client({ connectionString: base.toString() });
  await admin.connect();
  const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
  if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString() });
  const close = async () => {
    await db.close();
    if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await admin.end();
  };
  try {
    if (!exists) {
      console.log(`generating ${size.days} days × ${size.topics} topics × ${size.workers} workers (5-minute epochs) by COPY into ${name}…`);
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      const t0 = performance.now();
      await generateBenchData(client, size, (s) => console.log(s));
      await client.end();
      console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
    }
    const network = await db.prisma.network.findFirstOrThrow({ where: { chainId: "allora-bench-queries" } });
    await ensureRollups(db, network.id);
    await ensureRealized(db, network.id);
    const topics = Array.from({ length: size.topics }, (_, i) => BigInt(i + 1));
    return { db, networkId: network.id, topics, workers: async () => [worker(0), worker(1)], close };
  } catch (e) {
    await close();
    throw e;
  }
}

export async function pgliteSource(dataDir: string): Promise<BenchSource> {
  const db = await openDatabase({ kind: "pglite", dataDir });
  const network = await db.prisma.network.findFirstOrThrow({ orderBy: { id: "asc" } });
  await ensureRollups(db, network.id);
  await ensureRealized(db, network.id);
  const topics = (await db.prisma.topic.findMany({ where: { networkId: network.id }, select: { topicId: true }, orderBy: { topicId: "asc" } })).map((t) => t.topicId);
  const workers = async (topic: bigint) =>
    (await db.prisma.workerInference.findMany({ where: { networkId: network.id, topicId: topic }, distinct: ["inferer"], select: { inferer: true }, take: 2 })).map((w) => w.inferer);
  console.log(`PGlite ${dataDir}: network ${network.chainId}, topics ${topics.join(", ")}`);
  return { db, networkId: network.id, topics, workers, close: () => db.close() };
}

const WEEK = 7 * 86_400_000;

/** Runs `week` over the network's history a week at a time (one transaction each). */
async function byWeek(db: Database, networkId: number, week: (tx: SqlTransaction, from: Date, to: Date) => Promise<unknown>): Promise<void> {
  const span = await db.prisma.block.aggregate({ where: { networkId }, _min: { time: true }, _max: { time: true } });
  if (!span._min.time || !span._max.time) return;
  const end = span._max.time.getTime() + 3_600_000;
  for (let from = span._min.time.getTime(); from < end; from += WEEK) {
    await db.transaction((tx) => week(tx, new Date(from), new Date(Math.min(end, from + WEEK))));
  }
}

async function ensureRealized(db: Database, networkId: number): Promise<void> {
  const stored = () => db.prisma.networkInference.count({ where: { networkId, realizedKey: { not: null } } });
  const before = await stored();
  if (before === 0) {
    const t0 = performance.now();
    await byWeek(db, networkId, (tx, from, to) => rebuildRealized(tx, networkId, from, to));
    await db.prisma.$executeRawUnsafe("VACUUM ANALYZE network_inferences");
    console.log(`stored realized values in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const total = await db.prisma.networkInference.count({ where: { networkId } });
  console.log(`network inferences with a stored realized value: ${(before || (await stored())).toLocaleString("en-US")} of ${total.toLocaleString("en-US")}`);
}

async function ensureRollups(db: Database, networkId: number): Promise<void> {
  if (await db.prisma.lossHour.findFirst({ where: { networkId }, select: { hour: true } })) return;
  const t0 = performance.now();
  await byWeek(db, networkId, (tx, from, to) => rebuildRollups(tx, networkId, from, to));
  // Fresh statistics, as autovacuum would gather soon after: without them the planner guesses one row per table.
  await db.prisma.$executeRawUnsafe("ANALYZE loss_hours, worker_hours, reward_hours, price_hours");
  console.log(`rolled up by hour and day in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
}
