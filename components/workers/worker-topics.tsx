import Link from "next/link";
import type { WorkerTopicDto } from "@/lib/queries/worker";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Badge } from "@/components/ui/badge";
import { Table, Td, Th } from "@/components/ui/table";
import { AlloAmount, Missing, formatDecimal, formatShare } from "@/components/figures";
import { formatInteger } from "@/components/format";

function Score({ score }: { score: WorkerTopicDto["infererScore"] }) {
  if (!score) return <Missing label="no score" />;
  return (
    <span className="flex flex-col leading-tight">
      <span className="tabular-nums" title={score.value}>{formatDecimal(score.value)}</span>
      <span className="text-xs text-muted-foreground">block {formatInteger(score.height)}</span>
    </span>
  );
}

/** The worker's topics: registration, latest EMA scores, rewards and how often the network inference included it. */
export function WorkerTopics({ topics }: { topics: WorkerTopicDto[] }) {
  return (
    <Card aria-labelledby="worker-topics-title">
      <CardHeader>
        <CardTitle id="worker-topics-title">Topics</CardTitle>
        <CardDescription>Inclusion: epochs of the last 7 days whose network inference used this worker&apos;s values.</CardDescription>
      </CardHeader>
      <CardContent className="px-0 pb-0">
        <Table label="Worker topics">
          <thead>
            <tr>
              <Th>Topic</Th>
              <Th>Registration</Th>
              <Th className="text-right">EMA score (inferer)</Th>
              <Th className="text-right">EMA score (forecaster)</Th>
              <Th className="text-right">Rewards, 7 d (ALLO)</Th>
              <Th className="text-right">Rewards, all indexed (ALLO)</Th>
              <Th className="text-right">Inclusion, 7 d</Th>
            </tr>
          </thead>
          <tbody>
            {topics.map((t) => (
              <tr key={t.topicId}>
                <Td className="min-w-48 font-medium">
                  <Link href={`/topics/${t.topicId}`} className="hover:underline focus-visible:underline">
                    <span className="text-muted-foreground tabular-nums">#{t.topicId}</span> {t.metadata || "Untitled topic"}
                  </Link>
                </Td>
                <Td>
                  <Badge variant={t.registered ? "accent" : "neutral"}>{t.registered ? "Registered" : "Not registered"}</Badge>
                  {t.registeredHeight ? <span className="block text-xs text-muted-foreground">since block {formatInteger(t.registeredHeight)}</span> : null}
                </Td>
                <Td className="text-right"><Score score={t.infererScore} /></Td>
                <Td className="text-right"><Score score={t.forecasterScore} /></Td>
                <Td className="text-right"><AlloAmount uallo={t.rewardsWeek} digits={4} /></Td>
                <Td className="text-right"><AlloAmount uallo={t.rewardsTotal} digits={4} /></Td>
                <Td className="text-right tabular-nums">
                  {t.topicEpochs === 0 ? (
                    <Missing label="no network inference in the last 7 days" />
                  ) : (
                    <span className="flex flex-col leading-tight">
                      <span>{formatShare(t.includedEpochs / t.topicEpochs)}</span>
                      <span className="text-xs text-muted-foreground">{t.includedEpochs} of {t.topicEpochs}</span>
                    </span>
                  )}
                </Td>
              </tr>
            ))}
          </tbody>
        </Table>
      </CardContent>
    </Card>
  );
}
