// A node like real testnet and pruned mainnet nodes: historical REST state only for its last 300 blocks (500 "height N
// is not available, lowest height is M" below), 501 for a route its chain version lacks, 404 for one topic id. The
// events, the primary record, must still match the devnet's record digit for digit; the state it cannot serve is
// read at the head and stamped so, or left out; health names each missing state; the collector never errors.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { getHealth } from "@/lib/queries/health";
import { listValidatorDirectory } from "@/lib/queries/staking-validators";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";
import { startPipeline } from "../../support/collector-harness";
import { compareWithRecord } from "../../support/record-compare";

const HEIGHT = 1200;
let pipeline: Awaited<ReturnType<typeof startPipeline>>;
let db: TestDatabase;

beforeAll(async () => {
  // The health read below follows the devnet, as `npm run demo` does.
  process.env.ALLORA_NETWORK = "devnet";
  pipeline = await startPipeline({
    seed: 9,
    historyBlocks: HEIGHT,
    quirks: { stateHorizonBlocks: 300, notImplemented: ["/mint/v5/inflation", "/cosmos/slashing/v1beta1/signing_infos"], missingTopics: [3] },
  });
  db = await createTestDatabase();
  setDatabase(db);
});
afterAll(async () => {
  await pipeline?.close();
  await db?.dispose();
});

describe(`an uneven node never stalls the event stream (${describeTestDatabase()})`, () => {
  it("indexes every event, reads pruned state at the head, leaves out what the node lacks and says so", { timeout: 300_000 }, async () => {
    const states = new Set<string>();
    const logs: string[] = [];
    const c = pipeline.collector({ id: "uneven", log: (m) => logs.push(m) });
    const watch = setInterval(() => states.add(c.status().state), 5);
    try {
      await pipeline.untilIndexed(c, BigInt(HEIGHT));
    } finally {
      clearInterval(watch);
    }
    expect(states.has("error")).toBe(false);
    expect(states.has("backing_off")).toBe(false);

    // Events: digit for digit.
    expect(await db.prisma.block.count()).toBe(HEIGHT);
    const snapshot = await db.prisma.validator.findFirst();
    const at = Number(snapshot?.updatedHeight ?? 0);
    const record = { ...pipeline.devnet.record(1, HEIGHT), validators: pipeline.devnet.record(at, at).validators };
    for (const cmp of await compareWithRecord(db.prisma, record))
      expect({ table: cmp.table, missing: cmp.missing, unexpected: cmp.unexpected }).toEqual({ table: cmp.table, missing: [], unexpected: [] });

    // Pruned heights: state read at the head and stamped with it, never with a height the node could not serve.
    const stakeHeights = (await db.prisma.reputerStake.findMany({ select: { blockHeight: true }, distinct: ["blockHeight"] })).map((r) => Number(r.blockHeight));
    expect(stakeHeights).toContain(HEIGHT);
    expect(stakeHeights.filter((h) => h < HEIGHT - 300)).toEqual([]);
    const reported = pipeline.accepted.flatMap((a) => (JSON.parse(a.body) as { collector?: { notices?: { state: string; kind: string; as_of_height: string | null }[] } }).collector?.notices ?? []);
    expect(reported).toContainEqual(expect.objectContaining({ state: "stakes", kind: "pruned", as_of_height: String(HEIGHT) }));

    // What the node lacks is left out (no topic 3, no emission snapshot) and named in /api/health, with since when.
    expect(await db.prisma.topic.findMany({ where: { topicId: 3n } })).toEqual([]);
    expect(await db.prisma.topic.count()).toBeGreaterThanOrEqual(4);
    expect(await db.prisma.emissionSnapshot.count()).toBe(0);
    // No signing info: no uptime, and the directory says why instead of a 0; the rest of the validator state is there.
    expect(await db.prisma.validatorSigningInfo.count()).toBe(0);
    expect(await db.prisma.validatorPendingReward.count()).toBeGreaterThan(0);
    const directory = await listValidatorDirectory();
    expect(directory.rows.length).toBe(12);
    expect(new Set(directory.rows.map((r) => [r.uptime, r.uptimeMissing].join()))).toEqual(new Set([",the node has not served slashing signing info (see the collector notices)"]));
    const health = await getHealth();
    expect(health.collector?.state).toBe("running");
    expect(health.collector?.notices).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ state: "topic 3", kind: "missing", detail: expect.stringMatching(/HTTP 404/), since: expect.any(String) }),
        expect.objectContaining({ state: "emissions", kind: "missing", detail: expect.stringMatching(/HTTP 501/) }),
        expect.objectContaining({ state: "signing info", kind: "missing", detail: expect.stringMatching(/HTTP 501/) }),
      ]),
    );
    // Said once each in the log, not once per batch.
    expect(logs.filter((m) => /topic 3 state missing/.test(m))).toHaveLength(1);
    await c.stop();
  });
});
