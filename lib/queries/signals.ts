import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { readLedgerSeries } from "@/lib/queries/signal-sources";
import { parseTopicMetadata } from "@/lib/forecast/topic-meta";
import type { LedgerSeries } from "@/lib/signals/ledger";
import type { LedgerCall } from "@/lib/signals/topic-view";

export type BoardSignalDto = {
  topicId: string;
  metadata: string;
  asset: string | null;
  label: string;
  horizonSeconds: number;
  strategy: string;
  direction: string;
  /** Exact decimal strings from the ledger; null while the engine was warming up or inputs were missing. */
  expectedReturnBps: string | null;
  confidence: string | null;
  size: string;
  publishedHeight: string;
  publishedAt: string;
  /** Scored directional calls and how many had the called sign. */
  liveScored: number;
  liveHits: number;
};

/** The latest signal of every (topic, label, strategy) of the followed network, with its live record. */
export async function listCurrentSignals(): Promise<BoardSignalDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  const rows = await prisma.$queryRaw<(Omit<BoardSignalDto, "asset" | "liveScored" | "liveHits"> & { liveScored: number; liveHits: number; publishedAt: Date })[]>(Prisma.sql`
    WITH latest AS (
      SELECT DISTINCT ON (topic_id, label, strategy) * FROM signals WHERE network_id = ${networkId}
      ORDER BY topic_id, label, strategy, published_height DESC),
    record AS (
      SELECT topic_id, label, strategy,
        count(*) FILTER (WHERE direction <> 'flat' AND scored_at IS NOT NULL)::int AS scored,
        count(*) FILTER (WHERE (direction = 'long' AND return_bps > 0) OR (direction = 'short' AND return_bps < 0))::int AS hits
      FROM signals WHERE network_id = ${networkId} GROUP BY topic_id, label, strategy)
    SELECT l.topic_id::text AS "topicId", t.metadata, l.label, l.horizon_seconds AS "horizonSeconds", l.strategy, l.direction,
      l.expected_return_bps::text AS "expectedReturnBps", l.confidence::text AS confidence, l.size::text AS size,
      l.published_height::text AS "publishedHeight", l.published_at AS "publishedAt", r.scored AS "liveScored", r.hits AS "liveHits"
    FROM latest l JOIN record r USING (topic_id, label, strategy)
    LEFT JOIN topics t ON t.network_id = ${networkId} AND t.topic_id = l.topic_id
    ORDER BY l.topic_id, l.horizon_seconds, l.label, l.strategy`);
  return rows.map((r) => ({ ...r, metadata: r.metadata ?? "", asset: parseTopicMetadata(r.metadata ?? "").asset, publishedAt: r.publishedAt.toISOString() }));
}

export type TopicSignalsData = { topicId: string; metadata: string; labels: string[]; label: string; series: LedgerSeries; ledger: LedgerCall[] };

/** One topic's series and ledger; null when the topic is unknown or has nothing to trade (no price, no horizon). */
export async function getTopicSignals(topicId: bigint, wantedLabel: string | null): Promise<TopicSignalsData | null> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return null;
  const { prisma } = await getDb();
  const topic = await prisma.topic.findUnique({ where: { networkId_topicId: { networkId, topicId } }, select: { metadata: true } });
  if (!topic) return null;
  const all = await readLedgerSeries(networkId, topicId);
  const series = all.find((s) => s.label === wantedLabel) ?? all[0];
  if (!series) return null;
  const rows = await prisma.signal.findMany({
    where: { networkId, topicId, label: series.label },
    select: { publishedAt: true, strategy: true, direction: true, returnBps: true },
    orderBy: { publishedHeight: "asc" },
  });
  return {
    topicId: topicId.toString(),
    metadata: topic.metadata,
    labels: all.map((s) => s.label),
    label: series.label,
    series,
    ledger: rows.map((r) => ({
      publishedAt: r.publishedAt.getTime(),
      strategy: r.strategy,
      direction: r.direction as LedgerCall["direction"],
      // Display statistics only; the exact decimal stays in the ledger.
      returnBps: r.returnBps === null ? null : Number(r.returnBps.toFixed()),
    })),
  };
}
