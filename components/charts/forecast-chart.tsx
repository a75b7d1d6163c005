"use client";
import { useMemo } from "react";
import { Area, CartesianGrid, ComposedChart, Line, Tooltip, XAxis, YAxis, ResponsiveContainer } from "recharts";
import type { ChartPoint } from "@/lib/queries/forecast/chart";
import { ChartTooltip } from "./chart-tooltip";
import { chartLegend } from "./chart-legend";
import { SERIES_COLORS, extraColor } from "./colors";
import { formatTick, formatValue } from "./format";

export type ForecastChartProps = {
  points: ChartPoint[];
  workers: { address: string; label: string }[];
  showRealized: boolean;
  bandLabel: string;
};

/** The forecast chart's plot (framed and loaded lazily by lazy-charts.tsx). */
export function ForecastPlot({ points, workers, showRealized, bandLabel }: ForecastChartProps) {
  const span = points.length > 1 ? points[points.length - 1]!.t - points[0]!.t : 0;
  const data = useMemo(() => points, [points]);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(v: number) => formatTick(v, span)} stroke="var(--muted-foreground)" fontSize={11} minTickGap={40} />
        <YAxis domain={["auto", "auto"]} tickFormatter={(v: number) => formatValue(v)} stroke="var(--muted-foreground)" fontSize={11} width={64} />
        <Tooltip content={<ChartTooltip />} isAnimationActive={false} />
        {chartLegend()}
        <Area dataKey="band95" name={`95% band (${bandLabel})`} stroke="none" fill={SERIES_COLORS.band} fillOpacity={0.6} isAnimationActive={false} connectNulls={false} />
        <Area dataKey="band68" name={`68% band (${bandLabel})`} stroke="none" fill={SERIES_COLORS.band} fillOpacity={1} isAnimationActive={false} connectNulls={false} />
        <Line dataKey="network" name="Network" stroke={SERIES_COLORS.network} strokeWidth={2} dot={false} isAnimationActive={false} connectNulls={false} />
        {showRealized ? (
          <Line dataKey="realized" name="Realized" stroke={SERIES_COLORS.realized} strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
        ) : null}
        <Line dataKey="naive" name="Naive" stroke={SERIES_COLORS.naive} strokeDasharray="4 3" strokeWidth={1.5} dot={false} isAnimationActive={false} connectNulls={false} />
        {workers.map((w, i) => (
          <Line key={w.address} dataKey={(p: ChartPoint) => p.w[i] ?? null} name={w.label} stroke={extraColor(i)} strokeWidth={1} dot={false} isAnimationActive={false} connectNulls={false} />
        ))}
      </ComposedChart>
    </ResponsiveContainer>
  );
}
