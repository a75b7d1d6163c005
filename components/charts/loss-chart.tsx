"use client";
import { useMemo } from "react";
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis, ResponsiveContainer } from "recharts";
import type { WinPoint } from "@/lib/queries/forecast/wins";
import { ChartTooltip } from "./chart-tooltip";
import { chartLegend } from "./chart-legend";
import { SERIES_COLORS } from "./colors";
import { formatTick, formatValue } from "./format";

const SERIES = [
  { key: "network", name: "Network", color: SERIES_COLORS.network, dash: undefined },
  { key: "best", name: "Best worker (no hindsight)", color: SERIES_COLORS.best, dash: undefined },
  { key: "median", name: "Median worker", color: SERIES_COLORS.median, dash: "2 3" },
  { key: "naive", name: "Naive", color: SERIES_COLORS.naive, dash: "4 3" },
] as const;

export function LossPlot({ points }: { points: WinPoint[] }) {
  const span = points.length > 1 ? points[points.length - 1]!.t - points[0]!.t : 0;
  const data = useMemo(() => points, [points]);
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" vertical={false} />
        <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={(v: number) => formatTick(v, span)} stroke="var(--muted-foreground)" fontSize={11} minTickGap={40} />
        <YAxis tickFormatter={(v: number) => formatValue(v)} stroke="var(--muted-foreground)" fontSize={11} width={64} />
        <Tooltip content={<ChartTooltip />} isAnimationActive={false} />
        {chartLegend()}
        {SERIES.map((s) => (
          <Line key={s.key} dataKey={s.key} name={s.name} stroke={s.color} strokeDasharray={s.dash} strokeWidth={s.key === "network" ? 2 : 1.5} dot={false} isAnimationActive={false} connectNulls={false} />
        ))}
      </LineChart>
    </ResponsiveContainer>
  );
}
