import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getIndexStatus } from "@/lib/queries/status";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { getTopicContext, parseTopicId, resolveWindow } from "@/lib/queries/forecast/context";
import { getForecastChart } from "@/lib/queries/forecast/chart";
import { getWins } from "@/lib/queries/forecast/wins";
import { getEffects } from "@/lib/queries/forecast/effects";
import { getLeaderboards } from "@/lib/queries/forecast/leaderboard";
import { getEconomics } from "@/lib/queries/forecast/economics";
import { getRealizedPriceStatus } from "@/lib/queries/ground-truth-status";
import { parseRange } from "@/lib/forecast/range";
import { PageHeader } from "@/components/ui/page-header";
import { Badge } from "@/components/ui/badge";
import { AsOf } from "@/components/layout/as-of";
import { TopicControls } from "./_components/controls";
import { ForecastPanel } from "./_components/forecast-panel";
import { CalibrationPanel } from "./_components/calibration-panel";
import { WinsPanel } from "./_components/wins-panel";
import { EffectsPanel } from "./_components/effects-panel";
import { Leaderboards } from "./_components/leaderboards";
import { EconomicsPanel } from "./_components/economics-panel";
import { RegimesPanel } from "./_components/regimes-panel";
import { WarmingUp, Panel } from "./_components/panel";
import { readViewState } from "./_components/view-state";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { id } = await params;
  return { title: parseTopicId(id) === null ? "Topic not found" : `Topic ${id}` };
}

export default async function TopicPage({ params, searchParams }: Props) {
  const [{ id }, sp] = await Promise.all([params, searchParams]);
  const topicId = parseTopicId(id);
  if (topicId === null) notFound();
  const networkId = await findFollowedNetworkId();
  if (networkId === null) notFound();
  const state = readViewState(sp);
  const ctx = await getTopicContext(networkId, topicId, state.label);
  if (!ctx) notFound();
  const spec = parseRange(state);
  const [status, win, prices] = await Promise.all([
    getIndexStatus(),
    resolveWindow(ctx, spec),
    getRealizedPriceStatus(ctx.meta.asset, ctx.meta.quote ?? "USD"),
  ]);
  const asOf = ctx.asOfHeight?.toString() ?? null;
  const horizon = ctx.meta.horizons.find((h) => h.label === ctx.label) ?? ctx.meta.horizons[0];
  const header = (
    <PageHeader
      title={ctx.metadata || `Topic ${id}`}
      description={
        <span className="flex flex-wrap items-center gap-2">
          <Badge variant="neutral">Topic {id}</Badge>
          <Badge variant="accent">{ctx.meta.category}</Badge>
          {ctx.meta.asset ? <Badge variant="neutral">{ctx.meta.asset}{ctx.meta.quote ? `/${ctx.meta.quote}` : ""}</Badge> : null}
          {horizon ? <Badge variant="neutral">horizon {horizon.label}</Badge> : null}
          <Badge variant="neutral">loss {ctx.lossMethod}</Badge>
          <Badge variant="neutral">epoch {ctx.epochLength} blocks</Badge>
        </span>
      }
      aside={<AsOf status={status} />}
    />
  );
  const controls = <TopicControls id={id} state={state} spec={spec} labels={ctx.labels} label={ctx.label} />;
  if (!win) {
    return (
      <>
        {header}
        {controls}
        <div className="mt-6">
          <Panel id="forecast" title="Forecast" asOf={asOf} description="Nothing indexed in this range.">
            <WarmingUp>No blocks have been indexed in this range yet; pick a longer range or wait for the collector.</WarmingUp>
          </Panel>
        </div>
      </>
    );
  }
  const [chart, wins, effects, boards, econ] = await Promise.all([
    getForecastChart(ctx, win, state.workers),
    getWins(ctx, win),
    getEffects(ctx, win),
    getLeaderboards(ctx, win, state.sort),
    getEconomics(ctx, win),
  ]);
  return (
    <>
      {header}
      {controls}
      <div className="mt-6 grid min-w-0 gap-6 lg:grid-cols-3 [&>*]:min-w-0">
        <div className="lg:col-span-2">
          <ForecastPanel chart={chart} asOf={asOf} unreachable={prices.state === "unreachable" ? prices.message : null} />
        </div>
        <CalibrationPanel coverage={chart.coverage} asOf={asOf} />
        <div className="lg:col-span-3">
          <WinsPanel wins={wins} lossMethod={ctx.lossMethod} asOf={asOf} />
        </div>
        <div className="lg:col-span-3">
          <RegimesPanel wins={wins} asOf={asOf} />
        </div>
        <div className="lg:col-span-3">
          <EffectsPanel effects={effects} asOf={asOf} />
        </div>
        <div className="lg:col-span-2">
          <Leaderboards id={id} boards={boards} state={state} asOf={asOf} />
        </div>
        <EconomicsPanel econ={econ} asOf={asOf} />
      </div>
    </>
  );
}
