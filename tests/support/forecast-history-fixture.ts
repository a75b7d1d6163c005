// A small topic history whose analytics can be worked out by hand (see tests/integration/forecast-queries.test.ts).
// One block a minute from T0, one epoch per block (epoch length 1), "BTC/USD - Price Prediction - 10m": the
// realized value of epoch k (nonce k+1) is the price 10 minutes later.
import type { IngestBatch } from "@/lib/ingest/batch-schema";

export const T0 = Date.parse("2026-11-20T00:00:00Z");
export const TOPIC = "7";
export const A = "allo1workeraaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa";
export const B = "allo1workerbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb";
export const C = "allo1workercccccccccccccccccccccccccccccccccc";
export const F = "allo1forecasterffffffffffffffffffffffffffffff";
export const R = "allo1reputerrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrrr";
export const EPOCHS = 81; // k = 0..80 carry losses; k = 81, 82 are predictions whose horizon has not passed
export const LAST_PRICE_MINUTE = 90;

const iso = (ms: number) => new Date(ms).toISOString();
const minute = (m: number, s = 0) => T0 + m * 60_000 + s * 1000;
const nonce = (k: number) => String(k + 1);
/** Residual realized − predicted: 5 on every tenth epoch, else 0. */
export const residual = (k: number) => (k % 10 === 0 ? 5 : 0);
/** Price of minute m; inside each minute it spikes by 0 / 1 / 5 at +20 s (calm / normal / volatile by m mod 3). */
export const price = (m: number) => 100 + m;
const spike = (m: number) => [0, 1, 5][m % 3]!;
export const prediction = (k: number) => price(k + 10) - residual(k);
const lossA = (k: number) => (k < 60 ? 0.5 : 2);
const lossB = (k: number) => (k < 60 ? 3 : 0.4);

export function forecastBatch(): IngestBatch {
  const ks = Array.from({ length: EPOCHS + 2 }, (_, k) => k);
  const lossKs = ks.filter((k) => k < EPOCHS);
  const r = (k: number) => ({ topic_id: TOPIC, nonce: nonce(k), label: "y", outlier_resistant: false });
  return {
    version: 1,
    batch_id: "forecast-fixture",
    network: { chain_id: "allora-forecast-fixture", name: "Fixture", kind: "devnet", simulated: true, emissions_version: "v10" },
    from_height: "1",
    to_height: "93",
    rows: {
      blocks: Array.from({ length: 93 }, (_, i) => ({ height: String(i + 1), time: iso(minute(i)), hash: null, tx_count: 0, event_count: 0 })),
      topics: [{
        topic_id: TOPIC, creator: R, metadata: "BTC/USD - Price Prediction - 10m", loss_method: "mse", epoch_last_ended: "83",
        epoch_length: "1", ground_truth_lag: "10", p_norm: "3", alpha_regret: "0.1", allow_negative: false, epsilon: "0.0001",
        label_whitelist: [], weight: "12.5", effective_revenue: "3000", topic_stake: "7000000000000000000000", updated_height: "93",
      }],
      topic_labels: [{ topic_id: TOPIC, label_name: "y", label_id: 0, first_seen_height: "1" }],
      ground_truth: Array.from({ length: LAST_PRICE_MINUTE + 1 }, (_, m) => [
        { source: "fixture", series: "BTC/USD", time: iso(minute(m)), value: String(price(m)), high: null, low: null },
        { source: "fixture", series: "BTC/USD", time: iso(minute(m, 20)), value: String(price(m) + spike(m)), high: null, low: null },
        { source: "fixture", series: "BTC/USD", time: iso(minute(m, 40)), value: String(price(m)), high: null, low: null },
      ]).flat(),
      network_inferences: ks.map((k) => ({ ...r(k), combined_value: String(prediction(k)), naive_value: String(prediction(k) + 1), block_height: nonce(k) })),
      network_inference_values: ks.flatMap((k) => [
        { ...r(k), kind: "one_out_inferer", actor: A, peer: "", value: String(prediction(k) - 0.25) },
        { ...r(k), kind: "one_out_inferer", actor: B, peer: "", value: String(prediction(k) + 0.125) },
        { ...r(k), kind: "one_in_forecaster", actor: F, peer: "", value: String(prediction(k) + 1 - 0.5) },
        ...(k < 10 ? [{ ...r(k), kind: "inferer", actor: A, peer: "", value: "1" }, { ...r(k), kind: "inferer", actor: B, peer: "", value: "1" }] : []),
      ]),
      inference_weights: ks.flatMap((k) => [
        { topic_id: TOPIC, nonce: nonce(k), actor_type: "inferer", address: A, weight: "0.75", regret: null },
        { topic_id: TOPIC, nonce: nonce(k), actor_type: "inferer", address: B, weight: "0.25", regret: null },
      ]),
      loss_bundles: [
        ...lossKs.map((k) => ({ topic_id: TOPIC, nonce: nonce(k), reputer: "", combined_value: "1", naive_value: String(1 + (k % 3) * 0.5), block_height: String(k + 11), signature: null, pubkey: null })),
        ...[0, 1, 2, 3, 4].map((k) => ({
          topic_id: TOPIC, nonce: nonce(k), reputer: R, combined_value: "1", naive_value: "1", block_height: String(k + 11), signature: null, pubkey: null,
          loss_inferers: [A, B], loss_forecasters: [], losses: [String(lossA(k)), String(lossB(k)), null, null],
        })),
      ],
      loss_values: lossKs.flatMap((k) => [
        { topic_id: TOPIC, nonce: nonce(k), reputer: "", kind: "inferer", actor: A, peer: "", value: String(lossA(k)) },
        { topic_id: TOPIC, nonce: nonce(k), reputer: "", kind: "inferer", actor: B, peer: "", value: String(lossB(k)) },
        { topic_id: TOPIC, nonce: nonce(k), reputer: "", kind: "inferer", actor: C, peer: "", value: "1.5" },
      ]),
      scores: [
        { topic_id: TOPIC, actor_type: "inferer", kind: "ema", address: A, block_height: "10", score: "0.1", is_active: true },
        { topic_id: TOPIC, actor_type: "inferer", kind: "ema", address: A, block_height: "50", score: "0.3", is_active: true },
        { topic_id: TOPIC, actor_type: "inferer", kind: "ema", address: B, block_height: "50", score: "0.2", is_active: true },
        { topic_id: TOPIC, actor_type: "reputer", kind: "ema", address: R, block_height: "50", score: "0.9", is_active: true },
      ],
      rewards: [
        { topic_id: TOPIC, actor_type: "inferer", address: A, block_height: "50", amount: "1000000000000000000", block_height_tx: null },
        { topic_id: TOPIC, actor_type: "inferer", address: A, block_height: "60", amount: "500000000000000000.5", block_height_tx: null },
        { topic_id: TOPIC, actor_type: "reputer", address: R, block_height: "60", amount: "2000000000000000000", block_height_tx: null },
      ],
      topic_changes: [{ topic_id: TOPIC, height: "30", kind: "weight", is_active: null, weight: "12.5", topic_stake: "7000000000000000000000", snapshot: null }],
    },
  };
}
