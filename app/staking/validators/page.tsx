import type { Metadata } from "next";
import { compareDec } from "@/lib/allora/decimal";
import { getIndexStatus } from "@/lib/queries/status";
import { listValidatorDirectory, type ValidatorRowDto } from "@/lib/queries/staking-validators";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { ShieldIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { ValidatorDirectoryTable, VALIDATOR_SORTS, type ValidatorSort } from "@/components/staking/validator-directory-table";
import { ValidatorDetail } from "@/components/staking/validator-detail";
import { ValidatorCompare } from "@/components/staking/validator-compare";
import { RealizedAprNote } from "@/components/staking/realized-apr-note";
import { Allo, Percent } from "@/components/staking/values";
import { FlowButton } from "@/components/wallet/flow-button";
import { walletChainOf } from "@/lib/queries/wallet-chain";
import { first, hrefWith, readCompare, toggleCompare, type Params } from "@/components/staking/url";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Validators" };

function sortValidators(rows: ValidatorRowDto[], key: ValidatorSort): ValidatorRowDto[] {
  const pick = (v: ValidatorRowDto): string | null =>
    key === "power" ? v.tokens : key === "commission" ? v.commissionRate : key === "apr" ? v.estimatedApr : key === "realized" ? (v.realized.d7?.apr ?? null) : String(v.delegatorCount);
  // Commission sorts lowest first (what a delegator looks for); missing values always last.
  const dir = key === "commission" ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = pick(a);
    const y = pick(b);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    return dir * compareDec(x, y) || a.operatorAddress.localeCompare(b.operatorAddress);
  });
}

export default async function ValidatorDirectoryPage({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const [status, dir] = await Promise.all([getIndexStatus(), listValidatorDirectory()]);
  const sortParam = first(params.sort);
  const sort: ValidatorSort = sortParam && sortParam in VALIDATOR_SORTS ? (sortParam as ValidatorSort) : "power";
  const compare = readCompare(params.compare);
  const focus = first(params.validator);
  const state = { sort: sortParam, compare: compare.join(",") || undefined, validator: focus };
  const rows = sortValidators(dir.rows, sort);
  const detail = rows.find((v) => v.operatorAddress === focus);
  const picked = compare.map((c) => rows.find((v) => v.operatorAddress === c)).filter((v) => v !== undefined);
  return (
    <>
      <PageHeader
        title="Validators"
        description="Every validator's commission and its history, bonded tokens and voting power, self-delegation, status and jailing, uptime, and the realized APR beside the estimated one, with how each is computed."
        aside={<AsOf status={status} />}
      />
      {rows.length === 0 ? (
        <EmptyState icon={<ShieldIcon />} title="No validators indexed yet" description="Every validator's status, bonded ALLO and commission will be listed here once the collector has read the validator set." command="npm run demo" />
      ) : (
        <div className="grid grid-cols-1 gap-6">
          {focus && !detail ? <p role="alert" className="text-sm">No indexed validator has the operator address {focus}.</p> : null}
          {detail ? <ValidatorDetail v={detail} spikeRule={dir.spikeRule} /> : null}
          {picked.length >= 2 ? <ValidatorCompare rows={picked} /> : null}
          <ValidatorDirectoryTable
            rows={rows}
            sort={sort}
            sortHref={(key) => hrefWith("/staking/validators", state, { sort: key })}
            detailHref={(op) => hrefWith("/staking/validators", state, { validator: op })}
            compare={compare}
            compareHref={(op) => hrefWith("/staking/validators", state, { compare: toggleCompare(compare, op) })}
            action={(v) => <FlowButton chain={walletChainOf(status)} label="Delegate" context={`to ${v.moniker || v.operatorAddress}`} spec={{ flow: "validator-delegate", validator: v.operatorAddress, moniker: v.moniker }} />}
          />
          <div className="grid grid-cols-1 gap-1 text-xs text-muted-foreground">
            <p>
              Estimated APR = {dir.apr.formula}: <Allo uallo={dir.apr.emissionPerMonth} /> ALLO a month × 12 × <Percent fraction={dir.apr.validatorsPercent} /> ÷{" "}
              <Allo uallo={dir.apr.bondedTokens} digits={0} /> ALLO bonded (mint snapshot at block {dir.apr.snapshotHeight ?? "—"}), before any slashing.
            </p>
            <RealizedAprNote realized={dir.realized} />
            <p>Commission spike: {dir.spikeRule}</p>
          </div>
        </div>
      )}
    </>
  );
}
