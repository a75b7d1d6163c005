import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";

export type TopicSummaryDto = {
  topicId: string;
  /** The creator's free-text description, e.g. "ETH 10min Prediction". */
  metadata: string;
  lossMethod: string;
  /** Blocks per epoch. */
  epochLength: string;
  /** Null on networks that do not report activity (v9): unknown, not inactive. */
  isActive: boolean | null;
  /** Total stake in the topic in uallo, null when the chain has not reported it. */
  topicStake: string | null;
  /** Height of the last indexed change to this topic. */
  updatedHeight: string;
};

export async function listTopics(): Promise<TopicSummaryDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  const topics = await prisma.topic.findMany({
    where: { networkId },
    orderBy: { topicId: "asc" },
    select: {
      topicId: true,
      metadata: true,
      lossMethod: true,
      epochLength: true,
      isActive: true,
      topicStake: true,
      updatedHeight: true,
    },
  });
  return topics.map((t) => ({
    topicId: t.topicId.toString(),
    metadata: t.metadata,
    lossMethod: t.lossMethod,
    epochLength: t.epochLength.toString(),
    isActive: t.isActive,
    topicStake: t.topicStake ? t.topicStake.toFixed() : null,
    updatedHeight: t.updatedHeight.toString(),
  }));
}
