"use client";
// Equity and drawdown of the strategy against buy-and-hold. The labelled, sized figures render with the page; the
// Recharts plots inside load after it (next/dynamic), as on the topic page, so Recharts stays out of the first load.
import dynamic from "next/dynamic";
import { ChartLoading } from "@/components/charts/chart-frame";

export type EquityPoint = { t: number; equity: number; buyHold: number; drawdown: number; buyHoldDrawdown: number };

const EquityPlot = dynamic(() => import("./equity-plots").then((m) => m.EquityPlot), { ssr: false, loading: ChartLoading });
const DrawdownPlot = dynamic(() => import("./equity-plots").then((m) => m.DrawdownPlot), { ssr: false, loading: ChartLoading });

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

export function EquityCharts({ points }: { points: EquityPoint[] }) {
  const last = points.at(-1);
  return (
    <div className="flex flex-col gap-6">
      <figure
        className="h-64"
        data-testid="equity-chart"
        data-last-equity={last ? last.equity.toFixed(8) : ""}
        aria-label={`Equity: strategy ${last ? pct(last.equity - 1) : "—"}, buy-and-hold ${last ? pct(last.buyHold - 1) : "—"} over the range`}
        role="img"
      >
        <EquityPlot points={points} />
      </figure>
      <figure className="h-40" data-testid="drawdown-chart" role="img" aria-label="Drawdown of the strategy and of buy-and-hold">
        <DrawdownPlot points={points} />
      </figure>
    </div>
  );
}
