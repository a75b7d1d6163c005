import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getIndexStatus } from "@/lib/queries/status";
import { getTopicSignals } from "@/lib/queries/signals";
import { computeTopicView } from "@/lib/signals/topic-view";
import { parseViewParams } from "@/lib/signals/view-params";
import { LEDGER_STRATEGIES } from "@/lib/signals/ledger";
import { DEFAULT_FEE_BPS, DEFAULT_SLIPPAGE_BPS } from "@/lib/signals/backtest";
import { DEFAULT_PARAMS } from "@/lib/signals/strategies";
import { PageHeader } from "@/components/ui/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { AsOf } from "@/components/layout/as-of";
import { isLagging } from "@/components/layout/network-status";
import { formatDuration, formatInteger, formatUtc } from "@/components/format";
import { EquityCharts } from "@/components/signals/equity-charts";
import { NotAdvice } from "@/components/signals/not-advice";
import { fmtBps, fmtPct, strategyLabel } from "@/components/signals/signal-format";
import { ParameterForm } from "./_components/parameter-form";
import { MetricsGrid } from "./_components/metrics-grid";
import { LiveVsBacktest } from "./_components/live-vs-backtest";
import { RegimeTable } from "./_components/regime-table";
import { TradesTable } from "./_components/trades-table";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ topic: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return { title: `Signals · topic ${(await params).topic}` };
}

export default async function TopicSignalsPage({ params, searchParams }: Props) {
  const { topic } = await params;
  if (!/^\d{1,19}$/.test(topic)) notFound();
  const query = await searchParams;
  const label = typeof query.label === "string" ? query.label : null;
  const [status, data] = await Promise.all([getIndexStatus(), getTopicSignals(BigInt(topic), label)]);
  if (!data) notFound();
  const { params: viewParams, issues, raw } = parseViewParams(query);
  const view = computeTopicView(data.series, viewParams, data.ledger);
  const ledgerRule = LEDGER_STRATEGIES.find((s) => s.strategy === viewParams.strategy)!;
  const stale = isLagging(status);
  const defaults = { strategy: DEFAULT_PARAMS.strategy, fee_bps: String(DEFAULT_FEE_BPS), slippage_bps: String(DEFAULT_SLIPPAGE_BPS), threshold: String(DEFAULT_PARAMS.thresholdBps), from: "", to: "" };
  const latest = view.latest;
  return (
    <>
      <PageHeader title={`Topic ${data.topicId} signals`} description={data.metadata} aside={<AsOf status={status} />} />
      <div className="flex flex-col gap-6">
        <p className="text-sm">
          <Link href="/signals" className="underline-offset-4 hover:underline">
            ← All signals
          </Link>
          {data.labels.length > 1 && (
            <span className="ml-3 inline-flex flex-wrap gap-2" aria-label="Horizons">
              {data.labels.map((l) => (
                <Link key={l} href={`/signals/${data.topicId}?label=${encodeURIComponent(l)}`} aria-current={l === data.label ? "page" : undefined} className={l === data.label ? "font-semibold" : "text-muted-foreground underline-offset-4 hover:underline"}>
                  {l}
                </Link>
              ))}
            </span>
          )}
        </p>
        {issues.length > 0 && (
          <p role="alert" className="rounded-lg border border-warning-border bg-warning-bg px-4 py-3 text-sm text-warning-fg">
            Ignored, defaults used instead: {issues.map((i) => `${i.field} (${i.message})`).join("; ")}.
          </p>
        )}
        <Card data-testid="current-signal">
          <CardHeader>
            <CardTitle>Current signal · {strategyLabel[viewParams.strategy]}</CardTitle>
            <CardDescription>Horizon {formatDuration(data.series.horizonSeconds)} · your threshold {viewParams.thresholdBps} bps</CardDescription>
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
                {stale && <span className="text-warning-fg">The index is {status.lagSeconds} s behind: its inputs are stale, so it is not current.</span>}
              </>
            )}
          </CardContent>
        </Card>
        <ParameterForm action={`/signals/${data.topicId}`} label={data.label} raw={raw} defaults={defaults} />
        <Card>
          <CardHeader>
            <CardTitle>Backtest</CardTitle>
            <CardDescription>
              {view.range ? `${view.epochs} epochs, ${formatUtc(new Date(view.range.from).toISOString())} to ${formatUtc(new Date(view.range.to).toISOString())}` : "No epochs in this range."}{" "}
              · fee {viewParams.feeBps} bps, slippage {viewParams.slippageBps} bps per unit of position changed.
            </CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-6">
            <MetricsGrid m={view.metrics} spanMs={view.range ? view.range.to - view.range.from : 0} />
            <EquityCharts points={view.chart} />
          </CardContent>
        </Card>
        <LiveVsBacktest live={view.live} ledgerRule={view.backtestLedgerRule} yours={view.backtestYourRule} rule={`threshold ${ledgerRule.thresholdBps} bps${ledgerRule.strategy === "confidence-scaled" ? `, min confidence ${ledgerRule.minConfidence}` : ""}`} />
        <RegimeTable regimes={view.regimes} />
        <TradesTable trades={view.trades} total={view.metrics.trades} />
        <NotAdvice />
      </div>
    </>
  );
}
