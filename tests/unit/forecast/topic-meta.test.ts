import { readFileSync } from "node:fs";

import { describe, expect, it } from "vitest";

import { BLOCK_SECONDS, TOPIC_CATALOGUE } from "@/lib/devnet/config";
import { parseTopicMetadata, type TopicMetadata } from "@/lib/forecast/topic-meta";

interface NamedTopic {
  network: string;
  id: number | null;
  metadata: string;
  docs_category: string | null;
}

const fixture = JSON.parse(
  readFileSync(new URL("../../fixtures/allora/topic-names.json", import.meta.url), "utf8"),
) as { topics: NamedTopic[] };

const H = 3600;
const M = 60;

// Written out by hand for every real name, so a parsing change that breaks one shows which.
const EXPECTED: Record<string, TopicMetadata> = {
  "PLAYGROUND: 1 day BTC/USD Price Prediction": { asset: "BTC", quote: "USD", category: "price", horizons: [{ label: "1d", seconds: 86400 }] },
  "ETH 10min Prediction": { asset: "ETH", quote: null, category: "price", horizons: [{ label: "10m", seconds: 10 * M }] },
  "BTC/USD - Log Returns - 8h": { asset: "BTC", quote: "USD", category: "log-return", horizons: [{ label: "8h", seconds: 8 * H }] },
  "ETH/USD - Log Returns - 8h": { asset: "ETH", quote: "USD", category: "log-return", horizons: [{ label: "8h", seconds: 8 * H }] },
  "SOL/USD - Log Returns - 8h": { asset: "SOL", quote: "USD", category: "log-return", horizons: [{ label: "8h", seconds: 8 * H }] },
  "ETH/USD - Price Prediction - 8h": { asset: "ETH", quote: "USD", category: "price", horizons: [{ label: "8h", seconds: 8 * H }] },
  "SOL/USD - Price Prediction - 8h": { asset: "SOL", quote: "USD", category: "price", horizons: [{ label: "8h", seconds: 8 * H }] },
  "BTC/USD - Price Prediction - 8h": { asset: "BTC", quote: "USD", category: "price", horizons: [{ label: "8h", seconds: 8 * H }] },
  "BTC/USD - Log Returns - 24h": { asset: "BTC", quote: "USD", category: "log-return", horizons: [{ label: "24h", seconds: 24 * H }] },
  "ETH/USD - Log Returns - 24h": { asset: "ETH", quote: "USD", category: "log-return", horizons: [{ label: "24h", seconds: 24 * H }] },
  "SOL/USD - Log Returns - 24h": { asset: "SOL", quote: "USD", category: "log-return", horizons: [{ label: "24h", seconds: 24 * H }] },
  "BTC/USD - Log Returns - 20m": { asset: "BTC", quote: "USD", category: "log-return", horizons: [{ label: "20m", seconds: 20 * M }] },
  "NEAR/USD - Log Returns - 8h": { asset: "NEAR", quote: "USD", category: "log-return", horizons: [{ label: "8h", seconds: 8 * H }] },
  "BTC/USD - Volatility - 15m": { asset: "BTC", quote: "USD", category: "volatility", horizons: [{ label: "15m", seconds: 15 * M }] },
  "ETH/USD - Volatility - 15m": { asset: "ETH", quote: "USD", category: "volatility", horizons: [{ label: "15m", seconds: 15 * M }] },
  "XRP/USD - Volatility - 15m": { asset: "XRP", quote: "USD", category: "volatility", horizons: [{ label: "15m", seconds: 15 * M }] },
  "SOL/USD - Volatility - 15m": { asset: "SOL", quote: "USD", category: "volatility", horizons: [{ label: "15m", seconds: 15 * M }] },
};

describe("parseTopicMetadata on the real topic names", () => {
  it("covers every name of the fixture with a hand-written expectation", () => {
    expect(fixture.topics.length).toBe(18);
    for (const topic of fixture.topics) expect(Object.keys(EXPECTED)).toContain(topic.metadata);
  });

  it.each(fixture.topics.map((t) => [t.network, t.id, t.metadata] as const))("%s topic %s: %s", (_network, _id, metadata) => {
    expect(parseTopicMetadata(metadata)).toEqual(EXPECTED[metadata]);
  });

  it("agrees with the docs' own category where the docs give one", () => {
    for (const topic of fixture.topics.filter((t) => t.docs_category !== null))
      expect(parseTopicMetadata(topic.metadata).category).toBe(topic.docs_category);
  });
});

describe("parseTopicMetadata on the devnet catalogue", () => {
  it.each(TOPIC_CATALOGUE.map((t) => [t.metadata, t] as const))("%s", (metadata, spec) => {
    const parsed = parseTopicMetadata(metadata);
    expect(parsed.asset).toBe(spec.asset);
    expect(parsed.quote).toBe("USD");
    expect(parsed.category).toBe(spec.target);
    // The devnet's label horizons are in blocks; the name states them in time.
    expect(parsed.horizons.map((h) => h.seconds)).toEqual(spec.labels.map((l) => l.horizonBlocks * BLOCK_SECONDS));
  });

  it("reads the three horizons of the multi-horizon name in order", () => {
    expect(parseTopicMetadata("BTC/USD - Log Returns - Multi-horizon (20m, 1h, 4h)").horizons).toEqual([
      { label: "20m", seconds: 20 * M },
      { label: "1h", seconds: H },
      { label: "4h", seconds: 4 * H },
    ]);
  });
});

describe("parseTopicMetadata on other spellings and garbage", () => {
  it("reads spelled-out units and other quote currencies", () => {
    expect(parseTopicMetadata("ETH-USDT 24 hours forecast")).toEqual({
      asset: "ETH", quote: "USDT", category: "price", horizons: [{ label: "24h", seconds: 24 * H }],
    });
    expect(parseTopicMetadata("ETH 5min Volatility Prediction")).toMatchObject({ asset: "ETH", category: "volatility" });
    expect(parseTopicMetadata("BTC 1 week Log-Return").horizons).toEqual([{ label: "1w", seconds: 604800 }]);
  });

  it("does not count the same horizon twice", () => {
    expect(parseTopicMetadata("BTC/USD 60m / 1h").horizons).toEqual([{ label: "60m", seconds: H }]);
  });

  it.each([
    [""],
    ["   "],
    ["hello world"],
    ["!!!///---"],
    ["\u0000\u0001 😀"],
    ["12345"],
  ])("answers nothing for %j", (metadata) => {
    expect(parseTopicMetadata(metadata)).toEqual({ asset: null, quote: null, category: "other", horizons: [] });
  });

  it("never treats filler words, units or a bare quote as the asset", () => {
    expect(parseTopicMetadata("PLAYGROUND: test topic").asset).toBeNull();
    expect(parseTopicMetadata("USD 8h").asset).toBeNull();
    expect(parseTopicMetadata("Returns - Multi 8h").asset).toBeNull();
  });

  it("survives a non-string at run time and very long input", () => {
    expect(parseTopicMetadata(42 as unknown as string).category).toBe("other");
    const long = `${"x".repeat(100_000)} BTC/USD 8h`;
    expect(parseTopicMetadata(long).asset).toBeNull();
  });
});
