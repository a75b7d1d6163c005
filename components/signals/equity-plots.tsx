"use client";
// The plots of a backtest's equity and drawdown (Recharts), fed a plain, already downsampled array.
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { EquityPoint } from "./equity-charts";

// Ticks say the day over long ranges and the hour within a day or two.
const tickFormat = (spanMs: number) => (t: number) => new Date(t).toISOString().slice(...(spanMs > 2 * 86_400_000 ? [5, 10] : [11, 16]) as [number, number]);
const spanOf = (points: EquityPoint[]) => (points.length > 1 ? points.at(-1)!.t - points[0]!.t : 0);
const time = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const axis = { stroke: "var(--muted-foreground)", fontSize: 11 };
const tooltipStyle = { background: "var(--card)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12, color: "var(--foreground)" };

/** Equity of the strategy against buy-and-hold (framed and loaded lazily by equity-charts.tsx). */
export function EquityPlot({ points }: { points: EquityPoint[] }) {
  const day = tickFormat(spanOf(points));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <LineChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={day} {...axis} />
        <YAxis tickFormatter={(v: number) => pct(v - 1)} width={52} domain={["auto", "auto"]} {...axis} />
        <Tooltip labelFormatter={(t) => time(Number(t))} formatter={(v) => pct(Number(v) - 1)} contentStyle={tooltipStyle} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line dataKey="equity" name="Strategy" stroke="var(--primary)" dot={false} strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="buyHold" name="Buy and hold" stroke="var(--muted-foreground)" dot={false} strokeWidth={1.5} strokeDasharray="4 3" isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

/** Drawdown of the strategy and of buy-and-hold. */
export function DrawdownPlot({ points }: { points: EquityPoint[] }) {
  const day = tickFormat(spanOf(points));
  return (
    <ResponsiveContainer width="100%" height="100%">
      <AreaChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
        <XAxis dataKey="t" type="number" domain={["dataMin", "dataMax"]} tickFormatter={day} {...axis} />
        <YAxis tickFormatter={(v: number) => pct(-v)} width={52} reversed {...axis} />
        <Tooltip labelFormatter={(t) => time(Number(t))} formatter={(v) => pct(-Number(v))} contentStyle={tooltipStyle} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Area dataKey="drawdown" name="Strategy drawdown" stroke="var(--danger)" fill="var(--danger)" fillOpacity={0.15} isAnimationActive={false} />
        <Area dataKey="buyHoldDrawdown" name="Buy-and-hold drawdown" stroke="var(--muted-foreground)" fill="none" strokeDasharray="4 3" isAnimationActive={false} />
      </AreaChart>
    </ResponsiveContainer>
  );
}
