import { describe, expect, it } from "vitest";
import { computeTopicView, type LedgerCall, type ViewParams } from "@/lib/signals/topic-view";
import { topicViewInputs } from "@/lib/signals/topic-view-inputs";
import type { LedgerSeries } from "@/lib/signals/ledger";

const MIN = 60_000;
// One candle a minute, one log-return inference every 5 minutes predicting the next hour's move with a small bias.
const closes = Array.from({ length: 400 }, (_, i) => 100 * Math.exp(0.002 * Math.sin(i / 7) + 0.0005 * i));
const series: LedgerSeries = {
  topicId: "1",
  label: "y",
  kind: "log-return",
  horizonSeconds: 3600,
  prices: { source: "s", series: "BTC/USD", times: closes.map((_, i) => i * MIN), values: closes.map((c) => c.toFixed(6)) },
  inferences: Array.from({ length: 60 }, (_, k) => {
    const i = 5 + k * 5;
    return { nonce: String(k), height: String(100 + k), t: i * MIN, value: String(Math.log(closes[Math.min(i + 59, 399)]! / closes[i - 1]!)) };
  }),
};
const view = (params: ViewParams, ledger: LedgerCall[]) => computeTopicView(topicViewInputs(series, ledger), params);
const base: ViewParams = { strategy: "threshold", feeBps: 4, slippageBps: 10, thresholdBps: 5, from: null, to: null };

describe("the topic view", () => {
  it("backtests every epoch with a known price, and higher fees lower the final equity on the same trades", () => {
    const cheap = view({ ...base, feeBps: 0 }, []);
    const dear = view({ ...base, feeBps: 50 }, []);
    expect(cheap.epochs).toBe(60);
    expect(cheap.metrics.trades).toBeGreaterThan(0);
    expect(dear.metrics.trades).toBe(cheap.metrics.trades);
    expect(dear.chart.at(-1)!.equity).toBeLessThan(cheap.chart.at(-1)!.equity);
  });

  it("restricts the backtest and the live record to the range, and the live record to the chosen strategy", () => {
    const from = 100 * MIN;
    const to = 200 * MIN;
    const ledger = [
      { publishedAt: 50 * MIN, strategy: "threshold", direction: "long" as const, returnBps: 10 },
      { publishedAt: 150 * MIN, strategy: "threshold", direction: "long" as const, returnBps: 10 },
      { publishedAt: 150 * MIN, strategy: "confidence-scaled", direction: "short" as const, returnBps: 10 },
    ];
    const result = view({ ...base, from, to }, ledger);
    expect(result.range!.from).toBeGreaterThanOrEqual(from);
    expect(result.range!.to).toBeLessThanOrEqual(to);
    // Inferences every 5 minutes from minute 100 to minute 200, both ends included.
    expect(result.epochs).toBe(21);
    expect(result.live).toEqual({ signals: 1, calls: 1, scored: 1, hitRate: 1, meanSignedBps: 10 });
    expect(result.backtestLedgerRule.signals).toBe(21);
  });
});
