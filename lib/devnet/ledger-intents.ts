// What the topic's humans do, decided per 12-hour slot from the seed: reputers top up or pull
// stake, delegators delegate, claim, queue removals and sometimes change their mind.
import type { TopicRuntime } from "./ledger";
import { accountAddress } from "./ids";
import { rngFor } from "./prng";

export const SLOT_BLOCKS = 8640;

interface Base {
  height: number;
  topicId: number;
}

export type Intent = Base &
  (
    | { kind: "createTopic" }
    | { kind: "activate" }
    | { kind: "register"; actor: string; role: "worker" | "reputer" }
    | { kind: "addStake"; reputer: string; allo: number }
    | { kind: "requestRemoval"; reputer: string; fraction: number }
    | { kind: "cancelRemoval"; reputer: string }
    | { kind: "delegate"; delegator: string; reputer: string; allo: number }
    | { kind: "requestDelegateRemoval"; delegator: string; reputer: string; fraction: number }
    | { kind: "cancelDelegateRemoval"; delegator: string; reputer: string }
    | { kind: "claim"; delegator: string; reputer: string }
  );

export function fixedIntents(rt: TopicRuntime): Intent[] {
  const { spec, actors } = rt;
  const topicId = spec.id;
  const out: Intent[] = [{ kind: "createTopic", height: spec.createdAt, topicId }];
  for (const r of actors.reputers) {
    out.push({ kind: "register", height: r.joinedAt, topicId, actor: r.address, role: "reputer" });
    out.push({ kind: "addStake", height: r.joinedAt, topicId, reputer: r.address, allo: r.initialStakeAllo });
  }
  out.push({ kind: "activate", height: spec.createdAt + 2, topicId });
  for (const w of [...actors.inferers, ...actors.forecasters]) out.push({ kind: "register", height: w.joinedAt, topicId, actor: w.address, role: "worker" });
  for (const d of actors.delegators) {
    d.targets.forEach((t, i) => {
      const reputer = actors.reputers[t]!.address;
      out.push({ kind: "delegate", height: d.firstDelegationAt + i * 3, topicId, delegator: d.address, reputer, allo: d.initialAllo / (i + 1) });
    });
  }
  return out;
}

export function buildIntentsForSlot(seed: number, rt: TopicRuntime, slot: number): Intent[] {
  const { spec, actors } = rt;
  const topicId = spec.id;
  const rng = rngFor(seed, "intents", topicId, slot);
  const start = slot * SLOT_BLOCKS;
  const at = (after: number) => {
    const h = start + 1 + rng.int(SLOT_BLOCKS - 1);
    return h > after ? h : -1;
  };
  const out: Intent[] = [];
  const push = (it: Intent) => {
    if (it.height > 0) out.push(it);
  };
  const ready = spec.createdAt + 2;
  for (const r of actors.reputers) {
    if (rng.chance(0.1)) push({ kind: "addStake", height: at(ready), topicId, reputer: r.address, allo: Math.round(rng.range(2000, 20000)) });
    if (rng.chance(0.08)) push({ kind: "requestRemoval", height: at(ready), topicId, reputer: r.address, fraction: rng.range(0.05, 0.3) });
    if (rng.chance(0.2)) push({ kind: "cancelRemoval", height: at(ready), topicId, reputer: r.address });
  }
  for (const d of actors.delegators) {
    const after = d.firstDelegationAt + 10;
    const reputer = actors.reputers[rng.pick(d.targets)]!.address;
    if (rng.chance(0.15)) push({ kind: "delegate", height: at(after), topicId, delegator: d.address, reputer, allo: Math.round(rng.range(100, d.initialAllo * 0.5)) });
    if (rng.chance(0.25)) push({ kind: "claim", height: at(after), topicId, delegator: d.address, reputer });
    if (rng.chance(0.14)) push({ kind: "requestDelegateRemoval", height: at(after), topicId, delegator: d.address, reputer, fraction: rng.chance(0.3) ? 1 : rng.range(0.2, 0.6) });
    if (rng.chance(0.22)) push({ kind: "cancelDelegateRemoval", height: at(after), topicId, delegator: d.address, reputer });
  }
  return out;
}

/** The demo account: a reputer in topic 1 that also delegates in topic 2 and to a validator (see the README). */
export function demoAccount(seed: number): string {
  return accountAddress(seed, "demo", 0);
}

const HOUR = 720;

/**
 * Fixed intents for the demo account, placed relative to the end of the fast-forwarded history so that, when it
 * ends, the account has a pending reputer stake removal and a pending delegate-stake removal. It is not among the
 * topics' random actors, so no random intent cancels them.
 */
export function demoIntents(rts: readonly TopicRuntime[], account: string, historyBlocks: number): Intent[] {
  const [t1, t2] = rts;
  if (!t1 || !t2) return [];
  const reputer = t2.actors.reputers[0]!.address;
  const out: Intent[] = [
    { kind: "register", height: t1.spec.createdAt + 5, topicId: t1.spec.id, actor: account, role: "reputer" },
    { kind: "addStake", height: t1.spec.createdAt + 6, topicId: t1.spec.id, reputer: account, allo: 5000 },
    { kind: "delegate", height: t2.spec.createdAt + 20, topicId: t2.spec.id, delegator: account, reputer, allo: 2000 },
    { kind: "requestRemoval", height: historyBlocks - 6 * HOUR, topicId: t1.spec.id, reputer: account, fraction: 0.2 },
    { kind: "requestDelegateRemoval", height: historyBlocks - 5 * HOUR, topicId: t2.spec.id, delegator: account, reputer, fraction: 0.25 },
  ];
  return out.filter((it, i) => i < 3 || it.height > t2.spec.createdAt + 30);
}
