import type { Coverage } from "@/lib/forecast/calibration";
import { Panel, WarmingUp } from "./panel";

const MIN_CALIBRATION_POINTS = 20;

function Bar({ nominal, observed, inside, n }: { nominal: number; observed: number; inside: number; n: number }) {
  const pct = Math.round(observed * 100);
  return (
    <div>
      <div className="flex justify-between text-sm">
        <span>{nominal}% band</span>
        <span className="tabular-nums">
          <strong>{pct}%</strong> inside ({inside} of {n})
        </span>
      </div>
      <div className="relative mt-1 h-3 rounded-full bg-muted" role="img" aria-label={`${pct}% of realized values inside the ${nominal}% band; nominal ${nominal}%`}>
        <div className="h-3 rounded-full bg-primary" style={{ width: `${pct}%` }} />
        <div aria-hidden="true" className="absolute top-[-3px] h-[18px] w-0.5 bg-foreground" style={{ left: `${nominal}%` }} />
      </div>
    </div>
  );
}

export function CalibrationPanel({ coverage, asOf }: { coverage: Coverage; asOf: string | null }) {
  return (
    <Panel id="calibration" title="Calibration" asOf={asOf} description="How often the realized value fell inside the bands over this range; the mark shows the nominal share.">
      {coverage.n < MIN_CALIBRATION_POINTS || coverage.share68 === null || coverage.share95 === null ? (
        <WarmingUp>
          {coverage.n} of the {MIN_CALIBRATION_POINTS} banded, realized points a coverage figure needs.
        </WarmingUp>
      ) : (
        <div className="space-y-4">
          <Bar nominal={68} observed={coverage.share68} inside={coverage.inside68} n={coverage.n} />
          <Bar nominal={95} observed={coverage.share95} inside={coverage.inside95} n={coverage.n} />
        </div>
      )}
    </Panel>
  );
}
