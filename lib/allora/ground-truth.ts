import { z } from "zod";

import { decSchema, type Dec } from "@/lib/allora/decimal";
import { AlloraDecodeError, AlloraHttpError, decodeResponse, type HttpOptions, joinUrl, requestJson } from "@/lib/allora/http";

/**
 * One realized price observation. Point sources (a spot price at `t`) only know `close`; the
 * other fields stay null rather than being copied from it.
 */
export interface PricePoint {
  /** Start of the interval (or the observation time), ms since epoch. */
  t: number;
  open: Dec | null;
  high: Dec | null;
  low: Dec | null;
  close: Dec;
}

export type PriceSeriesResult =
  | { status: "ok"; source: string; asset: string; intervalSeconds: number | null; points: PricePoint[] }
  | { status: "unavailable"; source: string; asset: string; reason: string };

/** A realized-price source used to score inferences against what actually happened. */
export interface GroundTruthSource {
  readonly id: string;
  getPrices(asset: string, fromMs: number, toMs: number): Promise<PriceSeriesResult>;
}

export interface HttpPriceSourceOptions<T> extends HttpOptions {
  id: string;
  baseUrl: string;
  headers?: Record<string, string>;
  /** Path (with query) for a request, or null when this source cannot serve the asset. */
  buildPath: (asset: string, fromMs: number, toMs: number) => string | null;
  schema: z.ZodType<T>;
  toSeries: (body: T) => { intervalSeconds: number | null; points: PricePoint[] };
}

function describeFailure(error: unknown): string {
  if (error instanceof AlloraHttpError) {
    return error.status !== null
      ? `HTTP ${error.status} after ${error.attempts} attempt(s)`
      : `${error.reason} after ${error.attempts} attempt(s)`;
  }
  if (error instanceof AlloraDecodeError)
    return `unexpected response: ${error.issues[0]?.path ?? ""} ${error.issues[0]?.message ?? ""}`.trim();
  return error instanceof Error ? error.message : "unknown error";
}

/**
 * Any HTTP market-data API as a GroundTruthSource. Failures (unreachable, rate-limited, bad
 * payload) come back as `unavailable` with a reason; this never fabricates a price.
 */
export function createHttpPriceSource<T>(options: HttpPriceSourceOptions<T>): GroundTruthSource {
  const base = options.baseUrl.replace(/\/+$/, "");
  return {
    id: options.id,
    async getPrices(asset, fromMs, toMs) {
      if (!Number.isFinite(fromMs) || !Number.isFinite(toMs) || fromMs > toMs) {
        throw new RangeError(`invalid time range ${fromMs}..${toMs}`);
      }
      const path = options.buildPath(asset, fromMs, toMs);
      if (path === null)
        return { status: "unavailable", source: options.id, asset, reason: `asset ${asset} is not supported` };
      const url = joinUrl(base, path);
      try {
        const body = await requestJson(url, { headers: { accept: "application/json", ...options.headers } }, options);
        const series = options.toSeries(decodeResponse(options.schema, body, url));
        const points = series.points.filter((p) => p.t >= fromMs && p.t <= toMs).sort((a, b) => a.t - b.t);
        return { status: "ok", source: options.id, asset, intervalSeconds: series.intervalSeconds, points };
      } catch (error) {
        return { status: "unavailable", source: options.id, asset, reason: describeFailure(error) };
      }
    },
  };
}

/**
 * `{ asset, interval_seconds, candles: [{ t, open, high, low, close }] }` with decimal strings: the
 * shape the devnet market endpoint (`GET /market/{asset}/ohlc?from&to&interval`) will serve.
 */
export const ohlcResponseSchema = z.object({
  asset: z.string(),
  interval_seconds: z.number().int().positive(),
  candles: z.array(
    z.object({ t: z.number().int().nonnegative(), open: decSchema, high: decSchema, low: decSchema, close: decSchema }),
  ),
});

export function ohlcToSeries(body: z.output<typeof ohlcResponseSchema>) {
  return {
    intervalSeconds: body.interval_seconds,
    points: body.candles.map((c): PricePoint => ({ t: c.t, open: c.open, high: c.high, low: c.low, close: c.close })),
  };
}

/** A JSON float rendered as a plain decimal string (no exponent), digit-for-digit as JS prints it. */
export function numberToDec(value: number): Dec {
  if (!Number.isFinite(value)) throw new RangeError("price is not finite");
  const text = String(value);
  const match = /^(-?)(\d+)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign = "", whole = "", fraction = "", exp = "0"] = match;
  const digits = whole + fraction;
  const point = whole.length + Number(exp);
  const body =
    point <= 0
      ? `0.${"0".repeat(-point)}${digits}`
      : point >= digits.length
        ? digits + "0".repeat(point - digits.length)
        : `${digits.slice(0, point)}.${digits.slice(point)}`;
  return `${sign}${body.replace(/^0+(?=\d)/, "")}`;
}

export interface DevnetMarketOptions extends HttpOptions {
  baseUrl: string;
  /** Candle width; the devnet aggregates its per-block prices into it. */
  intervalSeconds?: number;
}

/** The devnet's own market (`/market/{asset}/ohlc`): the ground truth of the simulated network, tagged "devnet". */
export function createDevnetMarketSource(options: DevnetMarketOptions): GroundTruthSource {
  const interval = options.intervalSeconds ?? 60;
  return createHttpPriceSource({
    ...options,
    id: "devnet",
    buildPath: (asset, from, to) => `/market/${encodeURIComponent(asset)}/ohlc?from=${from}&to=${to}&interval=${interval}`,
    schema: ohlcResponseSchema,
    toSeries: ohlcToSeries,
  });
}

const coinGeckoRangeSchema = z.object({
  prices: z.array(z.tuple([z.number(), z.number()])),
});

export interface CoinGeckoOptions extends HttpOptions {
  baseUrl?: string;
  /** Our asset symbol → CoinGecko coin id. */
  coinIds?: Record<string, string>;
  vsCurrency?: string;
  headers?: Record<string, string>;
}

const DEFAULT_COIN_IDS: Record<string, string> = {
  BTC: "bitcoin",
  ETH: "ethereum",
  SOL: "solana",
  NEAR: "near",
  XRP: "ripple",
};

/** CoinGecko `market_chart/range`: spot prices only, so points carry `close` and null OHLC. */
export function createCoinGeckoPriceSource(options: CoinGeckoOptions = {}): GroundTruthSource {
  const coinIds = options.coinIds ?? DEFAULT_COIN_IDS;
  const vs = encodeURIComponent(options.vsCurrency ?? "usd");
  return createHttpPriceSource({
    ...options,
    id: "coingecko",
    baseUrl: options.baseUrl ?? "https://api.coingecko.com/api/v3",
    buildPath: (asset, fromMs, toMs) => {
      const coin = coinIds[asset.toUpperCase()];
      if (!coin) return null;
      const from = Math.floor(fromMs / 1000);
      const to = Math.ceil(toMs / 1000);
      return `/coins/${encodeURIComponent(coin)}/market_chart/range?vs_currency=${vs}&from=${from}&to=${to}`;
    },
    schema: coinGeckoRangeSchema,
    toSeries: (body) => ({
      intervalSeconds: null,
      points: body.prices.map(([t, price]) => ({ t, open: null, high: null, low: null, close: numberToDec(price) })),
    }),
  });
}
