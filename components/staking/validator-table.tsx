import type { ValidatorDto } from "@/lib/queries/staking";
import { BOND_STATUS_LABEL, bondStatus, isBonded } from "@/lib/staking/validator-status";
import { Card } from "@/components/ui/card";
import { ExportLink } from "@/components/data/export-link";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { formatAllo, formatPercent } from "@/components/format";


export function ValidatorTable({ validators }: { validators: ValidatorDto[] }) {
  return (
    <Card>
      <div className="flex justify-end border-b px-5 py-2">
        <ExportLink state={{ dataset: "validators" }} />
      </div>
      <Table label="Validators table">
        <thead>
          <tr>
            <Th>Validator</Th>
            <Th>Status</Th>
            <Th className="text-right">Bonded (ALLO)</Th>
            <Th className="text-right">Commission</Th>
          </tr>
        </thead>
        <tbody>
          {validators.map((v) => (
            <tr key={v.operatorAddress}>
              <Td className="max-w-64">
                <span className="block truncate font-medium">{v.moniker || "Unnamed"}</span>
                <span className="block truncate font-mono text-xs text-muted-foreground" title={v.operatorAddress}>
                  {v.operatorAddress}
                </span>
              </Td>
              <Td>
                <span className="flex flex-wrap gap-1">
                  <Badge variant={isBonded(v.status) ? "accent" : "neutral"}>
                    {BOND_STATUS_LABEL[bondStatus(v.status)]}
                  </Badge>
                  {v.jailed ? <Badge variant="warning">Jailed</Badge> : null}
                </span>
              </Td>
              <Td className="text-right tabular-nums" title={`${v.tokens} uallo`}>
                {formatAllo(v.tokens, 0)}
              </Td>
              <Td className="text-right tabular-nums">{formatPercent(v.commissionRate)}</Td>
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
