import Link from "next/link";
import type { OverviewTopicDto } from "@/lib/queries/overview-topics";
import { MIN_EDGE_EPOCHS } from "@/lib/queries/topic-edges";
import { Badge } from "@/components/ui/badge";
import { Sparkline } from "@/components/charts/sparkline";
import { EdgeFigure, Missing, asOfBlock, formatDecimal } from "@/components/figures";

const CATEGORY: Record<string, string> = { price: "Price", "log-return": "Log return", volatility: "Volatility", other: "Other" };

/** One card per active topic: what it predicts, the latest network value, its last 24 h and its edge over 7 days. */
export function TopicCards({ topics, asOfHeight }: { topics: OverviewTopicDto[]; asOfHeight: string | null }) {
  return (
    <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2 xl:grid-cols-3" aria-label="Active topics">
      {topics.map((t) => {
        const edge = t.edge;
        const warming = !edge || edge.epochs < MIN_EDGE_EPOCHS;
        return (
          <li key={t.topicId} className="flex flex-col gap-3 rounded-xl border bg-card p-4 shadow-xs dark:shadow-none">
            <div className="flex items-start justify-between gap-2">
              <Link href={`/topics/${t.topicId}`} className="min-w-0 font-medium hover:underline focus-visible:underline">
                <span className="text-muted-foreground tabular-nums">#{t.topicId}</span> {t.metadata || "Untitled topic"}
              </Link>
              <Badge>{CATEGORY[t.meta.category]}</Badge>
            </div>
            <div className="flex flex-wrap items-end justify-between gap-2">
              <div>
                <div className="text-xs text-muted-foreground">Network value{t.label && t.label !== "y" ? ` (${t.label})` : ""}</div>
                <div className="text-lg font-semibold tabular-nums" title={t.latestValue ?? undefined}>
                  {t.latestValue === null ? <Missing label="no network inference yet" /> : formatDecimal(t.latestValue)}
                </div>
              </div>
              <Sparkline
                points={t.sparkline}
                label={`Network value of topic ${t.topicId} over the last 24 hours, ${t.sparkline.length} points`}
              />
            </div>
            <dl className="grid grid-cols-2 gap-2 text-sm">
              <div>
                <dt className="text-xs text-muted-foreground">Edge vs naive, 7 d</dt>
                <dd>
                  <EdgeFigure edge={edge?.edgeVsNaive ?? null} winShare={edge?.winShareVsNaive ?? null} epochs={edge?.epochs ?? 0} warming={warming} versus="naive forecast" />
                </dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Edge vs best worker, 7 d</dt>
                <dd>
                  <EdgeFigure edge={edge?.edgeVsBest ?? null} winShare={edge?.winShareVsBest ?? null} epochs={edge?.epochs ?? 0} warming={warming} versus="best single inferer" />
                </dd>
              </div>
            </dl>
            <p className="mt-auto flex flex-wrap justify-between gap-x-3 text-xs text-muted-foreground">
              <span>{asOfBlock(t.latestNonce ? asOfHeight : null)}</span>
              {edge?.bestWorker && !warming ? (
                <Link href={`/workers/${edge.bestWorker}`} className="relative hover:text-foreground hover:underline" title={edge.bestWorker}>
                  best worker {edge.bestWorker.slice(0, 9)}…{edge.bestWorker.slice(-4)}
                  <span className="sr-only"> of topic {t.topicId}</span>
                </Link>
              ) : null}
            </p>
          </li>
        );
      })}
    </ul>
  );
}
