import type { Metadata } from "next";
import { getIndexStatus } from "@/lib/queries/status";
import { getTopicDirectory } from "@/lib/queries/topic-directory";
import { applyDirectoryView, assetsOf, parseDirectoryView } from "@/lib/forecast/directory-view";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { LayersIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { TopicTable } from "@/components/topics/topic-table";
import { DirectoryFilters } from "@/components/topics/directory-filters";
import { asOfBlock } from "@/components/figures";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const view = parseDirectoryView(await searchParams);
  const [status, directory] = await Promise.all([getIndexStatus(), getTopicDirectory()]);
  const shown = applyDirectoryView(directory.topics, view);
  return (
    <>
      <PageHeader
        title="Topics"
        description="Each topic is one prediction objective. Workers submit inferences every epoch; the network combines them into one forecast."
        aside={<AsOf status={status} />}
      />
      {directory.topics.length === 0 ? (
        <EmptyState
          icon={<LayersIcon />}
          title="No topics indexed yet — start the collector or run the demo"
          description="Every topic on the network will be listed here with its parameters, forecasts and how the combined prediction compares with its best single worker."
          command="npm run demo"
        />
      ) : (
        <>
          <DirectoryFilters view={view} assets={assetsOf(directory.topics)} shown={shown.length} total={directory.topics.length} />
          {shown.length === 0 ? (
            <p className="rounded-xl border bg-card p-6 text-sm text-muted-foreground">No topic matches these filters.</p>
          ) : (
            <TopicTable topics={shown} view={view} />
          )}
          <p className="mt-3 text-xs text-muted-foreground">
            Edges: 1 − network loss ÷ reference loss over the epochs of the last 7 days (in whole hours) of the chain&apos;s
            own loss bundles (the topic&apos;s loss method); &ldquo;wins&rdquo; is the share of epochs the network&apos;s loss
            was lower. The best worker is the inferer with the lowest loss over those 7 days, {asOfBlock(directory.asOfHeight)}.
          </p>
        </>
      )}
    </>
  );
}
