// What the signal publisher writes: the ledger rows of new signals and the scores of signals whose horizon has
// passed. Pure: plain arrays in, batch rows out. Each signal uses only the inferences and prices known at its
// publish time (the engine's rule and lib/signals/prices.ts), so publishing late or twice gives the same rows.
import { Decimal } from "decimal.js";
import { DEFAULT_CONFIDENCE, expectedReturnOf, prepareEpochs, volatilityScale, type SignalEpoch, type TopicKind } from "./engine";
import { coversTime, knownPriceIndex, type PriceSeries } from "./prices";
import { decide, LEDGER_STRATEGIES } from "./strategies";

export type InferencePoint = { nonce: string; height: string; t: number; value: string };

export type LedgerSeries = {
  topicId: string;
  label: string;
  kind: TopicKind;
  horizonSeconds: number;
  inferences: readonly InferencePoint[];
  prices: PriceSeries;
  /** A volatility topic on the same asset: its predictions scale size, never direction. */
  volatility?: { topicId: string; points: readonly { t: number; value: number }[] } | null;
};

export type SeriesEpochs = { epochs: SignalEpoch[]; sources: { inference: InferencePoint; priceIndex: number }[] };

/** One epoch per inference whose reference price was known at publish time (a signal needs a price to trade at). */
export function epochsOf(s: LedgerSeries): SeriesEpochs {
  const { times, values } = s.prices;
  const epochs: SignalEpoch[] = [];
  const sources: SeriesEpochs["sources"] = [];
  const vol = s.volatility?.points ?? [];
  let v = 0;
  let volSum = 0;
  for (const inference of s.inferences) {
    const priceIndex = knownPriceIndex(times, inference.t);
    if (priceIndex < 0) continue;
    // Volatility predictions published by t: the latest against the mean of all of them so far.
    while (v < vol.length && vol[v]!.t <= inference.t) volSum += vol[v++]!.value;
    const volScale = v > 0 ? volatilityScale(vol[v - 1]!.value, volSum / v) : null;
    const reference = Number(values[priceIndex]);
    const realizedAt = inference.t + s.horizonSeconds * 1000;
    const realizedReturn = coversTime(times, realizedAt) ? Number(values[knownPriceIndex(times, realizedAt)]) / reference - 1 : null;
    epochs.push({
      height: Number(inference.height),
      t: inference.t,
      expectedReturn: expectedReturnOf(s.kind, Number(inference.value), reference),
      realizedReturn,
      realizedAt,
      volScale,
    });
    sources.push({ inference, priceIndex });
  }
  return { epochs, sources };
}

const fixed = (x: number | null, digits = 8) => (x === null || !Number.isFinite(x) ? null : x.toFixed(digits));

/** Ledger rows for every epoch above the last published height of each strategy (null: none published yet). */
export function signalRows(s: LedgerSeries, publishedUpTo: ReadonlyMap<string, bigint | null>): Record<string, unknown>[] {
  const { epochs, sources } = epochsOf(s);
  const prepared = prepareEpochs(epochs);
  const rows: Record<string, unknown>[] = [];
  for (const params of LEDGER_STRATEGIES) {
    const after = publishedUpTo.get(params.strategy) ?? null;
    prepared.forEach((epoch, i) => {
      const { inference, priceIndex } = sources[i]!;
      if (after !== null && BigInt(inference.height) <= after) return;
      const signal = decide(epoch, params);
      rows.push({
        topic_id: s.topicId,
        label: s.label,
        strategy: params.strategy,
        published_height: inference.height,
        published_at: new Date(inference.t).toISOString(),
        direction: signal.direction,
        predicted_value: inference.value,
        reference_value: s.prices.values[priceIndex],
        horizon_seconds: s.horizonSeconds,
        expected_return_bps: fixed(signal.expectedReturnBps, 4),
        confidence: fixed(signal.confidence),
        size: fixed(signal.size)!,
        params: {
          threshold_bps: params.thresholdBps,
          min_confidence: params.minConfidence,
          allow_short: params.allowShort,
          band_window: DEFAULT_CONFIDENCE.bandWindow,
          accuracy_window: DEFAULT_CONFIDENCE.accuracyWindow,
          min_samples: DEFAULT_CONFIDENCE.minSamples,
        },
        inputs: {
          nonce: inference.nonce,
          kind: s.kind,
          price_source: s.prices.source,
          price_series: s.prices.series,
          price_candle_start: new Date(s.prices.times[priceIndex]!).toISOString(),
          band68_bps: fixed(epoch.band68 === null ? null : epoch.band68 * 10_000, 4),
          recent_hit_rate: fixed(epoch.recentHitRate),
          vol_topic_id: s.volatility?.topicId ?? null,
          vol_scale: fixed(epoch.volScale),
        },
      });
    });
  }
  return rows;
}

export type UnscoredSignal = { topicId: string; label: string; strategy: string; publishedHeight: string; publishedAt: number; horizonSeconds: number; referenceValue: string };

/** The asset's realized return over the horizon, in basis points, exact (decimal.js on the stored decimals). */
export function realizedReturnBps(reference: string, realized: string): string {
  return new Decimal(realized).div(reference).minus(1).times(10_000).toDecimalPlaces(6).toFixed();
}

/** Scores for the signals whose horizon the price series has reached. */
export function scoreRows(unscored: readonly UnscoredSignal[], prices: PriceSeries): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const u of unscored) {
    const end = u.publishedAt + u.horizonSeconds * 1000;
    if (!coversTime(prices.times, end)) continue;
    const realized = prices.values[knownPriceIndex(prices.times, end)]!;
    rows.push({
      topic_id: u.topicId,
      label: u.label,
      strategy: u.strategy,
      published_height: u.publishedHeight,
      realized_value: realized,
      return_bps: realizedReturnBps(u.referenceValue, realized),
      scored_at: new Date(end).toISOString(),
    });
  }
  return rows;
}
