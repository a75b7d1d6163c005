// Everything the topic signal page shows, from one series and the ledger's rows: the backtest with the visitor's
// parameters, the live ledger's record and the backtest of the ledger's own rule over the same period.
import { accuracyByRegime, callStats, downsampleCurve, trailingVolatility, type CallStats, type ChartPoint, type RegimeAccuracy } from "./analysis";
import { backtestSeries, type Trade } from "./backtest";
import { prepareEpochs } from "./engine";
import { epochsOf, LEDGER_STRATEGIES, type LedgerSeries } from "./ledger";
import type { BacktestMetrics } from "./metrics";
import { decide, DEFAULT_PARAMS, positionOf, type Signal, type StrategyName } from "./strategies";

export type ViewParams = { strategy: StrategyName; feeBps: number; slippageBps: number; thresholdBps: number; from: number | null; to: number | null };
export type LedgerCall = { publishedAt: number; strategy: string; direction: "long" | "short" | "flat"; returnBps: number | null };

export type TopicView = {
  range: { from: number; to: number } | null;
  epochs: number;
  metrics: BacktestMetrics;
  chart: ChartPoint[];
  /** Latest first, at most 20. */
  trades: Trade[];
  latest: Signal | null;
  live: CallStats;
  backtestLedgerRule: CallStats;
  backtestYourRule: CallStats;
  regimes: RegimeAccuracy[] | null;
};

export function computeTopicView(series: LedgerSeries, params: ViewParams, ledger: readonly LedgerCall[]): TopicView {
  const { epochs, sources } = epochsOf(series);
  const prepared = prepareEpochs(epochs);
  const rule = { ...DEFAULT_PARAMS, strategy: params.strategy, thresholdBps: params.thresholdBps };
  const ledgerRule = LEDGER_STRATEGIES.find((s) => s.strategy === params.strategy) ?? DEFAULT_PARAMS;
  // The range filters by publish time; the signals inside it still saw their full history (no warm-up restart).
  const inRange = (t: number) => (params.from === null || t >= params.from) && (params.to === null || t <= params.to);
  const idx = prepared.flatMap((e, i) => (inRange(e.t) ? [i] : []));
  const n = idx.length;
  const t = new Float64Array(n);
  const price = new Float64Array(n);
  const position = new Float64Array(n);
  const yours: Signal[] = [];
  const theirs: Signal[] = [];
  idx.forEach((i, k) => {
    const s = decide(prepared[i]!, rule);
    yours.push(s);
    theirs.push(decide(prepared[i]!, ledgerRule));
    t[k] = prepared[i]!.t;
    price[k] = Number(series.prices.values[sources[i]!.priceIndex]);
    position[k] = positionOf(s);
  });
  const result = backtestSeries({ t, price, position }, { feeBps: params.feeBps, slippageBps: params.slippageBps });
  const realized = idx.map((i) => (epochs[i]!.realizedReturn === null ? null : epochs[i]!.realizedReturn! * 10_000));
  const vols = trailingVolatility(series.prices, idx.map((i) => epochs[i]!.t));
  const range = n ? { from: t[0]!, to: t[n - 1]! } : null;
  const liveInRange = ledger.filter((l) => l.strategy === params.strategy && range && l.publishedAt >= range.from && l.publishedAt <= range.to);
  return {
    range,
    epochs: n,
    metrics: result.metrics,
    chart: downsampleCurve(result.curve),
    trades: result.trades.slice(-20).reverse(),
    latest: prepared.length ? decide(prepared.at(-1)!, rule) : null,
    live: callStats(liveInRange.map((l) => ({ direction: l.direction, realizedBps: l.returnBps }))),
    backtestLedgerRule: callStats(theirs.map((s, k) => ({ direction: s.direction, realizedBps: realized[k]! }))),
    backtestYourRule: callStats(yours.map((s, k) => ({ direction: s.direction, realizedBps: realized[k]! }))),
    regimes: accuracyByRegime(yours.map((s, k) => ({ direction: s.direction, realizedBps: realized[k]!, volatility: vols[k]! }))),
  };
}
