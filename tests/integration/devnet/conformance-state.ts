// Stake, delegation, removal queues, validators, mint and CometBFT: REST/RPC at a height against
// the events and against each other.
import { expect } from "vitest";
import { type Conformance, DEC_RE, expectSameDec } from "./conformance-context";
import { pendingRemovals, stakeFromEvents, stakeKey } from "./conformance-expect";

export interface StakeTally {
  reputers: number;
  delegated: number;
  placements: number;
  removals: number;
}

export async function checkStakeAt(c: Conformance, h: number, tally: StakeTally): Promise<void> {
  const q = { height: h };
  const view = stakeFromEvents(c.index, h);
  let total = 0n;
  for (const [topicId, reputers] of view.reputers) {
    let topicTotal = 0n;
    for (const reputer of reputers) {
      const k = stakeKey(topicId, reputer);
      const [self, delegated, stake, rps] = await Promise.all([
        c.lcd.getReputerStakeSelf(reputer, topicId, q),
        c.lcd.getReputerDelegateStake(reputer, topicId, q),
        c.lcd.getReputerStake(reputer, topicId, q),
        c.lcd.getDelegateRewardPerShare(topicId, reputer, q),
      ]);
      expect(self, `self stake of ${reputer} in topic ${topicId} at ${h}`).toBe(view.self.get(k) ?? 0n);
      expect(self).toBeGreaterThan(0n);
      expect(delegated, `delegated stake of ${reputer} in topic ${topicId} at ${h}`).toBe(view.delegated.get(k) ?? 0n);
      expect(stake).toBe(self + delegated);
      expectSameDec(rps, view.rewardPerShare.get(k) ?? "0", `reward per share of ${reputer} in topic ${topicId} at ${h}`);
      topicTotal += stake;
      tally.reputers += 1;
      if (delegated > 0n) tally.delegated += 1;
    }
    expect(await c.lcd.getTopicStake(topicId, q)).toBe(topicTotal);
    total += topicTotal;
  }
  expect(await c.lcd.getTotalStake(q)).toBe(total);

  for (const [k, amount] of view.placements) {
    const [topicId = "", delegator = "", reputer = ""] = k.split("|");
    const [placement, delegateStake] = await Promise.all([
      c.lcd.getDelegateStakePlacement(topicId, delegator, reputer, q),
      c.lcd.getDelegateStake(delegator, reputer, topicId, q),
    ]);
    expectSameDec(placement.amount, amount.toString(), `placement ${k} at ${h}`);
    expect(delegateStake).toBe(amount);
    expect(placement.rewardDebt).toMatch(DEC_RE);
    tally.placements += 1;
  }

  const { removeStakeDelayWindow } = await c.lcd.getParams(q);
  const upTo = BigInt(h) + removeStakeDelayWindow;
  const [stakeRemovals, delegateRemovals] = await Promise.all([c.lcd.getStakeRemovalsUpTo(upTo, q), c.lcd.getDelegateStakeRemovalsUpTo(upTo, q)]);
  const served = [
    ...stakeRemovals.map((r) => ({ ...r, delegator: null as string | null })),
    ...delegateRemovals.map((r) => ({ ...r })),
  ].map((r) => ({ topicId: r.topicId, reputer: r.reputer, delegator: r.delegator, amount: r.amount, requested: Number(r.blockRemovalStarted), completion: r.blockRemovalCompleted }));
  const byKey = (r: { topicId: bigint; reputer: string; delegator: string | null }) => stakeKey(r.topicId, r.reputer, r.delegator ?? "");
  const sort = <T extends { topicId: bigint; reputer: string; delegator: string | null }>(list: T[]) => [...list].sort((a, b) => byKey(a).localeCompare(byKey(b)));
  expect(sort(served)).toEqual(sort(pendingRemovals(c.index, h)));
  for (const r of served) expect(r.completion).toBe(BigInt(r.requested) + removeStakeDelayWindow);
  tally.removals += served.length;
}

export async function checkValidatorsAndMintAt(c: Conformance, h: number): Promise<number> {
  const q = { height: h };
  const validators = await c.lcd.listValidators({}, q);
  expect(validators.length).toBeGreaterThanOrEqual(10);
  const bonded = validators.filter((v) => v.status === "bonded");
  expect(bonded.length).toBeGreaterThanOrEqual(10);
  expect(await c.lcd.listValidators({ status: "BOND_STATUS_BONDED" }, q)).toEqual(bonded);
  let unbondingEntries = 0;
  for (const v of validators) {
    expect(v.operatorAddress).toMatch(/^allovaloper1/);
    expect(v.moniker).not.toBe("");
    expect(v.tokens).toBeGreaterThan(0n);
    expect(v.commissionRate).toMatch(/^0\.\d{18}$/);
    const [delegations, unbondings] = await Promise.all([
      c.lcd.listValidatorDelegations(v.operatorAddress, q),
      c.lcd.listValidatorUnbondingDelegations(v.operatorAddress, q),
    ]);
    expect(delegations.length).toBeGreaterThan(0);
    expect(delegations.every((d) => d.validatorAddress === v.operatorAddress && d.balance.denom === "uallo")).toBe(true);
    expect(delegations.reduce((sum, d) => sum + d.balance.amount, 0n), `delegations of ${v.moniker} at ${h}`).toBe(v.tokens);
    for (const u of unbondings) {
      expect(u.validatorAddress).toBe(v.operatorAddress);
      expect(u.delegatorAddress).toMatch(/^allo1/);
      for (const e of u.entries) {
        expect(e.creationHeight).toBeLessThanOrEqual(BigInt(h));
        expect(Date.parse(e.completionTime)).toBeGreaterThan(0);
        expect(e.balance).toBeGreaterThan(0n);
        unbondingEntries += 1;
      }
    }
  }
  const [info, inflation, totalStake] = await Promise.all([c.lcd.getEmissionInfo(q), c.lcd.getInflation(q), c.lcd.getTotalStake(q)]);
  expect(info.blockEmission).toBeGreaterThan(0n);
  expect(info.validatorCut + info.alloraRewardsCut).toBe(info.blockEmission);
  expect(info.networkStakedTokens).toBe(bonded.reduce((sum, v) => sum + v.tokens, 0n) + totalStake);
  expect(info.circulatingSupply).toBeLessThan(info.maxSupply);
  expect(Number(inflation)).toBeGreaterThan(0);
  return unbondingEntries;
}

export async function checkBlocksAt(c: Conformance, heights: readonly number[]): Promise<void> {
  const status = await c.rpc.getStatus();
  expect(status.chainId).toBe("allora-devnet-1");
  expect(status.latestHeight).toBe(BigInt(c.tip));
  expect(status.earliestHeight).toBe(1n);
  expect(status.catchingUp).toBe(false);
  const first = await c.rpc.getBlock(1);
  for (const h of heights) {
    const block = await c.rpc.getBlock(h);
    expect(block.chainId).toBe(status.chainId);
    expect(block.height).toBe(BigInt(h));
    expect(block.hash).toMatch(/^[0-9A-F]{64}$/);
    expect(block.time.getTime() - first.time.getTime()).toBe((h - 1) * 5000);
    expect(block.txCount, `txs in block ${h}`).toBe(c.index.txCounts.get(h));
    if (h === c.tip) expect(block.time).toEqual(status.latestBlockTime);
  }
}
