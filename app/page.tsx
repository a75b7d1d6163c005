import { getIndexStatus } from "@/lib/queries/status";
import { getOverview } from "@/lib/queries/overview";
import { getOverviewTopics } from "@/lib/queries/overview-topics";
import { getTokenomics } from "@/lib/queries/tokenomics";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CompassIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { StatCard } from "@/components/overview/stat-card";
import { SectionLinks } from "@/components/overview/section-links";
import { TopicCards } from "@/components/overview/topic-cards";
import { Movers } from "@/components/overview/movers";
import { TokenomicsPanel } from "@/components/overview/tokenomics-panel";
import { formatDuration, formatInteger } from "@/components/format";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const [status, overview, active, tokenomics] = await Promise.all([getIndexStatus(), getOverview(), getOverviewTopics(), getTokenomics()]);
  const { counts } = overview;
  const count = (n: number | undefined) => (n === undefined ? null : formatInteger(String(n)));
  const asOf = overview.asOfHeight ? `as of block ${formatInteger(overview.asOfHeight)}` : "not indexed yet";

  return (
    <>
      <PageHeader
        title="Overview"
        description="The Allora network at a glance: its topics, the workers and reputers serving them, and the validators securing the chain."
        aside={<AsOf status={status} />}
      />
      <dl className="grid grid-cols-2 gap-3 sm:gap-4 lg:grid-cols-5">
        <StatCard label="Topics" value={count(counts?.topics)} caption={asOf} />
        <StatCard label="Workers" value={count(counts?.workers)} caption={asOf} />
        <StatCard label="Reputers" value={count(counts?.reputers)} caption={asOf} />
        <StatCard label="Validators" value={count(counts?.validators)} caption={asOf} />
        <StatCard
          className="col-span-2 lg:col-span-1"
          label="Latest block"
          value={status.indexedHeight ? formatInteger(status.indexedHeight) : null}
          caption={status.lagSeconds !== null ? `${formatDuration(status.lagSeconds)} behind` : "not indexed yet"}
        />
      </dl>
      {counts === null ? (
        <EmptyState
          className="mt-8"
          icon={<CompassIcon />}
          title="Nothing indexed yet — start the collector or run the demo"
          description="Once the collector has read its first block, these figures fill in, each stamped with the block it is as of."
          command="npm run demo"
        />
      ) : (
        <>
          <section aria-labelledby="active-topics" className="mt-10">
            <div className="mb-4 flex flex-wrap items-baseline justify-between gap-2">
              <h2 id="active-topics" className="text-base font-semibold tracking-tight">
                Active topics
              </h2>
              <p className="text-xs text-muted-foreground">
                Edges from the chain&apos;s own network losses over 7 days · {asOf}
              </p>
            </div>
            {active.topics.length === 0 ? (
              <p className="text-sm text-muted-foreground">No active topic indexed yet.</p>
            ) : (
              <TopicCards topics={active.topics} asOfHeight={active.asOfHeight} />
            )}
          </section>
          <div className="mt-8 grid grid-cols-1 gap-4 lg:grid-cols-2">
            <Movers topics={active.topics} asOfHeight={active.asOfHeight} />
            <TokenomicsPanel tokenomics={tokenomics} />
          </div>
        </>
      )}
      <h2 className="mt-10 mb-4 text-base font-semibold tracking-tight">Explore</h2>
      <SectionLinks />
    </>
  );
}
