// A retry racing its original: identical new batches posted at the same moment. Exactly one is applied, the others
// answer `duplicate`, never 500, and the rows are written once. Meaningful on Postgres (concurrent transactions on
// a pool); PGlite runs them one after another.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { sampleBatch } from "../support/sample-batch";

const TOKEN = "concurrency-test-token-0123456789";
process.env.INGEST_TOKEN = TOKEN;
const { POST } = await import("@/app/api/ingest/route");

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(() => db.dispose());

const post = (text: string) =>
  POST(new Request("http://localhost/api/ingest", { method: "POST", headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" }, body: text }));

describe(`identical batches posted concurrently (${describeTestDatabase()})`, () => {
  it("applies one and answers duplicate to the rest, round after round", async () => {
    for (let round = 0; round < 12; round++) {
      const from = 1000 + round * 10;
      const batch = sampleBatch({
        batch_id: `race:${round}`,
        from_height: String(from),
        to_height: String(from + 2),
        cursor: { source: "blocks", height: String(from + 2), time: "2026-11-24T12:00:10Z" },
        collector: { id: "racing-collector", state: "catching_up" },
        rows: {
          blocks: [0, 1, 2].map((i) => ({ height: String(from + i), time: "2026-11-24T12:00:00Z", hash: null, tx_count: 0, event_count: i })),
          topic_rewards: [{ topic_id: "1", block_height: String(from), amount: `${round}.5` }],
        },
      });
      const text = JSON.stringify(batch);
      const copies = round % 2 ? 2 : 6;
      const responses = await Promise.all(Array.from({ length: copies }, () => post(text)));
      const bodies = await Promise.all(responses.map((r) => r.json() as Promise<{ status?: string }>));
      expect(responses.map((r) => r.status)).toEqual(Array(copies).fill(200));
      expect(bodies.map((b) => b.status).sort()).toEqual(["applied", ...Array(copies - 1).fill("duplicate")]);
    }
    expect(await db.prisma.block.count()).toBe(36);
    expect(await db.prisma.ingestBatch.count()).toBe(12);
    expect(await db.prisma.topicReward.count()).toBe(12);
  });
});
