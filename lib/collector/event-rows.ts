// Turns one block's decoded events into batch rows, and notes which REST state the events made stale
// (a topic that changed, a stake that moved) so the collector re-reads exactly that state.
import type { BlockEvent, BlockResults } from "@/lib/allora/rpc-client";
import type { KnownEvent } from "@/lib/allora/events";
import type { BlockSummary } from "@/lib/allora/schemas/comet";
import type { LabeledDecs } from "@/lib/allora/schemas/common";
import type { NetworkInferenceBundle } from "@/lib/allora/schemas/network-inference";
import type { ValueBundle } from "@/lib/allora/schemas/value-bundle";
import type { BatchBuilder } from "./batch-builder";
import { toReputerLosses, type LossSlot } from "@/lib/ingest/reputer-losses";
import { addDistributionEvent } from "./distribution-rows";

export type Touched = {
  topics: Set<string>;
  /** `${topic}|${reputer}` whose self or delegated stake may have changed. */
  stakes: Set<string>;
  /** `${topic}|${delegator}|${reputer}` whose placement may have changed. */
  placements: Set<string>;
};

export const emptyTouched = (): Touched => ({ topics: new Set(), stakes: new Set(), placements: new Set() });

export class EventDecodeError extends Error {}

const s = (v: bigint | number) => String(v);

function labeledRows(values: LabeledDecs) {
  return Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== null && entry[1] !== undefined);
}

function addNetworkInference(b: BatchBuilder, bundle: NetworkInferenceBundle, topic: bigint, nonce: bigint, height: bigint, outlier: boolean) {
  const base = { topic_id: s(topic), nonce: s(nonce), outlier_resistant: outlier };
  for (const label of bundle.labels) {
    // The labels a topic's network inferences carry, with the first height each was seen (merged to the earliest).
    b.add("topic_labels", { topic_id: s(topic), label_name: label, label_id: null, first_seen_height: s(height) });
    const combined = bundle.combined[label];
    if (combined === undefined || combined === null) continue;
    b.add("network_inferences", { ...base, label, combined_value: combined, naive_value: bundle.naive[label] ?? null, block_height: s(height) });
  }
  // Most rows of a batch are these value rows: built as plain literals, with no spread per row.
  const topic_id = base.topic_id;
  const nonceText = base.nonce;
  const value = (kind: string, actor: string, peer: string, values: LabeledDecs) => {
    for (const label in values) {
      const v = values[label];
      if (v !== null && v !== undefined) b.add("network_inference_values", { topic_id, nonce: nonceText, outlier_resistant: outlier, label, kind, actor, peer, value: v });
    }
  };
  for (const r of bundle.inferers) value("inferer", r.worker, "", r.values);
  for (const r of bundle.forecasters) value("forecaster", r.worker, "", r.values);
  for (const r of bundle.oneOutInferers) value("one_out_inferer", r.withheldInferer, "", r.values);
  for (const r of bundle.oneOutForecasters) value("one_out_forecaster", r.withheldForecaster, "", r.values);
  for (const r of bundle.oneInForecasters) value("one_in_forecaster", r.forecaster, "", r.values);
  for (const r of bundle.oneOutInfererForecasters) value("one_out_inferer_forecaster", r.forecaster, r.withheldInferer, r.values);
}

// Calls `each(kind, actor, peer, value)` for every per-worker loss of a bundle that has a value, in the bundle's order.
function eachLoss(bundle: ValueBundle, each: (kind: string, actor: string, peer: string, v: string) => void) {
  const value = (kind: string, actor: string, peer: string, v: string | null) => {
    if (v !== null) each(kind, actor, peer, v);
  };
  for (const r of bundle.inferers) value("inferer", r.worker, "", r.value);
  for (const r of bundle.forecasters) value("forecaster", r.worker, "", r.value);
  for (const r of bundle.oneOutInferers) value("one_out_inferer", r.worker, "", r.value);
  for (const r of bundle.oneOutForecasters) value("one_out_forecaster", r.worker, "", r.value);
  for (const r of bundle.oneInForecasters) value("one_in_forecaster", r.worker, "", r.value);
  for (const r of bundle.oneOutInfererForecasters) value("one_out_inferer_forecaster", r.forecaster, r.withheldInferer, r.value);
}

function addLossBundle(b: BatchBuilder, bundle: ValueBundle, topic: bigint, nonce: bigint, reputer: string, height: bigint) {
  const topic_id = s(topic);
  const nonceText = s(nonce);
  const row = { topic_id, nonce: nonceText, reputer, combined_value: bundle.combined, naive_value: bundle.naive, block_height: s(height), signature: null, pubkey: null };
  if (reputer === "") {
    // The network's values: one loss_values row each, read value by value by the topic page and the rollups.
    b.add("loss_bundles", { ...row, loss_inferers: null, loss_forecasters: null, losses: null });
    eachLoss(bundle, (kind, actor, peer, value) => b.add("loss_values", { topic_id, nonce: nonceText, reputer, kind, actor, peer, value }));
    return;
  }
  // A reputer's values ride on its bundle row in the chain's column form (lib/ingest/reputer-losses.ts).
  const slots: LossSlot[] = [];
  eachLoss(bundle, (kind, actor, peer, value) => slots.push({ kind, actor, peer, value }));
  b.add("loss_bundles", { ...row, ...toReputerLosses(slots) });
}

function addEvent(b: BatchBuilder, t: Touched, e: KnownEvent, h: bigint, index: number): void {
  const stake = (topic: bigint, reputer: string, delegator: string | null) => {
    t.stakes.add(`${topic}|${reputer}`);
    if (delegator) t.placements.add(`${topic}|${delegator}|${reputer}`);
  };
  switch (e.name) {
    case "EventInsertInfererPayload":
      for (const [label, value] of labeledRows(e.data.values))
        b.add("worker_inferences", { topic_id: s(e.data.topicId), nonce: s(e.data.nonce), inferer: e.data.inferer, label, value, block_height: s(h), extra_data: e.data.extraData, proof: null });
      b.actor(e.data.inferer, h, "worker");
      return;
    case "EventInsertForecasterPayload":
      e.data.infererAddresses.forEach((inferer, i) => {
        const value = e.data.infererValues[i];
        if (value) b.add("forecasts", { topic_id: s(e.data.topicId), nonce: s(e.data.nonce), forecaster: e.data.forecaster, inferer, label: "y", value, block_height: s(h) });
      });
      b.actor(e.data.forecaster, h, "worker");
      return;
    case "EventInsertReputerPayload":
      addLossBundle(b, e.data.bundle, e.data.topicId, e.data.nonce, e.data.reputer, h);
      b.actor(e.data.reputer, h, "reputer");
      return;
    case "EventNetworkLossSet":
      addLossBundle(b, e.data.bundle, e.data.topicId, e.data.nonce ?? h, "", h);
      return;
    case "EventNetworkInferences":
    case "EventNetworkInferenceBundle":
    case "EventOutlierResistantNetworkInferences":
      addNetworkInference(b, e.data.bundle, e.data.topicId, e.data.nonce ?? h, h, e.data.outlierResistant);
      return;
    case "EventNetworkInferenceInfererWeightsSet":
    case "EventNetworkInferenceForecasterWeightsSet": {
      const actor_type = e.name === "EventNetworkInferenceInfererWeightsSet" ? "inferer" : "forecaster";
      e.data.addresses.forEach((address, i) =>
        b.add("inference_weights", { topic_id: s(e.data.topicId), nonce: s(e.data.nonceBlockHeight), actor_type, address, weight: e.data.weights[i] ?? null, regret: null }),
      );
      return;
    }
    case "EventNetworkInferenceInfererRegretsUsedSet":
    case "EventNetworkInferenceForecasterRegretsUsedSet": {
      const actor_type = e.name === "EventNetworkInferenceInfererRegretsUsedSet" ? "inferer" : "forecaster";
      e.data.addresses.forEach((address, i) =>
        b.add("inference_weights", { topic_id: s(e.data.topicId), nonce: s(e.data.nonceBlockHeight), actor_type, address, weight: null, regret: e.data.regrets[i] ?? null }),
      );
      return;
    }
    case "EventScoresSet":
      e.data.addresses.forEach((address, i) => {
        const score = e.data.scores[i];
        if (score) b.add("scores", { topic_id: s(e.data.topicId), actor_type: e.data.actorType, kind: "instant", address, block_height: s(e.data.blockHeight), score, is_active: null });
      });
      return;
    case "EventEMAScoresSet":
      e.data.addresses.forEach((address, i) => {
        const score = e.data.scores[i];
        if (score) b.add("scores", { topic_id: s(e.data.topicId), actor_type: e.data.actorType, kind: "ema", address, block_height: s(e.data.nonce), score, is_active: e.data.isActive[i] ?? null });
      });
      return;
    case "EventRewardsSettled":
      e.data.addresses.forEach((address, i) => {
        const amount = e.data.rewards[i];
        if (amount) b.add("rewards", { topic_id: s(e.data.topicId), actor_type: e.data.actorType, address, block_height: s(e.data.blockHeight), amount, block_height_tx: e.data.blockHeightTx === undefined ? null : s(e.data.blockHeightTx) });
        // Reputer rewards compound into stake, so the reputer's stake is re-read.
        if (e.data.actorType === "reputer") t.stakes.add(`${e.data.topicId}|${address}`);
      });
      return;
    case "EventTopicRewardsSet":
      e.data.topicIds.forEach((topic, i) => {
        const amount = e.data.rewards[i];
        if (amount) b.add("topic_rewards", { topic_id: s(topic), block_height: s(h), amount });
      });
      return;
    case "EventAddStake":
    case "EventRemoveStake": {
      const kind = e.name === "EventAddStake" ? "add_stake" : "remove_stake";
      const delegator = e.data.delegator ?? "";
      b.add("stake_events", { block_height: s(h), event_index: index, kind, topic_id: s(e.data.topicId), reputer: e.data.reputer, delegator, amount: s(e.data.amount) });
      if (kind === "remove_stake") b.removalUpdate({ topic_id: s(e.data.topicId), reputer: e.data.reputer, delegator, height: s(h), status: "completed" });
      if (delegator) b.actor(delegator, h, "delegator");
      stake(e.data.topicId, e.data.reputer, e.data.delegator);
      return;
    }
    case "EventRequestStakeRemoval":
      b.add("stake_removals", {
        topic_id: s(e.data.topicId), reputer: e.data.reputer, delegator: e.data.delegator ?? "", requested_height: s(h), amount: s(e.data.amount),
        completion_height: s(e.data.completionHeight), status: "pending", cancelled_height: null, completed_height: null,
      });
      return;
    case "EventCancelStakeRemoval":
      b.removalUpdate({ topic_id: s(e.data.topicId), reputer: e.data.reputer, delegator: e.data.delegator ?? "", height: s(h), status: "cancelled" });
      return;
    case "EventRewardDelegateStake":
      b.add("stake_events", { block_height: s(h), event_index: index, kind: "delegate_reward_claimed", topic_id: s(e.data.topicId), reputer: e.data.reputer, delegator: e.data.delegator, amount: e.data.amount ?? null });
      stake(e.data.topicId, e.data.reputer, e.data.delegator);
      return;
    case "EventDelegateRewardDistributed":
      b.add("stake_events", { block_height: s(h), event_index: index, kind: "delegate_reward_distributed", topic_id: s(e.data.topicId), reputer: e.data.reputer, delegator: "", amount: s(e.data.amount) });
      return;
    case "EventDelegateRewardShareUpdated":
      if (e.data.rewardPerShare) b.add("reward_per_share", { topic_id: s(e.data.topicId), reputer: e.data.reputer, block_height: s(h), reward_per_share: e.data.rewardPerShare });
      return;
    case "EventCreateNewTopic":
      b.add("topic_changes", { topic_id: s(e.data.topic.id), height: s(h), kind: "created", is_active: null, weight: null, topic_stake: null, snapshot: null });
      t.topics.add(s(e.data.topic.id));
      return;
    case "EventTopicUpdated":
      b.add("topic_changes", { topic_id: s(e.data.topicId), height: s(h), kind: "updated", is_active: null, weight: null, topic_stake: null, snapshot: null });
      t.topics.add(s(e.data.topicId));
      return;
    case "EventTopicStatusChanged":
      b.add("topic_changes", { topic_id: s(e.data.topicId), height: s(h), kind: "status", is_active: e.data.isActive, weight: null, topic_stake: null, snapshot: null });
      t.topics.add(s(e.data.topicId));
      return;
    case "EventTopicWeightUpdated":
      b.add("topic_changes", { topic_id: s(e.data.topicId), height: s(h), kind: "weight", is_active: null, weight: e.data.newWeight, topic_stake: s(e.data.topicStake), snapshot: null });
      return;
    case "EventWorkerRegistered":
    case "EventReputerRegistered": {
      const role = e.name === "EventWorkerRegistered" ? "worker" : "reputer";
      const address = "worker" in e.data ? e.data.worker : e.data.reputer;
      b.add("registrations", { topic_id: s(e.data.topicId), address, role, registered_height: s(h), owner: e.data.owner || null, unregistered_height: null });
      b.actor(address, h, role, e.data.owner);
      return;
    }
    case "EventWorkerUnregistered":
    case "EventReputerUnregistered": {
      const role = e.name === "EventWorkerUnregistered" ? "worker" : "reputer";
      const address = "worker" in e.data ? e.data.worker : e.data.reputer;
      b.registrationEnd({ topic_id: s(e.data.topicId), address, role, height: s(h) });
      return;
    }
    default:
      return;
  }
}

/** Adds a block and its events to the batch; a malformed known event stops indexing rather than be skipped. */
export function addBlock(b: BatchBuilder, t: Touched, block: BlockSummary, results: BlockResults): void {
  const committed = results.events.filter((ev: BlockEvent) => ev.source !== "tx" || ev.txCode === 0);
  b.add("blocks", { height: s(block.height), time: block.time.toISOString(), hash: block.hash, tx_count: block.txCount, event_count: committed.length });
  committed.forEach((ev, index) => {
    if (ev.event.kind === "error") throw new EventDecodeError(`block ${block.height}: ${ev.event.message}`);
    if (ev.event.kind === "event") addEvent(b, t, ev.event, block.height, index);
    else if (ev.event.kind === "unknown" && ev.source !== "tx") addDistributionEvent(b, ev.event, block.height);
  });
}
