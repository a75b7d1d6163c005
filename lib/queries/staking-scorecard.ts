import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { listTopicReputers, type ReputerRowDto } from "@/lib/queries/staking-reputers";

export type ScorePointDto = { height: string; score: string };

export type ReputerTopicCardDto = {
  row: ReputerRowDto;
  reputerCount: number;
  /** EMA scores over time, oldest first (at most SCORE_POINTS). */
  scores: ScorePointDto[];
};

export type RemovalDto = {
  topicId: string;
  delegator: string;
  amount: string;
  requestedHeight: string;
  completionHeight: string;
  status: string;
};

export type ReputerScorecardDto = {
  address: string;
  asOfHeight: string | null;
  topics: ReputerTopicCardDto[];
  recentRemovals: RemovalDto[];
};

export const SCORE_POINTS = 120;

/** A reputer's record in every topic it has stake in: the directory row, its rank and its EMA score history. */
export async function getReputerScorecard(address: string): Promise<ReputerScorecardDto> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return { address, asOfHeight: null, topics: [], recentRemovals: [] };
  const { prisma } = await getDb();
  const topicIds = await prisma.$queryRaw<{ topicId: string }[]>`
    SELECT DISTINCT topic_id::text AS "topicId" FROM reputer_stakes WHERE network_id = ${networkId} AND reputer = ${address}
    ORDER BY 1`;
  const [directories, scores, removals] = await Promise.all([
    Promise.all(topicIds.map((t) => listTopicReputers(BigInt(t.topicId)))),
    prisma.$queryRaw<(ScorePointDto & { topicId: string })[]>`
      SELECT "topicId", height, score FROM (
        SELECT topic_id::text AS "topicId", block_height::text AS height, score::text AS score, block_height,
          row_number() OVER (PARTITION BY topic_id ORDER BY block_height DESC) AS rn
        FROM scores WHERE network_id = ${networkId} AND address = ${address} AND actor_type = 'reputer' AND kind = 'ema') s
      WHERE rn <= ${SCORE_POINTS} ORDER BY "topicId", block_height`,
    prisma.$queryRaw<RemovalDto[]>`
      SELECT topic_id::text AS "topicId", delegator, amount::text AS amount, requested_height::text AS "requestedHeight",
        completion_height::text AS "completionHeight", status
      FROM stake_removals WHERE network_id = ${networkId} AND reputer = ${address}
      ORDER BY requested_height DESC LIMIT 20`,
  ]);
  const topics = directories.flatMap((d): ReputerTopicCardDto[] => {
    const row = d.rows.find((r) => r.reputer === address);
    if (!row) return [];
    return [{ row, reputerCount: d.rows.length, scores: scores.filter((s) => s.topicId === d.topicId).map(({ height, score }) => ({ height, score })) }];
  });
  return { address, asOfHeight: directories[0]?.asOfHeight ?? null, topics, recentRemovals: removals };
}

export type TopicOptionDto = { topicId: string; metadata: string };

/** Topics to choose from in the reputer directory, and to resolve a topic name typed in the search. */
export async function listTopicOptions(): Promise<TopicOptionDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  const topics = await prisma.topic.findMany({ where: { networkId }, orderBy: { topicId: "asc" }, select: { topicId: true, metadata: true } });
  return topics.map((t) => ({ topicId: t.topicId.toString(), metadata: t.metadata }));
}
