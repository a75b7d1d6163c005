// Backtest of a position series against the asset's price. The position chosen at epoch i is held until epoch
// i + 1; changing it costs |Δposition| × (fee + slippage); the last position is closed at the range's end. One pass,
// so a year of 5-minute epochs takes milliseconds and the page can re-run it on every parameter change.
import { summarize, type BacktestMetrics } from "./metrics";

export type BacktestPoint = { t: number; price: number; position: number };
export type CostOptions = { feeBps?: number; slippageBps?: number };
export const DEFAULT_FEE_BPS = 4;
export const DEFAULT_SLIPPAGE_BPS = 10;

export type Trade = {
  direction: "long" | "short";
  entryT: number;
  exitT: number;
  entryPrice: number;
  exitPrice: number;
  /** Epoch intervals held. */
  intervals: number;
  /** Net result as a fraction of equity (gross minus costs, added over the trade's intervals). */
  pnl: number;
  costs: number;
};

/** Equity (starting at 1) and drawdown of the strategy and of buy-and-hold, one column per series, one row per epoch. */
export type Curve = { t: Float64Array; equity: Float64Array; drawdown: Float64Array; buyHold: Float64Array; buyHoldDrawdown: Float64Array };

export type BacktestResult = { metrics: BacktestMetrics; curve: Curve; trades: Trade[] };

/** Net return of each interval i → i + 1 and the trades they form (typed arrays: no object per epoch). */
function run(t: Float64Array, price: Float64Array, position: Float64Array, cost: number) {
  const n = price.length;
  const returns = new Float64Array(Math.max(0, n - 1));
  const trades: Trade[] = [];
  let open: Trade | null = null;
  let prev = 0;
  let exposed = 0;
  const close = (at: number, exitCost: number) => {
    open!.exitT = t[at]!;
    open!.exitPrice = price[at]!;
    open!.pnl -= exitCost;
    open!.costs += exitCost;
    trades.push(open!);
    open = null;
  };
  for (let i = 0; i < n - 1; i++) {
    const pos = position[i]!;
    const gross = pos * (price[i + 1]! / price[i]! - 1);
    let charged = Math.abs(pos - prev) * cost;
    if (pos !== 0 && Math.sign(pos) === Math.sign(prev)) {
      open!.pnl -= charged;
      open!.costs += charged;
    } else {
      if (open) close(i, Math.abs(prev) * cost);
      if (pos !== 0) {
        const entry = Math.abs(pos) * cost;
        open = { direction: pos > 0 ? "long" : "short", entryT: t[i]!, exitT: t[i]!, entryPrice: price[i]!, exitPrice: price[i]!, intervals: 0, pnl: -entry, costs: entry };
      }
    }
    if (open) {
      open.pnl += gross;
      open.intervals++;
    }
    if (i === n - 2) {
      const exit = Math.abs(pos) * cost;
      charged += exit;
      if (open) close(n - 1, exit);
    }
    if (pos !== 0) exposed++;
    returns[i] = gross - charged;
    prev = pos;
  }
  return { returns, trades, exposed };
}

/** Buy-and-hold with the same costs: one entry at the first epoch, one exit at the last. */
function holdReturns(price: Float64Array, cost: number): Float64Array {
  const n = price.length;
  const returns = new Float64Array(Math.max(0, n - 1));
  for (let i = 0; i < n - 1; i++) returns[i] = price[i + 1]! / price[i]! - 1 - (i === 0 ? cost : 0) - (i === n - 2 ? cost : 0);
  return returns;
}

function compound(returns: Float64Array): { equity: Float64Array; drawdown: Float64Array } {
  const equity = new Float64Array(returns.length + 1);
  const drawdown = new Float64Array(returns.length + 1);
  equity[0] = 1;
  let peak = 1;
  for (let i = 0; i < returns.length; i++) {
    equity[i + 1] = equity[i]! * (1 + returns[i]!);
    if (equity[i + 1]! > peak) peak = equity[i + 1]!;
    drawdown[i + 1] = peak > 0 ? 1 - equity[i + 1]! / peak : 0;
  }
  return { equity, drawdown };
}

/** `points` sorted by t, prices > 0. Fewer than two points: nothing to trade, every ratio metric null. */
export function backtest(points: readonly BacktestPoint[], options: CostOptions = {}): BacktestResult {
  const n = points.length;
  const series = { t: new Float64Array(n), price: new Float64Array(n), position: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const p = points[i]!;
    series.t[i] = p.t;
    series.price[i] = p.price;
    series.position[i] = p.position;
  }
  return backtestSeries(series, options);
}

export type BacktestSeries = { t: Float64Array; price: Float64Array; position: Float64Array };

/** The same on columns, as the page and the benchmark hold them. */
export function backtestSeries({ t, price, position }: BacktestSeries, options: CostOptions = {}): BacktestResult {
  const cost = ((options.feeBps ?? DEFAULT_FEE_BPS) + (options.slippageBps ?? DEFAULT_SLIPPAGE_BPS)) / 10_000;
  const n = price.length;
  const strategy = run(t, price, position, cost);
  const s = compound(strategy.returns);
  const h = compound(holdReturns(price, cost));
  const metrics = summarize({
    returns: strategy.returns,
    equity: s.equity,
    drawdown: s.drawdown,
    trades: strategy.trades,
    exposed: strategy.exposed,
    spanMs: n > 1 ? t[n - 1]! - t[0]! : 0,
    buyHoldReturn: n > 1 ? h.equity[n - 1]! - 1 : null,
  });
  const curve: Curve = { t, equity: s.equity, drawdown: s.drawdown, buyHold: h.equity, buyHoldDrawdown: h.drawdown };
  return { metrics, curve, trades: strategy.trades };
}
