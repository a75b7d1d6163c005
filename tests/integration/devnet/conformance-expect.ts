// What REST must answer at a height, derived only from decoded block_results events: the chain's
// state is the sum of what it announced (stake moves, rewards compounding, removals, pruning).
import type { Topic } from "@/lib/allora/schemas/topic";
import type { EventIndex } from "./conformance-scan";

const key = (...parts: Array<string | bigint | number>) => parts.map(String).join("|");

/** Reward amounts are Dec on the wire; the devnet pays whole uallo. */
function wholeUallo(dec: string): bigint {
  if (!/^-?\d+$/.test(dec)) throw new Error(`reward ${dec} is not a whole uallo amount`);
  return BigInt(dec);
}

export function createdTopics(index: EventIndex, h: number): Map<bigint, { height: number; topic: Topic }> {
  return new Map(index.named("EventCreateNewTopic", h).map((e) => [e.event.data.topic.id, { height: e.height, topic: e.event.data.topic }]));
}

export function activeTopicIds(index: EventIndex, h: number): bigint[] {
  const status = new Map<bigint, boolean>();
  for (const e of index.named("EventTopicStatusChanged", h)) status.set(e.event.data.topicId, e.event.data.isActive);
  return [...status].filter(([, active]) => active).map(([id]) => id).sort((a, b) => Number(a - b));
}

export function networkInferenceEvents(index: EventIndex, topicId: bigint, h: number) {
  const all = [...index.named("EventNetworkInferenceBundle", h), ...index.named("EventNetworkInferences", h)];
  return all.filter((e) => e.event.data.topicId === topicId).sort((a, b) => a.height - b.height);
}

export function prunedNonces(index: EventIndex, topicId: bigint, h: number): Set<bigint> {
  return new Set(index.named("EventPruneRecords", h).filter((e) => e.event.data.topicId === topicId).map((e) => e.event.data.blockHeight));
}

export interface StakeView {
  self: Map<string, bigint>;
  delegated: Map<string, bigint>;
  /** topic|delegator|reputer → amount */
  placements: Map<string, bigint>;
  reputers: Map<bigint, Set<string>>;
  rewardPerShare: Map<string, string>;
}

/**
 * Reputer self stake = self adds − self removals + reputer rewards − the delegators' share of them
 * (rewards compound into stake); delegated stake and placements = delegator adds − removals.
 */
export function stakeFromEvents(index: EventIndex, h: number): StakeView {
  const view: StakeView = { self: new Map(), delegated: new Map(), placements: new Map(), reputers: new Map(), rewardPerShare: new Map() };
  const bump = (map: Map<string, bigint>, k: string, delta: bigint) => map.set(k, (map.get(k) ?? 0n) + delta);
  for (const e of index.named("EventReputerRegistered", h)) {
    const set = view.reputers.get(e.event.data.topicId) ?? new Set<string>();
    set.add(e.event.data.reputer);
    view.reputers.set(e.event.data.topicId, set);
  }
  const moves = [
    ...index.named("EventAddStake", h).map((e) => ({ ...e.event.data, sign: 1n })),
    ...index.named("EventRemoveStake", h).map((e) => ({ ...e.event.data, sign: -1n })),
  ];
  for (const m of moves) {
    if (m.delegator === null) bump(view.self, key(m.topicId, m.reputer), m.sign * m.amount);
    else {
      bump(view.delegated, key(m.topicId, m.reputer), m.sign * m.amount);
      bump(view.placements, key(m.topicId, m.delegator, m.reputer), m.sign * m.amount);
    }
  }
  for (const e of index.named("EventRewardsSettled", h)) {
    if (e.event.data.actorType !== "reputer") continue;
    e.event.data.addresses.forEach((reputer, i) => {
      const reward = e.event.data.rewards[i];
      if (reward) bump(view.self, key(e.event.data.topicId, reputer), wholeUallo(reward));
    });
  }
  for (const e of index.named("EventDelegateRewardDistributed", h)) bump(view.self, key(e.event.data.topicId, e.event.data.reputer), -e.event.data.amount);
  for (const e of index.named("EventDelegateRewardShareUpdated", h)) {
    if (e.event.data.rewardPerShare !== null) view.rewardPerShare.set(key(e.event.data.topicId, e.event.data.reputer), e.event.data.rewardPerShare);
  }
  return view;
}

export interface PendingRemoval {
  topicId: bigint;
  reputer: string;
  delegator: string | null;
  amount: bigint;
  requested: number;
  completion: bigint;
}

/** Requests not yet cancelled or executed at h (one pending removal per topic/reputer/delegator). */
export function pendingRemovals(index: EventIndex, h: number): PendingRemoval[] {
  const pending = new Map<string, PendingRemoval>();
  const timeline = [
    ...index.named("EventRequestStakeRemoval", h).map((e) => ({ h: e.height, kind: "request" as const, data: e.event.data })),
    ...index.named("EventCancelStakeRemoval", h).map((e) => ({ h: e.height, kind: "cancel" as const, data: e.event.data })),
    ...index.named("EventRemoveStake", h).map((e) => ({ h: e.height, kind: "remove" as const, data: e.event.data })),
  ].sort((a, b) => a.h - b.h);
  for (const step of timeline) {
    const k = key(step.data.topicId, step.data.reputer, step.data.delegator ?? "");
    if (step.kind === "request" && "completionHeight" in step.data) {
      const { topicId, reputer, delegator, amount, completionHeight } = step.data;
      pending.set(k, { topicId, reputer, delegator, amount, requested: step.h, completion: completionHeight });
    } else pending.delete(k);
  }
  return [...pending.values()];
}

export { key as stakeKey };
