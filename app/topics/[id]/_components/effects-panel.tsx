import Link from "next/link";
import type { EffectsDto } from "@/lib/queries/forecast/effects";
import { Table, Td, Th } from "@/components/ui/table";
import { formatTime, formatValue } from "@/components/charts/format";
import { Panel, WarmingUp } from "./panel";
import { shortAddress } from "./view-state";

function cellStyle(v: number | null, max: number) {
  if (v === null || max === 0) return undefined;
  const strength = Math.round(15 + 75 * Math.min(1, Math.abs(v) / max));
  return { background: `color-mix(in oklch, ${v >= 0 ? "var(--chart-1)" : "var(--chart-3)"} ${strength}%, transparent)` };
}

export function EffectsPanel({ effects, asOf }: { effects: EffectsDto; asOf: string | null }) {
  const max = Math.max(0, ...effects.rows.flatMap((r) => r.cells.map((c) => Math.abs(c ?? 0))));
  return (
    <Panel
      id="effects"
      title="Who moved the forecast"
      asOf={asOf}
      description="Each worker's effect per stretch of time: for an inferer the combined value minus the value without it (one-out), for a forecaster the value with only it added to the naive combination (one-in). Blue pushed the forecast up, amber down; top contributors first."
    >
      {effects.rows.length === 0 ? (
        <WarmingUp>No one-out or one-in values have been indexed for this range.</WarmingUp>
      ) : (
        <Table label="Effect of each worker on the forecast over time">
          <thead>
            <tr>
              <Th>Worker</Th>
              <Th className="text-right">Mean |effect|</Th>
              <Th className="text-right">Mean weight</Th>
              <Th>
                Over time <span className="font-normal">({formatTime(effects.buckets[0] ?? 0)} →)</span>
              </Th>
            </tr>
          </thead>
          <tbody>
            {effects.rows.map((r) => (
              <tr key={`${r.role}:${r.actor}`}>
                <Td className="whitespace-nowrap">
                  <Link className="text-primary hover:underline" href={`/workers/${r.actor}`}>{shortAddress(r.actor)}</Link>
                  <span className="ml-2 text-xs text-muted-foreground">{r.role}</span>
                </Td>
                <Td className="text-right tabular-nums">{formatValue(r.meanAbsEffect)}</Td>
                <Td className="text-right tabular-nums">{formatValue(r.meanWeight)}</Td>
                <Td>
                  <div className="flex h-5 min-w-60 gap-px">
                    {r.cells.map((c, i) => (
                      <span key={i} className="relative flex-1 rounded-[2px] border border-border/40" style={cellStyle(c, max)} title={`${formatTime(effects.buckets[i] ?? 0)}: ${formatValue(c)}`}>
                        <span className="sr-only">{`${formatTime(effects.buckets[i] ?? 0)}: ${formatValue(c)}`}</span>
                      </span>
                    ))}
                  </div>
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      )}
      {effects.others > 0 ? <p className="mt-2 text-xs text-muted-foreground">{effects.others} more workers moved it less.</p> : null}
    </Panel>
  );
}
