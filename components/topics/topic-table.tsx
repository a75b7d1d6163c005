import type { TopicSummaryDto } from "@/lib/queries/topics";
import { Card } from "@/components/ui/card";
import { ExportLink } from "@/components/data/export-link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatAllo, formatInteger } from "@/components/format";

function Missing({ label }: { label: string }) {
  return (
    <span className="text-muted-foreground" title={label}>
      —
    </span>
  );
}

export function TopicTable({ topics }: { topics: TopicSummaryDto[] }) {
  return (
    <Card>
      <div className="flex justify-end border-b px-5 py-2">
        <ExportLink state={{ dataset: "topics" }} />
      </div>
      <Table label="Topics table">
        <thead>
          <tr>
            <Th>ID</Th>
            <Th>Topic</Th>
            <Th>Status</Th>
            <Th>Loss</Th>
            <Th className="text-right">Epoch (blocks)</Th>
            <Th className="text-right">Stake (ALLO)</Th>
            <Th className="text-right">Updated at block</Th>
          </tr>
        </thead>
        <tbody>
          {topics.map((t) => (
            <tr key={t.topicId}>
              <Td className="tabular-nums text-muted-foreground">{t.topicId}</Td>
              <Td className="min-w-48 font-medium">{t.metadata || <Missing label="No description" />}</Td>
              <Td>
                {t.isActive === null ? (
                  <Missing label="Not reported by this network" />
                ) : (
                  <Badge variant={t.isActive ? "accent" : "neutral"}>{t.isActive ? "Active" : "Inactive"}</Badge>
                )}
              </Td>
              <Td className="whitespace-nowrap">{t.lossMethod}</Td>
              <Td className="text-right tabular-nums">{formatInteger(t.epochLength)}</Td>
              <Td className="text-right tabular-nums">
                {t.topicStake === null ? <Missing label="Not reported" /> : formatAllo(t.topicStake)}
              </Td>
              <Td className="text-right tabular-nums">{formatInteger(t.updatedHeight)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
