import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";

let db: TestDatabase;
let networkId: number;
beforeAll(async () => {
  db = await createTestDatabase();
  networkId = (await db.prisma.network.create({ data: { chainId: "allora-testnet-1", name: "Testnet", kind: "testnet" } })).id;
});
afterAll(() => db.dispose());

describe(`the data model stores chain values exactly (${describeTestDatabase()})`, () => {
  it("keeps Allora decimals with 30+ fractional digits and negative signs digit for digit", async () => {
    const values = ["2605.533879185080648394998043723508", "-0.000000000000000000000000000000000017", "123456789012345678901234567890.123456789"];
    await db.prisma.networkInference.createMany({
      data: values.map((v, i) => ({ networkId, topicId: 1n, nonce: BigInt(1000 + i), label: "y", combinedValue: v, blockHeight: 2000n })),
    });
    const rows = await db.prisma.$queryRaw<{ v: string }[]>`
      SELECT combined_value::text AS v FROM network_inferences WHERE network_id = ${networkId} ORDER BY nonce`;
    expect(rows.map((r) => r.v)).toEqual(values);
    const viaClient = await db.prisma.networkInference.findMany({ where: { networkId }, orderBy: { nonce: "asc" } });
    expect(viaClient.map((r) => r.combinedValue.toFixed())).toEqual(values);
  });

  it("keeps token amounts as exact integers up to the full 1e27 uallo supply", async () => {
    const supply = "1000000000000000000000000000";
    await db.prisma.reputerStake.create({
      data: { networkId, topicId: 1n, reputer: "allo1reputer", blockHeight: 10n, selfStake: supply, delegatedStake: "1" },
    });
    const [row] = await db.prisma.$queryRaw<{ total: string }[]>`
      SELECT (self_stake + delegated_stake)::text AS total FROM reputer_stakes WHERE network_id = ${networkId}`;
    expect(row?.total).toBe("1000000000000000000000000001");
  });

  it("makes a replayed write a no-op through natural keys", async () => {
    const score = { networkId, topicId: 7n, actorType: "inferer", kind: "ema", address: "allo1w", blockHeight: 500n, score: "0.5" };
    const first = await db.prisma.score.createMany({ data: [score], skipDuplicates: true });
    const again = await db.prisma.score.createMany({ data: [score, { ...score, blockHeight: 501n }], skipDuplicates: true });
    expect([first.count, again.count]).toEqual([1, 1]);
    expect(await db.prisma.score.count({ where: { networkId, topicId: 7n } })).toBe(2);
  });
});
