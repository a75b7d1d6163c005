import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumOf, ingestBatch, parseBatch } from "@/lib/ingest/ingest-batch";
import type { IngestBatch } from "@/lib/ingest/batch-schema";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { D1, R1, sampleBatch, W1 } from "../support/sample-batch";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.dispose());

async function apply(id: string, rows: IngestBatch["rows"], updates?: IngestBatch["updates"]) {
  const batch = parseBatch({ ...sampleBatch(), batch_id: id, rows, updates, cursor: undefined });
  return ingestBatch(db, batch, checksumOf(JSON.stringify(batch)));
}

const removal = (requested: string, amount: string) => ({
  topic_id: "1", reputer: R1, delegator: D1, requested_height: requested, amount, completion_height: String(Number(requested) + 100), status: "pending",
  cancelled_height: null, completed_height: null,
});

describe(`stake removal and registration transitions (${describeTestDatabase()})`, () => {
  it("follows a removal through request, cancel, a replacing request and completion, in height order", async () => {
    await apply("r1", { stake_removals: [removal("10", "5")] });
    await apply("r2", { stake_removals: [removal("30", "7"), removal("40", "9")] }, {
      stake_removals: [{ topic_id: "1", reputer: R1, delegator: D1, height: "35", status: "cancelled" }],
    });
    await apply("r3", {}, { stake_removals: [{ topic_id: "1", reputer: R1, delegator: D1, height: "140", status: "completed" }] });
    const rows = await db.prisma.stakeRemoval.findMany({ orderBy: { requestedHeight: "asc" } });
    expect(rows.map((r) => [r.requestedHeight, r.status, r.cancelledHeight, r.completedHeight])).toEqual([
      [10n, "superseded", null, null],
      [30n, "cancelled", 35n, null],
      [40n, "completed", null, 140n],
    ]);
    // Replaying the cancel under a new batch id cannot touch the later removal.
    await apply("r2-again", {}, { stake_removals: [{ topic_id: "1", reputer: R1, delegator: D1, height: "35", status: "cancelled" }] });
    expect((await db.prisma.stakeRemoval.findFirst({ where: { requestedHeight: 40n } }))?.status).toBe("completed");
  });

  it("closes the open registration when an actor unregisters, and keeps re-registrations apart", async () => {
    const reg = (h: string) => ({ topic_id: "2", address: W1, role: "worker", registered_height: h, owner: W1, unregistered_height: null });
    await apply("g1", { registrations: [reg("5")] }, { registrations: [{ topic_id: "2", address: W1, role: "worker", height: "50" }] });
    await apply("g2", { registrations: [reg("60")] });
    const rows = await db.prisma.registration.findMany({ orderBy: { registeredHeight: "asc" } });
    expect(rows.map((r) => [r.registeredHeight, r.unregisteredHeight])).toEqual([
      [5n, 50n],
      [60n, null],
    ]);
  });
});
