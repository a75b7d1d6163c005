import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getIndexStatus } from "@/lib/queries/status";
import { getTopicSignals } from "@/lib/queries/signals";
import { computeTopicView } from "@/lib/signals/topic-view";
import { topicViewInputs } from "@/lib/signals/topic-view-inputs";
import { parseViewParams } from "@/lib/signals/view-params";
import { DEFAULT_FEE_BPS, DEFAULT_SLIPPAGE_BPS } from "@/lib/signals/backtest";
import { DEFAULT_PARAMS } from "@/lib/signals/strategies";
import { PageHeader } from "@/components/ui/page-header";
import { AsOf } from "@/components/layout/as-of";
import { isLagging } from "@/components/layout/network-status";
import { NotAdvice } from "@/components/signals/not-advice";
import { BacktestExplorer } from "./_components/backtest-explorer";

export const dynamic = "force-dynamic";

// Up to this many epochs (a week of 5-minute epochs is 2,016; each sends about 150 bytes, a sixth of that gzipped)
// the browser gets the inputs and re-runs the backtest itself; a longer series is computed here per URL instead.
const BROWSER_EPOCHS_MAX = 5_000;

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
  const inputs = topicViewInputs(data.series, data.ledger);
  const defaults = { strategy: DEFAULT_PARAMS.strategy, fee_bps: String(DEFAULT_FEE_BPS), slippage_bps: String(DEFAULT_SLIPPAGE_BPS), threshold: String(DEFAULT_PARAMS.thresholdBps), from: "", to: "" };
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
        <BacktestExplorer
          action={`/signals/${data.topicId}`}
          label={data.label}
          horizonSeconds={data.series.horizonSeconds}
          stale={isLagging(status) && status.lagSeconds !== null ? { lagSeconds: status.lagSeconds } : null}
          defaults={defaults}
          {...(inputs.epochs.length <= BROWSER_EPOCHS_MAX ? { inputs } : { view: computeTopicView(inputs, parseViewParams(query).params) })}
        />
        <NotAdvice />
      </div>
    </>
  );
}
