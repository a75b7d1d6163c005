import { describe, expect, it } from "vitest";
import { backtest, type BacktestPoint } from "@/lib/signals/backtest";
import { YEAR_MS } from "@/lib/signals/metrics";

// Prices 100 → 110 → 99 → 99 over exactly one year; long, long, short, then closed at the end.
const t = (k: number) => (k * YEAR_MS) / 3;
const fixture: BacktestPoint[] = [
  { t: t(0), price: 100, position: 1 },
  { t: t(1), price: 110, position: 1 },
  { t: t(2), price: 99, position: -1 },
  { t: t(3), price: 99, position: 0 },
];

describe("backtest on a hand-computed fixture (cost 10 bps: fee 4 + slippage 6)", () => {
  const result = backtest(fixture, { feeBps: 4, slippageBps: 6 });
  // Interval returns by hand: +10 % − 0.1 % entry; −10 %; flat price, reversing (2 units) and closing (1 unit).
  const r = [0.1 - 0.001, 99 / 110 - 1, -0.003];

  it("compounds the equity curve", () => {
    expect([...result.curve.equity]).toEqual([1, 1.099, 1.099 * (99 / 110), 1.099 * (99 / 110) * 0.997].map((v) => expect.closeTo(v, 12)));
    expect(result.metrics.totalReturn).toBeCloseTo(0.9891 * 0.997 - 1, 12);
    expect(result.metrics.annualizedReturn).toBeCloseTo(0.9891 * 0.997 - 1, 12);
  });

  it("measures drawdown against the running peak and buy-and-hold with the same costs", () => {
    expect(result.curve.drawdown[2]!).toBeCloseTo(0.1, 12);
    expect(result.metrics.maxDrawdown).toBeCloseTo(1 - (0.9891 * 0.997) / 1.099, 12);
    expect(result.curve.buyHold.at(-1)!).toBeCloseTo(1.099 * 0.9 * 0.999, 12);
    expect(result.metrics.buyHoldReturn).toBeCloseTo(1.099 * 0.9 * 0.999 - 1, 12);
  });

  it("computes Sharpe and Sortino from the interval returns, annualized by intervals per year", () => {
    const mean = (r[0]! + r[1]! + r[2]!) / 3;
    const std = Math.sqrt(r.reduce((s, x) => s + (x - mean) ** 2, 0) / 2);
    const downside = Math.sqrt((r[1]! ** 2 + r[2]! ** 2) / 3);
    expect(result.metrics.sharpe).toBeCloseTo((mean / std) * Math.sqrt(3), 12);
    expect(result.metrics.sortino).toBeCloseTo((mean / downside) * Math.sqrt(3), 12);
    expect(result.metrics.sharpe).toBeCloseTo(-0.0232, 4);
  });

  it("lists each trade with its costs, and derives hit rate, profit factor and exposure from them", () => {
    expect(result.trades).toEqual([
      { direction: "long", entryT: t(0), exitT: t(2), entryPrice: 100, exitPrice: 99, intervals: 2, pnl: expect.closeTo(0.1 + (99 / 110 - 1) - 0.002, 12), costs: expect.closeTo(0.002, 12) },
      { direction: "short", entryT: t(2), exitT: t(3), entryPrice: 99, exitPrice: 99, intervals: 1, pnl: expect.closeTo(-0.002, 12), costs: expect.closeTo(0.002, 12) },
    ]);
    expect(result.metrics.trades).toBe(2);
    expect(result.metrics.hitRate).toBe(0);
    expect(result.metrics.profitFactor).toBe(0);
    expect(result.metrics.exposure).toBe(1);
  });
});

describe("fees and slippage", () => {
  it("change P&L exactly by |Δposition| × (fee + slippage) at every change", () => {
    const free = backtest(fixture, { feeBps: 0, slippageBps: 0 });
    const costly = backtest(fixture, { feeBps: 4, slippageBps: 10 });
    expect(free.curve.equity.at(-1)!).toBeCloseTo(1.1 * 0.9, 12);
    expect(costly.curve.equity.at(-1)!).toBeCloseTo((1.1 - 0.0014) * 0.9 * (1 - 0.0042), 12);
    // Each trade pays one entry and one exit: 2 × 14 bps less than without costs.
    free.trades.forEach((trade, i) => expect(trade.pnl - costly.trades[i]!.pnl).toBeCloseTo(0.0028, 12));
  });

  it("default to 4 bps fee and 10 bps slippage", () => {
    expect(backtest(fixture).metrics).toEqual(backtest(fixture, { feeBps: 4, slippageBps: 10 }).metrics);
  });

  it("charge a resize inside a trade against that trade", () => {
    const points = [
      { t: 0, price: 100, position: 0.5 },
      { t: 1, price: 100, position: 1 },
      { t: 2, price: 100, position: 0 },
    ];
    const { trades } = backtest(points, { feeBps: 10, slippageBps: 0 });
    expect(trades).toHaveLength(1);
    expect(trades[0]!.costs).toBeCloseTo(0.001 * (0.5 + 0.5 + 1), 12);
  });
});

describe("a series that never takes a position", () => {
  it("has zero trades and null ratios instead of dividing by zero", () => {
    const flat = fixture.map((p) => ({ ...p, position: 0 }));
    const { metrics, trades, curve } = backtest(flat);
    expect(trades).toEqual([]);
    expect(curve.equity.every((e) => e === 1) && curve.drawdown.every((d) => d === 0)).toBe(true);
    expect(metrics).toMatchObject({ totalReturn: 0, annualizedReturn: 0, sharpe: null, sortino: null, maxDrawdown: 0, hitRate: null, profitFactor: null, trades: 0, exposure: 0 });
    expect(Object.values(metrics).some((v) => typeof v === "number" && !Number.isFinite(v))).toBe(false);
  });

  it("handles an empty or single-point range", () => {
    expect(backtest([]).metrics).toMatchObject({ totalReturn: 0, trades: 0, exposure: null, annualizedReturn: null, buyHoldReturn: null });
    expect(backtest([{ t: 0, price: 100, position: 1 }]).trades).toEqual([]);
  });
});
