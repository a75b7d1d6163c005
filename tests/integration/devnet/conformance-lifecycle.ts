// Events that need more than a few thousand blocks (stake removals wait remove_stake_delay_window,
// delegators claim days later, validators unbond per 12-hour slot). The devnet's own ledger says
// where they happened; the client must decode them there, and REST must change at that height.
import { expect } from "vitest";
import { pendingDelegateReward } from "@/lib/allora/schemas/stake";
import type { Removal } from "@/lib/devnet/ledger";
import type { Unbonding } from "@/lib/devnet/validators";
import { type Conformance, expectSameDec } from "./conformance-context";

export interface Lifecycle {
  removals: Removal[];
  claims: Array<{ height: number; topicId: number; delegator: string; reputer: string }>;
  /** Settlement heights where a reputer's delegators got a share of its reward. */
  distributions: number[];
  unbondings: Unbonding[];
}

export function lifecycleOf(c: Pick<Conformance, "devnet">): Lifecycle {
  const { sim } = c.devnet;
  const claims: Lifecycle["claims"] = [];
  for (const [height, txs] of sim.ledger.txs) {
    for (const tx of txs) {
      for (const ev of tx.events) {
        if (ev.name !== "EventRewardDelegateStake") continue;
        const f = ev.fields as { topic_id: string; delegator: string; reputer: string };
        claims.push({ height, topicId: Number(f.topic_id), delegator: f.delegator, reputer: f.reputer });
      }
    }
  }
  const distributions = new Set<number>();
  for (const e of sim.engines) for (const rec of e.epochs) if (rec?.ev?.rewDelegators.some((x) => x > 0n)) distributions.add(rec.ev.height);
  return {
    removals: [...sim.ledger.removals],
    claims: claims.sort((a, b) => a.height - b.height),
    distributions: [...distributions].sort((a, b) => a - b).slice(0, 12),
    unbondings: [...sim.validators.unbondings],
  };
}

export function lifecycleHeights(l: Lifecycle): number[] {
  return [
    ...l.removals.flatMap((r) => [r.start, r.cancelledAt, r.executedAt].filter((h): h is number => h !== null)),
    ...l.claims.map((x) => x.height),
    ...l.distributions,
    ...l.unbondings.map((u) => u.creationHeight),
  ];
}

const at = <T extends { height: number }>(list: T[], h: number) => list.filter((e) => e.height === h);

async function pendingKeys(c: Conformance, h: number, delay: bigint): Promise<string[]> {
  const q = { height: h };
  const upTo = BigInt(h) + delay;
  const [stake, delegate] = await Promise.all([c.lcd.getStakeRemovalsUpTo(upTo, q), c.lcd.getDelegateStakeRemovalsUpTo(upTo, q)]);
  return [...stake.map((r) => `${r.topicId}|${r.reputer}|`), ...delegate.map((r) => `${r.topicId}|${r.reputer}|${r.delegator}`)];
}

/** Returns the event names seen with the expected content. */
export async function checkRemovals(c: Conformance, removals: Removal[]): Promise<Set<string>> {
  const seen = new Set<string>();
  const delay = (await c.lcd.getParams()).removeStakeDelayWindow;
  for (const r of removals) {
    const k = `${r.topicId}|${r.reputer}|${r.delegator}`;
    const matches = (d: { topicId: bigint; reputer: string; delegator: string | null }) =>
      d.topicId === BigInt(r.topicId) && d.reputer === r.reputer && (d.delegator ?? "") === r.delegator;
    const request = at(c.index.named("EventRequestStakeRemoval"), r.start).find((e) => matches(e.event.data));
    expect(request?.event.data, `removal request of ${k} at ${r.start}`).toMatchObject({ amount: r.amount, completionHeight: BigInt(r.completion) });
    expect(request?.source).toBe("tx");
    seen.add("EventRequestStakeRemoval");
    expect(await pendingKeys(c, r.start - 1, delay)).not.toContain(k);
    expect(await pendingKeys(c, r.start, delay)).toContain(k);
    const single = (height: number) =>
      r.delegator
        ? c.lcd.getDelegateStakeRemoval(r.topicId, r.delegator, r.reputer, { height })
        : c.lcd.getStakeRemoval(r.topicId, r.reputer, { height });
    expect(await single(r.start - 1)).toBeNull();
    expect(await single(r.start)).toMatchObject({ amount: r.amount, blockRemovalStarted: BigInt(r.start), blockRemovalCompleted: BigInt(r.completion) });
    if (r.cancelledAt !== null) {
      expect(at(c.index.named("EventCancelStakeRemoval"), r.cancelledAt).some((e) => matches(e.event.data)), `cancel of ${k}`).toBe(true);
      expect(await pendingKeys(c, r.cancelledAt - 1, delay)).toContain(k);
      expect(await pendingKeys(c, r.cancelledAt, delay)).not.toContain(k);
      seen.add("EventCancelStakeRemoval");
    }
    if (r.executedAt !== null) {
      const removed = at(c.index.named("EventRemoveStake"), r.executedAt).find((e) => matches(e.event.data));
      expect(removed, `removal of ${k} at ${r.executedAt}`).toBeDefined();
      expect(removed!.source).toBe("finalize_block");
      expect(removed!.event.mode).toBe("EndBlock");
      const amount = removed!.event.data.amount;
      expect(amount).toBeGreaterThan(0n);
      expect(amount).toBeLessThanOrEqual(r.amount);
      expect(await pendingKeys(c, r.executedAt, delay)).not.toContain(k);
      await expectStakeDrop(c, r, r.executedAt, amount);
      seen.add("EventRemoveStake");
    }
  }
  return seen;
}

/** Stake falls by the removed amount; a settlement in the same block may compound a reward into self stake. */
async function expectStakeDrop(c: Conformance, r: Removal, h: number, amount: bigint): Promise<void> {
  if (r.delegator) {
    const [before, after] = await Promise.all([
      c.lcd.getDelegateStakePlacement(r.topicId, r.delegator, r.reputer, { height: h - 1 }),
      c.lcd.getDelegateStakePlacement(r.topicId, r.delegator, r.reputer, { height: h }),
    ]);
    expect(BigInt(before.amount) - BigInt(after.amount)).toBe(amount);
    return;
  }
  const [before, after] = await Promise.all([
    c.lcd.getReputerStakeSelf(r.reputer, r.topicId, { height: h - 1 }),
    c.lcd.getReputerStakeSelf(r.reputer, r.topicId, { height: h }),
  ]);
  const settled = at(c.index.named("EventRewardsSettled"), h).filter((e) => e.event.data.topicId === BigInt(r.topicId) && e.event.data.actorType === "reputer");
  const reward = settled.flatMap((e) => e.event.data.addresses.map((a, i) => (a === r.reputer ? BigInt(e.event.data.rewards[i] ?? "0") : 0n))).reduce((s, x) => s + x, 0n);
  const shared = at(c.index.named("EventDelegateRewardDistributed"), h)
    .filter((e) => e.event.data.topicId === BigInt(r.topicId) && e.event.data.reputer === r.reputer)
    .reduce((s, e) => s + e.event.data.amount, 0n);
  expect(after - before).toBe(-amount + reward - shared);
}

/** A claim pays exactly what the client computes as pending from the placement and reward per share. */
export async function checkClaims(c: Conformance, claims: Lifecycle["claims"]): Promise<void> {
  expect(claims.length).toBeGreaterThan(0);
  for (const claim of claims) {
    const event = at(c.index.named("EventRewardDelegateStake"), claim.height).find(
      (e) => e.event.data.delegator === claim.delegator && e.event.data.reputer === claim.reputer,
    );
    expect(event, `claim of ${claim.delegator} at ${claim.height}`).toBeDefined();
    expect(event!.event.data.topicId).toBe(BigInt(claim.topicId));
    const q = { height: claim.height - 1 };
    const [placement, rps] = await Promise.all([
      c.lcd.getDelegateStakePlacement(claim.topicId, claim.delegator, claim.reputer, q),
      c.lcd.getDelegateRewardPerShare(claim.topicId, claim.reputer, q),
    ]);
    expect(String(pendingDelegateReward(placement, rps))).toBe(event!.event.data.amount);
  }
}

export async function checkDistributions(c: Conformance, heights: number[]): Promise<void> {
  expect(heights.length).toBeGreaterThan(0);
  for (const h of heights) {
    const paid = at(c.index.named("EventDelegateRewardDistributed"), h);
    expect(paid.length, `delegator rewards distributed at ${h}`).toBeGreaterThan(0);
    for (const { event } of paid) {
      const { topicId, reputer, amount } = event.data;
      expect(amount).toBeGreaterThan(0n);
      const share = at(c.index.named("EventDelegateRewardShareUpdated"), h).find((e) => e.event.data.topicId === topicId && e.event.data.reputer === reputer);
      expect(share, `reward per share update for ${reputer} at ${h}`).toBeDefined();
      const [before, after] = await Promise.all([
        c.lcd.getDelegateRewardPerShare(topicId, reputer, { height: h - 1 }),
        c.lcd.getDelegateRewardPerShare(topicId, reputer, { height: h }),
      ]);
      expectSameDec(after, share!.event.data.rewardPerShare, `reward per share of ${reputer} at ${h}`);
      expect(Number(after)).toBeGreaterThan(Number(before));
    }
  }
}

export async function checkUnbondings(c: Conformance, unbondings: Unbonding[]): Promise<void> {
  expect(unbondings.length).toBeGreaterThan(0);
  for (const u of unbondings) {
    const h = u.creationHeight;
    const entriesAt = async (height: number) =>
      (await c.lcd.listValidatorUnbondingDelegations(u.validator, { height }))
        .filter((x) => x.delegatorAddress === u.delegator)
        .flatMap((x) => x.entries)
        .filter((e) => e.creationHeight === BigInt(h));
    expect(await entriesAt(h - 1)).toEqual([]);
    const [entry] = await entriesAt(h);
    expect(entry, `unbonding of ${u.delegator} from ${u.validator} at ${h}`).toMatchObject({ initialBalance: u.amount, balance: u.amount });
    expect(Date.parse(entry!.completionTime)).toBeGreaterThan((await c.rpc.getBlock(h)).time.getTime());
    const unbond = c.index.unknownAt(h, "unbond").find((attrs) => attrs.delegator === u.delegator);
    expect(unbond, `unbond event at ${h}`).toMatchObject({ validator: u.validator, amount: `${u.amount}uallo` });
  }
}
