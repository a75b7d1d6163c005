import type { SignalDto } from "@/lib/queries/signals";
import { Card } from "@/components/ui/card";
import { ExportLink } from "@/components/data/export-link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatDuration, formatInteger, formatUtc } from "@/components/format";

export function SignalTable({ signals }: { signals: SignalDto[] }) {
  return (
    <Card>
      <div className="flex justify-end border-b px-5 py-2">
        <ExportLink state={{ dataset: "signals" }} />
      </div>
      <Table label="Signals table">
        <thead>
          <tr>
            <Th>Published</Th>
            <Th>Topic</Th>
            <Th>Strategy</Th>
            <Th>Direction</Th>
            <Th className="text-right">Predicted</Th>
            <Th className="text-right">Horizon</Th>
            <Th className="text-right">Return (bps)</Th>
          </tr>
        </thead>
        <tbody>
          {signals.map((s) => (
            <tr key={`${s.topicId}-${s.strategy}-${s.publishedHeight}`}>
              <Td className="whitespace-nowrap">
                <span className="block tabular-nums">{formatUtc(s.publishedAt)}</span>
                <span className="block text-xs text-muted-foreground tabular-nums">
                  block {formatInteger(s.publishedHeight)}
                </span>
              </Td>
              <Td className="tabular-nums">{s.topicId}</Td>
              <Td>{s.strategy}</Td>
              <Td>
                <Badge variant={s.direction === "flat" ? "neutral" : "accent"}>{s.direction}</Badge>
              </Td>
              <Td className="text-right tabular-nums">{s.predictedValue}</Td>
              <Td className="text-right tabular-nums">{formatDuration(s.horizonSeconds)}</Td>
              <Td className="text-right tabular-nums">
                {s.returnBps ?? <span className="text-muted-foreground" title="Not scored yet: the horizon has not passed">pending</span>}
              </Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
