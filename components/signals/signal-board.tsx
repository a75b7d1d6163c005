import Link from "next/link";
import type { BoardSignalDto } from "@/lib/queries/signals";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDuration, formatInteger, formatUtc } from "@/components/format";
import { dash, fmtBps, fmtPct, strategyLabel } from "./signal-format";

/** The latest signal per topic, horizon and strategy. With stale inputs a signal is shown as stale, never as current. */
export function SignalBoard({ signals, stale }: { signals: BoardSignalDto[]; stale: boolean }) {
  return (
    <Card>
      <Table label="Current signals">
        <thead>
          <tr>
            <Th>Topic</Th>
            <Th>Asset</Th>
            <Th>Horizon</Th>
            <Th>Strategy</Th>
            <Th>Direction</Th>
            <Th className="text-right">Strength</Th>
            <Th className="text-right">Confidence</Th>
            <Th>As of</Th>
            <Th className="text-right">Live hit rate</Th>
          </tr>
        </thead>
        <tbody>
          {signals.map((s) => (
            <tr key={`${s.topicId}-${s.label}-${s.strategy}`} data-testid="signal-row">
              <Td>
                <Link
                  className="font-medium underline-offset-4 hover:underline"
                  href={`/signals/${s.topicId}?label=${encodeURIComponent(s.label)}&strategy=${encodeURIComponent(s.strategy)}`}
                >
                  Topic {s.topicId}
                </Link>
                <span className="block max-w-56 truncate text-xs text-muted-foreground" title={s.metadata}>
                  {s.metadata}
                </span>
              </Td>
              <Td>{s.asset ?? dash}</Td>
              <Td className="tabular-nums">{formatDuration(s.horizonSeconds)}</Td>
              <Td>{strategyLabel[s.strategy] ?? s.strategy}</Td>
              <Td>
                {stale ? (
                  <Badge variant="warning" title={`Last published ${s.direction}; the index is behind, so this is not current`}>
                    stale · was {s.direction}
                  </Badge>
                ) : (
                  <Badge variant={s.direction === "flat" ? "neutral" : "accent"}>{s.direction}</Badge>
                )}
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">{fmtBps(s.expectedReturnBps)}</Td>
              <Td className="text-right tabular-nums">
                {s.confidence === null ? <span className="text-muted-foreground">warming up</span> : fmtPct(Number(s.confidence), 0)}
              </Td>
              <Td className="whitespace-nowrap">
                <span className="block tabular-nums">block {formatInteger(s.publishedHeight)}</span>
                <span className="block text-xs text-muted-foreground tabular-nums">{formatUtc(s.publishedAt)}</span>
              </Td>
              <Td className="text-right tabular-nums whitespace-nowrap">
                {s.liveScored === 0 ? <span className="text-muted-foreground">not scored yet</span> : `${fmtPct(s.liveHits / s.liveScored, 0)} of ${s.liveScored}`}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
