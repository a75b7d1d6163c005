// A refused batch never stalls a range: a 413 is split and retried until the parts fit, and a 422 stops the collector
// in `error` with the field named in /api/health and the log, instead of retrying the same bytes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { startCollector } from "@/lib/collector/collector";
import { collectorTestOptions, TEST_INGEST_TOKEN } from "../../support/collector-options";
import { serveRoute } from "../../support/ingest-server";
import { compareWithRecord } from "../../support/record-compare";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";

const HEIGHT = 500;
const MAX_BYTES = 120_000;
process.env.INGEST_TOKEN = TEST_INGEST_TOKEN;
process.env.INGEST_MAX_BYTES = String(MAX_BYTES);
process.env.ALLORA_NETWORK = "devnet";
const { POST } = await import("@/app/api/ingest/route");
const { GET: health } = await import("@/app/api/health/route");

let devnet: Devnet;
const opened: TestDatabase[] = [];
const closers: (() => Promise<void>)[] = [];
beforeAll(async () => {
  devnet = await startDevnet({ port: 0, blockTimeMs: 0, seed: 5, historyBlocks: HEIGHT });
}, 120_000);
afterAll(async () => {
  for (const close of closers) await close();
  await devnet?.close();
  for (const db of opened) await db.dispose();
});

async function freshDatabase() {
  const db = await createTestDatabase();
  opened.push(db);
  setDatabase(db);
  return db;
}

/** The real route behind a hook that may rewrite the body first, noting every answer. */
async function route(rewrite: (body: string) => string = (b) => b) {
  const answers: { status: number; bytes: number }[] = [];
  const server = await serveRoute(async (request) => {
    const body = rewrite(await request.text());
    const response = await POST(new Request(request.url, { method: "POST", headers: request.headers, body }));
    answers.push({ status: response.status, bytes: Buffer.byteLength(body) });
    return response;
  });
  closers.push(server.close);
  return { url: server.url, answers };
}

async function until(condition: () => boolean, what: string, ms = 180_000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe(`refused batches (${describeTestDatabase()})`, () => {
  it("splits a batch the route finds too large until every part fits, and indexes everything", { timeout: 240_000 }, async () => {
    const db = await freshDatabase();
    const { url, answers } = await route();
    const c = startCollector({ ...collectorTestOptions(devnet.url, url), log: () => {} });
    await until(() => c.status().indexedHeight === String(HEIGHT), `indexing to ${HEIGHT}`);
    await c.stop();
    expect(answers.filter((a) => a.status === 413).length).toBeGreaterThan(0);
    expect(answers.filter((a) => a.status === 200).every((a) => a.bytes <= MAX_BYTES)).toBe(true);
    expect(await db.prisma.block.count()).toBe(HEIGHT);
    const comparisons = await compareWithRecord(db.prisma, devnet.record(1, HEIGHT));
    const blocks = comparisons.filter((x) => x.table !== "validators");
    for (const x of blocks) expect({ table: x.table, missing: x.missing, unexpected: x.unexpected }).toEqual({ table: x.table, missing: [], unexpected: [] });
  });

  it("stops in error on a 422, naming the field in /api/health and the log, without retrying the same bytes", { timeout: 120_000 }, async () => {
    await freshDatabase();
    // A corrupted block hash in every body, as a collector bug would produce: the route must refuse it.
    const { url, answers } = await route((body) => body.replace(/"hash":"/g, '"hash":"\\u0000'));
    const logs: string[] = [];
    const c = startCollector({ ...collectorTestOptions(devnet.url, url), log: (m) => logs.push(m) });
    await until(() => c.status().state === "error", "the collector to stop in error");
    await new Promise((r) => setTimeout(r, 1_000));
    expect(c.status().last_error).toMatch(/\(422\).*rows\.blocks\[0\]\.hash: must not contain NUL/);
    expect(answers.filter((a) => a.status === 422)).toHaveLength(1);
    expect(logs.some((l) => /error, stopped: .*rows\.blocks\[0\]\.hash/.test(l))).toBe(true);
    const report = (await (await health()).json()) as { collector: { state: string; lastError: string } };
    expect(report.collector.state).toBe("error");
    expect(report.collector.lastError).toContain("rows.blocks[0].hash");
    await c.stop();
  });
});
