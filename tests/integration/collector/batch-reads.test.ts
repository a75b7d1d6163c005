// Batched block reads against nodes that take them, refuse them (HTTP 400) or mangle them (a truncated array), and
// against a node that fails one height's item; and catch-up batches far behind the head. Every run must end in the
// identical database state as the plain run, and read every height's block_results.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { tableNames, tableSpecs } from "@/lib/ingest/tables";
import type { CollectorOptions } from "@/lib/collector/collector";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";
import { startPipeline } from "../../support/collector-harness";
import { compareWithRecord, digestTables } from "../../support/record-compare";

const HEIGHT = 1200;
const TABLES = tableNames.map((n) => tableSpecs[n].table);
const opened: TestDatabase[] = [];
let pipeline: Awaited<ReturnType<typeof startPipeline>>;
let reference: Record<string, string>;
let referencePosts = 0;

async function indexAll(overrides: Partial<CollectorOptions> = {}) {
  const db = await createTestDatabase();
  opened.push(db);
  setDatabase(db);
  const logs: string[] = [];
  const states = new Set<string>();
  const before = pipeline.devnet.stats();
  const c = pipeline.collector({ log: (m) => logs.push(m), ...overrides });
  const watch = setInterval(() => states.add(c.status().state), 5);
  try {
    await pipeline.untilIndexed(c, BigInt(HEIGHT));
  } finally {
    clearInterval(watch);
    await c.stop();
  }
  const after = pipeline.devnet.stats();
  const delta = { posts: after.rpc_posts - before.rpc_posts, gets: after.rpc_gets - before.rpc_gets, blockResults: after.rpc_block_results - before.rpc_block_results };
  return { db, logs, states, delta, digest: await digestTables(db.prisma, TABLES), status: c.status() };
}

beforeAll(async () => {
  pipeline = await startPipeline({ seed: 5, historyBlocks: HEIGHT });
});
afterAll(async () => {
  await pipeline?.close();
  for (const db of opened) await db.dispose();
});

describe(`batched block reads (${describeTestDatabase()})`, () => {
  it("reads blocks in JSON-RPC batches, every height's block_results included, and matches the record", { timeout: 300_000 }, async () => {
    const run = await indexAll();
    // 1,200 heights at 50 per batch request: 24 POSTs, and no block read with a single GET.
    expect(run.delta.posts).toBe(HEIGHT / 50);
    expect(run.delta.blockResults).toBe(HEIGHT);
    expect(run.logs.filter((m) => /single requests/.test(m))).toEqual([]);
    const snapshot = await run.db.prisma.validator.findFirst();
    const at = Number(snapshot?.updatedHeight ?? 0);
    const record = { ...pipeline.devnet.record(1, HEIGHT), validators: pipeline.devnet.record(at, at).validators };
    for (const c of await compareWithRecord(run.db.prisma, record))
      expect({ table: c.table, missing: c.missing, unexpected: c.unexpected }).toEqual({ table: c.table, missing: [], unexpected: [] });
    reference = run.digest;
    referencePosts = run.delta.posts;
  });

  for (const [quirk, why] of [["reject", /refused a batch request with HTTP 400/], ["truncate", /truncated array/]] as const)
    it(`a node answering batches ${quirk === "reject" ? "with HTTP 400" : "with a truncated array"} is detected once and read with single requests to the identical state`, { timeout: 300_000 }, async () => {
      pipeline.devnet.setQuirks({ rpcBatch: quirk });
      try {
        const run = await indexAll();
        expect(run.digest).toEqual(reference);
        // Said once in the log, and reported for /api/health with the batch it gave up on.
        expect(run.logs.filter((m) => why.test(m))).toHaveLength(1);
        // Only the batch requests already in flight when the first answer came (a few at most) were tried.
        expect(run.delta.posts).toBeGreaterThanOrEqual(1);
        expect(run.delta.posts).toBeLessThanOrEqual(3);
        // Single GETs are many and may be retried on a timeout: at least every height, and the identical state above.
        expect(run.delta.gets).toBeGreaterThanOrEqual(2 * HEIGHT);
        const stored = await run.db.prisma.collectorState.findFirst();
        expect(stored?.notices).toEqual([expect.objectContaining({ state: "rpc batches", kind: "single_requests", detail: expect.stringMatching(why) })]);
        expect(run.states.has("error")).toBe(false);
      } finally {
        pipeline.devnet.setQuirks({ rpcBatch: "ok" });
      }
    });

  it("a node answering blockchain in batches with Method not found is read with block calls to the identical state, said once", { timeout: 300_000 }, async () => {
    pipeline.devnet.setQuirks({ rpcBlockchain: "unknown" });
    try {
      const before = pipeline.devnet.stats();
      const run = await indexAll();
      const after = pipeline.devnet.stats();
      expect(run.digest).toEqual(reference);
      expect(run.logs.filter((m) => /blockchain/.test(m))).toHaveLength(1);
      // Every block read whole, in batches (a few batches in flight at the first answer were posted twice).
      expect(after.rpc_block - before.rpc_block).toBeGreaterThanOrEqual(HEIGHT);
      // No single GETs of blocks: only the few /status polls.
      expect(run.delta.gets).toBeLessThan(50);
      expect(run.delta.posts).toBeLessThanOrEqual(referencePosts + 6);
      const stored = await run.db.prisma.collectorState.findFirst();
      expect(stored?.notices).toEqual([expect.objectContaining({ state: "block headers", kind: "block_calls", detail: expect.stringMatching(/Method not found/) })]);
      expect(run.states.has("error")).toBe(false);
    } finally {
      pipeline.devnet.setQuirks({ rpcBlockchain: "ok" });
    }
  });

  it("an item error for one height fails only the batch request holding it, which is read again", { timeout: 300_000 }, async () => {
    pipeline.devnet.setQuirks({ batchItemErrors: { "777": 2 } });
    const run = await indexAll();
    expect(run.digest).toEqual(reference);
    // The batch holding height 777 was posted three times; every other batch once.
    expect(run.delta.posts).toBe(referencePosts + 2);
    expect(run.status.last_error).toBeNull();
    expect(run.states.has("error")).toBe(false);
  });

  it("far behind the head, catch-up batches of 500 blocks, then batches of 100 near the head; every height read", { timeout: 300_000 }, async () => {
    const before = pipeline.accepted.length;
    const run = await indexAll({ batchBlocks: 100, catchUpBatchBlocks: 500, id: "catching-up" });
    const ids = pipeline.accepted.slice(before).filter((a) => a.collector === "catching-up" && a.hadRows).map((a) => (JSON.parse(a.body) as { batch_id: string }).batch_id);
    expect(ids).toEqual(["1-500", "501-1000", "1001-1100", "1101-1200"].map((r) => `allora-devnet-1:blocks:${r}`));
    expect(run.delta.blockResults).toBe(HEIGHT);
    expect(await run.db.prisma.block.count()).toBe(HEIGHT);
    const record = pipeline.devnet.record(1, HEIGHT);
    for (const c of await compareWithRecord(run.db.prisma, { ...record, validators: [] }))
      if (c.table !== "validators") expect({ table: c.table, missing: c.missing, unexpected: c.unexpected }).toEqual({ table: c.table, missing: [], unexpected: [] });
  });
});
