import "server-only";
import { getDb } from "@/lib/db";
import { parseTopicMetadata, type TopicCategory } from "@/lib/forecast/topic-meta";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { getTopicEdges, type TopicEdgeDto } from "@/lib/queries/topic-edges";

export type DirectoryTopicDto = {
  topicId: string;
  metadata: string;
  category: TopicCategory;
  asset: string | null;
  /** "8h", or "20m, 1h, 4h" for multi-horizon topics; null when the name states none. */
  horizon: string | null;
  /** Seconds of the shortest horizon, for sorting; null when none. */
  horizonSeconds: number | null;
  epochLength: string;
  lossMethod: string;
  /** Null on networks that do not report activity (v9): unknown, not inactive. */
  isActive: boolean | null;
  /** uallo, exact; null when not reported. */
  topicStake: string | null;
  /** Currently registered workers and reputers. */
  workers: number;
  reputers: number;
  latestValue: string | null;
  latestLabel: string | null;
  edge: TopicEdgeDto | null;
};

export type TopicDirectoryDto = { asOfHeight: string | null; topics: DirectoryTopicDto[] };

type Row = {
  topic_id: string; metadata: string; epoch_length: string; loss_method: string; is_active: boolean | null; topic_stake: string | null;
  workers: number; reputers: number; label: string | null; value: string | null;
};

/** Every topic with what the directory shows; filtering and sorting are done on the result (lib/forecast/directory-view). */
export async function getTopicDirectory(): Promise<TopicDirectoryDto> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return { asOfHeight: null, topics: [] };
  const { prisma } = await getDb();
  const [head] = await prisma.$queryRaw<{ h: bigint | null }[]>`SELECT max(height) AS h FROM blocks WHERE network_id = ${networkId}`;
  if (!head?.h) return { asOfHeight: null, topics: [] };
  const [rows, edges] = await Promise.all([
    prisma.$queryRaw<Row[]>`
      WITH regs AS (
        SELECT topic_id,
               count(DISTINCT address) FILTER (WHERE role = 'worker')::int AS workers,
               count(DISTINCT address) FILTER (WHERE role = 'reputer')::int AS reputers
          FROM registrations WHERE network_id = ${networkId} AND unregistered_height IS NULL GROUP BY topic_id
      )
      SELECT t.topic_id::text AS topic_id, t.metadata, t.epoch_length::text AS epoch_length, t.loss_method, t.is_active,
             t.topic_stake::text AS topic_stake, COALESCE(r.workers, 0) AS workers, COALESCE(r.reputers, 0) AS reputers,
             v.label, v.value
        FROM topics t
        LEFT JOIN regs r ON r.topic_id = t.topic_id
        LEFT JOIN LATERAL (
          SELECT ni.label, ni.combined_value::text AS value FROM network_inferences ni
           WHERE ni.network_id = t.network_id AND ni.topic_id = t.topic_id AND NOT ni.outlier_resistant
           ORDER BY ni.nonce DESC, (ni.label = 'y') DESC, ni.label LIMIT 1) v ON true
       WHERE t.network_id = ${networkId}
       ORDER BY t.topic_id`,
    getTopicEdges(networkId),
  ]);
  return {
    asOfHeight: head.h.toString(),
    topics: rows.map((r) => {
      const meta = parseTopicMetadata(r.metadata);
      return {
        topicId: r.topic_id,
        metadata: r.metadata,
        category: meta.category,
        asset: meta.asset,
        horizon: meta.horizons.length ? meta.horizons.map((h) => h.label).join(", ") : null,
        horizonSeconds: meta.horizons.length ? Math.min(...meta.horizons.map((h) => h.seconds)) : null,
        epochLength: r.epoch_length,
        lossMethod: r.loss_method,
        isActive: r.is_active,
        topicStake: r.topic_stake,
        workers: r.workers,
        reputers: r.reputers,
        latestValue: r.value,
        latestLabel: r.label,
        edge: edges.get(r.topic_id) ?? null,
      };
    }),
  };
}
