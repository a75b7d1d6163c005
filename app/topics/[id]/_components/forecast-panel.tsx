import type { ForecastChartDto } from "@/lib/queries/forecast/chart";
import { ForecastChart } from "@/components/charts/lazy-charts";
import { formatInteger } from "@/components/format";
import { Panel, WarmingUp } from "./panel";
import { shortAddress } from "./view-state";

const MIN_POINTS = 2;

function realizedNote(chart: ForecastChartDto, unreachable: string | null): string | null {
  // `unreachable` is the price-source status's own sentence, e.g. "no realized prices: source coinbase unreachable".
  if (chart.realized === "ok") return null;
  if (chart.realized === "not-a-price") return "This topic's target is not a market price: no realized values to draw.";
  if (chart.realized === "no-horizon") return "The topic's name gives no horizon, so its predictions cannot be matched with realized prices.";
  return unreachable ? `${unreachable.charAt(0).toUpperCase()}${unreachable.slice(1)}.` : "No realized prices indexed for this topic.";
}

export function ForecastPanel({ chart, asOf, unreachable }: { chart: ForecastChartDto; asOf: string | null; unreachable: string | null }) {
  const note = realizedNote(chart, unreachable);
  const banded = chart.points.some((p) => p.band68 !== null);
  return (
    <Panel
      id="forecast"
      title="Forecast"
      asOf={asOf}
      description={
        <>
          The network&apos;s combined inference against the realized value and the naive forecast.
          Bands are <strong>empirical</strong>: the spread of the network&apos;s own past errors, known at the time.
        </>
      }
    >
      {chart.points.length < MIN_POINTS ? (
        <WarmingUp>{chart.epochs === 0 ? "No network inference in this range yet." : "Only one network inference in this range so far."}</WarmingUp>
      ) : (
        <>
          {note ? (
            <p role="note" className="mb-3 rounded-md border border-warning-border bg-warning-bg px-3 py-2 text-sm text-warning-fg">
              {note}
            </p>
          ) : null}
          <ForecastChart
            points={chart.points}
            workers={chart.workers.map((a) => ({ address: a, label: shortAddress(a) }))}
            showRealized={chart.realized === "ok"}
            bandLabel="empirical"
          />
          <p className="mt-2 text-xs text-muted-foreground" data-testid="chart-summary">
            <span data-testid="chart-points">{formatInteger(String(chart.points.filter((p) => p.nonce !== "").length))}</span> points drawn from{" "}
            {formatInteger(String(chart.epochs))} epochs.{" "}
            {banded ? "Bands need 30 known residuals; before that none is drawn." : "Bands are warming up: fewer than 30 realized errors are known yet."}
          </p>
        </>
      )}
    </Panel>
  );
}
