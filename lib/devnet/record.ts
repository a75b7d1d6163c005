// The devnet's record of what it produced over a height range, as table-like rows derived from the
// very events served in block_results (plus a state snapshot at `to`), so an indexer's database
// can be compared against it value for value.
import { CHAIN_ID } from "./config";
import { blockContents } from "./block-events";
import type { TypedEv } from "./chain-types";
import { fmtFloat, fmtLegacy, fmtScaled } from "./dec";
import { RPS_SCALE } from "./ledger";
import { ASSETS } from "./market";
import { blockHash, isoTime } from "./rpc";
import type { Simulation } from "./simulation";

type Row = Record<string, unknown>;
export type DevnetRecord = Record<string, unknown> & { counts: Record<string, number> };

const str = (x: unknown) => x as string;
const arr = (x: unknown) => x as string[];

function zipRows(ev: TypedEv, h: number, valueKey: string, extra: Row = {}): Row[] {
  const f = ev.fields;
  const addrs = arr(f.addresses);
  const values = arr(f[valueKey]);
  return addrs.map((address, i) => ({ height: h, topic_id: Number(f.topic_id), nonce: Number(f.block_height ?? f.nonce ?? f.nonce_block_height), actor_type: f.actor_type, address, [valueKey.replace(/s$/, "")]: values[i], ...extra }));
}

export function buildRecord(sim: Simulation, fromArg?: number, toArg?: number): DevnetRecord {
  const tip = sim.height();
  const to = Math.min(tip, Math.max(1, toArg ?? tip));
  const from = Math.max(1, Math.min(to, fromArg ?? Math.max(1, to - 999)));
  const t: Record<string, Row[]> = {
    topics: [], topic_status: [], registrations: [], inferences: [], forecasts: [], reputer_losses: [], network_inferences: [],
    weights: [], losses: [], scores: [], ema_scores: [], rewards: [], topic_rewards: [], stakes: [], removal_requests: [],
    removal_cancellations: [], delegate_rewards: [], delegate_reward_distributions: [], reward_per_share: [], validator_events: [], ground_truth: [],
  };
  let emitted = 0n;
  let txCount = 0;
  const onEvent = (ev: TypedEv, h: number) => {
    const f = ev.fields;
    const topic_id = Number(f.topic_id);
    switch (ev.name) {
      case "EventCreateNewTopic": {
        const topic = f.topic as Row;
        t.topics!.push({ height: h, id: Number(topic.id), metadata: topic.metadata, loss_method: topic.loss_method, epoch_length: Number(topic.epoch_length), ground_truth_lag: Number(topic.ground_truth_lag) });
        return;
      }
      case "EventTopicStatusChanged": return void t.topic_status!.push({ height: h, topic_id, is_active: f.is_active });
      case "EventWorkerRegistered": return void t.registrations!.push({ height: h, topic_id, address: f.worker, kind: "worker" });
      case "EventReputerRegistered": return void t.registrations!.push({ height: h, topic_id, address: f.reputer, kind: "reputer" });
      case "EventInsertInfererPayload": return void t.inferences!.push({ height: h, topic_id, nonce: Number(f.nonce), inferer: f.inferer, value: f.value, ...(f.values ? { values: f.values } : {}) });
      case "EventInsertForecasterPayload": return void t.forecasts!.push({ height: h, topic_id, nonce: Number(f.nonce), forecaster: f.forecaster, elements: arr(f.inferer_addresses).map((inferer, i) => ({ inferer, value: arr(f.inferer_values)[i] })) });
      case "EventInsertReputerPayload": {
        const b = f.bundle as Row;
        return void t.reputer_losses!.push({ height: h, topic_id, nonce: Number(f.nonce), reputer: f.reputer, combined_loss: b.combined_value, naive_loss: b.naive_value });
      }
      case "EventNetworkInferences": {
        const b = f.value_bundle as Row;
        return void t.network_inferences!.push({ height: h, topic_id, nonce: Number(f.block_height), labels: ["y"], combined_value: [b.combined_value], naive_value: [b.naive_value] });
      }
      case "EventNetworkInferenceBundle": return void t.network_inferences!.push({ height: h, topic_id, nonce: Number(f.nonce), labels: f.label_names, combined_value: f.combined_value, naive_value: f.naive_value });
      case "EventNetworkInferenceInfererWeightsSet": return void t.weights!.push(...zipRows(ev, h, "weights", { actor_type: "inferer" }));
      case "EventNetworkInferenceForecasterWeightsSet": return void t.weights!.push(...zipRows(ev, h, "weights", { actor_type: "forecaster" }));
      case "EventNetworkLossSet": {
        const b = f.value_bundle as Row;
        const nonce = Number(f.block_height);
        t.losses!.push({ height: h, topic_id, nonce, combined_loss: b.combined_value, naive_loss: b.naive_value });
        const e = sim.engine(topic_id);
        const rec = e?.epochs[e.indexAtNonce(nonce)];
        if (e && rec) t.ground_truth!.push({ height: h, topic_id, nonce, asset: e.spec.asset, target: e.spec.target, labels: e.spec.labels.map((l) => l.name), values: rec.truth.map(fmtFloat) });
        return;
      }
      case "EventScoresSet": return void t.scores!.push(...zipRows(ev, h, "scores"));
      case "EventEMAScoresSet": return void t.ema_scores!.push(...zipRows(ev, h, "scores"));
      case "EventRewardsSettled": return void t.rewards!.push(...zipRows(ev, h, "rewards"));
      case "EventTopicRewardsSet": return void t.topic_rewards!.push({ height: h, topic_id: Number(arr(f.topic_ids)[0]), amount: arr(f.rewards)[0] });
      case "EventAddStake": return void t.stakes!.push({ height: h, kind: "add", topic_id, reputer: f.reputer, delegator: f.delegator, amount: f.amount });
      case "EventRemoveStake": return void t.stakes!.push({ height: h, kind: "remove", topic_id, reputer: f.reputer, delegator: f.delegator, amount: f.amount });
      case "EventRequestStakeRemoval": return void t.removal_requests!.push({ height: h, topic_id, reputer: f.reputer, delegator: f.delegator, amount: f.amount, completion_height: Number(f.completion_height) });
      case "EventCancelStakeRemoval": return void t.removal_cancellations!.push({ height: h, topic_id, reputer: f.reputer, delegator: f.delegator });
      case "EventRewardDelegateStake": return void t.delegate_rewards!.push({ height: h, topic_id, reputer: f.reputer, delegator: f.delegator, amount: f.amount });
      case "EventDelegateRewardDistributed": return void t.delegate_reward_distributions!.push({ height: h, topic_id, reputer: f.reputer, amount: f.amount });
      case "EventDelegateRewardShareUpdated": return void t.reward_per_share!.push({ height: h, topic_id, reputer: f.reputer, reward_per_share: f.reward_per_share });
      case "EventRewardCurrentBlockEmission": emitted += BigInt(str(f.token_amount)); return;
      case "delegate":
      case "unbond":
      case "edit_validator":
      case "complete_unbonding":
        return void t.validator_events!.push({ height: h, type: ev.name, ...f });
    }
  };
  for (let h = from; h <= to; h++) {
    const c = blockContents(sim, h);
    txCount += c.txs.length;
    for (const ev of c.beginBlock) onEvent(ev, h);
    for (const tx of c.txs) for (const ev of tx.events) onEvent(ev, h);
    for (const ev of c.endBlock) onEvent(ev, h);
  }
  const delegations: Row[] = [];
  for (const e of sim.engines) for (const d of sim.ledger.delegatorsOf.get(e.spec.id) ?? []) {
    for (const r of e.actors.reputers) {
      const p = sim.ledger.placementAt(e.spec.id, d, r.address, to);
      if (p.amount > 0n || p.debt > 0n) delegations.push({ topic_id: e.spec.id, delegator: d, reputer: r.address, amount: p.amount.toString(), reward_debt: fmtScaled(p.debt, RPS_SCALE), reward_per_share: fmtScaled(sim.ledger.rpsAt(e.spec.id, r.address, to), RPS_SCALE) });
    }
  }
  const removals = sim.ledger.removals.filter((r) => r.start >= from && r.start <= to).map((r) => ({
    kind: r.kind, topic_id: r.topicId, reputer: r.reputer, delegator: r.delegator, amount: r.amount.toString(), requested_height: r.start, completion_height: r.completion,
    status: r.cancelledAt !== null && r.cancelledAt <= to ? "cancelled" : r.executedAt !== null && r.executedAt <= to ? "completed" : "pending",
  }));
  const validators = sim.validators.list.map((v) => ({ operator_address: v.operator, moniker: v.moniker, status: v.status, jailed: v.jailed, tokens: sim.validators.tokens.get(v.operator).at(to).toString(), commission_rate: fmtLegacy(sim.validators.commission.get(v.operator).at(to)) }));
  const bucket = to - from > 17280 ? 720 : 60;
  const prices = ASSETS.flatMap((asset) => sim.market.candles(asset, from, to, bucket, (h) => sim.blockTimeMs(h)).map((c) => ({ asset, t: c.t, interval_seconds: bucket * 5, close: c.close.toFixed(2) })));
  const blocks = { count: to - from + 1, txs: txCount, emitted_uallo: emitted.toString(), first: { height: from, hash: blockHash(sim, from), time: isoTime(sim.blockTimeMs(from)) }, last: { height: to, hash: blockHash(sim, to), time: isoTime(sim.blockTimeMs(to)) } };
  const tables: Record<string, Row[]> = { ...t, delegations, removals, validators, prices };
  const counts: Record<string, number> = { blocks: blocks.count };
  for (const [k, rows] of Object.entries(tables)) counts[k] = rows.length;
  return { simulated: true, chain_id: CHAIN_ID, seed: sim.options.seed, emissions_version: sim.options.emissionsVersion, from, to, counts, blocks, ...tables };
}
