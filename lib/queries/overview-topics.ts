import "server-only";
import { getDb } from "@/lib/db";
import { parseTopicMetadata, type TopicMetadata } from "@/lib/forecast/topic-meta";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { getTopicEdges, heightSecondsAgoSql, type TopicEdgeDto } from "@/lib/queries/topic-edges";

export const SPARKLINE_POINTS = 48;
const DAY = 86_400;

export type SparkPointDto = { height: string; value: number };

export type OverviewTopicDto = {
  topicId: string;
  metadata: string;
  meta: TopicMetadata;
  /** The label shown: "y" on single-output topics, the first label otherwise. Null before any network inference. */
  label: string | null;
  /** Exact decimal string of the newest network inference, and the nonce (height) it is for. */
  latestValue: string | null;
  latestNonce: string | null;
  /** The last 24 h of network inferences for `label`, averaged into at most SPARKLINE_POINTS buckets (floats: drawing only). */
  sparkline: SparkPointDto[];
  /** Over the last 7 days; null when no loss bundle is indexed yet. */
  edge: TopicEdgeDto | null;
  /** Change over the sparkline's 24 h in standard deviations of its points; null with fewer than 4 points. */
  moveSigma: number | null;
};

export type OverviewTopicsDto = { asOfHeight: string | null; topics: OverviewTopicDto[] };

/** (last − first) / standard deviation of the points: a move that compares across prices, returns and volatilities. */
export function moveInSigmas(points: readonly number[]): number | null {
  if (points.length < 4) return null;
  const mean = points.reduce((a, b) => a + b, 0) / points.length;
  const sd = Math.sqrt(points.reduce((a, b) => a + (b - mean) ** 2, 0) / (points.length - 1));
  if (!(sd > 0)) return null;
  return (points[points.length - 1]! - points[0]!) / sd;
}

type LatestRow = { topic_id: string; metadata: string; label: string | null; value: string | null; nonce: string | null };
type BucketRow = { topic_id: string; h: string; v: number };

/** Active topics (and those whose activity the chain does not report) with their latest value, sparkline and edge. */
export async function getOverviewTopics(): Promise<OverviewTopicsDto> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return { asOfHeight: null, topics: [] };
  const { prisma } = await getDb();
  const [head] = await prisma.$queryRaw<{ h: bigint | null }[]>`SELECT max(height) AS h FROM blocks WHERE network_id = ${networkId}`;
  if (!head?.h) return { asOfHeight: null, topics: [] };

  const latest = await prisma.$queryRaw<LatestRow[]>`
    SELECT t.topic_id::text AS topic_id, t.metadata, l.label, v.value, v.nonce
      FROM topics t
      LEFT JOIN LATERAL (
        SELECT ni.label FROM network_inferences ni
         WHERE ni.network_id = t.network_id AND ni.topic_id = t.topic_id AND NOT ni.outlier_resistant
         ORDER BY ni.nonce DESC, (ni.label = 'y') DESC, ni.label LIMIT 1) l ON true
      LEFT JOIN LATERAL (
        SELECT ni.combined_value::text AS value, ni.nonce::text AS nonce FROM network_inferences ni
         WHERE ni.network_id = t.network_id AND ni.topic_id = t.topic_id AND NOT ni.outlier_resistant AND ni.label = l.label
         ORDER BY ni.nonce DESC LIMIT 1) v ON true
     WHERE t.network_id = ${networkId} AND t.is_active IS NOT FALSE
     ORDER BY t.topic_id`;

  // The day's bounds are read in the statement, not passed in: its parameters stay the same from batch to batch, so
  // the embedded database can answer it again while an ingest transaction runs (lib/db/pglite-reads.ts).
  const buckets = await prisma.$queryRaw<BucketRow[]>`
    -- MATERIALIZED: inlined, the label subquery re-ran for every inference row (1.1 s on a devnet week).
    WITH lbl AS MATERIALIZED (
      SELECT t.topic_id, (SELECT ni.label FROM network_inferences ni
                           WHERE ni.network_id = t.network_id AND ni.topic_id = t.topic_id AND NOT ni.outlier_resistant
                           ORDER BY ni.nonce DESC, (ni.label = 'y') DESC, ni.label LIMIT 1) AS label
        FROM topics t WHERE t.network_id = ${networkId} AND t.is_active IS NOT FALSE
    ), span AS MATERIALIZED (
      SELECT coalesce(${heightSecondsAgoSql(networkId, DAY)}, h.h) AS lo, h.h AS hi
        FROM (SELECT max(height) AS h FROM blocks WHERE network_id = ${networkId}) h
    )
    SELECT ni.topic_id::text AS topic_id, max(ni.block_height)::text AS h, avg(ni.combined_value)::float8 AS v
      FROM network_inferences ni JOIN lbl ON lbl.topic_id = ni.topic_id AND lbl.label = ni.label
     WHERE ni.network_id = ${networkId} AND NOT ni.outlier_resistant AND ni.block_height >= (SELECT lo FROM span)
     GROUP BY ni.topic_id, width_bucket(ni.block_height::numeric, (SELECT lo FROM span)::numeric, (SELECT hi + 1 FROM span)::numeric, ${SPARKLINE_POINTS}::int)
     ORDER BY ni.topic_id, max(ni.block_height)`;

  const edges = await getTopicEdges(networkId);
  const lines = new Map<string, SparkPointDto[]>();
  for (const b of buckets) {
    const line = lines.get(b.topic_id) ?? [];
    line.push({ height: b.h, value: b.v });
    lines.set(b.topic_id, line);
  }
  return {
    asOfHeight: head.h.toString(),
    topics: latest.map((r) => {
      const sparkline = lines.get(r.topic_id) ?? [];
      return {
        topicId: r.topic_id,
        metadata: r.metadata,
        meta: parseTopicMetadata(r.metadata),
        label: r.label,
        latestValue: r.value,
        latestNonce: r.nonce,
        sparkline,
        edge: edges.get(r.topic_id) ?? null,
        moveSigma: moveInSigmas(sparkline.map((p) => p.value)),
      };
    }),
  };
}
