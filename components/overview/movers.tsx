import Link from "next/link";
import type { OverviewTopicDto } from "@/lib/queries/overview-topics";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { asOfBlock } from "@/components/figures";

/** Topics whose network value moved most over 24 h, in standard deviations so prices, returns and volatilities compare. */
export function Movers({ topics, asOfHeight, limit = 5 }: { topics: OverviewTopicDto[]; asOfHeight: string | null; limit?: number }) {
  const movers = topics
    .filter((t) => t.moveSigma !== null)
    .sort((a, b) => Math.abs(b.moveSigma!) - Math.abs(a.moveSigma!))
    .slice(0, limit);
  return (
    <Card aria-labelledby="movers-title">
      <CardHeader>
        <CardTitle id="movers-title">Biggest movers, 24 h</CardTitle>
        <CardDescription>Change of the network value, in standard deviations of its own last 24 hours · {asOfBlock(asOfHeight)}</CardDescription>
      </CardHeader>
      <CardContent>
        {movers.length === 0 ? (
          <p className="text-sm text-muted-foreground">Warming up: fewer than four points in the last 24 hours for every topic.</p>
        ) : (
          <ol className="flex flex-col gap-2 text-sm">
            {movers.map((t) => (
              <li key={t.topicId} className="flex items-baseline justify-between gap-3">
                <Link href={`/topics/${t.topicId}`} className="min-w-0 truncate hover:underline focus-visible:underline">
                  {t.metadata || `Topic ${t.topicId}`}
                </Link>
                <span className="shrink-0 font-medium tabular-nums">
                  <span aria-hidden="true">{t.moveSigma! > 0 ? "▲ " : "▼ "}</span>
                  {t.moveSigma! > 0 ? "+" : "−"}
                  {Math.abs(t.moveSigma!).toFixed(1)}σ
                </span>
              </li>
            ))}
          </ol>
        )}
      </CardContent>
    </Card>
  );
}
