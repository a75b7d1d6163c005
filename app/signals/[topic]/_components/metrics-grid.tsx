import type { BacktestMetrics } from "@/lib/signals/metrics";
import { fmtNum, fmtPct } from "@/components/signals/signal-format";

// Compounding a few days to a year says nothing: below this span the annualized figure is left out.
const MIN_ANNUALIZE_MS = 30 * 86_400_000;

export function MetricsGrid({ m, spanMs }: { m: BacktestMetrics; spanMs: number }) {
  const items: [string, string][] = [
    ["Total return", fmtPct(m.totalReturn, 2)],
    ["Annualized", spanMs >= MIN_ANNUALIZE_MS ? fmtPct(m.annualizedReturn, 1) : "— (under 30 days)"],
    ["Buy and hold", fmtPct(m.buyHoldReturn, 2)],
    ["Sharpe", fmtNum(m.sharpe)],
    ["Sortino", fmtNum(m.sortino)],
    ["Max drawdown", fmtPct(m.maxDrawdown, 2)],
    ["Hit rate (trades)", fmtPct(m.hitRate, 0)],
    ["Profit factor", fmtNum(m.profitFactor)],
    ["Trades", String(m.trades)],
    ["Exposure", fmtPct(m.exposure, 0)],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-5" data-testid="backtest-metrics">
      {items.map(([label, value]) => (
        <div key={label} className="rounded-lg border bg-card px-3 py-2">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="font-medium tabular-nums" data-metric={label}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
