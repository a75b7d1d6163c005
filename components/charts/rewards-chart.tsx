"use client";
import { useMemo } from "react";
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis, ResponsiveContainer } from "recharts";
import type { EconomicsPoint } from "@/lib/queries/forecast/economics";
import { ChartTooltip } from "./chart-tooltip";
import { chartLegend } from "./chart-legend";
import { SERIES_COLORS, extraColor } from "./colors";
import { formatTick, formatValue } from "./format";

/** The rewards plot (framed and loaded lazily by lazy-charts.tsx). */
export function RewardsPlot({ points }: { points: EconomicsPoint[] }) {
  const span = points.length > 1 ? points[points.length - 1]!.t - points[0]!.t : 0;
  const data = useMemo(() => points, [points]);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(v: number) => formatTick(v, span)} stroke="var(--muted-foreground)" fontSize={11} minTickGap={40} />
        <YAxis tickFormatter={(v: number) => formatValue(v)} stroke="var(--muted-foreground)" fontSize={11} width={64} />
        <Tooltip content={<ChartTooltip />} isAnimationActive={false} />
        {chartLegend()}
        <Bar dataKey="inferers" name="Inferers" stackId="r" fill={SERIES_COLORS.network} isAnimationActive={false} />
        <Bar dataKey="forecasters" name="Forecasters" stackId="r" fill={extraColor(0)} isAnimationActive={false} />
        <Bar dataKey="reputers" name="Reputers" stackId="r" fill={SERIES_COLORS.naive} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
