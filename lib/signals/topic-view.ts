// Everything the topic signal page shows, in two steps. `topicViewInputs` (topic-view-inputs.ts, on the server) does the parameter-free work once
// per series: epochs with a known price, bands and confidence, realized returns and trailing volatility. The visitor's
// parameters then only pick and re-run cheap steps (`computeTopicView`), which the page's client component repeats
// in the browser on every change: no round trip, so a new fee or threshold shows at once.
import { accuracyByRegime, callStats, downsampleCurve, type CallStats, type ChartPoint, type RegimeAccuracy } from "./analysis";
import { backtestSeries, type Trade } from "./backtest";
import type { PreparedEpoch } from "./engine";
import type { BacktestMetrics } from "./metrics";
import { decide, DEFAULT_PARAMS, LEDGER_STRATEGIES, positionOf, type Signal, type StrategyName } from "./strategies";

export type ViewParams = { strategy: StrategyName; feeBps: number; slippageBps: number; thresholdBps: number; from: number | null; to: number | null };
export type LedgerCall = { publishedAt: number; strategy: string; direction: "long" | "short" | "flat"; returnBps: number | null };

/** Per epoch, in time order; plain arrays so that they cross to the browser as they are. */
export type TopicViewInputs = {
  epochs: PreparedEpoch[];
  /** Reference price at publish time. */
  price: number[];
  /** The asset's realized return over the horizon, bps; null while the horizon is open. */
  realizedBps: (number | null)[];
  /** Trailing one-candle volatility known at publish time (the regime). */
  volatility: (number | null)[];
  ledger: LedgerCall[];
};

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

export function computeTopicView(inputs: TopicViewInputs, params: ViewParams): TopicView {
  const prepared = inputs.epochs;
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
    price[k] = inputs.price[i]!;
    position[k] = positionOf(s);
  });
  const result = backtestSeries({ t, price, position }, { feeBps: params.feeBps, slippageBps: params.slippageBps });
  const realized = idx.map((i) => inputs.realizedBps[i]!);
  const range = n ? { from: t[0]!, to: t[n - 1]! } : null;
  const liveInRange = inputs.ledger.filter((l) => l.strategy === params.strategy && range && l.publishedAt >= range.from && l.publishedAt <= range.to);
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
    regimes: accuracyByRegime(yours.map((s, k) => ({ direction: s.direction, realizedBps: realized[k]!, volatility: inputs.volatility[idx[k]!]! }))),
  };
}
