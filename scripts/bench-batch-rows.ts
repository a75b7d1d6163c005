// Per-row CPU of the collector's batch builder and of the ingest route, on real catch-up batches of the 7-day devnet.
//   tsx scripts/bench-batch-rows.ts gen    — reads BENCH_BATCHES ranges of 1,000 blocks from BENCH_FROM (default 60001)
//                                            of an in-process devnet, times addBlock + build, writes the bodies to BENCH_DIR
//   tsx scripts/bench-batch-rows.ts ingest — posts those bodies to the route handler (its parse and validate steps
//                                            alone, then the whole route into a fresh Postgres database per round)
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const mode = process.argv[2];
const dir = process.env.BENCH_DIR ?? "/tmp/bench-batch-rows";
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 5);
const cpuMs = (start: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(start);
  return (d.user + d.system) / 1000;
};
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
// Other processes share the 2 cores: the least CPU of the rounds is the steadiest figure, the median is shown beside it.
const summary = (xs: number[]) => `min ${Math.min(...xs).toFixed(0)}, median ${median(xs).toFixed(0)} ms (rounds: ${xs.map((t) => t.toFixed(0)).join(", ")})`;

async function gen() {
  const { startDevnet } = await import("@/lib/devnet/server");
  const { createRpcClient } = await import("@/lib/allora/rpc-client");
  const { createBlockReader } = await import("@/lib/allora/rpc-batch");
  const { fetchBlocks } = await import("@/lib/collector/block-fetch");
  const { BatchBuilder } = await import("@/lib/collector/batch-builder");
  const { addBlock, emptyTouched } = await import("@/lib/collector/event-rows");
  const from = Number(process.env.BENCH_FROM ?? 60_001);
  const batches = Number(process.env.BENCH_BATCHES ?? 3);
  const devnet = await startDevnet({ days: 7, blockTimeMs: 0, port: 0 });
  const reader = createBlockReader({ baseUrl: devnet.url, rpc: createRpcClient({ baseUrl: devnet.url }) });
  const ranges: Awaited<ReturnType<typeof fetchBlocks>>[] = [];
  for (let b = 0; b < batches; b++) {
    const heights = Array.from({ length: 1000 }, (_, i) => BigInt(from + b * 1000 + i));
    ranges.push(await fetchBlocks(reader, heights, { perRequest: 50, inFlight: 3, signal: new AbortController().signal, retryDelayMs: 100 }));
  }
  await devnet.close();
  const build = (blocks: (typeof ranges)[number]) => {
    const builder = new BatchBuilder();
    const touched = emptyTouched();
    for (const item of blocks) addBlock(builder, touched, item.block, item.results);
    return builder.build();
  };
  const times: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const start = process.cpuUsage();
    for (const blocks of ranges) build(blocks);
    if (round) times.push(cpuMs(start) / ranges.length);
  }
  console.log(`builder, CPU per 1,000-block batch: ${summary(times)}`);
  mkdirSync(dir, { recursive: true });
  ranges.forEach((blocks, b) => {
    const lo = from + b * 1000;
    const hi = lo + 999;
    const body = {
      version: 1,
      batch_id: `allora-devnet-1:blocks:${lo}-${hi}`,
      network: { chain_id: "allora-devnet-1", name: "Simulated devnet", kind: "devnet", simulated: true, emissions_version: "v10", lcd_url: devnet.url, rpc_url: devnet.url },
      collector: { id: "bench", state: "catching_up", last_error: null, chain_height: "120960", chain_time: null, notices: [] },
      from_height: String(lo),
      to_height: String(hi),
      cursor: { source: "blocks", height: String(hi), time: blocks.at(-1)!.block.time.toISOString() },
      ...build(blocks),
    };
    const text = JSON.stringify(body);
    writeFileSync(path.join(dir, `${lo}.json`), text);
    const counts = Object.entries(body.rows).map(([t, r]) => `${t} ${(r as unknown[]).length}`).join(", ");
    console.log(`batch ${lo}-${hi}: ${(text.length / 1e6).toFixed(1)} MB; ${counts}`);
  });
}

async function ingest() {
  process.env.INGEST_TOKEN = "bench-batch-rows-token-0123456789";
  const { openDatabase } = await import("@/lib/db/client");
  const { setDatabase } = await import("@/lib/db");
  const { createEmptyPostgresDatabase } = await import("../tests/support/test-db");
  const { checksumOf, parseBatch } = await import("@/lib/ingest/ingest-batch");
  const { POST } = await import("@/app/api/ingest/route");
  const bodies = readdirSync(dir).filter((f) => f.endsWith(".json")).sort().map((f) => readFileSync(path.join(dir, f)));

  // The route's CPU steps without the database: decoding, JSON.parse, validation and checksum.
  const parseTimes: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const start = process.cpuUsage();
    for (const bytes of bodies) {
      const text = bytes.toString("utf8");
      parseBatch(JSON.parse(text), text);
      checksumOf(text, bytes);
    }
    if (round) parseTimes.push(cpuMs(start) / bodies.length);
  }
  console.log(`decode+parse+validate+checksum, CPU per batch: ${summary(parseTimes)}`);

  const baseUrl = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const routeTimes: number[] = [];
  const wallTimes: number[] = [];
  for (let round = 0; round < ROUNDS + 1; round++) {
    const scratch = await createEmptyPostgresDatabase(baseUrl);
    const db = await openDatabase({ kind: "postgres", url: scratch.url });
    setDatabase(db);
    try {
      const start = process.cpuUsage();
      const t0 = performance.now();
      for (const body of bodies) {
        const request = new Request("http://127.0.0.1/api/ingest", {
          method: "POST", headers: { authorization: `Bearer ${process.env.INGEST_TOKEN}`, "content-type": "application/json" }, body,
        });
        const res = await POST(request);
        if (res.status !== 200) throw new Error(`ingest answered ${res.status}: ${await res.text()}`);
      }
      if (round) {
        routeTimes.push(cpuMs(start) / bodies.length);
        wallTimes.push((performance.now() - t0) / bodies.length);
      }
    } finally {
      await db.close();
      await scratch.drop();
    }
  }
  console.log(`route into Postgres, app CPU per batch: ${summary(routeTimes)}; wall median ${median(wallTimes).toFixed(0)} ms`);
}

if (mode === "gen") await gen();
else if (mode === "ingest") await ingest();
else throw new Error("usage: tsx scripts/bench-batch-rows.ts gen|ingest");
process.exit(0);
