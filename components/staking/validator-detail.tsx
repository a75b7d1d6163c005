import type { ValidatorRowDto } from "@/lib/queries/staking-validators";
import { Card } from "@/components/ui/card";
import { Table, Td, Th } from "@/components/ui/table";
import { AlloExact, Missing, Percent } from "@/components/staking/values";
import { ValidatorStatus } from "@/components/staking/validator-directory-table";
import { RealizedApr, Uptime } from "@/components/staking/validator-figures";
import { formatInteger, formatUtc } from "@/components/format";

/** One validator in full: its commission history (every indexed change) and the spike, if any. */
export function ValidatorDetail({ v, spikeRule }: { v: ValidatorRowDto; spikeRule: string }) {
  return (
    <Card className="grid grid-cols-1 gap-4 p-5" aria-labelledby="validator-detail">
      <div className="flex flex-wrap items-center gap-3">
        <h2 id="validator-detail" className="text-lg font-semibold">{v.moniker || "Unnamed"}</h2>
        <ValidatorStatus v={v} />
      </div>
      <p className="font-mono text-xs break-all text-muted-foreground">{v.operatorAddress}</p>
      {v.spike ? (
        <p role="note" className="rounded-lg border border-warning-border bg-warning-bg px-4 py-3 text-sm text-warning-fg">
          Commission spike: rose from <Percent fraction={v.spike.fromRate} /> (block {formatInteger(v.spike.fromHeight)}) to{" "}
          <Percent fraction={v.spike.toRate} /> (block {formatInteger(v.spike.toHeight)}), +{v.spike.risePoints} percentage points. Rule: {spikeRule}
        </p>
      ) : null}
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
        <dt className="text-muted-foreground">Bonded tokens (ALLO)</dt><dd><AlloExact uallo={v.tokens} /></dd>
        <dt className="text-muted-foreground">Self-delegation (ALLO)</dt><dd><AlloExact uallo={v.selfDelegation} /></dd>
        <dt className="text-muted-foreground">Min self-delegation (uallo)</dt><dd>{v.minSelfDelegation ?? <Missing />}</dd>
        <dt className="text-muted-foreground">Commission max / max daily change</dt>
        <dd><Percent fraction={v.commissionMaxRate} /> / <Percent fraction={v.commissionMaxChangeRate} /></dd>
        <dt className="text-muted-foreground">Uptime (signed-blocks window)</dt>
        <dd><Uptime u={v.uptime} missing={v.uptimeMissing} />{v.uptimeMissing ? <span className="text-xs text-muted-foreground"> {v.uptimeMissing}</span> : null}</dd>
        <dt className="text-muted-foreground">Realized APR, 7 d / 30 d</dt>
        <dd><RealizedApr r={v.realized.d7} missing={v.realizedMissing} /> / <RealizedApr r={v.realized.d30} missing={v.realizedMissing} /></dd>
      </dl>
      <Table label={`Commission history of ${v.moniker}`}>
        <thead><tr><Th>Since block</Th><Th>Time</Th><Th className="text-right">Commission</Th></tr></thead>
        <tbody>
          {v.commissionHistory.map((c) => (
            <tr key={c.height}>
              <Td className="tabular-nums">{formatInteger(c.height)}</Td>
              <Td>{formatUtc(c.timeIso)}</Td>
              <Td className="text-right"><Percent fraction={c.rate} /></Td>
            </tr>
          ))}
        </tbody>
      </Table>
      <p className="text-xs text-muted-foreground">First seen rate and every change between indexed snapshots; a change is dated by the first snapshot that shows it.</p>
    </Card>
  );
}
