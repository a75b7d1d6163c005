"use client";
import dynamic from "next/dynamic";
import type { WinPoint } from "@/lib/queries/forecast/wins";
import type { EconomicsPoint } from "@/lib/queries/forecast/economics";
import type { ForecastChartProps } from "./forecast-chart";
import { ChartFrame, ChartLoading } from "./chart-frame";

// Recharts is most of a topic page's JavaScript: its plots load after the page (which is server-rendered with
// every figure, table and the charts' labelled, sized frames), so the first load stays small and nothing jumps.
const ForecastPlot = dynamic(() => import("./forecast-chart").then((m) => m.ForecastPlot), { ssr: false, loading: ChartLoading });
const LossPlot = dynamic(() => import("./loss-chart").then((m) => m.LossPlot), { ssr: false, loading: ChartLoading });
const RewardsPlot = dynamic(() => import("./rewards-chart").then((m) => m.RewardsPlot), { ssr: false, loading: ChartLoading });

/** Network vs realized vs naive with 68/95% bands, plus any selected workers. Fed plain arrays, draws gaps as breaks. */
export function ForecastChart(props: ForecastChartProps) {
  return (
    <ChartFrame label={`Forecast chart, ${props.points.length} points`} height={320}>
      <ForecastPlot {...props} />
    </ChartFrame>
  );
}

export function LossChart({ points, windowEpochs }: { points: WinPoint[]; windowEpochs: number }) {
  return (
    <ChartFrame label={`Rolling loss over ${windowEpochs} epochs, ${points.length} points`} height={260}>
      <LossPlot points={points} />
    </ChartFrame>
  );
}

/** Rewards per bucket, stacked by role (ALLO; floats for drawing only, exact totals are printed beside). */
export function RewardsChart({ points }: { points: EconomicsPoint[] }) {
  return (
    <ChartFrame label={`Rewards by role over time, ${points.length} buckets`} height={220}>
      <RewardsPlot points={points} />
    </ChartFrame>
  );
}
