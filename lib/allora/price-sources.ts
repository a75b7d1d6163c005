// Realized prices for the public networks: Coinbase Exchange candles first, CoinGecko as the second source.
import { z } from "zod";

import {
  createCoinGeckoPriceSource,
  createHttpPriceSource,
  numberToDec,
  type GroundTruthSource,
  type PricePoint,
  type PriceSeriesResult,
} from "@/lib/allora/ground-truth";
import type { HttpOptions } from "@/lib/allora/http";

// `[time (unix s), low, high, open, close, volume]`, newest first, at most 300 per request (Coinbase Exchange docs,
// "Get product candles").
const coinbaseCandlesSchema = z.array(z.tuple([z.number(), z.number(), z.number(), z.number(), z.number(), z.number()]).rest(z.unknown()));

const COINBASE_MAX_CANDLES = 300;
type CoinbaseGranularity = 60 | 300 | 900 | 3600 | 21600 | 86400;

export interface CoinbaseOptions extends HttpOptions {
  baseUrl?: string;
  /** Candle width in seconds; Coinbase accepts only 60, 300, 900, 3600, 21600 or 86400. */
  granularitySeconds?: CoinbaseGranularity;
  quote?: string;
  /** Injectable clock: a candle still open at `now` is left for a later call, so its close is final when stored. */
  now?: () => number;
}

export function parseCoinbaseCandles(body: z.output<typeof coinbaseCandlesSchema>): PricePoint[] {
  return body.map(([time, low, high, open, close]) => ({
    t: time * 1000,
    open: numberToDec(open),
    high: numberToDec(high),
    low: numberToDec(low),
    close: numberToDec(close),
  }));
}

/**
 * Coinbase Exchange public candles (`/products/{BASE}-{QUOTE}/candles`): no key, any past window at one-minute
 * granularity, and it lists every asset of the real topics; a window longer than 300 candles is read in pieces.
 */
export function createCoinbasePriceSource(options: CoinbaseOptions = {}): GroundTruthSource {
  const granularity = options.granularitySeconds ?? 60;
  const quote = (options.quote ?? "USD").toUpperCase();
  const chunk = createHttpPriceSource({
    ...options,
    id: "coinbase",
    baseUrl: options.baseUrl ?? "https://api.exchange.coinbase.com",
    // Coinbase refuses requests without a User-Agent.
    headers: { "user-agent": "allora-dashboard" },
    buildPath: (asset, fromMs, toMs) => {
      if (!/^[A-Z0-9]{2,10}$/.test(asset.toUpperCase())) return null;
      const start = new Date(Math.floor(fromMs / 1000 / granularity) * granularity * 1000).toISOString();
      const end = new Date(toMs).toISOString();
      return `/products/${asset.toUpperCase()}-${quote}/candles?granularity=${granularity}&start=${start}&end=${end}`;
    },
    schema: coinbaseCandlesSchema,
    toSeries: (body) => ({ intervalSeconds: granularity, points: parseCoinbaseCandles(body) }),
  });
  const span = COINBASE_MAX_CANDLES * granularity * 1000;
  const now = options.now ?? Date.now;
  return {
    id: "coinbase",
    async getPrices(asset, fromMs, toMs): Promise<PriceSeriesResult> {
      const points: PricePoint[] = [];
      for (let start = fromMs; start <= toMs; start += span) {
        const result = await chunk.getPrices(asset, start, Math.min(toMs, start + span - 1));
        if (result.status !== "ok") return result;
        points.push(...result.points.filter((p) => p.t + granularity * 1000 <= now()));
      }
      return { status: "ok", source: "coinbase", asset, intervalSeconds: granularity, points };
    },
  };
}

/**
 * Tries each source in order and answers with the first that serves the asset. When none does, the answer names
 * every source and why, so the UI can say which one could not be reached.
 */
export function createFallbackPriceSource(sources: readonly GroundTruthSource[]): GroundTruthSource {
  if (sources.length === 0) throw new RangeError("at least one price source is needed");
  return {
    id: sources.map((s) => s.id).join("+"),
    async getPrices(asset, fromMs, toMs): Promise<PriceSeriesResult> {
      const failures: string[] = [];
      for (const source of sources) {
        const result = await source.getPrices(asset, fromMs, toMs);
        if (result.status === "ok") return result;
        failures.push(`${result.source}: ${result.reason}`);
      }
      return { status: "unavailable", source: sources.map((s) => s.id).join("+"), asset, reason: failures.join("; ") };
    },
  };
}

export type PriceSourceName = "coinbase" | "coingecko";

/**
 * The default realized-price source of mainnet and testnet. Coinbase Exchange first (keyless, minute candles for
 * any past window, reachable where Binance answers 451), CoinGecko second (keyless spot prices, coarser).
 */
export function createPublicPriceSource(names: readonly PriceSourceName[], http: HttpOptions = {}): GroundTruthSource | undefined {
  const sources = names.map((name) => (name === "coinbase" ? createCoinbasePriceSource(http) : createCoinGeckoPriceSource(http)));
  if (sources.length === 0) return undefined;
  return sources.length === 1 ? sources[0] : createFallbackPriceSource(sources);
}
