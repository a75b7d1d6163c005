"use client";
import { formatTime, formatValue } from "./format";

type Entry = { name?: string | number; value?: unknown; color?: string; dataKey?: unknown };

/** The shared tooltip: the time, then one line per series; ranges print as "lo – hi", missing as "—". */
export function ChartTooltip({ active, payload, label }: { active?: boolean; payload?: readonly Entry[]; label?: unknown }) {
  if (!active || !payload?.length || typeof label !== "number") return null;
  return (
    <div role="status" className="rounded-md border bg-card px-3 py-2 text-xs shadow-md">
      <p className="mb-1 font-medium">{formatTime(label)}</p>
      <ul className="space-y-0.5">
        {payload.map((e, i) => (
          <li key={i} className="flex items-center gap-2">
            <span aria-hidden="true" className="inline-block size-2 rounded-full" style={{ background: e.color }} />
            <span className="text-muted-foreground">{String(e.name ?? "")}</span>
            <span className="ml-auto tabular-nums">
              {Array.isArray(e.value) ? `${formatValue(e.value[0] as number)} – ${formatValue(e.value[1] as number)}` : formatValue(e.value as number | null)}
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
