import { describe, expect, it } from "vitest";

import { createCoinGeckoPriceSource, createDevnetMarketSource, numberToDec } from "@/lib/allora/ground-truth";

import { fakeFetch, jsonResponse, recordingSleep } from "./helpers";

const FROM = Date.UTC(2026, 6, 1, 0, 0);
const TO = Date.UTC(2026, 6, 1, 0, 10);

describe("createCoinGeckoPriceSource", () => {
  it("returns spot prices as decimals with OHLC left empty, within the window", async () => {
    const server = fakeFetch((url) =>
      url.pathname === "/api/v3/coins/bitcoin/market_chart/range"
        ? jsonResponse({
            prices: [
              [FROM - 60_000, 100.5],
              [FROM + 60_000, 117234.12],
              [FROM + 360_000, 117250.5],
            ],
          })
        : undefined,
    );
    const source = createCoinGeckoPriceSource({ fetch: server.fetch });
    const result = await source.getPrices("BTC", FROM, TO);
    expect(result).toEqual({
      status: "ok",
      source: "coingecko",
      asset: "BTC",
      intervalSeconds: null,
      points: [
        { t: FROM + 60_000, open: null, high: null, low: null, close: "117234.12" },
        { t: FROM + 360_000, open: null, high: null, low: null, close: "117250.5" },
      ],
    });
    const url = new URL(server.calls[0]?.url ?? "");
    expect(url.searchParams.get("from")).toBe(String(FROM / 1000));
    expect(url.searchParams.get("vs_currency")).toBe("usd");
  });

  it("reports `unavailable` with a reason when the API is unreachable, never numbers", async () => {
    const fetch = async (): Promise<Response> => {
      throw new TypeError("getaddrinfo ENOTFOUND api.coingecko.com");
    };
    const { sleep } = recordingSleep();
    const result = await createCoinGeckoPriceSource({ fetch, sleep, retries: 2 }).getPrices("ETH", FROM, TO);
    expect(result).toEqual({
      status: "unavailable",
      source: "coingecko",
      asset: "ETH",
      reason: "network after 3 attempt(s)",
    });
  });

  it("reports `unavailable` for rate limits and unsupported assets", async () => {
    const limited = fakeFetch(() => jsonResponse({ status: { error_code: 429 } }, 429));
    const { sleep } = recordingSleep();
    const source = createCoinGeckoPriceSource({ fetch: limited.fetch, sleep, retries: 1 });
    expect(await source.getPrices("BTC", FROM, TO)).toMatchObject({
      status: "unavailable",
      reason: "HTTP 429 after 2 attempt(s)",
    });
    expect(await source.getPrices("DOGE", FROM, TO)).toMatchObject({
      status: "unavailable",
      reason: "asset DOGE is not supported",
    });
  });

  it("reports `unavailable` for a malformed payload", async () => {
    const server = fakeFetch(() => jsonResponse({ prices: [["x", 1]] }));
    const result = await createCoinGeckoPriceSource({ fetch: server.fetch }).getPrices("BTC", FROM, TO);
    expect(result).toMatchObject({ status: "unavailable" });
    expect(result.status === "unavailable" && result.reason).toMatch(/unexpected response: prices\.0\.0/);
  });
});

describe("the devnet market source (createHttpPriceSource with the OHLC candle shape)", () => {
  it("plugs in with a path builder and keeps decimal strings exact", async () => {
    const server = fakeFetch((url) =>
      url.pathname === "/market/ETH/ohlc"
        ? jsonResponse({
            asset: "ETH",
            interval_seconds: 60,
            candles: [{ t: FROM, open: "3365.4852080279590001", high: "3370", low: "3360.1", close: "3366.25" }],
          })
        : undefined,
    );
    const source = createDevnetMarketSource({ baseUrl: "http://devnet.local", fetch: server.fetch });
    const result = await source.getPrices("ETH", FROM, TO);
    expect(result).toMatchObject({ status: "ok", intervalSeconds: 60 });
    expect(result.status === "ok" && result.points[0]).toEqual({
      t: FROM,
      open: "3365.4852080279590001",
      high: "3370",
      low: "3360.1",
      close: "3366.25",
    });
  });

  it("rejects an inverted time range as a programming error", async () => {
    const source = createCoinGeckoPriceSource({ fetch: fakeFetch(() => undefined).fetch });
    await expect(source.getPrices("BTC", TO, FROM)).rejects.toThrow(RangeError);
  });
});

describe("numberToDec", () => {
  it("renders floats without exponent notation", () => {
    expect(numberToDec(117234.12)).toBe("117234.12");
    expect(numberToDec(1e-7)).toBe("0.0000001");
    expect(numberToDec(-2.5e-8)).toBe("-0.000000025");
    expect(numberToDec(1.5e21)).toBe("1500000000000000000000");
    expect(() => numberToDec(Number.NaN)).toThrow(RangeError);
  });
});
