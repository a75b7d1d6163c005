import Link from "next/link";
import type { ValidatorRowDto } from "@/lib/queries/staking-validators";
import { BOND_STATUS_LABEL, bondStatus, isBonded } from "@/lib/staking/validator-status";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Allo, Percent, shortAddress } from "@/components/staking/values";
import { RealizedApr, Uptime } from "@/components/staking/validator-figures";

export const VALIDATOR_SORTS = { power: "Voting power", commission: "Commission", apr: "Estimated APR", realized: "Realized APR (7 d)", delegators: "Delegators" } as const;
export type ValidatorSort = keyof typeof VALIDATOR_SORTS;


type Props = {
  rows: ValidatorRowDto[];
  sort: ValidatorSort;
  sortHref: (key: ValidatorSort) => string;
  detailHref: (operator: string) => string;
  compare: string[];
  compareHref: (operator: string) => string;
  /** A per-row action (the wallet's Delegate button), rendered by the page. */
  action?: (v: ValidatorRowDto) => React.ReactNode;
};

export function ValidatorStatus({ v }: { v: ValidatorRowDto }) {
  return (
    <span className="flex flex-wrap gap-1">
      <Badge variant={isBonded(v.status) ? "accent" : "neutral"}>{BOND_STATUS_LABEL[bondStatus(v.status)]}</Badge>
      {v.jailed ? <Badge variant="warning">Jailed</Badge> : null}
      {v.spike ? <Badge variant="warning">Commission spike +{v.spike.risePoints} pts</Badge> : null}
    </span>
  );
}

export function ValidatorDirectoryTable({ rows, sort, sortHref, detailHref, compare, compareHref, action }: Props) {
  const header = (id: ValidatorSort) => (
    <Th className="text-right" aria-sort={sort === id ? (id === "commission" ? "ascending" : "descending") : undefined}>
      <Link href={sortHref(id)} className="underline-offset-2 hover:underline">
        {VALIDATOR_SORTS[id]}
        {sort === id ? <span aria-hidden="true">{id === "commission" ? " ↑" : " ↓"}</span> : null}
      </Link>
    </Th>
  );
  return (
    <Card>
      <Table label="Validators">
        <thead>
          <tr>
            <Th>Validator</Th>
            <Th>Status</Th>
            {header("power")}
            {header("commission")}
            <Th className="text-right">Self-delegation</Th>
            {header("apr")}
            {header("realized")}
            <Th className="text-right">Uptime</Th>
            {header("delegators")}
            <Th>Compare</Th>
            {action ? <Th>Stake</Th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((v) => (
            <tr key={v.operatorAddress} data-testid="validator-row">
              <Td className="max-w-56">
                <Link href={detailHref(v.operatorAddress)} className="block truncate font-medium underline-offset-2 hover:underline">{v.moniker || "Unnamed"}</Link>
                <span className="block truncate font-mono text-xs text-muted-foreground" title={v.operatorAddress}>{shortAddress(v.operatorAddress)}</span>
              </Td>
              <Td><ValidatorStatus v={v} /></Td>
              <Td className="text-right">
                <Allo uallo={v.tokens} digits={0} />
                <span className="block text-xs text-muted-foreground"><Percent fraction={v.votingPower} /></span>
              </Td>
              <Td className="text-right">
                <Percent fraction={v.commissionRate} />
                <span className="block text-xs text-muted-foreground">{v.commissionHistory.length} change{v.commissionHistory.length === 1 ? "" : "s"} indexed</span>
              </Td>
              <Td className="text-right"><Allo uallo={v.selfDelegation} digits={0} /></Td>
              <Td className="text-right" data-testid="estimated-apr"><Percent fraction={v.estimatedApr} /></Td>
              <Td className="text-right" data-testid="realized-apr">
                <RealizedApr r={v.realized.d7} missing={v.realizedMissing} />
                <span className="block text-xs text-muted-foreground">30 d: <RealizedApr r={v.realized.d30} missing={v.realizedMissing} /></span>
              </Td>
              <Td className="text-right" data-testid="uptime"><Uptime u={v.uptime} missing={v.uptimeMissing} /></Td>
              <Td className="text-right tabular-nums">{v.delegatorCount}</Td>
              <Td>
                <Link href={compareHref(v.operatorAddress)} className="text-xs underline underline-offset-2">
                  {compare.includes(v.operatorAddress) ? "Remove" : "Compare"}<span className="sr-only"> {v.moniker}</span>
                </Link>
              </Td>
              {action ? <Td>{action(v)}</Td> : null}
            </tr>
          ))}
        </tbody>
      </Table>
    </Card>
  );
}
