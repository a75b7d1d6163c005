import { describe, expect, it } from "vitest";

import type { GroundTruthSource, PriceSeriesResult } from "@/lib/allora/ground-truth";
import { BatchBuilder } from "@/lib/collector/batch-builder";
import { createGroundTruthFeed } from "@/lib/collector/ground-truth-rows";

const MIN = 60_000;
const T0 = Date.UTC(2026, 6, 1, 0, 0);

/** An outside price source that can be switched off, and remembers what it was asked. */
function switchableSource() {
  const asked: { asset: string; from: number; to: number }[] = [];
  let up = true;
  const source: GroundTruthSource = {
    id: "coinbase",
    async getPrices(asset, from, to): Promise<PriceSeriesResult> {
      asked.push({ asset, from, to });
      if (!up) return { status: "unavailable", source: "coinbase", asset, reason: "network after 2 attempt(s)" };
      const points = [];
      for (let t = Math.ceil(from / MIN) * MIN; t <= to; t += MIN) points.push({ t, open: null, high: null, low: null, close: `${asset === "BTC" ? 100 : 10}.${t / MIN % 100}` });
      return { status: "ok", source: "coinbase", asset, intervalSeconds: 60, points };
    },
  };
  return { source, asked, setUp: (value: boolean) => void (up = value) };
}

const series = (b: BatchBuilder) => (b.build().rows.ground_truth ?? []).map((r) => `${r.series}@${r.time}`);

describe("the ground-truth feed", () => {
  it("prices only the assets named by the topics", async () => {
    const s = switchableSource();
    let clock = T0;
    const feed = createGroundTruthFeed({ source: s.source, required: false, now: () => new Date(clock) });
    const empty = new BatchBuilder();
    await feed.add(empty, new Date(T0), new Date(T0 + 2 * MIN));
    expect(empty.count("ground_truth")).toBe(0);
    expect(s.asked).toHaveLength(0);

    feed.noteTopics(["BTC/USD - Log Returns - 8h", "BTC/USD - Volatility - 15m", "NEAR/USD - Log Returns - 8h", "garbage"]);
    expect(feed.assets()).toEqual(["BTC", "NEAR"]);
    const b = new BatchBuilder();
    clock = T0 + 3 * MIN;
    await feed.add(b, new Date(T0), new Date(T0 + 2 * MIN));
    expect(series(b)).toEqual([
      "BTC/USD@2026-07-01T00:00:00.000Z", "BTC/USD@2026-07-01T00:01:00.000Z", "BTC/USD@2026-07-01T00:02:00.000Z",
      "NEAR/USD@2026-07-01T00:00:00.000Z", "NEAR/USD@2026-07-01T00:01:00.000Z", "NEAR/USD@2026-07-01T00:02:00.000Z",
    ]);
    expect(b.build().rows.ground_truth?.[0]).toMatchObject({ source: "coinbase", value: "100.0" });
    expect(feed.report()).toEqual({ source: "coinbase", error: null, checked_at: "2026-07-01T00:03:00.000Z", ok_at: "2026-07-01T00:03:00.000Z" });
  });

  it("records an outage, leaves the source alone for a minute, then fills the gap", async () => {
    const s = switchableSource();
    let clock = T0;
    const feed = createGroundTruthFeed({ source: s.source, required: false, assets: ["BTC"], now: () => new Date(clock) });
    await feed.add(new BatchBuilder(), new Date(T0), new Date(T0 + MIN));

    s.setUp(false);
    clock = T0 + 2 * MIN;
    const during = new BatchBuilder();
    await feed.add(during, new Date(T0 + 2 * MIN), new Date(T0 + 3 * MIN));
    expect(during.count("ground_truth")).toBe(0);
    expect(feed.report()).toEqual({
      source: "coinbase",
      error: "BTC: network after 2 attempt(s)",
      checked_at: "2026-07-01T00:02:00.000Z",
      ok_at: "2026-07-01T00:00:00.000Z",
    });

    // Within the quiet minute the source is not asked at all.
    const asked = s.asked.length;
    clock = T0 + 2 * MIN + 30_000;
    await feed.add(new BatchBuilder(), new Date(T0 + 4 * MIN), new Date(T0 + 5 * MIN));
    expect(s.asked.length).toBe(asked);

    s.setUp(true);
    clock = T0 + 4 * MIN;
    const after = new BatchBuilder();
    await feed.add(after, new Date(T0 + 6 * MIN), new Date(T0 + 7 * MIN));
    // 00:02 to 00:07: the minutes missed during the outage come with this batch.
    expect(series(after)).toEqual([2, 3, 4, 5, 6, 7].map((m) => `BTC/USD@2026-07-01T00:0${m}:00.000Z`));
    expect(feed.report()).toMatchObject({ error: null, ok_at: "2026-07-01T00:04:00.000Z" });
  });

  it("starts each window right after the newest stored point, so nothing between two batches is skipped", async () => {
    const s = switchableSource();
    const feed = createGroundTruthFeed({ source: s.source, required: false, assets: ["BTC"] });
    await feed.add(new BatchBuilder(), new Date(T0), new Date(T0 + 2 * MIN + 30_000));
    const next = new BatchBuilder();
    // The next batch's first block is at 00:03:10; the 00:03 point must still come.
    await feed.add(next, new Date(T0 + 3 * MIN + 10_000), new Date(T0 + 4 * MIN));
    expect(s.asked.at(-1)).toEqual({ asset: "BTC", from: T0 + 2 * MIN + 1, to: T0 + 4 * MIN });
    expect(series(next)).toEqual(["BTC/USD@2026-07-01T00:03:00.000Z", "BTC/USD@2026-07-01T00:04:00.000Z"]);
  });

  it("fails the batch when the source is the simulated network's own market", async () => {
    const s = switchableSource();
    s.setUp(false);
    const feed = createGroundTruthFeed({ source: s.source, required: true, assets: ["ETH"] });
    await expect(feed.add(new BatchBuilder(), new Date(T0), new Date(T0 + MIN))).rejects.toThrow(/ground truth coinbase ETH: network/);
  });
});
