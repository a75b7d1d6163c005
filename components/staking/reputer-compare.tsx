import type { ReputerRowDto } from "@/lib/queries/staking-reputers";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Allo, AddressLink, Missing, Percent } from "@/components/staking/values";
import type { ReactNode } from "react";

const METRICS: { label: string; cell: (r: ReputerRowDto) => ReactNode }[] = [
  { label: "Total stake (ALLO)", cell: (r) => <Allo uallo={r.totalStake} /> },
  { label: "Self stake (ALLO)", cell: (r) => <Allo uallo={r.selfStake} /> },
  { label: "Delegated (ALLO)", cell: (r) => <Allo uallo={r.delegatedStake} /> },
  { label: "EMA score", cell: (r) => r.emaScore ?? <Missing /> },
  { label: "EMA change over 3 epochs", cell: (r) => r.emaChange ?? <Missing /> },
  { label: "Reward per 1,000 ALLO, 7 d", cell: (r) => <Allo uallo={r.realized[0]?.rewardPer1000 ?? null} digits={6} /> },
  { label: "Realized APR, 7 d", cell: (r) => <Percent fraction={r.realized[0]?.apr ?? null} /> },
  { label: "Reward per 1,000 ALLO, 30 d", cell: (r) => <Allo uallo={r.realized[1]?.rewardPer1000 ?? null} digits={6} /> },
  { label: "Realized APR, 30 d", cell: (r) => <Percent fraction={r.realized[1]?.apr ?? null} /> },
  { label: "Delegators", cell: (r) => r.delegatorCount },
  { label: "Removals requested, 7 d", cell: (r) => <>{r.removals7d.count} (<Allo uallo={r.removals7d.amount} /> ALLO)</> },
  { label: "Pending removals (ALLO)", cell: (r) => <Allo uallo={r.pendingRemoval} /> },
  { label: "Warnings", cell: (r) => (r.warnings.length ? r.warnings.join("; ") : "None") },
];

/** Side by side, one column per reputer (up to 4), one row per figure. */
export function ReputerCompare({ rows, title = "Compare reputers" }: { rows: ReputerRowDto[]; title?: string }) {
  return (
    <Card>
      <h2 className="px-5 pt-4 text-base font-semibold">{title}</h2>
      <Table label={title}>
        <thead>
          <tr>
            <Th>Figure</Th>
            {rows.map((r) => (
              <Th key={`${r.topicId}-${r.reputer}`}>
                <AddressLink href={`/reputers/${r.reputer}`} address={r.reputer} />
                <span className="block">topic {r.topicId}</span>
              </Th>
            ))}
          </tr>
        </thead>
        <tbody>
          {METRICS.map((m) => (
            <tr key={m.label}>
              <Th scope="row" className="border-b-0 font-normal">{m.label}</Th>
              {rows.map((r) => <Td key={`${r.topicId}-${r.reputer}`} className="tabular-nums">{m.cell(r)}</Td>)}
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
