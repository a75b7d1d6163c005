import { describe, expect, it } from "vitest";
import { parseServerEnv } from "@/lib/env";

describe("server environment", () => {
  it("needs no configuration: mainnet, embedded database, defaults filled in", () => {
    const env = parseServerEnv({});
    expect(env.ALLORA_NETWORK).toBe("mainnet");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.PGLITE_DATA_DIR).toBe(".data/pglite");
    expect(env.INDEXER_LAG_WARN_SECONDS).toBe(120);
    expect(env.COLLECTOR_STATE_EVERY_SECONDS).toBe(300);
  });

  it("treats an empty DATABASE_URL as unset rather than as a broken URL", () => {
    expect(parseServerEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names the variable and the reason when a value is wrong", () => {
    expect(() => parseServerEnv({ DATABASE_URL: "mysql://x" })).toThrow(/DATABASE_URL: must start with postgres:\/\//);
    expect(() => parseServerEnv({ ALLORA_NETWORK: "moonnet" })).toThrow(/ALLORA_NETWORK/);
    expect(() => parseServerEnv({ ALLORA_LCD_URL: "ftp://node" })).toThrow(/ALLORA_LCD_URL: must start with http/);
    expect(() => parseServerEnv({ INDEXER_LAG_WARN_SECONDS: "-5" })).toThrow(/INDEXER_LAG_WARN_SECONDS/);
    expect(() => parseServerEnv({ COLLECTOR_STATE_EVERY_SECONDS: "0" })).toThrow(/COLLECTOR_STATE_EVERY_SECONDS/);
  });

  it("reads the realized-price sources in order, with none meaning off", () => {
    expect(parseServerEnv({}).PRICE_SOURCES).toEqual(["coinbase", "coingecko"]);
    expect(parseServerEnv({ PRICE_SOURCES: "coingecko, coinbase" }).PRICE_SOURCES).toEqual(["coingecko", "coinbase"]);
    expect(parseServerEnv({ PRICE_SOURCES: "none" }).PRICE_SOURCES).toEqual([]);
    expect(() => parseServerEnv({ PRICE_SOURCES: "binance" })).toThrow(/PRICE_SOURCES/);
  });
});
