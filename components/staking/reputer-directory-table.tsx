import Link from "next/link";
import type { ReputerRowDto } from "@/lib/queries/staking-reputers";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { Allo, AddressLink, Missing, Percent } from "@/components/staking/values";
import { REPUTER_SORTS, type ReputerSort } from "@/components/staking/reputer-sort";

type Props = {
  rows: ReputerRowDto[];
  sort: ReputerSort;
  sortHref: (key: ReputerSort) => string;
  compare: string[];
  compareHref: (reputer: string) => string;
  /** A per-row action (the wallet's Delegate button), rendered by the page. */
  action?: (reputer: string) => React.ReactNode;
};

function SortHeader({ id, sort, href, className }: { id: ReputerSort; sort: ReputerSort; href: string; className?: string }) {
  return (
    <Th className={className} aria-sort={sort === id ? "descending" : undefined}>
      <Link href={href} className="underline-offset-2 hover:underline">
        {REPUTER_SORTS[id]}
        {sort === id ? <span aria-hidden="true"> ↓</span> : null}
      </Link>
    </Th>
  );
}

export function ReputerDirectoryTable({ rows, sort, sortHref, compare, compareHref, action }: Props) {
  return (
    <Card>
      <Table label="Reputers in this topic">
        <thead>
          <tr>
            <Th>Reputer</Th>
            <SortHeader id="stake" sort={sort} href={sortHref("stake")} className="text-right" />
            <Th className="text-right">Self / delegated</Th>
            <SortHeader id="score" sort={sort} href={sortHref("score")} className="text-right" />
            <SortHeader id="reward7" sort={sort} href={sortHref("reward7")} className="text-right" />
            <SortHeader id="reward30" sort={sort} href={sortHref("reward30")} className="text-right" />
            <SortHeader id="delegators" sort={sort} href={sortHref("delegators")} className="text-right" />
            <Th>Warnings</Th>
            <Th>Compare</Th>
            {action ? <Th>Delegate</Th> : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const picked = compare.includes(r.reputer);
            return (
              <tr key={r.reputer} data-testid="reputer-row">
                <Td>
                  <AddressLink href={`/reputers/${r.reputer}`} address={r.reputer} />
                </Td>
                <Td className="text-right"><Allo uallo={r.totalStake} /></Td>
                <Td className="text-right text-xs text-muted-foreground">
                  <Allo uallo={r.selfStake} /> / <Allo uallo={r.delegatedStake} />
                </Td>
                <Td className="text-right tabular-nums">
                  {r.emaScore === null ? <Missing why="no EMA score indexed" /> : <span title={r.emaScore}>{Number(r.emaScore).toFixed(4)}</span>}
                  {r.scoreRank !== null ? <span className="block text-xs text-muted-foreground">rank {r.scoreRank} of {rows.length}</span> : null}
                </Td>
                {r.realized.map((w) => (
                  <Td key={w.days} className="text-right">
                    <Allo uallo={w.rewardPer1000} digits={4} />
                    <span className="block text-xs text-muted-foreground">APR <Percent fraction={w.apr} /></span>
                  </Td>
                ))}
                <Td className="text-right tabular-nums">{r.delegatorCount}</Td>
                <Td>
                  <span className="flex flex-col gap-1">
                    {r.warnings.map((w) => <Badge key={w} variant="warning">{w}</Badge>)}
                  </span>
                </Td>
                <Td>
                  <Link href={compareHref(r.reputer)} className="text-xs whitespace-nowrap underline underline-offset-2">
                    {picked ? "Remove" : "Compare"}
                    <span className="sr-only"> {r.reputer}</span>
                  </Link>
                </Td>
                {action ? <Td>{action(r.reputer)}</Td> : null}
              </tr>
            );
          })}
        </tbody>
      </Table>
    </Card>
  );
}
