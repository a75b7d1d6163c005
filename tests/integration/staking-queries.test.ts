// The staking reads over a hand-built history sent through the real ingest route; every expected figure is
// computed by hand from tests/support/staking-batch.ts (the arithmetic is in the comments).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { D, E, R1, R2, stakingBatch, V1, V2, V3 } from "../support/staking-batch";

const TOKEN = "integration-test-token-0123456789";
process.env.INGEST_TOKEN = TOKEN;
process.env.ALLORA_NETWORK = "testnet";
const { POST } = await import("@/app/api/ingest/route");
const { getAccount } = await import("@/lib/queries/staking-account");
const { listAccountHistory } = await import("@/lib/queries/staking-history");
const { listTopicReputers } = await import("@/lib/queries/staking-reputers");
const { getReputerScorecard } = await import("@/lib/queries/staking-scorecard");
const { listValidatorDirectory } = await import("@/lib/queries/staking-validators");
const { getValidatorStateHeight, listValidatorOptions } = await import("@/lib/queries/validator-options");
const { GET: historyCsv } = await import("@/app/api/account/[address]/history/route");
const csv = (address: string, query = "") =>
  historyCsv(new Request(`http://localhost/api/account/${address}/history${query}`), { params: Promise.resolve({ address }) });

const ALLO = 10n ** 18n;
let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  const res = await POST(
    new Request("http://localhost/api/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(stakingBatch()),
    }),
  );
  expect(res.status).toBe(200);
});
afterAll(() => db.dispose());

describe(`staking queries (${describeTestDatabase()})`, () => {
  it("computes pending delegator rewards exactly and lists only live positions (closed ones are history)", async () => {
    const account = await getAccount(D);
    expect(account.asOfHeight).toBe("4000");
    // 10^21 × 0.0020 − 1200000000000000000.25 = 799999999999999999.75 → 799999999999999999 uallo
    expect(account.delegations).toEqual([
      expect.objectContaining({ topicId: "1", reputer: R1, rewardPerShare: "0.0020", pendingReward: "799999999999999999", asOfHeight: "4000" }),
    ]);
    expect(account.pendingRewardTotal).toBe("799999999999999999");
    expect(account.ownStakes).toEqual([{ topicId: "2", selfStake: (300n * ALLO).toString(), delegatedStake: "0", asOfHeight: "4000" }]);
    expect(account.validatorDelegations.map((v) => [v.operatorAddress, v.amount])).toEqual([[V1, (500n * ALLO).toString()]]);
    // Pending validator rewards as the distribution query answered them (DecCoin uallo), with the block they were read at.
    expect(account.validatorDelegations[0]).toMatchObject({ pendingReward: "12.345678901234567890", pendingRewardHeight: "4000" });
    expect(account.validatorRewardTotal).toBe("12.34567890123456789");
    // E's delegation to the jailed V3 has no pending reward read: missing (and so is the total), never 0.
    const e = await getAccount(E);
    expect(e.validatorDelegations.map((v) => [v.operatorAddress, v.pendingReward])).toEqual([[V3, null]]);
    expect(e.validatorRewardTotal).toBeNull();
  });

  it("offers the unjailed validators as redelegation targets, bonded and largest first, and says which read they are as of", async () => {
    // V3 is jailed (and unbonded): not a target. V2's status is stored as "bonded", which counts as bonded.
    expect(await listValidatorOptions()).toEqual([{ operatorAddress: V1, moniker: "One" }, { operatorAddress: V2, moniker: "Two" }]);
    expect(await getValidatorStateHeight()).toBe("4000");
  });

  it("lists every pending exit with unlock heights and times estimated from the measured block time", async () => {
    const { exits, clock } = await getAccount(D);
    // 1,000 blocks from 2026-10-31T12:00 to 2026-11-01T00:00: 43,200 ms per block.
    expect(clock).toMatchObject({ height: "4000", msPerBlock: 43200, windowBlocks: "1000" });
    expect(exits).toEqual([
      expect.objectContaining({
        // 1,000 blocks × 43.2 s after the head; forgone: 200 ALLO × 1 ALLO per 1,000 per 30 days.
        kind: "delegate_removal", target: R1, topicId: "1", unlockHeight: "5000", unlockHeightEstimated: false,
        unlockTimeIso: "2026-11-01T12:00:00.000Z", unlockTimeEstimated: true, cancellable: true, forgone: "200000000000000000",
      }),
      expect.objectContaining({
        // 1,100 blocks × 43.2 s = 13.2 h; D has staked in topic 2 for under 30 days, so no realized rate: missing.
        kind: "stake_removal", target: D, topicId: "2", unlockHeight: "5100", unlockTimeIso: "2026-11-01T13:12:00.000Z", forgone: null,
      }),
      expect.objectContaining({
        // 14 days / 43.2 s = 28,000 blocks after 4000; 100 ALLO × 0.09 × 30 / 365 = 0.739726027397260273 ALLO.
        kind: "unbonding", target: V1, unlockHeight: "32000", unlockHeightEstimated: true,
        unlockTimeIso: "2026-11-15T00:00:00.000Z", unlockTimeEstimated: false, cancellable: true, forgone: "739726027397260273",
      }),
    ]);
  });

  it("says an unbonding from a jailed validator cannot be cancelled", async () => {
    const { exits } = await getAccount(E);
    expect(exits).toEqual([expect.objectContaining({ kind: "unbonding", target: V3, cancellable: false })]);
  });

  it("gives each reputer of a topic its record, realized rewards per 1,000 ALLO and warnings", async () => {
    const { rows, asOfHeight } = await listTopicReputers(1n);
    expect(asOfHeight).toBe("4000");
    const r1 = rows.find((r) => r.reputer === R1)!;
    const r2 = rows.find((r) => r.reputer === R2)!;
    expect(r1).toMatchObject({ totalStake: (7000n * ALLO).toString(), delegatorCount: 2, emaScore: "0.6", emaChange: "-0.3", scoreRank: 2, topicMedianScore: "0.6" });
    // 7 days: (0.0020 − 0.0012) × 1,000 ALLO = 0.8 ALLO, APR 0.0008 × 365 / 7; 30 days: 1 ALLO, APR 0.001 × 365 / 30.
    expect(r1.realized).toEqual([
      { days: 7, rewardPer1000: "800000000000000000", apr: "0.041714", fromHeight: "2000" },
      { days: 30, rewardPer1000: "1000000000000000000", apr: "0.012166", fromHeight: "100" },
    ]);
    expect(r1.removals7d).toEqual({ count: 2, amount: (300n * ALLO).toString() });
    expect(r1.pendingRemoval).toBe((200n * ALLO).toString());
    expect(r1.warnings).toEqual(["EMA score fell 3 epochs in a row"]);
    expect(r2).toMatchObject({ delegatorCount: 0, scoreRank: 1 });
    expect(r2.realized.map((w) => w.rewardPer1000)).toEqual([null, null]);
    expect(r2.warnings).toEqual(["Stake leaving: pending removals are 50% of its stake", "New reputer: less than 7 days of history"]);
  });

  it("builds a reputer scorecard across topics with its score history", async () => {
    const card = await getReputerScorecard(R1);
    expect(card.topics).toHaveLength(1);
    expect(card.topics[0]!.reputerCount).toBe(2);
    expect(card.topics[0]!.scores.map((s) => s.score)).toEqual(["0.9", "0.8", "0.7", "0.6"]);
    expect(card.recentRemovals.map((r) => r.requestedHeight)).toEqual(["3800", "3000"]);
  });

  it("lists validators with voting power, self-delegation, estimated APR and the commission spike", async () => {
    const dir = await listValidatorDirectory();
    const byOp = new Map(dir.rows.map((r) => [r.operatorAddress, r]));
    // 10^24 × 12 × 0.25 ÷ 3 × 10^25 bonded = 0.1; × (1 − 0.10) and × (1 − 0.11).
    expect(byOp.get(V1)).toMatchObject({ votingPower: "0.666666", estimatedApr: "0.09", selfDelegation: (1_000_000n * ALLO).toString(), delegatorCount: 2, spike: null });
    expect(byOp.get(V2)).toMatchObject({ votingPower: "0.333333", estimatedApr: "0.089" });
    expect(byOp.get(V2)!.spike).toMatchObject({ fromRate: "0.050000000000000000", toRate: "0.110000000000000000", risePoints: "6", fromHeight: "3000", toHeight: "4000" });
    expect(byOp.get(V2)!.commissionHistory.map((c) => [c.height, c.rate])).toEqual([["2000", "0.050000000000000000"], ["4000", "0.110000000000000000"]]);
    expect(byOp.get(V3)).toMatchObject({ jailed: true, votingPower: null, estimatedApr: null, uptime: null });
    expect(dir.apr.bondedTokens).toBe((30_000_000n * ALLO).toString());
  });

  it("computes realized APR from the indexed rewards: rewards − commission over mean tokens, annualized", async () => {
    const dir = await listValidatorDirectory();
    const byOp = new Map(dir.rows.map((r) => [r.operatorAddress, r]));
    // 7 days before 2026-11-01T00:00 the first block is 3000 (10-31T12:00): only bucket 3001–4000, 12 h elapsed.
    // 30 days: from block 2000 (10-24T00:00), buckets 2001–4000, 8 days elapsed. All history is older than 30 days.
    expect(dir.realized.d7).toEqual({ days: 7, fromHeight: "3000", toHeight: "4000", elapsedDays: "0.5", complete: true });
    expect(dir.realized.d30).toEqual({ days: 30, fromHeight: "2000", toHeight: "4000", elapsedDays: "8", complete: true });
    // V1, 7 d: 2 × 10^21 ÷ 2 × 10^25 × 365 / 0.5 = 0.073. 30 d: (1.4 × 10^22 + 2 × 10^21) ÷ 2 × 10^25 × 365 / 8 = 0.0365.
    expect(byOp.get(V1)!.realized).toEqual({
      d7: { apr: "0.073", rewards: "2222222222222222222222.222222222222222222", commission: "222222222222222222222.222222222222222222", meanTokens: (20_000_000n * ALLO).toString() },
      d30: expect.objectContaining({ apr: "0.0365", meanTokens: (20_000_000n * ALLO).toString() }),
    });
    // V2 earned nothing in the last 7 days' buckets (missing there); 30 d: 4 × 10^21 ÷ 10^25 × 365 / 8 = 0.01825.
    expect(byOp.get(V2)!.realized).toEqual({ d7: null, d30: expect.objectContaining({ apr: "0.01825", rewards: "4400000000000000000000.5", commission: "400000000000000000000.5" }) });
    expect(byOp.get(V3)!.realized).toEqual({ d7: null, d30: null });
    expect(byOp.get(V3)!.realizedMissing).toMatch(/not in the active set/);
  });

  it("gives uptime from signing info as 1 − missed ÷ window, and says why it is missing", async () => {
    const byOp = new Map((await listValidatorDirectory()).rows.map((r) => [r.operatorAddress, r]));
    // 1 − 25 ÷ 10,000 = 0.9975; 1 − 0 ÷ 10,000 = 1.
    expect(byOp.get(V1)!.uptime).toMatchObject({ uptime: "0.9975", missed: "25", window: "10000", asOfHeight: "4000" });
    expect(byOp.get(V2)!.uptime).toMatchObject({ uptime: "1", missed: "0" });
    expect(byOp.get(V3)!.uptimeMissing).toMatch(/no signing info/);
  });

  it("returns the history of stake actions and rewards in a date range, newest first", async () => {
    const range = { from: new Date("2026-10-31T00:00:00Z"), to: new Date("2026-11-02T00:00:00Z") };
    const { rows, total } = await listAccountHistory(D, range);
    const names = new Map([[V1, "V1"], [V2, "V2"], [R1, "R1"], [D, "D"]]);
    expect(total).toBe(9);
    expect(rows.map((r) => [r.height, r.action, names.get(r.counterparty), r.amount])).toEqual([
      ["4000", "stake_added", "D", (300n * ALLO).toString()],
      ["3900", "removal_requested", "D", (50n * ALLO).toString()],
      ["3800", "removal_requested", "R1", (200n * ALLO).toString()],
      ["3500", "reward_claimed", "R1", "150000000000000000"],
      ["3500", "delegate", "R1", (500n * ALLO).toString()],
      ["3500", "removal_cancelled", "R1", (100n * ALLO).toString()],
      ["3500", "unbonding_started", "V1", (100n * ALLO).toString()],
      ["3500", "validator_delegation_withdrawn", "V2", (50n * ALLO).toString()],
      ["3000", "removal_requested", "R1", (100n * ALLO).toString()],
    ]);
    expect(rows[0]!.timeIso).toBe("2026-11-01T00:00:00.000Z");
    expect((await listAccountHistory(D, { from: new Date("2026-11-01T00:00:00Z"), to: null })).total).toBe(1);
    expect((await listAccountHistory(D, { from: null, to: null }, 2)).rows).toHaveLength(2);
    expect((await listAccountHistory(D, { from: null, to: null })).total).toBe(10);
  });

  it("downloads the same history as CSV, and names the bad field of a bad request", async () => {
    const res = await csv(D, "?from=2026-10-31&to=2026-11-01");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toContain("text/csv");
    const lines = (await res.text()).trim().split("\n");
    expect(lines[0]).toBe("time_utc,height,action,system,topic_id,counterparty,amount_uallo");
    expect(lines).toHaveLength(10);
    expect(lines[1]).toBe(`2026-11-01T00:00:00.000Z,4000,stake_added,reputer,2,${D},300000000000000000000`);
    const badAddress = await csv(`${D.slice(0, -1)}${D.endsWith("q") ? "p" : "q"}`);
    expect(badAddress.status).toBe(400);
    expect((await badAddress.json()).error.issues).toEqual([{ field: "address", message: expect.stringContaining("checksum") }]);
    const badDate = await csv(D, "?from=2026-13-01");
    expect(badDate.status).toBe(400);
    expect((await badDate.json()).error.issues).toEqual([{ field: "from", message: expect.stringContaining("YYYY-MM-DD") }]);
  });
});
