import Link from "next/link";
import type { ReputerStakeDto } from "@/lib/queries/staking";
import { Card } from "@/components/ui/card";
import { ExportLink } from "@/components/data/export-link";
import { Table, Td, Th } from "@/components/ui/table";
import { formatAllo, formatInteger } from "@/components/format";

export function ReputerTable({ stakes }: { stakes: ReputerStakeDto[] }) {
  return (
    <Card>
      <div className="flex justify-end border-b px-5 py-2">
        <ExportLink state={{ dataset: "reputer_stakes" }} />
      </div>
      <Table label="Reputer stakes table">
        <thead>
          <tr>
            <Th>Reputer</Th>
            <Th>Topic</Th>
            <Th className="text-right">Self (ALLO)</Th>
            <Th className="text-right">Delegated (ALLO)</Th>
            <Th className="text-right">As of block</Th>
          </tr>
        </thead>
        <tbody>
          {stakes.map((s) => (
            <tr key={`${s.topicId}-${s.reputer}`}>
              <Td className="max-w-56 truncate font-mono text-xs" title={s.reputer}>
                <Link href={`/reputers/${s.reputer}`} className="underline-offset-2 hover:underline">{s.reputer}</Link>
              </Td>
              <Td className="tabular-nums">{s.topicId}</Td>
              <Td className="text-right tabular-nums" title={`${s.selfStake} uallo`}>
                {formatAllo(s.selfStake)}
              </Td>
              <Td className="text-right tabular-nums" title={`${s.delegatedStake} uallo`}>
                {formatAllo(s.delegatedStake)}
              </Td>
              <Td className="text-right tabular-nums">{formatInteger(s.asOfHeight)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
