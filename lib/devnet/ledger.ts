// Topic lifecycle, registrations and the reputer stake / delegation ledger. Everything is driven
// by deterministic intents scheduled per 12-hour slot and executed in height order; every state
// change is written to a Series so REST can answer "as of height h", and every change emits the
// tx or EndBlock events an indexer would see at that height.
import { CHAIN_PARAMS, type EmissionsVersion, type TopicSpec } from "./config";
import type { TopicActors } from "./actors";
import { emissionsEv, type ChainTx, type TypedEv } from "./chain-types";
import { alloToUallo } from "./dec";
import { RPS_ONE, StakeBook, stakeKey as key } from "./stake-book";
import { buildIntentsForSlot, demoIntents, fixedIntents, SLOT_BLOCKS, type Intent } from "./ledger-intents";

export { RPS_SCALE } from "./stake-book";

export interface Removal {
  kind: "stake" | "delegate";
  topicId: number;
  reputer: string;
  delegator: string;
  amount: bigint;
  start: number;
  completion: number;
  cancelledAt: number | null;
  executedAt: number | null;
}

export interface Registration {
  topicId: number;
  address: string;
  kind: "worker" | "reputer";
  height: number;
}

export interface TopicRuntime {
  spec: TopicSpec;
  actors: TopicActors;
}

export class Ledger extends StakeBook {
  readonly txs = new Map<number, ChainTx[]>();
  readonly endBlock = new Map<number, TypedEv[]>();
  readonly removals: Removal[] = [];
  readonly registrations: Registration[] = [];
  readonly activeSince = new Map<number, number>();
  readonly createdAt = new Map<number, number>();
  /** Delegators that ever placed stake, per topic (the chain has no list query; REST needs one). */
  readonly delegatorsOf = new Map<number, Set<string>>();
  private readonly intents = new Map<number, Intent[]>();
  private readonly pending = new Map<string, Removal>();
  /** Called when a completed removal returns stake to its owner (the devnet's bank credits the wallet accounts). */
  onRemovalPaid?: (owner: string, amount: bigint, h: number) => void;

  constructor(
    private readonly seed: number,
    readonly version: EmissionsVersion,
    readonly topics: TopicRuntime[],
    private readonly topicJson: (spec: TopicSpec) => unknown,
    demo?: { account: string; historyBlocks: number },
  ) {
    super();
    for (const rt of topics) for (const it of fixedIntents(rt)) this.schedule(it);
    if (demo) for (const it of demoIntents(topics, demo.account, demo.historyBlocks)) this.schedule(it);
  }

  private schedule(it: Intent): void {
    const list = this.intents.get(it.height);
    if (list) list.push(it);
    else this.intents.set(it.height, [it]);
  }

  private tx(h: number, tx: ChainTx): void {
    const list = this.txs.get(h);
    if (list) list.push(tx);
    else this.txs.set(h, [tx]);
  }

  private end(h: number, ev: TypedEv): void {
    const list = this.endBlock.get(h);
    if (list) list.push(ev);
    else this.endBlock.set(h, [ev]);
  }

  private url(name: string): string {
    return `/emissions.${this.version}.${name}`;
  }

  processHeight(h: number): void {
    if (h % SLOT_BLOCKS === 0 || h === 1) {
      const slot = Math.floor(h / SLOT_BLOCKS);
      for (const rt of this.topics) for (const it of buildIntentsForSlot(this.seed, rt, slot)) this.schedule(it);
    }
    for (const r of this.pending.values()) if (r.completion === h) this.executeRemoval(r, h);
    const list = this.intents.get(h);
    if (!list) return;
    this.intents.delete(h);
    for (const it of list) this.execute(it, h);
  }

  private execute(it: Intent, h: number): void {
    const rt = this.topics.find((t) => t.spec.id === it.topicId);
    if (!rt) return;
    const topicId = it.topicId;
    switch (it.kind) {
      case "createTopic":
        this.createdAt.set(topicId, h);
        this.tx(h, { sender: rt.actors.creator, typeUrl: this.url("CreateNewTopicRequest"), body: { creator: rt.actors.creator, metadata: rt.spec.metadata }, events: [emissionsEv("EventCreateNewTopic", { topic: this.topicJson(rt.spec) })] });
        return;
      case "activate":
        this.activeSince.set(topicId, h);
        this.end(h, emissionsEv("EventTopicStatusChanged", { topic_id: String(topicId), is_active: true }));
        return;
      case "register": {
        const isReputer = it.role === "reputer";
        this.registrations.push({ topicId, address: it.actor, kind: isReputer ? "reputer" : "worker", height: h });
        const ev = isReputer
          ? emissionsEv("EventReputerRegistered", { topic_id: String(topicId), reputer: it.actor, owner: it.actor })
          : emissionsEv("EventWorkerRegistered", { topic_id: String(topicId), worker: it.actor, owner: it.actor });
        this.tx(h, { sender: it.actor, typeUrl: this.url("RegisterRequest"), body: { sender: it.actor, topic_id: String(topicId), owner: it.actor, is_reputer: isReputer }, events: [ev] });
        return;
      }
      case "addStake": {
        const amount = alloToUallo(it.allo);
        this.changeStake(topicId, it.reputer, h, amount, 0n);
        this.tx(h, { sender: it.reputer, typeUrl: this.url("AddStakeRequest"), body: { sender: it.reputer, topic_id: String(topicId), amount: amount.toString() }, events: [emissionsEv("EventAddStake", { topic_id: String(topicId), reputer: it.reputer, delegator: "", amount: amount.toString() })] });
        return;
      }
      case "requestRemoval":
      case "requestDelegateRemoval":
        this.requestRemoval(it, h);
        return;
      case "cancelRemoval":
      case "cancelDelegateRemoval":
        this.cancelRemoval(it, h);
        return;
      case "delegate":
        this.delegate(it.topicId, it.delegator, it.reputer, alloToUallo(it.allo), h);
        return;
      case "claim":
        this.claim(it.topicId, it.delegator, it.reputer, h);
        return;
    }
  }

  private requestRemoval(it: Extract<Intent, { kind: "requestRemoval" | "requestDelegateRemoval" }>, h: number): void {
    const delegator = it.kind === "requestDelegateRemoval" ? it.delegator : "";
    if (this.pending.has(key(it.topicId, it.reputer, delegator))) return;
    const base = delegator ? this.placements.get(key(it.topicId, delegator, it.reputer)).latest().amount : this.self.get(key(it.topicId, it.reputer)).latest();
    const amount = it.fraction >= 1 ? base : (base * BigInt(Math.round(it.fraction * 1000))) / 1000n;
    if (amount <= 0n) return;
    const sender = delegator || it.reputer;
    const body = delegator
      ? { sender, reputer: it.reputer, topic_id: String(it.topicId), amount: amount.toString() }
      : { sender, topic_id: String(it.topicId), amount: amount.toString() };
    const events = this.startRemoval(it.topicId, it.reputer, delegator, amount, h, true);
    this.tx(h, { sender, typeUrl: this.url(delegator ? "RemoveDelegateStakeRequest" : "RemoveStakeRequest"), body, events });
  }

  /** Queues a removal that completes after remove_stake_delay_window blocks. As on the chain, a new request replaces
   *  a pending one of the same placement (the old one is dropped without an event). */
  startRemoval(topicId: number, reputer: string, delegator: string, amount: bigint, h: number, write: boolean): TypedEv[] {
    const completion = h + CHAIN_PARAMS.removeStakeDelayWindow;
    const events = [emissionsEv("EventRequestStakeRemoval", { topic_id: String(topicId), reputer, delegator, amount: amount.toString(), completion_height: String(completion) })];
    if (!write) return events;
    const k = key(topicId, reputer, delegator);
    const old = this.pending.get(k);
    if (old) old.cancelledAt = h;
    const removal: Removal = { kind: delegator ? "delegate" : "stake", topicId, reputer, delegator, amount, start: h, completion, cancelledAt: null, executedAt: null };
    this.removals.push(removal);
    this.pending.set(k, removal);
    return events;
  }

  private cancelRemoval(it: Extract<Intent, { kind: "cancelRemoval" | "cancelDelegateRemoval" }>, h: number): void {
    const delegator = it.kind === "cancelDelegateRemoval" ? it.delegator : "";
    const removal = this.pendingRemoval(it.topicId, it.reputer, delegator);
    if (!removal || removal.start === h) return;
    const sender = delegator || it.reputer;
    const body = delegator
      ? { sender, topic_id: String(it.topicId), delegator, reputer: it.reputer }
      : { sender, topic_id: String(it.topicId) };
    const events = this.cancelPendingRemoval(it.topicId, it.reputer, delegator, h, true);
    this.tx(h, { sender, typeUrl: this.url(delegator ? "CancelRemoveDelegateStakeRequest" : "CancelRemoveStakeRequest"), body, events });
  }

  /** The removal of this placement still waiting for its completion height, if any. */
  pendingRemoval(topicId: number, reputer: string, delegator: string): Removal | undefined {
    return this.pending.get(key(topicId, reputer, delegator));
  }

  /** Cancels the pending removal (the caller checked there is one). */
  cancelPendingRemoval(topicId: number, reputer: string, delegator: string, h: number, write: boolean): TypedEv[] {
    const events = [emissionsEv("EventCancelStakeRemoval", { topic_id: String(topicId), reputer, delegator })];
    if (!write) return events;
    const k = key(topicId, reputer, delegator);
    const removal = this.pending.get(k);
    if (removal) removal.cancelledAt = h;
    this.pending.delete(k);
    return events;
  }

  private executeRemoval(r: Removal, h: number): void {
    this.pending.delete(key(r.topicId, r.reputer, r.delegator));
    let amount: bigint;
    if (r.delegator) {
      const s = this.placements.get(key(r.topicId, r.delegator, r.reputer));
      const p = s.latest();
      amount = r.amount < p.amount ? r.amount : p.amount;
      const rps = this.rps.get(key(r.topicId, r.reputer)).latest();
      // Lowering the debt with the amount keeps the pending reward untouched.
      s.set(h, { amount: p.amount - amount, debt: p.debt - amount * rps });
      this.changeStake(r.topicId, r.reputer, h, 0n, -amount);
    } else {
      const self = this.self.get(key(r.topicId, r.reputer)).latest();
      amount = r.amount < self ? r.amount : self;
      this.changeStake(r.topicId, r.reputer, h, -amount, 0n);
    }
    r.executedAt = h;
    this.onRemovalPaid?.(r.delegator || r.reputer, amount, h);
    this.end(h, emissionsEv("EventRemoveStake", { topic_id: String(r.topicId), reputer: r.reputer, delegator: r.delegator, amount: amount.toString() }));
  }

  private delegate(topicId: number, delegator: string, reputer: string, amount: bigint, h: number): void {
    if (amount <= 0n) return;
    const { events } = this.delegateStake(topicId, delegator, reputer, amount, h, true);
    this.tx(h, { sender: delegator, typeUrl: this.url("DelegateStakeRequest"), body: { sender: delegator, topic_id: String(topicId), reputer, amount: amount.toString() }, events });
  }

  /** Adds `amount` to a placement, paying its pending reward first. With `write` false it only says what would happen. */
  delegateStake(topicId: number, delegator: string, reputer: string, amount: bigint, h: number, write: boolean): { events: TypedEv[]; paid: bigint } {
    const events: TypedEv[] = [];
    const paid = this.claimReward(topicId, delegator, reputer, h, write);
    if (paid > 0n) events.push(emissionsEv("EventRewardDelegateStake", { topic_id: String(topicId), reputer, delegator, amount: paid.toString() }));
    events.push(emissionsEv("EventAddStake", { topic_id: String(topicId), reputer, delegator, amount: amount.toString() }));
    if (!write) return { events, paid };
    const s = this.placements.get(key(topicId, delegator, reputer));
    const p = s.latest();
    const rps = this.rps.get(key(topicId, reputer)).latest();
    s.set(h, { amount: p.amount + amount, debt: p.debt + amount * rps });
    this.changeStake(topicId, reputer, h, 0n, amount);
    let set = this.delegatorsOf.get(topicId);
    if (!set) this.delegatorsOf.set(topicId, (set = new Set()));
    set.add(delegator);
    return { events, paid };
  }

  private claim(topicId: number, delegator: string, reputer: string, h: number): void {
    const paid = this.claimReward(topicId, delegator, reputer, h, true);
    if (paid <= 0n) return;
    this.tx(h, { sender: delegator, typeUrl: this.url("RewardDelegateStakeRequest"), body: { sender: delegator, topic_id: String(topicId), reputer }, events: [emissionsEv("EventRewardDelegateStake", { topic_id: String(topicId), reputer, delegator, amount: paid.toString() })] });
  }

  /** The pending delegator reward, truncated to whole uallo (what a claim pays now). */
  pendingReward(topicId: number, delegator: string, reputer: string): bigint {
    const p = this.placements.peek(key(topicId, delegator, reputer))?.latest() ?? { amount: 0n, debt: 0n };
    const rps = this.rps.peek(key(topicId, reputer))?.latest() ?? 0n;
    return (p.amount * rps - p.debt) / RPS_ONE;
  }

  /** Pays the pending delegator reward (truncated to whole uallo) and resets the debt; returns what was paid. */
  claimReward(topicId: number, delegator: string, reputer: string, h: number, write: boolean): bigint {
    const paid = this.pendingReward(topicId, delegator, reputer);
    if (paid <= 0n) return 0n;
    if (write) {
      const s = this.placements.get(key(topicId, delegator, reputer));
      const p = s.latest();
      s.set(h, { amount: p.amount, debt: p.debt + paid * RPS_ONE });
    }
    return paid;
  }

  pendingRemovalsAt(h: number): Removal[] {
    return this.removals.filter((r) => r.start <= h && h < (r.cancelledAt ?? r.completion));
  }
}
