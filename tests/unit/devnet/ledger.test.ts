// Stake, delegation and removal state must be reconstructible from the emitted events, the way an
// indexer reconstructs it: Σ EventAddStake − Σ EventRemoveStake + reputer rewards = stake.
import { beforeAll, describe, expect, it } from "vitest";
import type { TypedEv } from "@/lib/devnet/chain-types";
import { RPS_SCALE } from "@/lib/devnet/ledger";
import { createSimulation, type Simulation } from "@/lib/devnet/simulation";
import { ALLORA_CUT, VALIDATOR_CUT } from "@/lib/devnet/treasury";

let sim: Simulation;

beforeAll(() => {
  sim = createSimulation({ seed: 42, days: 7 });
}, 60_000);

function allLedgerEvents(): { h: number; ev: TypedEv }[] {
  const out: { h: number; ev: TypedEv }[] = [];
  for (const [h, txs] of sim.ledger.txs) for (const tx of txs) for (const ev of tx.events) out.push({ h, ev });
  for (const [h, evs] of sim.ledger.endBlock) for (const ev of evs) out.push({ h, ev });
  return out;
}

describe("devnet stake ledger", () => {
  it("reputer stake equals added − removed + reputer rewards − delegators' share (from events)", () => {
    const tip = sim.height();
    for (const e of sim.engines) {
      const t = String(e.spec.id);
      let stake = 0n;
      for (const { ev } of allLedgerEvents()) {
        if (ev.fields.topic_id !== t) continue;
        if (ev.name === "EventAddStake") stake += BigInt(ev.fields.amount as string);
        if (ev.name === "EventRemoveStake") stake -= BigInt(ev.fields.amount as string);
      }
      for (const rec of e.epochs) {
        if (!rec?.ev) continue;
        stake += rec.ev.rewRep.reduce((a, b) => a + b, 0n) - rec.ev.rewDelegators.reduce((a, b) => a + b, 0n);
      }
      expect(stake, e.spec.metadata).toBe(sim.ledger.topicStake.get(t).at(tip));
    }
  });

  it("delegations match their events and never owe negative rewards", () => {
    const tip = sim.height();
    const placed = new Map<string, bigint>();
    for (const { ev } of allLedgerEvents()) {
      const d = ev.fields.delegator as string | undefined;
      if (!d) continue;
      const key = `${ev.fields.topic_id}|${d}|${ev.fields.reputer}`;
      if (ev.name === "EventAddStake") placed.set(key, (placed.get(key) ?? 0n) + BigInt(ev.fields.amount as string));
      if (ev.name === "EventRemoveStake") placed.set(key, (placed.get(key) ?? 0n) - BigInt(ev.fields.amount as string));
    }
    expect(placed.size).toBeGreaterThan(20);
    for (const [key, amount] of placed) {
      const [topic, delegator, reputer] = key.split("|") as [string, string, string];
      const p = sim.ledger.placementAt(Number(topic), delegator, reputer, tip);
      expect(p.amount).toBe(amount);
      const pending = p.amount * sim.ledger.rpsAt(Number(topic), reputer, tip) - p.debt;
      expect(pending >= 0n).toBe(true);
    }
    // Some delegators have earned something worth claiming.
    const earning = [...placed.keys()].filter((key) => {
      const [topic, delegator, reputer] = key.split("|") as [string, string, string];
      const p = sim.ledger.placementAt(Number(topic), delegator, reputer, tip);
      return p.amount * sim.ledger.rpsAt(Number(topic), reputer, tip) - p.debt > 10n ** BigInt(RPS_SCALE + 15);
    });
    expect(earning.length).toBeGreaterThan(5);
  });

  it("queues removals with the delay window: some cancelled, some completed, some pending", () => {
    const tip = sim.height();
    const removals = sim.ledger.removals;
    // The chain's remove_stake_delay_window: 17,280 blocks, a day.
    for (const r of removals) expect(r.completion - r.start).toBe(17_280);
    expect(removals.some((r) => r.cancelledAt !== null)).toBe(true);
    expect(removals.some((r) => r.executedAt !== null && r.executedAt === r.completion)).toBe(true);
    expect(sim.ledger.pendingRemovalsAt(tip).length).toBeGreaterThan(0);
    expect(removals.some((r) => r.kind === "stake")).toBe(true);
    expect(removals.some((r) => r.kind === "delegate")).toBe(true);
  });

  it("splits each block's emission between validators and topic rewards", () => {
    // 75 % / 25 % of mainnet's 5.828527245427720480 ALLO per block, worked out by hand.
    expect([ALLORA_CUT, VALIDATOR_CUT]).toEqual([4_371_395_434_070_790_360n, 1_457_131_811_356_930_120n]);
    const paid = sim.treasury.paid.at(sim.height());
    expect(paid).toBeGreaterThan(0n);
    expect(paid).toBeLessThanOrEqual(ALLORA_CUT * BigInt(sim.height()));
  });

  it("has ten or more validators with delegations, unbondings and commission changes", () => {
    const v = sim.validators;
    expect(v.list.length).toBeGreaterThanOrEqual(10);
    expect(v.unbondings.length).toBeGreaterThan(0);
    expect(v.list.some((x) => v.commission.get(x.operator).heights.length > 1)).toBe(true);
  });
});
