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

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const rate = (seconds: number) => `${Math.round(ROWS / seconds).toLocaleString("en-US")} rows/s`;

try {
  const post = (body: string) =>
    POST(new Request("http://127.0.0.1/api/ingest", { method: "POST", headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "content-type": "application/json" }, body }));
  const bodies = Array.from({ length: Math.ceil(ROWS / PER_BATCH) }, (_, b) =>
    JSON.stringify({ version: 1, batch_id: `bench-${b}`, network, rows: { worker_inferences: rows.slice(b * PER_BATCH, (b + 1) * PER_BATCH) } }),
  );
  const reset = () => db.prisma.$executeRaw`TRUNCATE worker_inferences, ingest_batches`;
  const file = `/tmp/allora-bench-${randomBytes(4).toString("hex")}.csv`;

  // The route and raw COPY take turns, round after round, so a noisy neighbour slows both alike; medians are printed.
  // Warm-up, not measured: the JIT, zod's compiled parsers and the connection pool are ready before round one.
  for (const body of bodies.slice(0, 3)) await post(body);

  const routeTimes: number[] = [];
  const copyTimes: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    // 1. Through the route handler: auth, size limit, JSON parse, zod validation, set-based writes, cursor and
    //    batch log in one transaction — the real write path, invoked with a real Request in this process.
    await reset();
    const t0 = performance.now();
    for (const body of bodies) {
      const res = await post(body);
      if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
    }
    routeTimes.push((performance.now() - t0) / 1000);
    const [{ n } = { n: 0 }] = await db.prisma.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM worker_inferences`;
    if (n !== ROWS) throw new Error(`expected ${ROWS} rows after ingest, found ${n}`);

    // 2. Raw server-side COPY of the same rows into the same table of the same database.
    await reset();
    const [{ id: networkId } = { id: 0 }] = await db.prisma.$queryRaw<{ id: number }[]>`SELECT id FROM networks WHERE chain_id = 'allora-bench-1'`;
    writeFileSync(file, rows.map((r) => [networkId, r.topic_id, r.nonce, r.inferer, r.label, r.value, r.block_height, "", ""].join(",")).join("\n"));
    chmodSync(file, 0o644);
    const t1 = performance.now();
    await db.prisma.$executeRawUnsafe(
      `COPY worker_inferences (network_id, topic_id, nonce, inferer, label, value, block_height, extra_data, proof) FROM '${file}' WITH (FORMAT csv)`,
    );
    copyTimes.push((performance.now() - t1) / 1000);
    rmSync(file, { force: true });
  }

  // The same batches once more over HTTP (a bare node:http server around the handler, client in this process).
  await reset();
  const tHttp = performance.now();
  for (const body of bodies) {
    const res = await fetch(route.url, { method: "POST", headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "content-type": "application/json" }, body });
    if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
  }
  const httpSeconds = (performance.now() - tHttp) / 1000;

  const routeSeconds = median(routeTimes);
  const copySeconds = median(copyTimes);
  const ratios = routeTimes.map((t, i) => (copyTimes[i]! / t).toFixed(2)).join(", ");
  console.log(`ingest route : ${rate(routeSeconds).replace(" rows/s", " worker-inference rows/s")} (median of ${ROUNDS} rounds of ${ROWS} rows, ${PER_BATCH} rows per batch)`);
  console.log(`  over HTTP  : ${rate(httpSeconds)} (${httpSeconds.toFixed(2)} s, client and server sharing one process)`);
  console.log(`raw COPY     : ${rate(copySeconds)} (median of ${ROUNDS} rounds, ${copySeconds.toFixed(2)} s each)`);
  console.log(`ratio        : ${(copySeconds / routeSeconds).toFixed(2)} (goal ≥ 0.50; round by round: ${ratios})`);

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
