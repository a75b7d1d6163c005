// validator_rewards through the real ingest route: consecutive batches append to a bucket, and a row that repeats
// heights already summed (an overlap) adds nothing, so the sums stay exact.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import type { IngestBatch } from "@/lib/ingest/batch-schema";
import { postThroughRoute } from "../support/post-batch";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";

const TOKEN = "integration-test-token-0123456789";
process.env.INGEST_TOKEN = TOKEN;
const V = "allovaloper1validator000000000000000000000000";
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(() => db.dispose());

function batch(id: string, from: number, to: number, rewards: string, commission: string): IngestBatch {
  return {
    version: 1,
    batch_id: id,
    network: { chain_id: "allora-testnet-1", name: "Allora Testnet", kind: "testnet", simulated: false, emissions_version: "v10" },
    from_height: String(from),
    to_height: String(to),
    rows: {
      validator_rewards: [{ operator_address: V, bucket_height: "3001", from_height: String(from), to_height: String(to), blocks: to - from + 1, rewards, commission }],
    },
  };
}

const stored = async () =>
  (await db.prisma.validatorReward.findMany()).map((r) => [r.bucketHeight.toString(), r.fromHeight.toString(), r.toHeight.toString(), r.blocks, r.rewards.toFixed(), r.commission.toFixed()]);

describe(`validator reward buckets (${describeTestDatabase()})`, () => {
  it("appends later heights to a bucket exactly and ignores a row over heights it already holds", async () => {
    await postThroughRoute(batch("r:3001-3100", 3001, 3100, "100.000000000000000001", "10.000000000000000001"), TOKEN);
    await postThroughRoute(batch("r:3101-3200", 3101, 3200, "0.999999999999999999", "0.099999999999999999"), TOKEN);
    expect(await stored()).toEqual([["3001", "3001", "3200", 200, "101", "10.1"]]);
    // An overlap (heights 3101–3200 again, under another batch id) must not count them twice.
    await postThroughRoute(batch("r:3101-3200-again", 3101, 3200, "0.999999999999999999", "0.099999999999999999"), TOKEN);
    expect(await stored()).toEqual([["3001", "3001", "3200", 200, "101", "10.1"]]);
  });

  it("refuses a rewards amount that is not an exact decimal, naming the field", async () => {
    const { POST } = await import("@/app/api/ingest/route");
    const res = await POST(new Request("http://localhost/api/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(batch("r:bad", 3201, 3300, "1e5", "0")),
    }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues).toEqual([expect.objectContaining({ field: "rows.validator_rewards[0].rewards" })]);
    expect(await stored()).toEqual([["3001", "3001", "3200", 200, "101", "10.1"]]);
  });
});
