import type { ScoreSeriesDto, WorkerTopicDto } from "@/lib/queries/worker";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Sparkline } from "@/components/charts/sparkline";

/** EMA scores over the indexed history, one small line per topic and role (bucketed by the server). */
export function WorkerScores({ series, topics }: { series: ScoreSeriesDto[]; topics: WorkerTopicDto[] }) {
  const name = new Map(topics.map((t) => [t.topicId, t.metadata]));
  return (
    <Card aria-labelledby="worker-scores-title" className="mt-6">
      <CardHeader>
        <CardTitle id="worker-scores-title">Scores over time</CardTitle>
        <CardDescription>EMA scores as the chain set them, averaged into at most 60 points per line.</CardDescription>
      </CardHeader>
      <CardContent>
        {series.length === 0 ? (
          <p className="text-sm text-muted-foreground">Warming up: no score set for this worker yet.</p>
        ) : (
          <ul className="grid grid-cols-1 gap-3 sm:grid-cols-2">
            {series.map((s) => {
              const label = `#${s.topicId} ${name.get(s.topicId) ?? ""} · ${s.actorType}`;
              return (
                <li key={`${s.topicId}-${s.actorType}`} className="flex flex-col gap-1 rounded-lg border p-3">
                  <span className="truncate text-sm">{label}</span>
                  <Sparkline points={s.points} label={`EMA score of this worker as ${s.actorType} in topic ${s.topicId}, ${s.points.length} points`} />
                </li>
              );
            })}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
