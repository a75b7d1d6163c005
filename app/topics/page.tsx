import type { Metadata } from "next";
import { getIndexStatus } from "@/lib/queries/status";
import { listTopics } from "@/lib/queries/topics";
import { PageHeader } from "@/components/ui/page-header";
import { EmptyState } from "@/components/ui/empty-state";
import { LayersIcon } from "@/components/ui/icons";
import { AsOf } from "@/components/layout/as-of";
import { TopicTable } from "@/components/topics/topic-table";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Topics" };

export default async function TopicsPage() {
  const [status, topics] = await Promise.all([getIndexStatus(), listTopics()]);
  return (
    <>
      <PageHeader
        title="Topics"
        description="Each topic is one prediction objective. Workers submit inferences every epoch; the network combines them into one forecast."
        aside={<AsOf status={status} />}
      />
      {topics.length === 0 ? (
        <EmptyState
          icon={<LayersIcon />}
          title="No topics indexed yet — start the collector or run the demo"
          description="Every topic on the network will be listed here with its parameters, forecasts and how the combined prediction compares with its best single worker."
          command="npm run demo"
        />
      ) : (
        <TopicTable topics={topics} />
      )}
    </>
  );
}
