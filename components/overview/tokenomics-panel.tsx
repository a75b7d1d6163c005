import type { FigureDto, TokenomicsDto } from "@/lib/queries/tokenomics";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { AlloAmount, Missing, asOfBlock } from "@/components/figures";
import { formatPercent } from "@/components/format";

function Row({ label, figure, kind }: { label: string; figure: FigureDto; kind: "allo" | "percent" }) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-0.5 border-b py-2 last:border-b-0">
      <dt className="text-sm text-muted-foreground">{label}</dt>
      <dd className="text-right">
        <span className="font-medium tabular-nums">
          {figure.value === null ? (
            <Missing />
          ) : kind === "allo" ? (
            <>
              <AlloAmount uallo={figure.value} /> ALLO
            </>
          ) : (
            <span title={figure.value}>{formatPercent(figure.value)}</span>
          )}
        </span>
        <span className="block text-xs text-muted-foreground">{asOfBlock(figure.asOfHeight)}</span>
      </dd>
    </div>
  );
}

/** Supply, staking and emissions from the mint module and the staking state, each figure with the block it is as of. */
export function TokenomicsPanel({ tokenomics }: { tokenomics: TokenomicsDto | null }) {
  const none: FigureDto = { value: null, asOfHeight: null };
  const t = tokenomics;
  return (
    <Card aria-labelledby="tokenomics-title">
      <CardHeader>
        <CardTitle id="tokenomics-title">Tokenomics</CardTitle>
        <CardDescription>From the mint module&apos;s emission info and the staking state. Hover an amount for its exact value.</CardDescription>
      </CardHeader>
      <CardContent>
        <dl>
          <Row label="Max supply" figure={t?.maxSupply ?? none} kind="allo" />
          <Row label="Circulating supply" figure={t?.circulatingSupply ?? none} kind="allo" />
          <Row label="Bonded to validators" figure={t?.bondedTokens ?? none} kind="allo" />
          <Row label="Bonded share of circulating" figure={t?.bondedShare ?? none} kind="percent" />
          <Row label="Staked with reputers" figure={t?.reputerStake ?? none} kind="allo" />
          <Row label="Inflation" figure={t?.inflation ?? none} kind="percent" />
          <Row label="Emissions per month" figure={t?.emissionPerMonth ?? none} kind="allo" />
          <Row label="Emission share to reputers" figure={t?.reputersPercent ?? none} kind="percent" />
          <Row label="Emission share to validators" figure={t?.validatorsPercent ?? none} kind="percent" />
        </dl>
      </CardContent>
    </Card>
  );
}
