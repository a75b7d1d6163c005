// The worker page's query on the hand-computed fixture posted through the real ingest route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { forecastFixtureBatch, R1, W1, W2 } from "../support/forecast-fixture";
import { postThroughRoute } from "../support/post-batch";

const TOKEN = "integration-test-token-0123456789";
process.env.INGEST_TOKEN = TOKEN;
process.env.ALLORA_NETWORK = "testnet";
const { getWorker, isWorkerAddress } = await import("@/lib/queries/worker");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  await postThroughRoute(forecastFixtureBatch(), TOKEN);
});
afterAll(() => db.dispose());

describe(`getWorker (${describeTestDatabase()})`, () => {
  it("gives each topic's registration, latest EMA scores, exact rewards and 7-day inclusion", async () => {
    const worker = await getWorker(W1);
    expect(worker).toMatchObject({ address: W1, firstSeenHeight: "100", lastSeenHeight: "400", isReputer: false, asOfHeight: "400" });
    expect(worker!.topics).toEqual([
      {
        topicId: "1", metadata: "BTC/USD - Log Returns - 8h", registeredHeight: "100", registered: true,
        // The instant score (9) is not an EMA score.
        infererScore: { value: "0.75", height: "400" }, forecasterScore: null,
        // 1 ALLO + half a uallo, then 2 ALLO; the reputer's reward is not a worker's.
        rewardsTotal: "3000000000000000000.5", rewardsWeek: "3000000000000000000.5",
        // Nonces from block 200: 240, 300, 320, 340, 389, 390; W1 is in 300, 320 and 390.
        includedEpochs: 3, topicEpochs: 6,
      },
      {
        topicId: "2", metadata: "ETH/USD - Price Prediction - 8h", registeredHeight: "150", registered: true,
        infererScore: { value: "-0.000000000000000000000000000000000017", height: "400" }, forecasterScore: null,
        rewardsTotal: "3", rewardsWeek: "3", includedEpochs: 1, topicEpochs: 1,
      },
    ]);
    expect(worker!.scores).toEqual([
      { topicId: "1", actorType: "inferer", points: [{ height: "310", value: 0.5 }, { height: "400", value: 0.75 }] },
      { topicId: "2", actorType: "inferer", points: [{ height: "400", value: -1.7e-35 }] },
    ]);
  });

  it("marks a worker that left a topic as not registered", async () => {
    const worker = await getWorker(W2);
    expect(worker!.topics.map((t) => [t.topicId, t.registered, t.includedEpochs])).toEqual([["1", true, 1], ["2", false, 0]]);
  });

  it("answers null for malformed, unknown and non-worker addresses", async () => {
    for (const bad of ["", "allo1short", "cosmos102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn", `${W1}'; DROP TABLE actors; --`, W1.toUpperCase(), "allo1" + "b".repeat(38)]) {
      expect(isWorkerAddress(bad)).toBe(false);
      expect(await getWorker(bad)).toBeNull();
    }
    expect(await getWorker("allo1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqas6usy")).toBeNull();
    expect(await getWorker(R1)).toBeNull();
  });
});
