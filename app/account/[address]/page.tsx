import type { Metadata } from "next";
import type { ReactNode } from "react";
import Link from "next/link";
import { getIndexStatus } from "@/lib/queries/status";
import { getAccount } from "@/lib/queries/staking-account";
import { listAccountHistory } from "@/lib/queries/staking-history";
import { checkAddress } from "@/lib/staking/address";
import { parseDateRange } from "@/lib/staking/date-range";
import { PageHeader } from "@/components/ui/page-header";
import { AsOf } from "@/components/layout/as-of";
import { AccountPositions } from "@/components/staking/account-positions";
import { ExitCentre } from "@/components/staking/exit-centre";
import { AccountHistory } from "@/components/staking/account-history";
import { InvalidAddress } from "@/components/staking/invalid-address";
import { first, hrefWith, type Params } from "@/components/staking/url";
import { accountActions } from "@/components/wallet/account-actions";
import { PendingTxs } from "@/components/wallet/pending-txs";
import { walletChainOf } from "@/lib/queries/wallet-chain";
import { getValidatorStateHeight, listValidatorOptions } from "@/lib/queries/validator-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

const HISTORY_PAGE_ROWS = 100;

function Section({ id, title, description, children }: { id: string; title: string; description: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="grid grid-cols-1 min-w-0 gap-3">
      <div>
        <h2 id={id} className="text-lg font-semibold tracking-tight">{title}</h2>
        <p className="text-sm text-muted-foreground">{description}</p>
      </div>
      {children}
    </section>
  );
}

export default async function AccountPage({ params, searchParams }: { params: Promise<{ address: string }>; searchParams: Promise<Params> }) {
  const [{ address: raw }, query, status] = await Promise.all([params, searchParams, getIndexStatus()]);
  const input = decodeURIComponent(raw);
  const check = checkAddress(input);
  if (!check.ok || check.kind !== "account") {
    return (
      <>
        <PageHeader title="Account" description="Positions, pending rewards and exits of any Allora address." aside={<AsOf status={status} />} />
        {check.ok ? (
          <p className="text-sm">
            This is a validator operator address. <Link className="underline" href={`/staking/validators?validator=${check.address}`}>Open it in the validator directory</Link>.
          </p>
        ) : (
          <InvalidAddress input={input} reason={check.reason} />
        )}
      </>
    );
  }
  const from = first(query.from) ?? "";
  const to = first(query.to) ?? "";
  const range = parseDateRange(from, to);
  const [account, history, validators, validatorHeight] = await Promise.all([
    getAccount(check.address),
    range.ok ? listAccountHistory(check.address, range.range, HISTORY_PAGE_ROWS) : Promise.resolve({ rows: [], total: 0 }),
    listValidatorOptions(),
    getValidatorStateHeight(),
  ]);
  const actions = accountActions(account, walletChainOf(status), validators);
  return (
    <>
      <PageHeader title="Account" description={<span className="font-mono text-xs break-all">{check.address}</span>} aside={<AsOf status={status} />} />
      <div className="grid grid-cols-1 gap-10">
        <PendingTxs address={check.address} heights={{ reputer: status.indexedHeight, validator: validatorHeight }} />
        <Section id="positions-heading" title="Positions" description="Reputer delegations per topic, own reputer stake and validator delegations, exact to the uallo.">
          <AccountPositions account={account} actions={actions} />
        </Section>
        <Section id="exits-heading" title="Exit centre" description="Every pending stake removal, delegate-stake removal and validator unbonding, with when it unlocks.">
          <ExitCentre account={account} action={actions.exit} />
        </Section>
        <Section id="history-heading" title="History" description="Stake actions and rewards in both systems, newest first; download any date range as CSV.">
          <AccountHistory
            address={check.address}
            rows={history.rows}
            total={history.total}
            from={from}
            to={to}
            csvHref={hrefWith(`/api/account/${check.address}/history`, {}, { from, to })}
            error={range.ok ? null : `${range.field === "from" ? "From" : "To"}: ${range.message}`}
          />
        </Section>
      </div>
    </>
  );
}
