import type { AccountDto } from "@/lib/queries/staking-account";
import { FORGONE_HORIZON_DAYS } from "@/lib/queries/staking-exits";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { AddressLink, AlloExact, Missing } from "@/components/staking/values";
import { Countdown } from "@/components/staking/countdown";
import { formatInteger, formatUtc } from "@/components/format";
import type { AccountActions } from "@/components/wallet/account-actions";

const KIND_LABEL = { stake_removal: "Reputer stake removal", delegate_removal: "Delegate-stake removal", unbonding: "Validator unbonding" } as const;

/** Every pending exit in both systems, with its unlock height and time (and which of the two is the estimate). */
export function ExitCentre({ account, action }: { account: AccountDto; action?: AccountActions["exit"] }) {
  const clock = account.clock;
  const headMs = clock ? Date.parse(clock.timeIso) : null;
  return (
    <Card>
      {account.exits.length === 0 ? (
        <p className="px-5 py-4 text-sm text-muted-foreground">No pending stake removals, delegate-stake removals or unbondings.</p>
      ) : (
        <Table label="Pending exits">
          <thead>
            <tr>
              <Th>Exit</Th><Th>From</Th><Th className="text-right">Amount (ALLO)</Th><Th className="text-right">Unlock height</Th>
              <Th>Unlock time</Th><Th>Countdown</Th><Th>Cancel</Th><Th className="text-right">Rewards forgone, {FORGONE_HORIZON_DAYS} d (estimate)</Th>
            </tr>
          </thead>
          <tbody>
            {account.exits.map((e) => {
              const targetMs = e.unlockTimeIso ? Date.parse(e.unlockTimeIso) : null;
              return (
                <tr key={`${e.kind}-${e.topicId}-${e.target}-${e.requestedHeight}`} data-testid="exit-row">
                  <Td>
                    {KIND_LABEL[e.kind]}
                    <span className="block text-xs text-muted-foreground">requested at block {formatInteger(e.requestedHeight)}</span>
                  </Td>
                  <Td>
                    {e.topicId ? <span className="block text-xs">topic {e.topicId}</span> : null}
                    <AddressLink href={e.kind === "unbonding" ? `/staking/validators?validator=${e.target}` : `/reputers/${e.target}`} address={e.target} />
                  </Td>
                  <Td className="text-right"><AlloExact uallo={e.amount} /></Td>
                  <Td className="text-right tabular-nums">
                    {e.unlockHeight ? formatInteger(e.unlockHeight) : <Missing />}
                    <span className="block text-xs text-muted-foreground">{e.unlockHeightEstimated ? "estimated" : "set by the chain"}</span>
                  </Td>
                  <Td>
                    {e.unlockTimeIso ? formatUtc(e.unlockTimeIso) : <Missing why="no measured block time" />}
                    <span className="block text-xs text-muted-foreground">{e.unlockTimeEstimated ? "estimated" : "set by the chain"}</span>
                  </Td>
                  <Td>{targetMs !== null && headMs !== null ? <Countdown secondsLeft={Math.round((targetMs - headMs) / 1000)} /> : <Missing />}</Td>
                  <Td>
                    <Badge variant={e.cancellable ? "accent" : "warning"}>{e.cancellable ? "Cancellable" : "Not cancellable"}</Badge>
                    <span className="block text-xs text-muted-foreground">{e.cancelNote}</span>
                    {action ? <span className="mt-1 block">{action(e)}</span> : null}
                  </Td>
                  <Td className="text-right" title={`Estimate from ${e.forgoneBasis}`}>
                    {e.forgone === null ? <Missing why="no realized rate indexed" /> : <AlloExact uallo={e.forgone} />}
                    <span className="block text-xs text-muted-foreground">estimate</span>
                  </Td>
                </tr>
              );
            })}
          </tbody>
        </Table>
      )}
      {clock ? (
        <p className="px-5 pb-4 text-xs text-muted-foreground">
          Unlock times of removals are estimated as the newest indexed block&apos;s time + (unlock height − {formatInteger(clock.height)}) × the
          mean block time over the last {formatInteger(clock.windowBlocks)} indexed blocks ({clock.msPerBlock === null ? "—" : `${(clock.msPerBlock / 1000).toFixed(3)} s`});
          unbondings end at a time the chain sets, and their height is estimated the same way in reverse. Countdowns run from block{" "}
          {formatInteger(clock.height)}&apos;s time. Rewards forgone: the amount × the realized rate of the last {FORGONE_HORIZON_DAYS} days (validators:
          the estimated APR) over {FORGONE_HORIZON_DAYS} days; an estimate, not a promise.
        </p>
      ) : null}
    </Card>
  );
}
