import type { WinsDto } from "@/lib/queries/forecast/wins";
import { LossChart } from "@/components/charts/lazy-charts";
import { formatValue } from "@/components/charts/format";
import { Panel, WarmingUp } from "./panel";

export function WinsPanel({ wins, lossMethod, asOf }: { wins: WinsDto; lossMethod: string; asOf: string | null }) {
  const s = wins.summary;
  const stats = [
    { label: "Network", value: s.network },
    { label: "Best worker (no hindsight)", value: s.best },
    { label: "Median worker", value: s.median },
    { label: "Naive", value: s.naive },
  ];
  return (
    <Panel
      id="wins"
      title="Does the network win?"
      asOf={asOf}
      description={`Mean loss (${lossMethod}, as the chain's reputers reported it) of the network against the best single worker — chosen over the trailing ${wins.windowEpochs} epochs, then scored on the next — the median worker and the naive forecast.`}
    >
      <p className="mb-4 text-base font-medium" data-testid="verdict">{wins.verdict}</p>
      {wins.points.length === 0 ? (
        <WarmingUp>No loss has been reported for this range yet: losses arrive once the ground-truth lag has passed.</WarmingUp>
      ) : (
        <>
          <dl className="mb-4 grid grid-cols-2 gap-3 sm:grid-cols-4">
            {stats.map((x) => (
              <div key={x.label} className="rounded-md border px-3 py-2">
                <dt className="text-xs text-muted-foreground">{x.label}</dt>
                <dd className="text-sm font-medium tabular-nums">{formatValue(x.value)}</dd>
              </div>
            ))}
          </dl>
          <LossChart points={wins.points} windowEpochs={wins.windowEpochs} />
        </>
      )}
    </Panel>
  );
}
