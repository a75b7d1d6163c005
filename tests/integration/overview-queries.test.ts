// Overview queries on a hand-computed fixture posted through the real ingest route (tests/support/forecast-fixture.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { forecastFixtureBatch, W1 } from "../support/forecast-fixture";
import { postThroughRoute } from "../support/post-batch";

const TOKEN = "integration-test-token-0123456789";
process.env.INGEST_TOKEN = TOKEN;
process.env.ALLORA_NETWORK = "testnet";
const { getOverviewTopics, moveInSigmas } = await import("@/lib/queries/overview-topics");
const { getTokenomics } = await import("@/lib/queries/tokenomics");
const { getTopicDirectory } = await import("@/lib/queries/topic-directory");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(() => db.dispose());

describe(`overview queries (${describeTestDatabase()})`, () => {
  it("answers empty before anything is indexed", async () => {
    expect(await getOverviewTopics()).toEqual({ asOfHeight: null, topics: [] });
    expect(await getTokenomics()).toBeNull();
  });

  it("lists active topics with their latest value, a 24 h sparkline and the 7-day edge", async () => {
    await postThroughRoute(forecastFixtureBatch(), TOKEN);
    const { asOfHeight, topics } = await getOverviewTopics();
    expect(asOfHeight).toBe("400");
    // Topic 3 is inactive.
    expect(topics.map((t) => t.topicId)).toEqual(["1", "2"]);
    const [btc, eth] = topics;
    expect(btc).toMatchObject({
      label: "y",
      latestValue: "12.000000000000000000000001",
      latestNonce: "390",
      meta: { asset: "BTC", category: "log-return", horizons: [{ label: "8h", seconds: 28_800 }] },
    });
    // Blocks 300..400 in 48 buckets: 310, 330 and 350 alone, 399 and 400 share the last bucket (13 and 12 → 12.5);
    // block 250 is older than a day.
    expect(btc!.sparkline).toEqual([
      { height: "310", value: 10 },
      { height: "330", value: 11 },
      { height: "350", value: 14 },
      { height: "400", value: 12.5 },
    ]);
    // mean 11.875, sample sd sqrt(9.1875 / 3) = 1.75, move (12.5 − 10) / 1.75.
    expect(btc!.moveSigma).toBeCloseTo(2.5 / 1.75, 12);
    // Three bundles in the 7 days (epoch 90 is older): network 2, 2, 2; naive 4, 2, 6.
    // Inferers: W1 1, 3, 3 (mean 7/3), W2 3, 3 (mean 3) → W1 is the best.
    expect(btc!.edge).toMatchObject({ topicId: "1", epochs: 3, bestWorker: W1, winShareVsNaive: 2 / 3, winShareVsBest: 2 / 3 });
    expect(Number(btc!.edge!.edgeVsNaive)).toBeCloseTo(0.5, 15); // 1 − 2/4
    expect(Number(btc!.edge!.edgeVsBest)).toBeCloseTo(1 / 7, 15); // 1 − 2/(7/3)
    // Two bundles only: warming up, no edge, no winner.
    expect(eth!.edge).toMatchObject({ epochs: 2, edgeVsNaive: null, edgeVsBest: null, winShareVsNaive: null, bestWorker: null });
    expect(eth!.sparkline).toEqual([{ height: "400", value: 2611.01109296 }]);
    expect(eth!.moveSigma).toBeNull();
  });

  it("reads the tokenomics panel from the latest mint snapshot, the bonded set and reputer stake", async () => {
    expect(await getTokenomics()).toEqual({
      maxSupply: { value: "10000000000000000000000000000", asOfHeight: "399" },
      circulatingSupply: { value: "1000000000000000000000000000", asOfHeight: "399" },
      emissionPerMonth: { value: "3065542181034567890123456", asOfHeight: "399" },
      // Only the bonded validator counts; its row is as of 330.
      bondedTokens: { value: "250000000000000000000000000", asOfHeight: "330" },
      bondedShare: { value: "0.250000000000000000", asOfHeight: "330" },
      // The latest row of the one position: 1,000 + 500 ALLO.
      reputerStake: { value: "1500000000000000000000", asOfHeight: "400" },
      inflation: { value: "0.123456789012345678", asOfHeight: "399" },
      reputersPercent: { value: "0.75", asOfHeight: "399" },
      validatorsPercent: { value: "0.25", asOfHeight: "399" },
    });
  });

  it("lists every topic in the directory with counts of current registrations and the same 7-day edge", async () => {
    const { asOfHeight, topics } = await getTopicDirectory();
    expect(asOfHeight).toBe("400");
    expect(topics.map(({ edge, ...rest }) => ({ ...rest, epochs: edge?.epochs ?? null }))).toEqual([
      {
        topicId: "1", metadata: "BTC/USD - Log Returns - 8h", category: "log-return", asset: "BTC", horizon: "8h", horizonSeconds: 28_800,
        epochLength: "75", lossMethod: "czar", isActive: true, topicStake: "2500000000000000000000", workers: 2, reputers: 1,
        latestValue: "12.000000000000000000000001", latestLabel: "y", epochs: 3,
      },
      {
        // W2 left topic 2 at block 300: one worker.
        topicId: "2", metadata: "ETH/USD - Price Prediction - 8h", category: "price", asset: "ETH", horizon: "8h", horizonSeconds: 28_800,
        epochLength: "60", lossMethod: "mse", isActive: true, topicStake: "1000000000000000000", workers: 1, reputers: 0,
        latestValue: "2611.01109296", latestLabel: "y", epochs: 2,
      },
      {
        topicId: "3", metadata: "SOL/USD - Volatility - 15m", category: "volatility", asset: "SOL", horizon: "15m", horizonSeconds: 900,
        epochLength: "60", lossMethod: "mse", isActive: false, topicStake: null, workers: 0, reputers: 0,
        latestValue: null, latestLabel: null, epochs: null,
      },
    ]);
    expect(Number(topics[0]!.edge!.edgeVsBest)).toBeCloseTo(1 / 7, 15);
  });

  it("moveInSigmas needs four points and some spread", () => {
    expect(moveInSigmas([1, 2, 3])).toBeNull();
    expect(moveInSigmas([5, 5, 5, 5])).toBeNull();
    expect(moveInSigmas([1, 2, 3, 4])).toBeCloseTo(3 / Math.sqrt(5 / 3), 12);
  });
});
