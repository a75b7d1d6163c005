import type { EconomicsDto } from "@/lib/queries/forecast/economics";
import { RewardsChart } from "@/components/charts/lazy-charts";
import { formatAllo } from "@/components/format";
import { formatValue } from "@/components/charts/format";
import { Panel, WarmingUp } from "./panel";

export function EconomicsPanel({ econ, asOf }: { econ: EconomicsDto; asOf: string | null }) {
  const figures = [
    { label: "Topic stake (ALLO)", value: econ.topicStake === null ? "—" : formatAllo(econ.topicStake) },
    { label: "Fee revenue (effective, ALLO)", value: econ.effectiveRevenue === null ? "—" : formatAllo(econ.effectiveRevenue) },
    { label: "Weight", value: econ.weight === null ? "—" : formatValue(Number(econ.weight)) },
    { label: "Rewards to inferers", value: econ.totals.inferer === null ? "—" : formatAllo(econ.totals.inferer) },
    { label: "Rewards to forecasters", value: econ.totals.forecaster === null ? "—" : formatAllo(econ.totals.forecaster) },
    { label: "Rewards to reputers", value: econ.totals.reputer === null ? "—" : formatAllo(econ.totals.reputer) },
  ];
  const paid = econ.points.some((p) => p.inferers !== null || p.forecasters !== null || p.reputers !== null);
  return (
    <Panel id="economics" title="Topic economics" asOf={asOf} description="Stake, fee revenue and weight as the chain last reported them; rewards paid over the range, exact totals and their split over time.">
      <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-3">
        {figures.map((f) => (
          <div key={f.label} className="rounded-md border px-3 py-2">
            <dt className="text-xs text-muted-foreground">{f.label}</dt>
            <dd className="text-sm font-medium tabular-nums">{f.value}</dd>
          </div>
        ))}
      </dl>
      {paid ? <RewardsChart points={econ.points} /> : <WarmingUp>No rewards have been paid in this range yet.</WarmingUp>}
    </Panel>
  );
}
