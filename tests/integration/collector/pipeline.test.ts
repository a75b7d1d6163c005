import { spawn } from "node:child_process";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { tableNames, tableSpecs } from "@/lib/ingest/tables";
import { listDelegations, listUnbondings } from "@/lib/queries/staking-positions";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../../support/test-db";
import { startPipeline, TEST_INGEST_TOKEN } from "../../support/collector-harness";
import { devnetChecks, type Windows } from "../../support/devnet-expectations";
import { compareWithRecord, digestTables, tableOf } from "../../support/record-compare";

// The staking queries read the followed network.
process.env.ALLORA_NETWORK = "devnet";
const HEIGHT = 2400;
const TABLES = tableNames.map((n) => tableSpecs[n].table);
const opened: TestDatabase[] = [];
let pipeline: Awaited<ReturnType<typeof startPipeline>>;
let reference: Record<string, string>;

async function until(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

async function freshDatabase() {
  const db = await createTestDatabase();
  opened.push(db);
  setDatabase(db);
  return db;
}

beforeAll(async () => {
  // Short unbondings and frequent staking draws, so completions and full withdrawals happen within the history.
  pipeline = await startPipeline({ seed: 6, historyBlocks: HEIGHT, unbondingBlocks: 400, stakingSlotBlocks: 200 });
});
afterAll(async () => {
  await pipeline?.close();
  for (const db of opened) await db.dispose();
});

describe(`devnet → collector → /api/ingest → database (${describeTestDatabase()})`, () => {
  it(`indexes ${HEIGHT} blocks and every table matches the devnet's own record, digit for digit`, { timeout: 300_000 }, async () => {
    const db = await freshDatabase();
    const c = pipeline.collector();
    await pipeline.untilIndexed(c, BigInt(HEIGHT));
    await c.stop();
    expect(await db.prisma.block.count()).toBe(HEIGHT);
    // Validators are a state snapshot: compare them with the devnet's state at the height they were read.
    const snapshot = await db.prisma.validator.findFirst();
    const at = Number(snapshot?.updatedHeight ?? 0);
    const record = { ...pipeline.devnet.record(1, HEIGHT), validators: pipeline.devnet.record(at, at).validators };
    // Which heights the collector read state at and how it cut batches is its choice; what the tables hold then
    // must be what the devnet held.
    const batches = await db.prisma.ingestBatch.findMany({ where: { fromHeight: { not: null } }, orderBy: { fromHeight: "asc" } });
    const windows: Windows = {
      reads: (await db.prisma.validatorHistory.findMany({ distinct: ["blockHeight"], orderBy: { blockHeight: "asc" } })).map((r) => Number(r.blockHeight)),
      // The batches that carried pending rewards or signing infos, as the ingest logged them: read at their last height.
      distributionReads: batches.filter((b) => ["validator_pending_rewards", "validator_signing_infos"].some((t) => Object.hasOwn(Object(b.counts), t))).map((b) => Number(b.toHeight)),
      batches: batches.map((b) => ({ from: Number(b.fromHeight), to: Number(b.toHeight) })),
      topics: (await db.prisma.topic.findMany()).map((t) => ({ id: Number(t.topicId), h: Number(t.updatedHeight) })),
    };
    // While catching up, some full reads leave the pending rewards and signing infos alone (one request per delegator).
    expect(windows.distributionReads.length).toBeGreaterThan(0);
    expect(windows.distributionReads.length).toBeLessThan(windows.reads.length);
    expect(windows.distributionReads.every((h) => windows.reads.includes(h))).toBe(true);
    const comparisons = await compareWithRecord(db.prisma, record, devnetChecks(pipeline.devnet.sim, HEIGHT, windows));
    console.log(`compared with the devnet: ${comparisons.map((c) => `${c.table} (${c.expected})`).join(", ")}`);
    expect(comparisons.filter((c) => c.missing.length || c.unexpected.length)).toEqual([]);
    // Every table that holds chain facts is compared, and each comparison is about rows the devnet really produced.
    // Signals are not chain facts: the app's signal publisher derives them from these tables (tested in signals/).
    const chainFactTables = tableNames.filter((n) => n !== "signals").map((n) => tableSpecs[n].table);
    expect(new Set(comparisons.map(tableOf))).toEqual(new Set(chainFactTables));
    expect(comparisons.filter((c) => c.expected === 0).map((c) => c.table)).toEqual([]);
    expect(await db.prisma.network.findFirst()).toMatchObject({ chainId: "allora-devnet-1", simulated: true, emissionsVersion: "v10" });

    // Ended positions are closed, and the staking queries list only live ones.
    const ended = await db.prisma.validatorDelegation.count({ where: { endReason: "withdrawn" } });
    const completed = await db.prisma.validatorUnbonding.count({ where: { status: "completed" } });
    expect({ ended: ended > 0, completed: completed > 0 }).toEqual({ ended: true, completed: true });
    const live = await listDelegations({ limit: 10_000 });
    expect(live.length).toBe((await db.prisma.validatorDelegation.count()) - ended);
    expect(live.every((d) => d.endedAtHeight === null)).toBe(true);
    expect((await listUnbondings({ limit: 10_000 })).every((u) => u.status === "pending" && u.endedAtHeight === null)).toBe(true);
    expect((await listUnbondings({ limit: 10_000, includeEnded: true })).length).toBe(await db.prisma.validatorUnbonding.count());
    reference = await digestTables(db.prisma, TABLES);

    // Replaying every batch the route accepted changes nothing.
    const replays = pipeline.accepted.filter((a) => a.hadRows);
    expect(replays.length).toBeGreaterThanOrEqual(HEIGHT / 250);
    for (const { body } of replays) {
      const res = await fetch(pipeline.route.url, {
        method: "POST",
        headers: { authorization: `Bearer ${TEST_INGEST_TOKEN}`, "content-type": "application/json" },
        body,
      });
      expect(res.status).toBe(200);
      expect((await res.json()).status).toBe("duplicate");
    }
    expect(await digestTables(db.prisma, TABLES)).toEqual(reference);
  });

  it("stopped abruptly (SIGKILL of a real process) at random moments and restarted, it ends in the same state", { timeout: 300_000 }, async () => {
    const db = await freshDatabase();
    let seed = 13;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    const cursor = async () => (await db.prisma.ingestCursor.findFirst({ where: { source: "blocks" } }))?.height ?? 0n;
    const writes = () => pipeline.accepted.filter((a) => a.hadRows && a.collector === "killed-collector").length;
    // A fixed collector id, as a restarted service would keep: the new process may take over the lease at once.
    const startChild = () => {
      const child = spawn(process.execPath, ["--import", "tsx", "tests/support/collector-child.ts", pipeline.devnet.url, pipeline.route.url, "killed-collector"], {
        stdio: ["ignore", "ignore", "inherit"],
      });
      return { child, exited: new Promise((resolve) => child.once("exit", resolve)) };
    };
    const killedAt: bigint[] = [];
    for (let i = 0; i < 5; i++) {
      const { child, exited } = startChild();
      const before = writes();
      // Killed at a random moment of its work: fetching, reading state or mid-POST; the odd rounds before it wrote.
      if (i % 2 === 0) await until(() => writes() > before, "the child collector's first batch");
      // A random delay, cut short once this round's share of the chain is indexed: a collector fast enough to
      // reach the head within the delay would leave the later restarts nothing to do.
      const deadline = Date.now() + random() * 1200;
      const limit = (BigInt(HEIGHT) * BigInt(i + 1)) / 6n;
      while (Date.now() < deadline && (await cursor()) < limit) await new Promise((r) => setTimeout(r, 10));
      child.kill("SIGKILL");
      await exited;
      killedAt.push(await cursor());
    }
    // Never reached the head before a kill, so every restart had work left.
    expect(killedAt.every((h) => h < BigInt(HEIGHT))).toBe(true);
    expect(killedAt.at(-1)! > 0n).toBe(true);
    const { child, exited } = startChild();
    await until(async () => (await cursor()) >= BigInt(HEIGHT), "the restarted collector to reach the head");
    child.kill("SIGKILL");
    await exited;
    expect(await db.prisma.block.count()).toBe(HEIGHT);
    expect(await digestTables(db.prisma, TABLES)).toEqual(reference);
  });

  it("with 20% server errors, slow responses and malformed bodies injected, the final state is still identical", { timeout: 400_000 }, async () => {
    const db = await freshDatabase();
    const before = pipeline.devnet.faultsServed();
    pipeline.devnet.setFaults({ errorRate: 0.2, latencyMs: 2, malformedRate: 0.05 });
    try {
      const c = pipeline.collector();
      await pipeline.untilIndexed(c, BigInt(HEIGHT), 380_000);
      await c.stop();
    } finally {
      pipeline.devnet.setFaults({ errorRate: 0, latencyMs: 0, malformedRate: 0 });
    }
    // The faults were really served, by the devnet's own count, and many of them.
    const served = pipeline.devnet.faultsServed();
    expect(served.errors - before.errors).toBeGreaterThan(100);
    expect(served.malformed - before.malformed).toBeGreaterThan(20);
    expect(served.delayed - before.delayed).toBeGreaterThan(300);
    expect(await digestTables(db.prisma, TABLES)).toEqual(reference);
  });

  it("follows the head poll after poll without piling up listeners or writing anything new", { timeout: 120_000 }, async () => {
    const db = await freshDatabase();
    const warnings: string[] = [];
    const onWarning = (w: Error) => warnings.push(`${w.name}: ${w.message}`);
    process.on("warning", onWarning);
    try {
      const c = pipeline.collector({ id: "head-follower", pollMs: 2 });
      await pipeline.untilIndexed(c, BigInt(HEIGHT));
      const heartbeats = () => pipeline.accepted.filter((a) => a.collector === "head-follower" && !a.hadRows).length;
      const before = heartbeats();
      await until(() => heartbeats() >= before + 60, "60 polls at the head");
      expect(c.status()).toMatchObject({ state: "running", indexedHeight: String(HEIGHT), last_error: null });
      await c.stop();
    } finally {
      process.off("warning", onWarning);
    }
    expect(warnings.filter((w) => /MaxListeners/.test(w))).toEqual([]);
    expect(await digestTables(db.prisma, TABLES)).toEqual(reference);
  });

  it("two collectors started against one database never both write", { timeout: 300_000 }, async () => {
    const db = await freshDatabase();
    const before = pipeline.accepted.length;
    const a = pipeline.collector({ id: "collector-a" });
    const b = pipeline.collector({ id: "collector-b" });
    await Promise.race([pipeline.untilIndexed(a, BigInt(HEIGHT)), pipeline.untilIndexed(b, BigInt(HEIGHT))]);
    const [writer, standby] = a.status().indexedHeight === null ? [b, a] : [a, b];
    expect(standby.status().indexedHeight).toBeNull();
    expect(standby.status().last_error).toMatch(/another collector .* holds the write lease/);
    const writers = new Set(pipeline.accepted.slice(before).filter((x) => x.hadRows).map((x) => x.collector));
    expect(writers).toEqual(new Set([writer.id]));

    // A graceful stop hands the lease back (it expires at once), so the standby need not wait out the 30 s lease.
    await writer.stop();
    const last = pipeline.accepted.filter((x) => x.collector === writer.id).at(-1)!;
    expect(JSON.parse(last.body).collector.state).toBe("stopped");
    await until(() => standby.status().state === "running", "the standby to take over");
    expect(standby.status().indexedHeight).toBe(String(HEIGHT));
    await standby.stop();
    expect(await digestTables(db.prisma, TABLES)).toEqual(reference);
  });
});
