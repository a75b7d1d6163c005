import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";

export type SignalDto = {
  topicId: string;
  strategy: string;
  publishedHeight: string;
  publishedAt: string;
  /** long | short | flat */
  direction: string;
  /** Exact decimal strings, as the chain reported them. */
  predictedValue: string;
  referenceValue: string | null;
  horizonSeconds: number;
  /** Null until the horizon has passed and the signal is scored. */
  realizedValue: string | null;
  returnBps: string | null;
  scoredAt: string | null;
};

/** The most recent signals of the followed network, newest first. */
export async function listSignals(limit = 50): Promise<SignalDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  const signals = await prisma.signal.findMany({
    where: { networkId },
    orderBy: [{ publishedAt: "desc" }, { topicId: "asc" }],
    take: limit,
  });
  return signals.map((s) => ({
    topicId: s.topicId.toString(),
    strategy: s.strategy,
    publishedHeight: s.publishedHeight.toString(),
    publishedAt: s.publishedAt.toISOString(),
    direction: s.direction,
    predictedValue: s.predictedValue.toFixed(),
    referenceValue: s.referenceValue?.toFixed() ?? null,
    horizonSeconds: s.horizonSeconds,
    realizedValue: s.realizedValue?.toFixed() ?? null,
    returnBps: s.returnBps?.toFixed() ?? null,
    scoredAt: s.scoredAt?.toISOString() ?? null,
  }));
}
