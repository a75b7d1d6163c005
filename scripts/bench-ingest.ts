// `npm run bench:ingest`: worker-inference rows per second through POST /api/ingest into Postgres, next to a raw
// server-side COPY of the same rows into the same database, their ratio (goal ≥ 0.5); then the collector's backfill
// speed against the devnet in blocks per second. Uses DATABASE_URL (default: the local Postgres) and a scratch
// database it creates and drops.
import { writeFileSync, rmSync, chmodSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { openDatabase } from "@/lib/db/client";
import { setDatabase } from "@/lib/db";
import { createEmptyPostgresDatabase } from "../tests/support/test-db";
import { startPipeline, TEST_INGEST_TOKEN } from "../tests/support/collector-harness";
import { serveRoute } from "../tests/support/ingest-server";

const ROWS = Number(process.env.BENCH_ROWS ?? 200_000);
const PER_BATCH = 20_000;
const BLOCKS = Number(process.env.BENCH_BLOCKS ?? 5_000);
const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

const scratch = await createEmptyPostgresDatabase(baseUrl);
const db = await openDatabase({ kind: "postgres", url: scratch.url });
setDatabase(db);
const pipeline = await startPipeline({ seed: 11, historyBlocks: BLOCKS });
// The route handler itself behind a bare node:http server (the pipeline's server also records bodies for tests).
const { POST } = await import("@/app/api/ingest/route");
const route = await serveRoute(POST);

function row(i: number) {
  const topic = (i % 6) + 1;
  const nonce = 1000 + Math.floor(i / 600) * 75;
  return {
    topic_id: String(topic), nonce: String(nonce), inferer: `allo1bench${String(i % 600).padStart(33, "0")}`, label: "y",
    value: `${i % 2 ? "-" : ""}${(i % 97) + 1}.${String(i).padStart(12, "7")}123456789012345678`, block_height: String(nonce + 3), extra_data: null, proof: null,
  };
}
const rows = Array.from({ length: ROWS }, (_, i) => row(i));
const network = { chain_id: "allora-bench-1", name: "Bench", kind: "testnet", simulated: false, emissions_version: "v10" };

try {
  // 1. Through the route handler: auth, size limit, JSON parse, zod validation, set-based upsert, cursor and batch
  //    log in one transaction — the real write path, invoked with a real Request in this process.
  const post = (body: string) =>
    POST(new Request("http://127.0.0.1/api/ingest", { method: "POST", headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "content-type": "application/json" }, body }));
  const bodies = Array.from({ length: Math.ceil(ROWS / PER_BATCH) }, (_, b) =>
    JSON.stringify({ version: 1, batch_id: `bench-${b}`, network, rows: { worker_inferences: rows.slice(b * PER_BATCH, (b + 1) * PER_BATCH) } }),
  );
  const t0 = performance.now();
  for (const body of bodies) {
    const res = await post(body);
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  }
  const routeSeconds = (performance.now() - t0) / 1000;
  const [{ n } = { n: 0 }] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM worker_inferences`;
  if (n !== ROWS) throw new Error(`expected ${ROWS} rows after ingest, found ${n}`);

  // The same batches once more over HTTP (a bare node:http server around the handler, client in this process).
  await db.prisma.$executeRaw`TRUNCATE worker_inferences, ingest_batches`;
  const tHttp = performance.now();
  for (const body of bodies) {
    const res = await fetch(route.url, { method: "POST", headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "content-type": "application/json" }, body });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  }
  const httpSeconds = (performance.now() - tHttp) / 1000;

  // 2. Raw COPY of the same rows into the same table of the same database.
  await db.prisma.$executeRaw`TRUNCATE worker_inferences`;
  const file = `/tmp/allora-bench-${randomBytes(4).toString("hex")}.csv`;
  const [{ id: networkId } = { id: 0 }] = await db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM networks WHERE chain_id = 'allora-bench-1'`;
  writeFileSync(file, rows.map((r) => [networkId, r.topic_id, r.nonce, r.inferer, r.label, r.value, r.block_height, "", ""].join(",")).join("\n"));
  chmodSync(file, 0o644);
  const t1 = performance.now();
  await db.prisma.$executeRawUnsafe(
    `COPY worker_inferences (network_id, topic_id, nonce, inferer, label, value, block_height, extra_data, proof) FROM '${file}' WITH (FORMAT csv)`,
  );
  const copySeconds = (performance.now() - t1) / 1000;
  rmSync(file, { force: true });

  const routeRate = ROWS / routeSeconds;
  const copyRate = ROWS / copySeconds;
  console.log(`ingest route : ${Math.round(routeRate).toLocaleString("en-US")} worker-inference rows/s (${ROWS} rows in ${routeSeconds.toFixed(2)} s, ${PER_BATCH} rows per batch)`);
  console.log(`  over HTTP  : ${Math.round(ROWS / httpSeconds).toLocaleString("en-US")} rows/s (${httpSeconds.toFixed(2)} s, client and server sharing one process)`);
  console.log(`raw COPY     : ${Math.round(copyRate).toLocaleString("en-US")} rows/s (${copySeconds.toFixed(2)} s)`);
  console.log(`ratio        : ${(routeRate / copyRate).toFixed(2)} (goal ≥ 0.50)`);

  // 3. Collector backfill: devnet → collector → route → Postgres.
  await db.prisma.$executeRaw`TRUNCATE worker_inferences`;
  const t2 = performance.now();
  const collector = pipeline.collector({ log: () => {} });
  await pipeline.untilIndexed(collector, BigInt(BLOCKS), 900_000);
  await collector.stop();
  const backfillSeconds = (performance.now() - t2) / 1000;
  console.log(`backfill     : ${Math.round(BLOCKS / backfillSeconds)} blocks/s (${BLOCKS} devnet blocks in ${backfillSeconds.toFixed(1)} s, with events, REST state and ground truth)`);
} finally {
  await pipeline.close();
  await route.close();
  await db.close();
  await scratch.drop();
}
