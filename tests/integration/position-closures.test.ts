// Ended positions are closed, not left live: delegations and unbondings missing from a full state read, and
// placements read back as withdrawn, get the height of that read and a reason; the staking queries skip them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { checksumOf, ingestBatch, parseBatch } from "@/lib/ingest/ingest-batch";
import type { IngestBatch } from "@/lib/ingest/batch-schema";
import { listDelegations, listPlacements, listUnbondings } from "@/lib/queries/staking-positions";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { D1, R1, sampleBatch, V1 } from "../support/sample-batch";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(() => db.dispose());

const D2 = "allo1delegator0000000000000000000000000000y";
// The queries read the followed network (ALLORA_NETWORK, mainnet by default).
const network = { chain_id: "allora-mainnet-1", name: "Allora Mainnet", kind: "mainnet", simulated: false, emissions_version: "v10" } as const;

async function apply(id: string, rows: IngestBatch["rows"], updates?: IngestBatch["updates"]) {
  const batch = parseBatch({ ...sampleBatch(), network, batch_id: id, rows, updates, cursor: undefined });
  return ingestBatch(db, batch, checksumOf(JSON.stringify(batch)));
}

const delegation = (delegator: string, amount: string, h: string) => ({ delegator, operator_address: V1, shares: `${amount}.0`, amount, updated_height: h });
const unbonding = (delegator: string, creation: string, completion: string, h: string) => ({
  delegator, operator_address: V1, creation_height: creation, completion_time: completion, initial_balance: "70", balance: "70", status: "pending", updated_height: h,
});
const placement = (delegator: string, amount: string, h: string) => ({ topic_id: "1", reputer: R1, delegator, block_height: h, amount, reward_debt: "0.5" });

describe(`ended positions (${describeTestDatabase()})`, () => {
  it("closes delegations and unbondings a full state read no longer lists, with the reason, and lists only live ones", async () => {
    await apply("s1", {
      validator_delegations: [delegation(D1, "500", "100"), delegation(D2, "300", "100")],
      validator_unbondings: [unbonding(D1, "90", "2026-11-24T13:00:00Z", "100"), unbonding(D2, "95", "2026-11-30T00:00:00Z", "100")],
    }, { full_state: { height: "100", time: "2026-11-24T12:00:00Z" } });
    expect((await listDelegations()).map((d) => d.delegator)).toEqual([D1, D2]);
    expect(await listUnbondings()).toHaveLength(2);

    // At 800 (after D1's completion time, before D2's): D2 fully undelegated, D1's entry matured, D2's vanished early.
    const counts = (await apply("s2", { validator_delegations: [delegation(D1, "520", "800")] }, { full_state: { height: "800", time: "2026-11-24T14:00:00Z" } })).counts;
    expect(counts).toMatchObject({ delegation_ends: 1, unbonding_ends: 2 });

    expect((await listDelegations()).map((d) => [d.delegator, d.amount])).toEqual([[D1, "520"]]);
    expect(await listUnbondings()).toEqual([]);
    const history = await listUnbondings({ includeEnded: true });
    expect(history.map((u) => [u.delegator, u.status, u.endReason, u.endedAtHeight, u.asOfHeight])).toEqual([
      [D1, "completed", "completed", "800", "100"],
      [D2, "cancelled", "cancelled", "800", "100"],
    ]);
    const ended = (await listDelegations({ includeEnded: true })).find((d) => d.delegator === D2);
    expect(ended).toMatchObject({ amount: "300", asOfHeight: "100", endedAtHeight: "800", endReason: "withdrawn" });
  });

  it("a replay of an older read never revives an ended position; a newer read that lists it again does", async () => {
    await apply("s1-overlap", { validator_delegations: [delegation(D2, "300", "100")] });
    expect((await listDelegations()).map((d) => d.delegator)).toEqual([D1]);
    await apply("s3", { validator_delegations: [delegation(D1, "520", "900"), delegation(D2, "40", "900")] }, { full_state: { height: "900", time: "2026-11-24T15:00:00Z" } });
    expect((await listDelegations()).map((d) => [d.delegator, d.amount, d.endedAtHeight])).toEqual([[D1, "520", null], [D2, "40", null]]);
  });

  it("closes the latest read of a withdrawn placement and keeps its history", async () => {
    await apply("p1", { delegator_placements: [placement(D1, "1000", "100"), placement(D2, "20", "100")] });
    await apply("p2", { delegator_placements: [placement(D1, "600", "200")] });
    expect((await listPlacements()).map((p) => [p.delegator, p.amount])).toEqual([[D1, "600"], [D2, "20"]]);
    const { counts } = await apply("p3", {}, { placement_ends: [{ topic_id: "1", reputer: R1, delegator: D1, height: "300" }] });
    expect(counts.placement_ends).toBe(1);
    // The ended placement is not replaced by its older read of 1000.
    expect((await listPlacements()).map((p) => p.delegator)).toEqual([D2]);
    const all = await listPlacements({ includeEnded: true, delegator: D1 });
    expect(all).toEqual([expect.objectContaining({ amount: "600", asOfHeight: "200", endedAtHeight: "300", endReason: "withdrawn" })]);
    // An end announced for a height before the latest read changes nothing.
    expect((await apply("p4", {}, { placement_ends: [{ topic_id: "1", reputer: R1, delegator: D2, height: "50" }] })).counts.placement_ends).toBeUndefined();
  });
});
