import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { getHealth } from "@/lib/queries/health";
import { getIndexStatus } from "@/lib/queries/status";
import { readMigrations } from "@/lib/db/migrate";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(() => db.dispose());

describe(`health and freshness (${describeTestDatabase()})`, () => {
  it("an empty database reports ok, its migrations, and no indexed height rather than zero", async () => {
    const health = await getHealth();
    expect(health).toMatchObject({ status: "ok", db: "ok", database: db.kind, indexedHeight: null, lagSeconds: null });
    expect(health.migrations?.applied).toBe(readMigrations().length);
    const status = await getIndexStatus();
    expect(status.network).toBeNull();
    expect(status.indexedHeight).toBeNull();
  });

  it("reports the latest indexed block of the configured network, with its lag, and ignores other networks", async () => {
    const mainnet = await db.prisma.network.create({ data: { chainId: "allora-mainnet-1", name: "Allora Mainnet", kind: "mainnet" } });
    const devnet = await db.prisma.network.create({ data: { chainId: "allora-devnet-1", name: "Devnet", kind: "devnet", simulated: true } });
    const t0 = new Date("2026-11-24T12:00:00Z");
    await db.prisma.block.createMany({
      data: [
        { networkId: mainnet.id, height: 9_007_199_254_740_993n, time: t0 },
        { networkId: mainnet.id, height: 9_007_199_254_740_992n, time: new Date(t0.getTime() - 5000) },
        { networkId: devnet.id, height: 99_999_999_999_999_999n, time: t0 },
      ],
    });
    const status = await getIndexStatus(new Date(t0.getTime() + 42_000));
    expect(status.network).toMatchObject({ chainId: "allora-mainnet-1", simulated: false });
    // Beyond 2^53: a float would have rounded this height.
    expect(status.indexedHeight).toBe("9007199254740993");
    expect(status.lagSeconds).toBe(42);
    const health = await getHealth();
    expect(health.indexedHeight).toBe("9007199254740993");
    expect(health.chainId).toBe("allora-mainnet-1");
  });
});
