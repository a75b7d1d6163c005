// Realized prices for the batch's time window, from the configured ground-truth source (the devnet's market, or a
// public API). An unavailable source adds nothing: prices are never invented.
import type { GroundTruthSource } from "@/lib/allora/ground-truth";
import type { BatchBuilder } from "./batch-builder";

export const GROUND_TRUTH_ASSETS = ["BTC", "ETH", "SOL"] as const;

/** `required`: the source is the simulated network's own market, so a failure retries the batch instead of leaving a gap. */
export async function addGroundTruth(b: BatchBuilder, source: GroundTruthSource, from: Date, to: Date, required = false): Promise<void> {
  for (const asset of GROUND_TRUTH_ASSETS) {
    const result = await source.getPrices(asset, from.getTime(), to.getTime());
    if (result.status !== "ok") {
      if (required) throw new Error(`ground truth ${source.id} ${asset}: ${result.reason}`);
      continue;
    }
    for (const p of result.points)
      b.add("ground_truth", { source: source.id, series: `${asset}/USD`, time: new Date(p.t).toISOString(), value: p.close, high: p.high, low: p.low });
  }
}
