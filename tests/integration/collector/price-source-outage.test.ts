// A public price source that cannot be reached: the chain is still indexed in full, no price is invented, and the
// outage is recorded through the ingest route so the chart area can name the source.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { createCoinbasePriceSource } from "@/lib/allora/price-sources";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";
import { startPipeline } from "../../support/collector-harness";

process.env.ALLORA_NETWORK = "devnet";
const { getRealizedPriceStatus } = await import("@/lib/queries/ground-truth-status");
const { getHealth } = await import("@/lib/queries/health");

const HEIGHT = 600;
let db: TestDatabase;
let pipeline: Awaited<ReturnType<typeof startPipeline>>;

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  pipeline = await startPipeline({ seed: 5, historyBlocks: HEIGHT });
});
afterAll(async () => {
  await pipeline?.close();
  await db?.dispose();
});

describe(`collector with an unreachable price source (${describeTestDatabase()})`, () => {
  it("indexes every block, stores no price and records which source failed for which asset", { timeout: 120_000 }, async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise<void>((resolve) => closed.close(() => resolve()));

    // No assets given: the feed learns them from the topic names. The devnet's SOL topic is created at block 25,921,
    // so by block 600 only BTC and ETH are priced.
    const source = createCoinbasePriceSource({ baseUrl: `http://127.0.0.1:${port}`, retries: 0, timeoutMs: 2_000 });
    const c = pipeline.collector({ groundTruth: { required: false, source } });
    await pipeline.untilIndexed(c, BigInt(HEIGHT));
    await c.stop();

    expect(await db.prisma.block.count()).toBe(HEIGHT);
    expect(await db.prisma.groundTruth.count()).toBe(0);
    const state = await db.prisma.collectorState.findFirstOrThrow();
    expect(state.priceSource).toBe("coinbase");
    expect(state.priceSourceError).toBe(
      ["BTC", "ETH"].map((a) => `${a}: network after 1 attempt(s)`).join(" | "),
    );
    expect(state.priceSourceOkAt).toBeNull();

    const status = await getRealizedPriceStatus("ETH");
    expect(status).toMatchObject({
      state: "unreachable",
      source: "coinbase",
      simulated: true,
      message: "no realized prices: source coinbase unreachable",
      detail: "network after 1 attempt(s)",
      latestPriceTime: null,
    });
    expect(await getRealizedPriceStatus("SOL")).toMatchObject({ state: "no-data" });
    expect((await getHealth()).priceSource).toMatchObject({ source: "coinbase", reachable: false, lastError: state.priceSourceError });
  });
});
