// Every backtest metric from one series of interval returns. A ratio whose denominator is zero (no trades, no
// losing trade, no variance, no time) is null, shown as "—": never NaN, never Infinity.
import type { Trade } from "./backtest";

export const YEAR_MS = 365 * 24 * 3600 * 1000;

export type BacktestMetrics = {
  totalReturn: number;
  annualizedReturn: number | null;
  sharpe: number | null;
  sortino: number | null;
  /** Largest fall from a peak, as a positive fraction. */
  maxDrawdown: number;
  /** Share of trades with a positive net result. */
  hitRate: number | null;
  /** Gross profit of winning trades over gross loss of losing ones. */
  profitFactor: number | null;
  trades: number;
  /** Share of intervals with a position. */
  exposure: number | null;
  buyHoldReturn: number | null;
};

type Inputs = {
  returns: Float64Array;
  equity: Float64Array;
  drawdown: Float64Array;
  trades: readonly Trade[];
  exposed: number;
  spanMs: number;
  buyHoldReturn: number | null;
};

export function summarize(x: Inputs): BacktestMetrics {
  const n = x.returns.length;
  const totalReturn = x.equity[x.equity.length - 1]! - 1;
  const years = x.spanMs / YEAR_MS;
  let sum = 0;
  let downSq = 0;
  for (let i = 0; i < n; i++) {
    const r = x.returns[i]!;
    sum += r;
    if (r < 0) downSq += r * r;
  }
  const mean = n ? sum / n : 0;
  let varSum = 0;
  for (let i = 0; i < n; i++) varSum += (x.returns[i]! - mean) ** 2;
  const std = n > 1 ? Math.sqrt(varSum / (n - 1)) : 0;
  const downside = n ? Math.sqrt(downSq / n) : 0;
  const perYear = years > 0 ? Math.sqrt(n / years) : 0;
  let maxDrawdown = 0;
  for (let i = 0; i < x.drawdown.length; i++) if (x.drawdown[i]! > maxDrawdown) maxDrawdown = x.drawdown[i]!;
  let wins = 0;
  let profit = 0;
  let loss = 0;
  for (const t of x.trades) {
    if (t.pnl > 0) {
      wins++;
      profit += t.pnl;
    } else loss -= t.pnl;
  }
  return {
    totalReturn,
    annualizedReturn: years > 0 ? (totalReturn <= -1 ? -1 : Math.pow(1 + totalReturn, 1 / years) - 1) : null,
    sharpe: n > 1 && std > 0 && perYear > 0 ? (mean / std) * perYear : null,
    sortino: downside > 0 && perYear > 0 ? (mean / downside) * perYear : null,
    maxDrawdown,
    hitRate: x.trades.length ? wins / x.trades.length : null,
    profitFactor: loss > 0 ? profit / loss : null,
    trades: x.trades.length,
    exposure: n ? x.exposed / n : null,
    buyHoldReturn: x.buyHoldReturn,
  };
}
