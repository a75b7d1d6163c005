"use client";
// The parameter-dependent part of a topic's signal page. The URL is its state: with the series' inputs at hand the
// browser re-runs the backtest itself on every change (history.pushState, which Next's router follows, so the back
// button and shared links work) and nothing goes back to the server; a series too long to send falls back to
// the server computing each view from the URL, as the plain GET form does without JavaScript.
import { useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { computeTopicView, type TopicView, type TopicViewInputs } from "@/lib/signals/topic-view";
import { parseViewParams } from "@/lib/signals/view-params";
import { LEDGER_STRATEGIES } from "@/lib/signals/strategies";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { formatDuration, formatInteger, formatUtc } from "@/components/format";
import { EquityCharts } from "@/components/signals/equity-charts";
import { fmtBps, fmtPct, strategyLabel } from "@/components/signals/signal-format";
import { ParameterForm, type ParameterDefaults } from "./parameter-form";
import { MetricsGrid } from "./metrics-grid";
import { LiveVsBacktest } from "./live-vs-backtest";
import { RegimeTable } from "./regime-table";
import { TradesTable } from "./trades-table";

type Props = {
  action: string;
  label: string;
  horizonSeconds: number;
  /** The index is behind: the latest signal's inputs are stale. */
  stale: { lagSeconds: number } | null;
  defaults: ParameterDefaults;
} & ({ inputs: TopicViewInputs; view?: undefined } | { inputs?: undefined; view: TopicView });

export function BacktestExplorer({ action, label, horizonSeconds, stale, defaults, inputs, view: serverView }: Props) {
  const searchParams = useSearchParams();
  const query = searchParams.toString();
  const { params, issues, raw } = useMemo(() => parseViewParams(Object.fromEntries(new URLSearchParams(query))), [query]);
  const view = useMemo(() => (inputs ? computeTopicView(inputs, params) : serverView!), [inputs, params, serverView]);
  const ledgerRule = LEDGER_STRATEGIES.find((s) => s.strategy === params.strategy)!;
  const latest = view.latest;
  return (
    <>
      {issues.length > 0 && (
        <p role="alert" className="rounded-lg border border-warning-border bg-warning-bg px-4 py-3 text-sm text-warning-fg">
          Ignored, defaults used instead: {issues.map((i) => `${i.field} (${i.message})`).join("; ")}.
        </p>
      )}
      <Card data-testid="current-signal">
        <CardHeader>
          <CardTitle>Current signal · {strategyLabel[params.strategy]}</CardTitle>
          <CardDescription>Horizon {formatDuration(horizonSeconds)} · your threshold {params.thresholdBps} bps</CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-center gap-x-6 gap-y-2 text-sm">
          {latest === null ? (
            <span className="text-muted-foreground">No epoch with a known price yet.</span>
          ) : (
            <>
              {stale ? (
                <Badge variant="warning">stale · was {latest.direction}</Badge>
              ) : (
                <Badge variant={latest.direction === "flat" ? "neutral" : "accent"}>{latest.direction}</Badge>
              )}
              <span>Expected {fmtBps(latest.expectedReturnBps)}</span>
              <span>Confidence {latest.confidence === null ? "warming up" : fmtPct(latest.confidence, 0)}</span>
              <span className="tabular-nums">
                As of block {formatInteger(String(latest.height))} · {formatUtc(new Date(latest.t).toISOString())}
              </span>
              {stale && <span className="text-warning-fg">The index is {stale.lagSeconds} s behind: its inputs are stale, so it is not current.</span>}
            </>
          )}
        </CardContent>
      </Card>
      {/* Keyed by the query: after back or forward the fields show the URL's values again. */}
      <ParameterForm key={query} action={action} label={label} raw={raw} defaults={defaults} inBrowser={inputs !== undefined} />
      <Card>
        <CardHeader>
          <CardTitle>Backtest</CardTitle>
          <CardDescription>
            {view.range ? `${view.epochs} epochs, ${formatUtc(new Date(view.range.from).toISOString())} to ${formatUtc(new Date(view.range.to).toISOString())}` : "No epochs in this range."}{" "}
            · fee {params.feeBps} bps, slippage {params.slippageBps} bps per unit of position changed.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-col gap-6">
          <MetricsGrid m={view.metrics} spanMs={view.range ? view.range.to - view.range.from : 0} />
          <EquityCharts points={view.chart} />
        </CardContent>
      </Card>
      <LiveVsBacktest
        live={view.live}
        ledgerRule={view.backtestLedgerRule}
        yours={view.backtestYourRule}
        rule={`threshold ${ledgerRule.thresholdBps} bps${ledgerRule.strategy === "confidence-scaled" ? `, min confidence ${ledgerRule.minConfidence}` : ""}`}
      />
      <RegimeTable regimes={view.regimes} />
      <TradesTable trades={view.trades} total={view.metrics.trades} />
    </>
  );
}
