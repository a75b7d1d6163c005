import type { HistoryRowDto } from "@/lib/queries/staking-history";
import { Card } from "@/components/ui/card";
import { Button } from "@/components/ui/button";
import { Table, Td, Th } from "@/components/ui/table";
import { AddressLink, AlloExact, Missing } from "@/components/staking/values";
import { formatInteger, formatUtc } from "@/components/format";

type Props = {
  address: string;
  rows: HistoryRowDto[];
  total: number;
  from: string;
  to: string;
  csvHref: string;
  error: string | null;
};

export function AccountHistory({ address, rows, total, from, to, csvHref, error }: Props) {
  return (
    <Card>
      <form method="get" action={`/account/${address}`} className="flex flex-wrap items-end gap-3 px-5 pt-4">
        <label className="grid grid-cols-1 gap-1 text-sm">
          From (UTC day)
          <input type="date" name="from" defaultValue={from} className="rounded-md border bg-background px-2 py-1" />
        </label>
        <label className="grid grid-cols-1 gap-1 text-sm">
          To (UTC day, included)
          <input type="date" name="to" defaultValue={to} className="rounded-md border bg-background px-2 py-1" />
        </label>
        <Button type="submit" variant="outline">Show</Button>
        {error ? null : (
          <a href={csvHref} download className="rounded-md px-3 py-2 text-sm font-medium underline underline-offset-2">
            Download CSV ({formatInteger(String(total))} rows)
          </a>
        )}
      </form>
      {error ? <p role="alert" className="px-5 py-3 text-sm text-warning-fg">{error}</p> : null}
      {rows.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-foreground">No stake actions or rewards in this range.</p>
      ) : (
        <>
          <Table label="Stake actions and rewards">
            <thead><tr><Th>Time</Th><Th className="text-right">Block</Th><Th>Action</Th><Th>Topic</Th><Th>With</Th><Th className="text-right">Amount (ALLO)</Th></tr></thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={`${r.height}-${r.action}-${i}`} data-testid="history-row">
                  <Td className="whitespace-nowrap">{formatUtc(r.timeIso)}</Td>
                  <Td className="text-right tabular-nums">{formatInteger(r.height)}</Td>
                  <Td>{r.action.replaceAll("_", " ")}</Td>
                  <Td>{r.topicId ?? <Missing />}</Td>
                  <Td><AddressLink href={r.system === "validator" ? `/staking/validators?validator=${r.counterparty}` : `/reputers/${r.counterparty}`} address={r.counterparty} /></Td>
                  <Td className="text-right"><AlloExact uallo={r.amount} /></Td>
                </tr>
              ))}
            </tbody>
          </Table>
          <p className="px-5 pb-4 text-xs text-muted-foreground">
            Showing the newest {rows.length} of {formatInteger(String(total))}; the CSV holds all of them, with amounts in exact uallo.
          </p>
        </>
      )}
    </Card>
  );
}
