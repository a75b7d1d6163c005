import { getIndexStatus } from "@/lib/queries/status";
import { getOverview } from "@/lib/queries/overview";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { CompassIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { StatCard } from "@/components/overview/stat-card";
import { SectionLinks } from "@/components/overview/section-links";
import { formatDuration, formatInteger } from "@/components/format";

export const dynamic = "force-dynamic";

export default async function OverviewPage() {
  const [status, overview] = await Promise.all([getIndexStatus(), getOverview()]);
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
      ) : null}
      <h2 className="mt-10 mb-4 text-base font-semibold tracking-tight">Explore</h2>
      <SectionLinks />
    </>
  );
}
