import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

import { describe, expect, it } from "vitest";

import { createCoinGeckoPriceSource } from "@/lib/allora/ground-truth";
import { createCoinbasePriceSource, createFallbackPriceSource, createPublicPriceSource } from "@/lib/allora/price-sources";

import { fakeFetch, jsonResponse } from "./helpers";

const recorded = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../fixtures/prices/${name}`, import.meta.url), "utf8"));

const T0 = Date.UTC(2026, 6, 1, 0, 0);
const quick = { retries: 0, timeoutMs: 2_000 };

/** A port that was just listening and is now closed: connecting to it is refused, as to a source that is down. */
async function closedPortUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

describe("createCoinbasePriceSource", () => {
  it("reads recorded candles as exact decimals, oldest first, with OHLC in the right columns", async () => {
    const server = fakeFetch((url) => (url.pathname === "/products/BTC-USD/candles" ? jsonResponse(recorded("coinbase-candles-btc-usd.json")) : undefined));
    const result = await createCoinbasePriceSource({ fetch: server.fetch, ...quick }).getPrices("BTC", T0, T0 + 10 * 60_000);
    expect(result).toEqual({
      status: "ok",
      source: "coinbase",
      asset: "BTC",
      intervalSeconds: 60,
      points: [
        { t: T0 + 120_000, open: "117160.4", high: "117210", low: "117150.25", close: "117199.87" },
        { t: T0 + 180_000, open: "117199.87", high: "117240.99", low: "117180", close: "117230.12" },
        { t: T0 + 240_000, open: "117230.12", high: "117260.01", low: "117201.5", close: "117250.5" },
      ],
    });
    const url = new URL(server.calls[0]!.url);
    expect(url.origin).toBe("https://api.exchange.coinbase.com");
    expect(url.searchParams.get("granularity")).toBe("60");
    expect(url.searchParams.get("start")).toBe("2026-07-01T00:00:00.000Z");
    expect(server.calls[0]!.headers["user-agent"]).toBeTruthy();
  });

  it("leaves a candle that is still open for a later call", async () => {
    const server = fakeFetch(() => jsonResponse(recorded("coinbase-candles-btc-usd.json")));
    // 00:04:30: the 00:04 candle closes at 00:05.
    const source = createCoinbasePriceSource({ fetch: server.fetch, ...quick, now: () => T0 + 270_000 });
    const result = await source.getPrices("BTC", T0, T0 + 270_000);
    expect(result.status === "ok" && result.points.map((p) => p.t)).toEqual([T0 + 120_000, T0 + 180_000]);
  });

  it("asks in pieces of at most 300 candles for a long window", async () => {
    const server = fakeFetch(() => jsonResponse([]));
    const result = await createCoinbasePriceSource({ fetch: server.fetch, ...quick }).getPrices("ETH", T0, T0 + 12 * 3_600_000);
    expect(result.status).toBe("ok");
    // 12 h of minutes = 720 candles: 300 + 300 + 120 (and the closing minute).
    expect(server.calls).toHaveLength(3);
    for (const call of server.calls) {
      const u = new URL(call.url);
      const minutes = (Date.parse(u.searchParams.get("end")!) - Date.parse(u.searchParams.get("start")!)) / 60_000;
      expect(minutes).toBeLessThan(300);
    }
  });

  it("says why when the answer is not candles, and when the source is down", async () => {
    const wrong = fakeFetch(() => jsonResponse({ message: "NotFound" }));
    const bad = await createCoinbasePriceSource({ fetch: wrong.fetch, ...quick }).getPrices("XYZ", T0, T0 + 60_000);
    expect(bad).toMatchObject({ status: "unavailable", source: "coinbase", reason: expect.stringMatching(/unexpected response/) });

    const down = await createCoinbasePriceSource({ baseUrl: await closedPortUrl(), ...quick }).getPrices("BTC", T0, T0 + 60_000);
    expect(down).toMatchObject({ status: "unavailable", source: "coinbase", reason: expect.stringMatching(/network after 1 attempt/) });

    const refused = fakeFetch(() => jsonResponse({ message: "Unavailable For Legal Reasons" }, 451));
    const legal = await createCoinbasePriceSource({ fetch: refused.fetch, ...quick }).getPrices("BTC", T0, T0 + 60_000);
    expect(legal).toMatchObject({ status: "unavailable", reason: "HTTP 451 after 1 attempt(s)" });
  });
});

describe("createCoinGeckoPriceSource on a recorded response", () => {
  it("keeps every digit JSON carries and no OHLC", async () => {
    const server = fakeFetch(() => jsonResponse(recorded("coingecko-market-chart-range-eth.json")));
    const result = await createCoinGeckoPriceSource({ fetch: server.fetch, ...quick }).getPrices("ETH", T0, T0 + 15 * 60_000);
    expect(result.status === "ok" && result.points.map((p) => [p.t, p.close, p.high])).toEqual([
      [1782864000123, "2611.01109296", null],
      [1782864300456, "2605.53387918508", null],
      [1782864600789, "0.00000123", null],
    ]);
  });
});

describe("createFallbackPriceSource", () => {
  it("answers from the second source when the first is down, under the second's name", async () => {
    const gecko = fakeFetch(() => jsonResponse(recorded("coingecko-market-chart-range-eth.json")));
    const source = createFallbackPriceSource([
      createCoinbasePriceSource({ baseUrl: await closedPortUrl(), ...quick }),
      createCoinGeckoPriceSource({ fetch: gecko.fetch, ...quick }),
    ]);
    expect(source.id).toBe("coinbase+coingecko");
    const result = await source.getPrices("ETH", T0, T0 + 15 * 60_000);
    expect(result).toMatchObject({ status: "ok", source: "coingecko" });
  });

  it("names every source and its reason when none answers", async () => {
    const url = await closedPortUrl();
    const source = createPublicPriceSource(["coinbase", "coingecko"], quick)!;
    const down = createFallbackPriceSource([
      createCoinbasePriceSource({ baseUrl: url, ...quick }),
      createCoinGeckoPriceSource({ baseUrl: url, ...quick }),
    ]);
    expect(source.id).toBe("coinbase+coingecko");
    const result = await down.getPrices("BTC", T0, T0 + 60_000);
    expect(result.status).toBe("unavailable");
    expect(result.status === "unavailable" && result.reason).toMatch(/^coinbase: network after 1 attempt\(s\); coingecko: network after 1 attempt\(s\)$/);
  });

  it("is off when no source is configured", () => {
    expect(createPublicPriceSource([])).toBeUndefined();
    expect(createPublicPriceSource(["coingecko"])?.id).toBe("coingecko");
  });
});
