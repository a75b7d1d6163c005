// Realized prices for the batch's time window, from the configured ground-truth source (the devnet's market, or a
// public API). An unavailable source adds nothing: prices are never invented. Which assets to price comes from the
// topics' names (parseTopicMetadata), and what the source last answered travels with every batch to the collector
// state, so the pages can say "no realized prices: source X unreachable" instead of drawing nothing.
import type { GroundTruthSource } from "@/lib/allora/ground-truth";
import { parseTopicMetadata } from "@/lib/forecast/topic-meta";
import type { BatchBuilder } from "./batch-builder";

/** The devnet market's assets; real networks start from none and learn them from their topics. */
export const GROUND_TRUTH_ASSETS = ["BTC", "ETH", "SOL"] as const;

/** Longest stretch a recovered source is asked to fill after an outage; older gaps stay gaps. */
const MAX_CATCH_UP_MS = 2 * 86_400_000;
/** After a failed attempt the source is left alone this long, so an outage does not slow block indexing down. */
const RETRY_AFTER_MS = 60_000;

export type PriceSourceReport = {
  /** The configured source, e.g. "coinbase+coingecko" or "devnet". */
  source: string;
  /** Null when the last attempt served every asset; otherwise "ASSET: reason" per asset, joined by " | ". */
  error: string | null;
  /** Time (ISO) of the last attempt and of the last attempt that served every asset. */
  checked_at: string | null;
  ok_at: string | null;
};

export type GroundTruthFeed = ReturnType<typeof createGroundTruthFeed>;

export function createGroundTruthFeed(options: {
  source: GroundTruthSource;
  /** The source is the simulated network's own market: a failure retries the batch instead of leaving a gap. */
  required: boolean;
  assets?: readonly string[];
  now?: () => Date;
}) {
  const { source, required } = options;
  const now = options.now ?? (() => new Date());
  const assets = new Set<string>(options.assets ?? []);
  // Per asset, the start of a window the source could not serve yet (the next success fills it), and the newest
  // point stored: the next window starts right after it, so a candle left out while still open is read once final.
  const pendingFrom = new Map<string, number>();
  const coveredUntil = new Map<string, number>();
  const report: PriceSourceReport = { source: source.id, error: null, checked_at: null, ok_at: null };
  let quietUntil = 0;

  return {
    assets: () => [...assets].sort(),
    report: (): PriceSourceReport => ({ ...report }),
    /** Learns the assets to price from topic names ("BTC/USD - Log Returns - 8h" → BTC). */
    noteTopics(metadata: readonly string[]): void {
      for (const name of metadata) {
        const { asset } = parseTopicMetadata(name);
        if (asset) assets.add(asset);
      }
    },
    async add(b: BatchBuilder, from: Date, to: Date): Promise<void> {
      if (assets.size === 0) return;
      if (!required && now().getTime() < quietUntil) {
        for (const asset of assets) if (!pendingFrom.has(asset)) pendingFrom.set(asset, from.getTime());
        return;
      }
      const failures: string[] = [];
      for (const asset of [...assets].sort()) {
        const covered = coveredUntil.get(asset);
        const base = covered !== undefined && covered < from.getTime() ? covered + 1 : from.getTime();
        const start = Math.max(Math.min(pendingFrom.get(asset) ?? base, base), to.getTime() - MAX_CATCH_UP_MS);
        const result = await source.getPrices(asset, start, to.getTime());
        if (result.status !== "ok") {
          if (required) throw new Error(`ground truth ${source.id} ${asset}: ${result.reason}`);
          if (!pendingFrom.has(asset)) pendingFrom.set(asset, start);
          failures.push(`${asset}: ${result.reason}`);
          continue;
        }
        pendingFrom.delete(asset);
        const newest = result.points.at(-1)?.t;
        if (newest !== undefined && newest > (covered ?? -Infinity)) coveredUntil.set(asset, newest);
        for (const p of result.points)
          b.add("ground_truth", { source: result.source, series: `${asset}/USD`, time: new Date(p.t).toISOString(), value: p.close, high: p.high, low: p.low });
      }
      const at = now().toISOString();
      report.checked_at = at;
      report.error = failures.length ? failures.join(" | ").slice(0, 1000) : null;
      if (!failures.length) report.ok_at = at;
      else quietUntil = now().getTime() + RETRY_AFTER_MS;
    },
  };
}
