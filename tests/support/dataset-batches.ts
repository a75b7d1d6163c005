// Ingest batches for the public-API tests: blocks with worker inferences, scores and stakes, and a topic whose
// metadata needs CSV escaping. They go through the real POST /api/ingest handler, never straight into tables.
import type { IngestBatch } from "@/lib/ingest/batch-schema";

export const NETWORK = { chain_id: "allora-testnet-1", name: "Allora Testnet", kind: "testnet", simulated: false, emissions_version: "v10" } as const;
export const TRICKY_METADATA = 'BTC/USD, 8h "log-return"\nsecond line';
export const FORMULA_METADATA = "=HYPERLINK(\"http://x\")";
const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
/** A bech32-shaped address per index (no checksum, like the devnet's). */
export const INFERER = (i: number) => `allo1wrkr${BECH32[Math.floor(i / 32) % 32]}${BECH32[i % 32]}${"q".repeat(32)}`;

const time = (height: number) => new Date(Date.UTC(2026, 10, 24, 12, 0, 0) + height * 5000).toISOString();

export function topicRow(topicId: number, metadata: string, height: number) {
  return {
    topic_id: String(topicId), creator: INFERER(0), metadata, loss_method: "mse", epoch_last_ended: String(height), epoch_length: "10",
    ground_truth_lag: "10", p_norm: "3", alpha_regret: "0.1", allow_negative: true, epsilon: "0.0001", initial_regret: null,
    worker_submission_window: "5", merit_sortition_alpha: null, active_inferer_quantile: null, active_forecaster_quantile: null,
    active_reputer_quantile: null, c_norm: null, topic_type: null, output_arity: null, require_unity: null, unity_tolerance: null,
    max_labels_per_submission: null, label_whitelist: [], label_default_value: null, label_case_sensitive: null, is_active: true,
    weight: null, effective_revenue: null, topic_stake: "1000000000000000000000000000", created_height: "1", updated_height: String(height),
  };
}

/** Blocks from..to, each carrying `perBlock` worker inferences for topic 1 (nonce = the block height). */
export function inferenceBatch(from: number, to: number, perBlock: number, extra: Partial<IngestBatch["rows"]> = {}): IngestBatch {
  const blocks = [];
  const inferences = [];
  for (let h = from; h <= to; h++) {
    blocks.push({ height: String(h), time: time(h), hash: `H${h}`, tx_count: 0, event_count: 0 });
    for (let i = 0; i < perBlock; i++)
      inferences.push({ topic_id: "1", nonce: String(h), inferer: INFERER(i), label: "y", value: `${h}.${i}000000000000000000000000000001`, block_height: String(h), extra_data: null, proof: null });
  }
  return {
    version: 1,
    batch_id: `blocks:${from}-${to}`,
    network: NETWORK,
    from_height: String(from),
    to_height: String(to),
    cursor: { source: "blocks", height: String(to), time: time(to) },
    rows: { blocks, worker_inferences: inferences, ...extra },
  } as IngestBatch;
}

export const blockTimeOf = time;

const A = INFERER(0);
const R = INFERER(1);
const D = INFERER(2);
const V = `allovaloper1${"q".repeat(38)}`;

/** Blocks 1..20 with at least one row in every dataset that ingestion fills (signals has no writer yet). */
export function everyDatasetBatch(): IngestBatch {
  const batch = inferenceBatch(1, 20, 2, {
    topics: [topicRow(1, TRICKY_METADATA, 20)],
    forecasts: [{ topic_id: "1", nonce: "10", forecaster: R, inferer: A, label: "y", value: "0.0123", block_height: "11" }],
    network_inferences: [{ topic_id: "1", nonce: "10", label: "y", outlier_resistant: false, combined_value: "10.5", naive_value: null, block_height: "12" }],
    network_inference_values: [{ topic_id: "1", nonce: "10", label: "y", outlier_resistant: false, kind: "one_out_inferer", actor: A, peer: "", value: "-10.25" }],
    loss_bundles: [
      { topic_id: "1", nonce: "10", reputer: "", combined_value: "0.375", naive_value: "0.5", block_height: "15", signature: null, pubkey: null },
      {
        topic_id: "1", nonce: "10", reputer: R, combined_value: "0.5", naive_value: "0.75", block_height: "15", signature: null, pubkey: null,
        // One value: forecaster D's loss with inferer A withheld (the last of 6 slots, lib/ingest/reputer-losses.ts).
        loss_inferers: [A], loss_forecasters: [D], losses: [null, null, null, null, null, "-0.000000000000000001"],
      },
    ],
    scores: [{ topic_id: "1", actor_type: "inferer", kind: "instant", address: A, block_height: "15", score: "0.42", is_active: null }],
    rewards: [{ topic_id: "1", actor_type: "reputer", address: R, block_height: "15", amount: "123456789012345678.5", block_height_tx: null }],
    reputer_stakes: [{ topic_id: "1", reputer: R, block_height: "20", self_stake: "2000000000000000000", delegated_stake: "0" }],
    delegator_placements: [{ topic_id: "1", reputer: R, delegator: D, block_height: "20", amount: "1000000000000000000", reward_debt: "0" }],
    stake_removals: [{ topic_id: "1", reputer: R, delegator: D, requested_height: "16", amount: "500", completion_height: "116", status: "pending", cancelled_height: null, completed_height: null }],
    validators: [{
      operator_address: V, moniker: "Node, \"One\"", identity: "", website: "", details: "", status: "BOND_STATUS_BONDED", jailed: false,
      tokens: "123000000000000000000000", delegator_shares: "123000000000000000000000.000000000000000000", commission_rate: "0.050000000000000000",
      commission_max_rate: "0.200000000000000000", commission_max_change_rate: "0.010000000000000000", commission_updated_at: null,
      min_self_delegation: "1", updated_height: "20",
    }],
    validator_delegations: [{ delegator: D, operator_address: V, shares: "10.5", amount: "10", updated_height: "20" }],
    validator_unbondings: [{ delegator: D, operator_address: V, creation_height: "18", completion_time: "2026-12-15T00:00:00Z", initial_balance: "7", balance: "7", status: "pending", updated_height: "20" }],
    ground_truth: [{ source: "devnet", series: "BTC/USD", time: "2026-11-24T12:00:00Z", value: "97000.125", high: null, low: null }],
  });
  batch.rows.loss_values = [{ topic_id: "1", nonce: "10", reputer: "", kind: "inferer", actor: A, peer: "", value: "0.125" }];
  return batch;
}
