// Realized-price status as the chart area reads it: collector reports go through the real ingest route, and
// getRealizedPriceStatus says what to show.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";

const TOKEN = "integration-test-token-0123456789";
process.env.INGEST_TOKEN = TOKEN;
process.env.ALLORA_NETWORK = "testnet";
const { POST } = await import("@/app/api/ingest/route");
const { getRealizedPriceStatus } = await import("@/lib/queries/ground-truth-status");

const NETWORK = { chain_id: "allora-testnet-1", name: "Allora Testnet", kind: "testnet", simulated: false, emissions_version: "v10" };
let db: TestDatabase;
let n = 0;

async function post(collector: Record<string, unknown>, rows: Record<string, unknown[]> = {}) {
  const res = await POST(
    new Request("http://localhost/api/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify({
        version: 1,
        batch_id: `status-${++n}`,
        network: NETWORK,
        collector: { id: "collector-a", state: "running", last_error: null, chain_height: "500", chain_time: "2026-11-24T12:00:00Z", ...collector },
        rows,
      }),
    }),
  );
  expect(res.status, await res.clone().text()).toBe(200);
}

const price = (source: string, time: string) => ({ source, series: "BTC/USD", time, value: "117250.5", high: "117260.01", low: "117201.5" });

beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(() => db.dispose());
beforeEach(async () => {
  await db.prisma.$executeRawUnsafe(`TRUNCATE ground_truth, ingest_batches, ingest_cursors, collector_state, networks CASCADE`);
});

describe(`getRealizedPriceStatus (${describeTestDatabase()})`, () => {
  it("says nothing is indexed before the collector has reported", async () => {
    expect(await getRealizedPriceStatus("BTC")).toMatchObject({ state: "not-configured", message: "no realized prices: nothing indexed yet" });
  });

  it("says no source is configured when the collector reports none", async () => {
    await post({});
    expect(await getRealizedPriceStatus("BTC")).toMatchObject({ state: "not-configured", source: null, message: "no realized prices: no price source is configured" });
  });

  it("names the unreachable source, for the asset that failed only", async () => {
    await post({
      price_source: {
        source: "coinbase+coingecko",
        error: "BTC: coinbase: network after 2 attempt(s); coingecko: HTTP 429 after 2 attempt(s)",
        checked_at: "2026-11-24T12:00:01Z",
        ok_at: null,
      },
    });
    const btc = await getRealizedPriceStatus("BTC");
    expect(btc).toEqual({
      state: "unreachable",
      series: "BTC/USD",
      source: "coinbase+coingecko",
      simulated: false,
      message: "no realized prices: sources coinbase and coingecko unreachable",
      detail: "coinbase: network after 2 attempt(s); coingecko: HTTP 429 after 2 attempt(s)",
      latestPriceTime: null,
      checkedAt: "2026-11-24T12:00:01.000Z",
    });
    expect(await getRealizedPriceStatus("ETH")).toMatchObject({ state: "no-data", message: "no realized prices for ETH/USD yet from sources coinbase and coingecko" });
    expect(await getRealizedPriceStatus(null)).toMatchObject({ state: "no-asset" });
  });

  it("is ok once prices are stored, and a report made before any attempt keeps the last outcome", async () => {
    const report = { source: "coinbase", error: null, checked_at: "2026-11-24T12:00:01Z", ok_at: "2026-11-24T12:00:01Z" };
    await post({ price_source: report }, { ground_truth: [price("coinbase", "2026-11-24T11:59:00Z"), price("coingecko", "2026-11-24T12:30:00Z")] });
    // A heartbeat whose feed has not asked yet (checked_at null) must not wipe an error or the last success.
    await post({ price_source: { source: "coinbase", error: null, checked_at: null, ok_at: null } });
    const status = await getRealizedPriceStatus("btc");
    // Only the configured source's rows count: the coingecko row is from another configuration.
    expect(status).toMatchObject({ state: "ok", source: "coinbase", message: null, latestPriceTime: "2026-11-24T11:59:00.000Z", checkedAt: "2026-11-24T12:00:01.000Z" });

    await post({ price_source: { source: "coinbase", error: "BTC: HTTP 503 after 2 attempt(s)", checked_at: "2026-11-24T12:01:00Z", ok_at: null } });
    await post({ price_source: { source: "coinbase", error: null, checked_at: null, ok_at: null } });
    const [row] = await db.prisma.$queryRaw<{ error: string | null; ok: Date | null }[]>`SELECT price_source_error AS error, price_source_ok_at AS ok FROM collector_state`;
    expect(row).toEqual({ error: "BTC: HTTP 503 after 2 attempt(s)", ok: new Date("2026-11-24T12:00:01Z") });
    // Prices stored before the outage stay visible; the chart area also says why newer ones are missing.
    expect(await getRealizedPriceStatus("BTC")).toMatchObject({
      state: "unreachable", message: "no realized prices: source coinbase unreachable", detail: "HTTP 503 after 2 attempt(s)", latestPriceTime: "2026-11-24T11:59:00.000Z",
    });
  });

  it("refuses a malformed report naming the field", async () => {
    const res = await POST(
      new Request("http://localhost/api/ingest", {
        method: "POST",
        headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
        body: JSON.stringify({ version: 1, batch_id: "bad", network: NETWORK, collector: { id: "c", state: "running", price_source: { source: "x", error: 5, checked_at: null, ok_at: null } }, rows: {} }),
      }),
    );
    expect(res.status).toBe(422);
    expect(JSON.stringify(await res.json())).toContain("collector.price_source.error");
  });
});
