import type { AccountDto } from "@/lib/queries/staking-account";
import { Card } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { AddressLink, AlloExact, Missing } from "@/components/staking/values";
import { formatInteger } from "@/components/format";
import type { AccountActions } from "@/components/wallet/account-actions";

function Block({ title, empty, children, count }: { title: string; empty: string; children: React.ReactNode; count: number }) {
  return (
    <Card>
      <h3 className="px-5 pt-4 text-base font-semibold">{title}</h3>
      {count === 0 ? <p className="px-5 py-4 text-sm text-muted-foreground">{empty}</p> : children}
    </Card>
  );
}

/** Positions in both systems: reputer delegations per topic, own reputer stake, validator delegations. */
export function AccountPositions({ account, actions }: { account: AccountDto; actions?: Pick<AccountActions, "delegation" | "validator"> }) {
  return (
    <div className="grid grid-cols-1 gap-4">
      <Block title="Delegated to reputers" empty="No live reputer delegations indexed." count={account.delegations.length}>
        <Table label="Reputer delegations">
          <thead>
            <tr><Th>Topic</Th><Th>Reputer</Th><Th className="text-right">Delegated (ALLO)</Th><Th className="text-right">Pending reward (ALLO)</Th><Th className="text-right">As of block</Th>{actions ? <Th>Actions</Th> : null}</tr>
          </thead>
          <tbody>
            {account.delegations.map((d) => (
              <tr key={`${d.topicId}-${d.reputer}`} data-testid="delegation-row">
                <Td>{d.topicId}</Td>
                <Td><AddressLink href={`/reputers/${d.reputer}`} address={d.reputer} /></Td>
                <Td className="text-right"><AlloExact uallo={d.amount} /></Td>
                <Td className="text-right" title={`${d.amount} × ${d.rewardPerShare ?? "0"} − ${d.rewardDebt}`}><AlloExact uallo={d.pendingReward} /></Td>
                <Td className="text-right tabular-nums">{formatInteger(d.asOfHeight)}</Td>
                {actions ? <Td>{actions.delegation(d)}</Td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="px-5 pb-4 text-xs text-muted-foreground">
          Pending reward = amount × reward_per_share − reward_debt, truncated to whole uallo, exactly as the chain pays it. Total:{" "}
          <AlloExact uallo={account.pendingRewardTotal} /> ALLO.
        </p>
      </Block>
      <Block title="Own reputer stake" empty="This address has no reputer stake indexed." count={account.ownStakes.length}>
        <Table label="Own reputer stake">
          <thead><tr><Th>Topic</Th><Th className="text-right">Self stake (ALLO)</Th><Th className="text-right">Delegated to it (ALLO)</Th><Th className="text-right">As of block</Th></tr></thead>
          <tbody>
            {account.ownStakes.map((s) => (
              <tr key={s.topicId} data-testid="own-stake-row">
                <Td>{s.topicId}</Td>
                <Td className="text-right"><AlloExact uallo={s.selfStake} /></Td>
                <Td className="text-right"><AlloExact uallo={s.delegatedStake} /></Td>
                <Td className="text-right tabular-nums">{formatInteger(s.asOfHeight)}</Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </Block>
      <Block title="Delegated to validators" empty="No validator delegations indexed." count={account.validatorDelegations.length}>
        <Table label="Validator delegations">
          <thead><tr><Th>Validator</Th><Th className="text-right">Delegated (ALLO)</Th><Th className="text-right">Pending rewards</Th><Th className="text-right">As of block</Th>{actions ? <Th>Actions</Th> : null}</tr></thead>
          <tbody>
            {account.validatorDelegations.map((v) => (
              <tr key={v.operatorAddress} data-testid="validator-delegation-row">
                <Td>
                  <span className="flex flex-wrap items-center gap-2">
                    {v.moniker ?? <Missing />}
                    {v.jailed ? <Badge variant="warning">Jailed</Badge> : null}
                  </span>
                  <AddressLink href={`/staking/validators?validator=${v.operatorAddress}`} address={v.operatorAddress} />
                </Td>
                <Td className="text-right"><AlloExact uallo={v.amount} /></Td>
                <Td className="text-right" data-testid="validator-pending-reward">
                  {v.pendingReward === null ? (
                    <Missing why="no distribution rewards read for this delegation yet (or the node does not serve them: see the collector notices)" />
                  ) : (
                    <span title={`${v.pendingReward} uallo (DecCoin) as of block ${v.pendingRewardHeight}`}>
                      <AlloExact uallo={v.pendingReward} />
                      <span className="block text-xs text-muted-foreground">as of block {formatInteger(v.pendingRewardHeight ?? "")}</span>
                    </span>
                  )}
                </Td>
                <Td className="text-right tabular-nums">{formatInteger(v.asOfHeight)}</Td>
                {actions ? <Td>{actions.validator(v)}</Td> : null}
              </tr>
            ))}
          </tbody>
        </Table>
        <p className="px-5 py-3 text-xs text-muted-foreground">
          Pending validator rewards: the chain&apos;s distribution query per delegation, in whole uallo as a withdrawal pays them (the
          fractional uallo is in the title). Total: {account.validatorRewardTotal === null ? <Missing why="a delegation has no pending reward read" /> : <><AlloExact uallo={account.validatorRewardTotal} /> ALLO</>}.
        </p>
      </Block>
    </div>
  );
}
