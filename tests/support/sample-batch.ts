// A small but complete ingest batch, the way the collector would send it for a few blocks of a v10 network.
import type { IngestBatch } from "@/lib/ingest/batch-schema";

export const W1 = "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn";
export const W2 = "allo10q6hm2yae8slpvvgmxqrcasa30gu5qfysp4wkz";
export const R1 = "allo1za8r9v0st4ntfyeka23qs5wvd7mvsnzhztupk0";
export const D1 = "allo1delegator0000000000000000000000000000x";
export const V1 = "allovaloper1validator000000000000000000000000";

export function sampleBatch(overrides: Partial<IngestBatch> = {}): IngestBatch {
  return {
    version: 1,
    batch_id: "blocks:100-102",
    network: { chain_id: "allora-testnet-1", name: "Allora Testnet", kind: "testnet", simulated: false, emissions_version: "v10" },
    from_height: "100",
    to_height: "102",
    cursor: { source: "blocks", height: "102", time: "2026-11-24T12:00:10Z" },
    rows: {
      blocks: [
        { height: "100", time: "2026-11-24T12:00:00Z", hash: "AA", tx_count: 1, event_count: 4 },
        { height: "101", time: "2026-11-24T12:00:05Z", hash: "AB", tx_count: 0, event_count: 0 },
        { height: "102", time: "2026-11-24T12:00:10Z", hash: "AC", tx_count: 2, event_count: 9 },
      ],
      worker_inferences: [
        { topic_id: "69", nonce: "90", inferer: W1, label: "y", value: "2611.01109296", block_height: "100", extra_data: null, proof: null },
        { topic_id: "69", nonce: "90", inferer: W2, label: "y", value: "2661.505295679922", block_height: "100", extra_data: null, proof: null },
      ],
      network_inferences: [
        { topic_id: "69", nonce: "90", label: "y", outlier_resistant: false, combined_value: "2605.533879185080648394998043723508", naive_value: "2605.533879185080648394998043723508", block_height: "102" },
      ],
      network_inference_values: [
        { topic_id: "69", nonce: "90", label: "y", outlier_resistant: false, kind: "one_out_inferer", actor: W1, peer: "", value: "2570.859434973857748387096774193548" },
      ],
      scores: [
        { topic_id: "69", actor_type: "inferer", kind: "ema", address: W1, block_height: "102", score: "-0.000000000000000000000000000000000017", is_active: true },
      ],
      reputer_stakes: [{ topic_id: "69", reputer: R1, block_height: "102", self_stake: "1000000000000000000000000000", delegated_stake: "5" }],
      validators: [
        {
          operator_address: V1, moniker: "Node One", identity: "", website: "", details: "", status: "BOND_STATUS_BONDED", jailed: false,
          tokens: "123000000000000000000000", delegator_shares: "123000000000000000000000.000000000000000000", commission_rate: "0.050000000000000000",
          commission_max_rate: "0.200000000000000000", commission_max_change_rate: "0.010000000000000000", commission_updated_at: null,
          min_self_delegation: "1", updated_height: "102",
        },
      ],
      ground_truth: [{ source: "devnet", series: "ETH/USD", time: "2026-11-24T12:00:00Z", value: "2610.25", high: null, low: null }],
    },
    ...overrides,
  };
}
