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
