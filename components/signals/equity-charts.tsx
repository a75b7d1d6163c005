"use client";
// Equity and drawdown of the strategy against buy-and-hold. Fed a plain, already downsampled array by the server.
import { Area, AreaChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export type EquityPoint = { t: number; equity: number; buyHold: number; drawdown: number; buyHoldDrawdown: number };

// Ticks say the day over long ranges and the hour within a day or two.
const tickFormat = (spanMs: number) => (t: number) => new Date(t).toISOString().slice(...(spanMs > 2 * 86_400_000 ? [5, 10] : [11, 16]) as [number, number]);
const time = (t: number) => `${new Date(t).toISOString().slice(0, 16).replace("T", " ")} UTC`;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const axis = { stroke: "var(--muted-foreground)", fontSize: 11 };
const tooltipStyle = { background: "var(--card)", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12, color: "var(--foreground)" };

export function EquityCharts({ points }: { points: EquityPoint[] }) {
  const last = points.at(-1);
  const day = tickFormat(last && points[0] ? last.t - points[0].t : 0);
  return (
    <div className="flex flex-col gap-6">
      <figure
        className="h-64"
        data-testid="equity-chart"
        data-last-equity={last ? last.equity.toFixed(8) : ""}
        aria-label={`Equity: strategy ${last ? pct(last.equity - 1) : "—"}, buy-and-hold ${last ? pct(last.buyHold - 1) : "—"} over the range`}
        role="img"
      >
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
      </figure>
      <figure className="h-40" data-testid="drawdown-chart" role="img" aria-label="Drawdown of the strategy and of buy-and-hold">
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
      </figure>
    </div>
  );
}
