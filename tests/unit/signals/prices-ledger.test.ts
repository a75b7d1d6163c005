import { describe, expect, it } from "vitest";
import { coversTime, knownPriceIndex } from "@/lib/signals/prices";
import { realizedReturnBps, scoreRows } from "@/lib/signals/ledger";
import { parseTopicMetadata } from "@/lib/forecast/topic-meta";
import { horizonOfLabel } from "@/lib/signals/topic-horizon";

// Candles start at 0, 60, 120, 180 s: a close is known only once the next candle has started.
const times = [0, 60_000, 120_000, 180_000];
const prices = { source: "devnet", series: "BTC/USD", times, values: ["100", "101", "102.5", "99"] };

describe("prices known at a time", () => {
  it("are the close of the latest candle that had ended", () => {
    expect(knownPriceIndex(times, 59_999)).toBe(-1);
    expect(knownPriceIndex(times, 60_000)).toBe(0);
    expect(knownPriceIndex(times, 150_000)).toBe(1);
    expect(knownPriceIndex(times, 10_000_000)).toBe(2);
    expect(coversTime(times, 180_000)).toBe(true);
    expect(coversTime(times, 180_001)).toBe(false);
  });
});

describe("scores", () => {
  it("are the exact realized return over the horizon, only once the series has reached its end", () => {
    expect(realizedReturnBps("100", "102.5")).toBe("250");
    expect(realizedReturnBps("3", "2")).toBe("-3333.333333");
    // Published at 60 s with a 60 s horizon: due at 120 s, when the close of the candle that started at 60 s is known.
    const base = { topicId: "1", label: "y", strategy: "threshold", referenceValue: "100", horizonSeconds: 60 };
    const rows = scoreRows(
      [
        { ...base, publishedHeight: "10", publishedAt: 60_000 },
        { ...base, publishedHeight: "11", publishedAt: 150_000 },
      ],
      prices,
    );
    expect(rows).toEqual([
      { topic_id: "1", label: "y", strategy: "threshold", published_height: "10", realized_value: "101", return_bps: "100", scored_at: "1970-01-01T00:02:00.000Z" },
    ]);
  });
});

describe("the horizon of a label", () => {
  it("reads asset, category and the horizon of each label", () => {
    const multi = parseTopicMetadata("BTC/USD - Log Returns - Multi-horizon (20m, 1h, 4h)");
    expect(multi).toMatchObject({ asset: "BTC", quote: "USD", category: "log-return" });
    expect(horizonOfLabel(multi, "1h")).toEqual({ label: "1h", seconds: 3600 });
    expect(horizonOfLabel(multi, "y")).toBeNull();
    const price = parseTopicMetadata("ETH/USD - Price Prediction - 8h");
    expect(price.category).toBe("price");
    expect(horizonOfLabel(price, "y")).toEqual({ label: "8h", seconds: 28_800 });
    expect(parseTopicMetadata("BTC/USD - Volatility - 15m").category).toBe("volatility");
  });
});
