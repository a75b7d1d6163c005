// On the devnet, unbondings that complete and delegations that are fully withdrawn end as closed rows, at the first
// full state read that no longer lists them; the staking queries list only what the chain still holds.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { listDelegations, listUnbondings } from "@/lib/queries/staking-positions";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";
import { startPipeline } from "../../support/collector-harness";

const HEIGHT = 2400;
let db: TestDatabase;
let pipeline: Awaited<ReturnType<typeof startPipeline>>;

beforeAll(async () => {
  // The queries read the followed network; set before anything reads (and caches) the environment.
  process.env.ALLORA_NETWORK = "devnet";
  // Short unbondings and frequent staking draws, so completions and full withdrawals happen within the history.
  pipeline = await startPipeline({ seed: 11, historyBlocks: HEIGHT, unbondingBlocks: 400, stakingSlotBlocks: 300 });
  db = await createTestDatabase();
  setDatabase(db);
}, 120_000);
afterAll(async () => {
  delete process.env.ALLORA_NETWORK;
  await pipeline?.close();
  await db?.dispose();
});

describe(`ended staking positions on the devnet (${describeTestDatabase()})`, () => {
  it("closes completed unbondings and fully withdrawn delegations, exactly as the devnet's state says", { timeout: 300_000 }, async () => {
    const c = pipeline.collector();
    await pipeline.untilIndexed(c, BigInt(HEIGHT));
    await c.stop();
    const sim = pipeline.devnet.sim;
    // The heights at which the collector read the full validator state.
    const reads = (await db.prisma.validatorHistory.findMany({ distinct: ["blockHeight"], select: { blockHeight: true }, orderBy: { blockHeight: "asc" } })).map((r) => Number(r.blockHeight));
    expect(reads.length).toBeGreaterThanOrEqual(4);

    // Unbondings: every entry a read saw is stored; it is closed as completed at the first read after its completion.
    const expectedUnbondings = sim.validators.unbondings
      .filter((u) => reads.some((r) => u.creationHeight <= r && r < u.completionHeight))
      .map((u) => {
        const endedAt = reads.find((r) => r >= u.completionHeight) ?? null;
        return [u.delegator, u.validator, String(u.creationHeight), endedAt === null ? "pending" : "completed", endedAt === null ? null : String(endedAt)];
      });
    const storedUnbondings = (await db.prisma.validatorUnbonding.findMany()).map((u) => [u.delegator, u.operatorAddress, String(u.creationHeight), u.status, u.endedAtHeight === null ? null : String(u.endedAtHeight)]);
    expect(new Set(storedUnbondings.map((u) => JSON.stringify(u)))).toEqual(new Set(expectedUnbondings.map((u) => JSON.stringify(u))));
    expect(expectedUnbondings.filter((u) => u[3] === "completed").length).toBeGreaterThanOrEqual(1);

    // Delegations: live if listed at the last read; otherwise closed at the first read after the last one listing it.
    const sharesAt = (key: string, h: number) => sim.validators.shares.peek(key)?.at(h) ?? 0n;
    const last = reads.at(-1)!;
    const expectedDelegations = [...sim.validators.shares.keys()].flatMap((key) => {
      const seen = reads.filter((r) => sharesAt(key, r) > 0n);
      if (seen.length === 0) return [];
      const [delegator, validator] = key.split("|");
      const lastSeen = seen.at(-1)!;
      const endedAt = lastSeen === last ? null : reads.find((r) => r > lastSeen)!;
      return [[delegator, validator, String(lastSeen), endedAt === null ? null : String(endedAt), endedAt === null ? null : "withdrawn"]];
    });
    const storedDelegations = (await db.prisma.validatorDelegation.findMany()).map((d) => [d.delegator, d.operatorAddress, String(d.updatedHeight), d.endedAtHeight === null ? null : String(d.endedAtHeight), d.endReason]);
    expect(new Set(storedDelegations.map((d) => JSON.stringify(d)))).toEqual(new Set(expectedDelegations.map((d) => JSON.stringify(d))));
    expect(expectedDelegations.filter((d) => d[4] === "withdrawn").length).toBeGreaterThanOrEqual(1);

    // The queries list only the live positions, and the history keeps the rest.
    const live = await listDelegations({ limit: 10_000 });
    expect(live.length).toBe(expectedDelegations.filter((d) => d[3] === null).length);
    expect(live.every((d) => d.endedAtHeight === null && sharesAt(`${d.delegator}|${d.operatorAddress}`, last) > 0n)).toBe(true);
    const pending = await listUnbondings({ limit: 10_000 });
    expect(pending.map((u) => u.status)).toEqual(expectedUnbondings.filter((u) => u[3] === "pending").map(() => "pending"));
    expect((await listUnbondings({ limit: 10_000, includeEnded: true })).length).toBe(expectedUnbondings.length);
  });
});
