import type { ReactNode } from "react";
import type { ValidatorRowDto } from "@/lib/queries/staking-validators";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { Allo, Percent } from "@/components/staking/values";
import { RealizedApr, Uptime } from "@/components/staking/validator-figures";
import { BOND_STATUS_LABEL, bondStatus } from "@/lib/staking/validator-status";

const METRICS: { label: string; cell: (v: ValidatorRowDto) => ReactNode }[] = [
  { label: "Status", cell: (v) => `${BOND_STATUS_LABEL[bondStatus(v.status)]}${v.jailed ? ", jailed" : ""}` },
  { label: "Bonded (ALLO)", cell: (v) => <Allo uallo={v.tokens} digits={0} /> },
  { label: "Voting power", cell: (v) => <Percent fraction={v.votingPower} /> },
  { label: "Commission", cell: (v) => <Percent fraction={v.commissionRate} /> },
  { label: "Commission spike", cell: (v) => (v.spike ? `+${v.spike.risePoints} points` : "None") },
  { label: "Self-delegation (ALLO)", cell: (v) => <Allo uallo={v.selfDelegation} digits={0} /> },
  { label: "Estimated APR", cell: (v) => <Percent fraction={v.estimatedApr} /> },
  { label: "Realized APR (7 d)", cell: (v) => <RealizedApr r={v.realized.d7} missing={v.realizedMissing} /> },
  { label: "Realized APR (30 d)", cell: (v) => <RealizedApr r={v.realized.d30} missing={v.realizedMissing} /> },
  { label: "Uptime", cell: (v) => <Uptime u={v.uptime} missing={v.uptimeMissing} /> },
  { label: "Delegators", cell: (v) => v.delegatorCount },
];

export function ValidatorCompare({ rows }: { rows: ValidatorRowDto[] }) {
  return (
    <Card>
      <h2 className="px-5 pt-4 text-base font-semibold">Compare validators</h2>
      <Table label="Compare validators">
        <thead>
          <tr><Th>Figure</Th>{rows.map((v) => <Th key={v.operatorAddress}>{v.moniker || "Unnamed"}</Th>)}</tr>
        </thead>
        <tbody>
          {METRICS.map((m) => (
            <tr key={m.label}>
              <Th scope="row" className="border-b-0 font-normal">{m.label}</Th>
              {rows.map((v) => <Td key={v.operatorAddress} className="tabular-nums">{m.cell(v)}</Td>)}
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
