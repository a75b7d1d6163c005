// What the devnet says each chain-fact table should hold, computed from the simulation itself (its typed events and
// its state at the heights the collector read), independently of the collector's decoding: the other half of
// record-compare. Heights the collector chose (batch windows, state reads) come from the database; every value
// compared comes from the devnet.
import { REPUTER_LOSS_ROWS_SQL } from "@/lib/ingest/reputer-losses";
import { blockContents } from "@/lib/devnet/block-events";
import type { TypedEv } from "@/lib/devnet/chain-types";
import { fmtLegacy, fmtScaled } from "@/lib/devnet/dec";
import { emissionInfo } from "@/lib/devnet/rest-cosmos";
import type { Simulation } from "@/lib/devnet/simulation";
import { RPS_SCALE } from "@/lib/devnet/stake-book";
import { demoAccount } from "@/lib/devnet/ledger-intents";
import { distributionChecks } from "./devnet-distribution-expectations";

export type Check = [table: string, expected: string[], sql: string];
/** reads: heights of the full state reads; distributionReads: those that read the x/distribution and x/slashing state too. */
export type Windows = { reads: number[]; distributionReads: number[]; batches: { from: number; to: number }[]; topics: { id: number; h: number }[] };

const j = (...parts: unknown[]) => parts.map((p) => (p === null || p === undefined ? "" : String(p))).join("|");
const iso = (ms: number) => new Date(ms).toISOString();
const arr = (x: unknown) => (x ?? []) as unknown[];
const present = (v: unknown): v is string => typeof v === "string" && v !== "NaN";
const ISO_SQL = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

function eventsOf(sim: Simulation, to: number): { h: number; ev: TypedEv }[] {
  const out: { h: number; ev: TypedEv }[] = [];
  for (let h = 1; h <= to; h++) {
    const c = blockContents(sim, h);
    for (const ev of [...c.beginBlock, ...c.txs.flatMap((t) => t.events), ...c.endBlock]) out.push({ h, ev });
  }
  return out;
}

/** Per-actor values of a column-oriented bundle: rows[actor][label], or one value per actor for a single label. */
function columnValues(kind: string, actors: unknown[], rows: unknown, labels: string[], emit: (kind: string, actor: string, peer: string, label: string, v: unknown) => void) {
  arr(rows).forEach((row, i) => {
    const actor = String(actors[i]);
    if (Array.isArray(row)) row.forEach((v, l) => emit(kind, actor, "", labels[l] ?? "y", v));
    else emit(kind, actor, "", labels[0] ?? "y", row);
  });
}

export function devnetChecks(sim: Simulation, to: number, w: Windows): Check[] {
  const events = eventsOf(sim, to);
  const blocks: string[] = [];
  for (let h = 1; h <= to; h++) blocks.push(j(h, iso(sim.blockTimeMs(h)), blockContents(sim, h).txs.length));
  const seenLabels = new Map<string, string>();
  const changes: string[] = [];
  const niValues: string[] = [];
  const lossValues: string[] = [];
  const roles = new Map<string, { worker: boolean; reputer: boolean; delegator: boolean }>();
  const role = (address: unknown, r: "worker" | "reputer" | "delegator") => {
    if (!address) return;
    const a = String(address);
    const x = roles.get(a) ?? { worker: false, reputer: false, delegator: false };
    x[r] = true;
    roles.set(a, x);
  };
  for (const { h, ev } of events) {
    const f = ev.fields;
    switch (ev.name) {
      case "EventCreateNewTopic": changes.push(j((f.topic as { id: unknown }).id, h, "created", "", "", "")); break;
      case "EventTopicStatusChanged": changes.push(j(f.topic_id, h, "status", f.is_active, "", "")); break;
      case "EventTopicUpdated": changes.push(j(f.topic_id, h, "updated", "", "", "")); break;
      case "EventTopicWeightUpdated": changes.push(j(f.topic_id, h, "weight", "", f.new_weight, f.topic_stake)); break;
      case "EventInsertInfererPayload": case "EventInsertForecasterPayload": role(f.inferer ?? f.forecaster, "worker"); break;
      case "EventWorkerRegistered": role(f.worker, "worker"); break;
      case "EventReputerRegistered": role(f.reputer, "reputer"); break;
      case "EventAddStake": case "EventRemoveStake": role(f.delegator, "delegator"); break;
      case "EventNetworkInferences":
        if (!seenLabels.has(j(f.topic_id, "y"))) seenLabels.set(j(f.topic_id, "y"), j(f.topic_id, "y", h));
        break;
      case "EventNetworkInferenceBundle": {
        const labels = arr(f.label_names).map(String);
        for (const l of labels) if (!seenLabels.has(j(f.topic_id, l))) seenLabels.set(j(f.topic_id, l), j(f.topic_id, l, h));
        const emit = (kind: string, actor: string, peer: string, label: string, v: unknown) => {
          if (present(v)) niValues.push(j(f.topic_id, f.nonce, label, kind, actor, peer, v));
        };
        const inf = arr(f.inferer_addresses);
        const fc = arr(f.forecaster_addresses);
        columnValues("inferer", inf, f.inferer_values, labels, emit);
        columnValues("forecaster", fc, f.forecaster_values, labels, emit);
        columnValues("one_out_inferer", inf, f.one_out_inferer_values, labels, emit);
        columnValues("one_out_forecaster", fc, f.one_out_forecaster_values, labels, emit);
        columnValues("one_in_forecaster", fc, f.one_in_forecaster_values, labels, emit);
        arr(f.one_out_inferer_forecaster_values).forEach((row, k) =>
          arr(row).forEach((cell, i) => (Array.isArray(cell) ? cell : [cell]).forEach((v, l) => emit("one_out_inferer_forecaster", String(fc[k]), String(inf[i]), labels[l] ?? "y", v))),
        );
        break;
      }
      case "EventInsertReputerPayload": {
        role(f.reputer, "reputer");
        const b = f.bundle as Record<string, unknown>;
        const emit = (kind: string, actor: string, peer: string, _label: string, v: unknown) => {
          if (present(v)) lossValues.push(j(f.topic_id, f.nonce, f.reputer, kind, actor, peer, v));
        };
        const inf = arr(b.inferer_addresses);
        const fc = arr(b.forecaster_addresses);
        columnValues("inferer", inf, b.inferer_values, [], emit);
        columnValues("forecaster", fc, b.forecaster_values, [], emit);
        columnValues("one_out_inferer", inf, b.one_out_inferer_values, [], emit);
        columnValues("one_out_forecaster", fc, b.one_out_forecaster_values, [], emit);
        columnValues("one_in_forecaster", fc, b.one_in_forecaster_values, [], emit);
        arr(b.one_out_inferer_forecaster_values).forEach((row, k) => arr(row).forEach((v, i) => emit("one_out_inferer_forecaster", String(fc[k]), String(inf[i]), "", v)));
        break;
      }
      case "EventNetworkLossSet": {
        const b = f.value_bundle as Record<string, unknown>;
        const pairs = (kind: string, list: unknown) => arr(list).forEach((p) => {
          const { worker, value } = p as { worker: string; value: string };
          if (present(value)) lossValues.push(j(f.topic_id, f.block_height, "", kind, worker, "", value));
        });
        pairs("inferer", b.inferer_values);
        pairs("forecaster", b.forecaster_values);
        pairs("one_out_inferer", b.one_out_inferer_values);
        pairs("one_out_forecaster", b.one_out_forecaster_values);
        pairs("one_in_forecaster", b.one_in_forecaster_values);
        arr(b.one_out_inferer_forecaster_values).forEach((row) => {
          const { forecaster, one_out_inferer_values } = row as { forecaster: string; one_out_inferer_values: { worker: string; value: string }[] };
          for (const { worker, value } of one_out_inferer_values) if (present(value)) lossValues.push(j(f.topic_id, f.block_height, "", "one_out_inferer_forecaster", forecaster, worker, value));
        });
        break;
      }
    }
  }
  return [
    ["blocks", blocks, `SELECT concat_ws('|', height, ${ISO_SQL("time")}, tx_count) AS k FROM blocks`],
    ["topic_labels", [...seenLabels.values()], `SELECT concat_ws('|', topic_id, label_name, first_seen_height) AS k FROM topic_labels`],
    ["topic_changes", changes, `SELECT concat_ws('|', topic_id, height, kind, coalesce(is_active::text, ''), coalesce(weight::text, ''), coalesce(topic_stake::text, '')) AS k FROM topic_changes`],
    ["network_inference_values", niValues, `SELECT concat_ws('|', topic_id, nonce, label, kind, actor, peer, value::text) AS k FROM network_inference_values`],
    // Every loss value, wherever it is stored: the network's as loss_values rows, each reputer's in its bundle's row.
    ["loss_values", lossValues, `SELECT concat_ws('|', topic_id, nonce, reputer, kind, actor, peer, value::text) AS k FROM loss_values
      UNION ALL SELECT concat_ws('|', topic_id, nonce, reputer, kind, actor, peer, value::text) FROM (${REPUTER_LOSS_ROWS_SQL}) r`],
    ...stateChecks(sim, w, roles),
    ...distributionChecks(sim, events, w),
  ];
}

function stateChecks(sim: Simulation, w: Windows, roles: Map<string, { worker: boolean; reputer: boolean; delegator: boolean }>): Check[] {
  const ends = w.batches.map((b) => b.to);
  const stakes: string[] = [];
  const placements: string[] = [];
  // The demo account stakes as a reputer beside each topic's generated ones (lib/devnet/ledger-intents.ts).
  const demo = demoAccount(sim.options.seed);
  for (const e of sim.engines) {
    const t = e.spec.id;
    const reputers = [...e.actors.reputers.map((r) => r.address), demo];
    for (const H of ends) {
      for (const r of reputers) {
        const self = sim.ledger.selfAt(t, r, H);
        const delegated = sim.ledger.delegatedAt(t, r, H);
        if (self + delegated > 0n) stakes.push(j(t, r, H, self, delegated));
        for (const d of sim.ledger.delegatorsOf.get(t) ?? []) {
          const p = sim.ledger.placementAt(t, d, r, H);
          if (p.amount > 0n) placements.push(j(t, r, d, H, p.amount, fmtScaled(p.debt, RPS_SCALE)));
        }
      }
    }
  }
  const endsSql = `(VALUES ${ends.map((h) => `(${h}::bigint)`).join(", ")}) AS e(h)`;
  const history: string[] = [];
  const emissions: string[] = [];
  const delegations: string[] = [];
  const shares = (key: string, h: number) => sim.validators.shares.peek(key)?.at(h) ?? 0n;
  for (const H of w.reads) {
    // The chain's BOND_STATUS_BONDED is stored as "bonded".
    for (const v of sim.validators.list) history.push(j(v.operator, H, v.status.replace("BOND_STATUS_", "").toLowerCase(), v.jailed, sim.validators.tokens.get(v.operator).at(H), fmtLegacy(sim.validators.commission.get(v.operator).at(H))));
    const info = emissionInfo(sim, H);
    emissions.push(j(H, info.block_emission, info.emission_per_month, info.network_staked_tokens, info.circulating_supply, info.validators_percent, info.reputers_percent));
  }
  const last = w.reads.at(-1) ?? 0;
  for (const key of sim.validators.shares.keys()) {
    const seen = w.reads.filter((r) => shares(key, r) > 0n);
    if (!seen.length) continue;
    const [delegator, operator] = key.split("|");
    role(roles, delegator!);
    const lastSeen = seen.at(-1)!;
    const endedAt = lastSeen === last ? null : w.reads.find((r) => r > lastSeen)!;
    delegations.push(j(delegator, operator, `${shares(key, lastSeen)}.000000000000000000`, shares(key, lastSeen), lastSeen, endedAt, endedAt === null ? null : "withdrawn"));
  }
  const unbondings = sim.validators.unbondings
    .filter((u) => w.reads.some((r) => u.creationHeight <= r && r < u.completionHeight))
    .map((u) => {
      const lastSeen = w.reads.filter((r) => u.creationHeight <= r && r < u.completionHeight).at(-1)!;
      const endedAt = w.reads.find((r) => r >= u.completionHeight) ?? null;
      return j(u.delegator, u.validator, u.creationHeight, iso(sim.blockTimeMs(u.completionHeight)), u.amount, u.amount, endedAt === null ? "pending" : "completed", lastSeen, endedAt);
    });
  const actors = [...roles].map(([a, r]) => j(a, r.worker, r.reputer, r.delegator));
  return [
    ["reputer_stakes", stakes, `SELECT concat_ws('|', s.topic_id, s.reputer, e.h, s.self_stake::text, s.delegated_stake::text) AS k FROM ${endsSql}
      CROSS JOIN (SELECT DISTINCT topic_id, reputer FROM reputer_stakes) keys
      CROSS JOIN LATERAL (SELECT * FROM reputer_stakes x WHERE x.topic_id = keys.topic_id AND x.reputer = keys.reputer AND x.block_height <= e.h ORDER BY block_height DESC LIMIT 1) s
      WHERE s.self_stake + s.delegated_stake > 0`],
    ["delegator_placements", placements, `SELECT concat_ws('|', p.topic_id, p.reputer, p.delegator, e.h, p.amount::text, p.reward_debt::text) AS k FROM ${endsSql}
      CROSS JOIN (SELECT DISTINCT topic_id, reputer, delegator FROM delegator_placements) keys
      CROSS JOIN LATERAL (SELECT * FROM delegator_placements x WHERE x.topic_id = keys.topic_id AND x.reputer = keys.reputer AND x.delegator = keys.delegator AND x.block_height <= e.h ORDER BY block_height DESC LIMIT 1) p
      WHERE p.ended_at_height IS NULL OR p.ended_at_height > e.h`],
    ["validator_history", history, `SELECT concat_ws('|', operator_address, block_height, status, jailed::text, tokens::text, commission_rate::text) AS k FROM validator_history`],
    ["emission_snapshots", emissions, `SELECT concat_ws('|', block_height, block_emission::text, emission_per_month::text, network_staked_tokens::text, circulating_supply::text, validators_percent::text, reputers_percent::text) AS k FROM emission_snapshots`],
    ["validator_delegations", delegations, `SELECT concat_ws('|', delegator, operator_address, shares::text, amount::text, updated_height, coalesce(ended_at_height::text, ''), coalesce(end_reason, '')) AS k FROM validator_delegations`],
    ["validator_unbondings", unbondings, `SELECT concat_ws('|', delegator, operator_address, creation_height, ${ISO_SQL("completion_time")}, initial_balance::text, balance::text, status, updated_height, coalesce(ended_at_height::text, '')) AS k FROM validator_unbondings`],
    ["actors", actors, `SELECT concat_ws('|', address, is_worker::text, is_reputer::text, is_delegator::text) AS k FROM actors`],
    ...topicAndTruthChecks(sim, w),
  ];
}

function role(roles: Map<string, { worker: boolean; reputer: boolean; delegator: boolean }>, address: string) {
  const x = roles.get(address) ?? { worker: false, reputer: false, delegator: false };
  x.delegator = true;
  roles.set(address, x);
}

function topicAndTruthChecks(sim: Simulation, w: Windows): Check[] {
  // A topic row is the REST state at its updated_height: compare it field by field with the devnet's at that height.
  const topics = (sim: Simulation, rows: { id: number; h: number }[]) =>
    rows.map(({ id, h }) => {
      const spec = sim.engine(id)!.spec;
      const t = sim.topicJsonAt(spec, h);
      return j(id, h, t.creator, t.metadata, t.loss_method, t.epoch_length, t.ground_truth_lag, t.epoch_last_ended, t.p_norm, t.alpha_regret, t.epsilon, t.allow_negative);
    });
  // Which height each topic was last read at is the collector's choice; what it held then is the devnet's.
  const topicRows = w.topics;
  const truth = new Map<string, string>();
  for (const { from, to } of w.batches)
    for (const asset of ["BTC", "ETH", "SOL"] as const)
      for (const c of sim.market.candles(asset, from, to, 12, (h) => sim.blockTimeMs(h))) {
        const key = j("devnet", `${asset}/USD`, iso(c.t));
        if (!truth.has(key)) truth.set(key, j(key, c.close.toFixed(2), c.high.toFixed(2), c.low.toFixed(2)));
      }
  return [
    ["topics", topics(sim, topicRows), `SELECT concat_ws('|', topic_id, updated_height, creator, metadata, loss_method, epoch_length, ground_truth_lag, epoch_last_ended, p_norm::text, alpha_regret::text, epsilon::text, allow_negative::text) AS k FROM topics`],
    ["ground_truth", [...truth.values()], `SELECT concat_ws('|', source, series, ${ISO_SQL("time")}, value::text, high::text, low::text) AS k FROM ground_truth`],
  ];
}
