// The read side against an indexed devnet: a short history goes through the real collector and route, then every
// lib/queries function is checked against what the devnet itself says (its catalogue, ledger and validator state).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { CHAIN_ID, TOPIC_CATALOGUE } from "@/lib/devnet/config";
import { fmtLegacy } from "@/lib/devnet/dec";
import { getHealth } from "@/lib/queries/health";
import { getOverview } from "@/lib/queries/overview";
import { listDatasets } from "@/lib/queries/datasets";
import { listCurrentSignals } from "@/lib/queries/signals";
import { listReputerStakes, listValidators } from "@/lib/queries/staking";
import { listDelegations, listPlacements, listUnbondings } from "@/lib/queries/staking-positions";
import { getIndexStatus } from "@/lib/queries/status";
import { listTopics } from "@/lib/queries/topics";
import { startPipeline } from "../support/collector-harness";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { demoAccount } from "@/lib/devnet/ledger-intents";

process.env.ALLORA_NETWORK = "devnet";
const HEIGHT = 800;
let db: TestDatabase;
let pipeline: Awaited<ReturnType<typeof startPipeline>>;

beforeAll(async () => {
  pipeline = await startPipeline({ seed: 11, historyBlocks: HEIGHT, unbondingBlocks: 300, stakingSlotBlocks: 200 });
  db = await createTestDatabase();
  setDatabase(db);
  const c = pipeline.collector();
  await pipeline.untilIndexed(c, BigInt(HEIGHT));
  await c.stop();
}, 300_000);
afterAll(async () => {
  await pipeline?.close();
  await db?.dispose();
});

describe(`lib/queries on an indexed devnet (${describeTestDatabase()})`, () => {
  it("lists the topics created so far with the catalogue's description, loss method and epoch length", async () => {
    const topics = await listTopics();
    const created = TOPIC_CATALOGUE.filter((t) => t.createdAt <= HEIGHT);
    expect(topics.map((t) => [t.metadata, t.lossMethod, t.epochLength])).toEqual(created.map((t) => [t.metadata, t.lossMethod, String(t.epochLength)]));
    const sim = pipeline.devnet.sim;
    for (const t of topics) expect(t.topicStake, t.metadata).toBe(sim.ledger.topicStake.get(t.topicId).at(Number(t.updatedHeight)).toString());
  });

  it("counts what the devnet has: topics, validators, workers and reputers", async () => {
    const sim = pipeline.devnet.sim;
    const created = sim.engines.filter((e) => e.spec.createdAt <= HEIGHT);
    const overview = await getOverview();
    expect(overview.asOfHeight).toBe(String(HEIGHT));
    expect(overview.counts).toMatchObject({ topics: created.length, validators: sim.validators.list.length });
    // Actors are counted once however many topics they serve; the devnet gives each topic its own, plus its demo account.
    const reputers = new Set([...created.flatMap((e) => e.actors.reputers.map((r) => r.address)), demoAccount(sim.options.seed)]);
    expect(overview.counts!.reputers).toBeLessThanOrEqual(reputers.size);
    expect(overview.counts!.reputers).toBeGreaterThan(0);
    expect(overview.counts!.workers).toBeGreaterThan(created.length * 5);
  });

  it("reports every reputer's live stake exactly as the devnet's ledger holds it at that height, largest first", async () => {
    const sim = pipeline.devnet.sim;
    const stakes = await listReputerStakes(1_000);
    expect(stakes.length).toBeGreaterThan(10);
    for (const s of stakes) {
      const h = Number(s.asOfHeight);
      expect([s.selfStake, s.delegatedStake]).toEqual([sim.ledger.selfAt(Number(s.topicId), s.reputer, h).toString(), sim.ledger.delegatedAt(Number(s.topicId), s.reputer, h).toString()]);
    }
    const totals = stakes.map((s) => BigInt(s.selfStake) + BigInt(s.delegatedStake));
    expect(totals.every((t, i) => t > 0n && (i === 0 || totals[i - 1]! >= t))).toBe(true);
  });

  it("lists validators with the devnet's tokens and commission, most tokens first", async () => {
    const sim = pipeline.devnet.sim;
    const validators = await listValidators();
    expect(validators).toHaveLength(sim.validators.list.length);
    for (const v of validators) {
      const h = Number(v.asOfHeight);
      // The DTO drops the chain's trailing zeros ("0.090000000000000000" → "0.09"): the same number.
      const commission = fmtLegacy(sim.validators.commission.get(v.operatorAddress).at(h)).replace(/\.?0+$/, "");
      expect([v.tokens, v.commissionRate]).toEqual([sim.validators.tokens.get(v.operatorAddress).at(h).toString(), commission]);
    }
    expect(validators.map((v) => BigInt(v.tokens))).toEqual(validators.map((v) => BigInt(v.tokens)).sort((a, b) => (b > a ? 1 : b < a ? -1 : 0)));
  });

  it("lists only live delegations, unbondings and placements, as the devnet holds them at the last read", async () => {
    const sim = pipeline.devnet.sim;
    const delegations = await listDelegations({ limit: 10_000 });
    const h = Number(delegations[0]?.asOfHeight);
    const held = [...sim.validators.shares.keys()].filter((k) => (sim.validators.shares.peek(k)?.at(h) ?? 0n) > 0n);
    expect(new Set(delegations.map((d) => `${d.delegator}|${d.operatorAddress}`))).toEqual(new Set(held));
    const pending = sim.validators.unbondings.filter((u) => u.creationHeight <= h && h < u.completionHeight);
    expect((await listUnbondings({ limit: 10_000 })).map((u) => `${u.delegator}|${u.creationHeight}`).sort()).toEqual(pending.map((u) => `${u.delegator}|${u.creationHeight}`).sort());
    const placements = await listPlacements({ limit: 10_000 });
    expect(placements.length).toBeGreaterThan(0);
    for (const p of placements) expect(p.amount).toBe(sim.ledger.placementAt(Number(p.topicId), p.delegator, p.reputer, Number(p.asOfHeight)).amount.toString());
  });

  it("counts every dataset's rows exactly and says which network the status and health are about", async () => {
    const datasets = Object.fromEntries((await listDatasets()).datasets.map((d) => [d.name, d.rowCount]));
    expect(datasets.topics).toBe(String(await db.prisma.topic.count()));
    expect(datasets.worker_inferences).toBe(String(await db.prisma.workerInference.count()));
    expect(Number(datasets.worker_inferences)).toBeGreaterThan(1_000);
    expect(datasets.signals).toBe("0");
    expect(await listCurrentSignals()).toEqual([]);
    const status = await getIndexStatus();
    expect(status).toMatchObject({ indexedHeight: String(HEIGHT), network: { chainId: CHAIN_ID, simulated: true, kind: "devnet" } });
    expect(await getHealth()).toMatchObject({ indexedHeight: String(HEIGHT), chainId: CHAIN_ID, simulated: true });
  });
});
