// A small testnet history whose overview, directory and worker figures were worked out by hand (see the numbers in
// tests/integration/overview-queries.test.ts). Posted through the real ingest route handler.
export const W1 = "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn";
export const W2 = "allo10q6hm2yae8slpvvgmxqrcasa30gu5qfysp4wkz";
export const R1 = "allo1za8r9v0st4ntfyeka23qs5wvd7mvsnzhztupk0";
export const V1 = "allovaloper1validator000000000000000000000000";
export const V2 = "allovaloper1validator000000000000000000000001";

const T = Date.parse("2026-11-24T12:00:00Z");
const DAY = 86_400_000;
/** height → time: 100 is 8 days old, 200 six days, 300 twelve hours, 400 the head; the loss bundles' nonce blocks
 * (90, 190, 290, 390) give their epochs' hours to the rollups: 90 is older than the 7-day window, the others inside. */
const BLOCKS: [number, number][] = [
  [90, T - 8 * DAY - 600_000], [100, T - 8 * DAY], [190, T - 6 * DAY - 600_000], [200, T - 6 * DAY], [290, T - 2 * DAY],
  [300, T - DAY / 2], [330, T - DAY / 3], [390, T - 6000], [399, T - 5000], [400, T],
];

function topic(id: number, metadata: string, extra: Record<string, unknown>) {
  return {
    topic_id: String(id), creator: W1, metadata, loss_method: "mse", epoch_last_ended: "390", epoch_length: "60",
    ground_truth_lag: "60", p_norm: "3", alpha_regret: "0.1", allow_negative: true, epsilon: "0.0001", initial_regret: "0",
    worker_submission_window: "10", merit_sortition_alpha: "0.1", active_inferer_quantile: "0.25", active_forecaster_quantile: "0.25",
    active_reputer_quantile: "0.25", c_norm: "0.75", topic_type: null, output_arity: null, require_unity: null, unity_tolerance: null,
    max_labels_per_submission: null, label_whitelist: [], label_default_value: null, label_case_sensitive: null,
    is_active: true, weight: "1", effective_revenue: "0", topic_stake: "0", created_height: "1", updated_height: "400", ...extra,
  };
}

const bundle = (t: number, nonce: number, height: number, net: string, naive: string | null) => ({
  topic_id: String(t), nonce: String(nonce), reputer: "", combined_value: net, naive_value: naive, block_height: String(height), signature: null, pubkey: null,
});
const loss = (t: number, nonce: number, actor: string, value: string) => ({ topic_id: String(t), nonce: String(nonce), reputer: "", kind: "inferer", actor, peer: "", value });
const ni = (t: number, nonce: number, height: number, value: string, label = "y") => ({
  topic_id: String(t), nonce: String(nonce), label, outlier_resistant: false, combined_value: value, naive_value: null, block_height: String(height),
});
const included = (t: number, nonce: number, actor: string) => ({ topic_id: String(t), nonce: String(nonce), label: "y", outlier_resistant: false, kind: "inferer", actor, peer: "", value: "1" });

export function forecastFixtureBatch() {
  return {
    version: 1,
    batch_id: "forecast-fixture",
    network: { chain_id: "allora-testnet-1", name: "Allora Testnet", kind: "testnet", simulated: false, emissions_version: "v10" },
    cursor: { source: "blocks", height: "400", time: new Date(T).toISOString() },
    rows: {
      blocks: BLOCKS.map(([height, time]) => ({ height: String(height), time: new Date(time).toISOString(), hash: null, tx_count: 0, event_count: 0 })),
      topics: [
        topic(1, "BTC/USD - Log Returns - 8h", { loss_method: "czar", epoch_length: "75", topic_stake: "2500000000000000000000" }),
        topic(2, "ETH/USD - Price Prediction - 8h", { topic_stake: "1000000000000000000" }),
        topic(3, "SOL/USD - Volatility - 15m", { is_active: false, topic_stake: null }),
      ],
      actors: [
        { address: W1, owner: null, is_worker: true, is_reputer: false, is_delegator: false, is_validator: false, first_seen_height: "100", last_seen_height: "400" },
        { address: W2, owner: null, is_worker: true, is_reputer: false, is_delegator: false, is_validator: false, first_seen_height: "100", last_seen_height: "330" },
        { address: R1, owner: null, is_worker: false, is_reputer: true, is_delegator: false, is_validator: false, first_seen_height: "100", last_seen_height: "400" },
      ],
      registrations: [
        { topic_id: "1", address: W1, role: "worker", registered_height: "100", owner: null, unregistered_height: null },
        { topic_id: "1", address: W2, role: "worker", registered_height: "100", owner: null, unregistered_height: null },
        { topic_id: "2", address: W1, role: "worker", registered_height: "150", owner: null, unregistered_height: null },
        { topic_id: "2", address: W2, role: "worker", registered_height: "150", owner: null, unregistered_height: "300" },
        { topic_id: "1", address: R1, role: "reputer", registered_height: "100", owner: null, unregistered_height: null },
      ],
      loss_bundles: [
        // Epoch 90 is before the 7-day window: not counted.
        bundle(1, 90, 150, "9", "1"),
        bundle(1, 190, 210, "2", "4"),
        bundle(1, 290, 310, "2", "2"),
        bundle(1, 390, 400, "2", "6"),
        bundle(2, 290, 310, "5", "1"),
        bundle(2, 390, 400, "5", "1"),
      ],
      loss_values: [
        loss(1, 90, W2, "0.1"),
        loss(1, 190, W1, "1"), loss(1, 190, W2, "3"),
        loss(1, 290, W1, "3"), loss(1, 290, W2, "3"),
        loss(1, 390, W1, "3"),
      ],
      network_inferences: [
        ni(1, 240, 250, "99"),
        ni(1, 300, 310, "10"),
        ni(1, 320, 330, "11"),
        ni(1, 340, 350, "14"),
        ni(1, 389, 399, "13"),
        ni(1, 390, 400, "12.000000000000000000000001"),
        ni(2, 390, 400, "2611.01109296"),
      ],
      network_inference_values: [included(1, 300, W1), included(1, 320, W1), included(1, 320, W2), included(1, 390, W1), included(2, 390, W1)],
      scores: [
        { topic_id: "1", actor_type: "inferer", kind: "ema", address: W1, block_height: "310", score: "0.5", is_active: true },
        { topic_id: "1", actor_type: "inferer", kind: "ema", address: W1, block_height: "400", score: "0.75", is_active: true },
        { topic_id: "2", actor_type: "inferer", kind: "ema", address: W1, block_height: "400", score: "-0.000000000000000000000000000000000017", is_active: true },
        { topic_id: "1", actor_type: "inferer", kind: "instant", address: W1, block_height: "400", score: "9", is_active: true },
      ],
      rewards: [
        { topic_id: "1", actor_type: "inferer", address: W1, block_height: "310", amount: "1000000000000000000.5", block_height_tx: null },
        { topic_id: "1", actor_type: "inferer", address: W1, block_height: "400", amount: "2000000000000000000", block_height_tx: null },
        { topic_id: "2", actor_type: "inferer", address: W1, block_height: "400", amount: "3", block_height_tx: null },
        { topic_id: "1", actor_type: "reputer", address: R1, block_height: "400", amount: "7", block_height_tx: null },
      ],
      reputer_stakes: [
        { topic_id: "1", reputer: R1, block_height: "200", self_stake: "5", delegated_stake: "5" },
        { topic_id: "1", reputer: R1, block_height: "400", self_stake: "1000000000000000000000", delegated_stake: "500000000000000000000" },
      ],
      validators: [V1, V2].map((address, i) => ({
        operator_address: address, moniker: `Node ${i}`, identity: "", website: "", details: "", status: i === 0 ? "bonded" : "unbonded",
        jailed: false, tokens: i === 0 ? "250000000000000000000000000" : "7", delegator_shares: "1", commission_rate: "0.05", commission_max_rate: "0.2",
        commission_max_change_rate: "0.01", commission_updated_at: null, min_self_delegation: "1", updated_height: i === 0 ? "330" : "399",
      })),
      emission_snapshots: [
        { block_height: "300", inflation: "0.3", block_emission: "1", emission_per_month: "1", network_staked_tokens: "1", circulating_supply: "1", validators_percent: "0.25", reputers_percent: "0.75", ecosystem_mint: null, max_supply: null, raw: null },
        {
          block_height: "399", inflation: "0.123456789012345678", block_emission: "5828527245427720480", emission_per_month: "3065542181034567890123456",
          network_staked_tokens: "300000000000000000000000000", circulating_supply: "1000000000000000000000000000", validators_percent: "0.25",
          reputers_percent: "0.75", ecosystem_mint: null, max_supply: "10000000000000000000000000000", raw: null,
        },
      ],
    },
  };
}
