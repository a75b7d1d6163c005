import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import { wholeRangeBeforeSql } from "@/lib/queries/forecast/hours";

// Does the network beat the naive forecast and its best single inferer? Read from the chain's own network loss
// bundles (reputer = ''): no outside price needed. The loss is the topic's own loss method, as the chain computed it.

/** Fewer settled epochs than this in the window and a topic is "warming up": no edge is shown. */
export const MIN_EDGE_EPOCHS = 3;
/** The edges' window: 7 days. */
export const EDGE_WINDOW_SECONDS = 7 * 86_400;

export type TopicEdgeDto = {
  topicId: string;
  /** Network loss bundles in the window. */
  epochs: number;
  /** 1 − mean(network loss) / mean(naive loss) over the epochs with both, as a decimal string; positive = the
   * network's loss is lower. Null when warming up or when a mean is not positive (losses reported in log space). */
  edgeVsNaive: string | null;
  /** Share (0–1) of those epochs in which the network's loss was below the naive loss; valid in either loss reading. */
  winShareVsNaive: number | null;
  /** The inferer with the lowest mean loss over the window (in hindsight: a stricter bar than any live choice),
   * among those present in at least half of its epochs. */
  bestWorker: string | null;
  edgeVsBest: string | null;
  winShareVsBest: number | null;
};

/**
 * SQL for the first indexed height whose block is at most `seconds` older than the newest indexed block (NULL with no
 * blocks): a subquery, so a statement can read its window's start itself instead of taking it as a parameter.
 */
export const heightSecondsAgoSql = (networkId: number, seconds: number) => Prisma.sql`(
    -- By the time index (block time never decreases with height): min(height) walked the heights from the oldest.
    SELECT height FROM blocks
     WHERE network_id = ${networkId}
       AND time >= (SELECT max(time) FROM blocks WHERE network_id = ${networkId}) - make_interval(secs => ${seconds})
     ORDER BY time, height LIMIT 1)`;

/** The first indexed height whose block is at most `seconds` older than the newest indexed block. */
export async function heightSecondsAgo(networkId: number, seconds: number): Promise<bigint | null> {
  const { prisma } = await getDb();
  const [row] = await prisma.$queryRaw<{ h: bigint | null }[]>`SELECT ${heightSecondsAgoSql(networkId, seconds)} AS h`;
  return row?.h ?? null;
}

type EdgeRow = {
  topic_id: string; epochs: number; edge_naive: string | null; wins_naive: number; naive_n: number;
  best: string | null; edge_best: string | null; wins_best: number | null; best_n: number | null;
};

/**
 * Edges of every topic over the 7 days before the newest indexed block, in whole hours (the window starts at the
 * top of the hour 7 days back): read from the loss rollups (lib/ingest/rollups.ts), day rows inside the window and
 * hour rows at its ends, so the cost is a few rows per inferer whatever the history's length. Hours are those of the
 * epoch's nonce block.
 */
export async function getTopicEdges(networkId: number): Promise<Map<string, TopicEdgeDto>> {
  const { prisma } = await getDb();
  const edges = new Map<string, TopicEdgeDto>();
  // Bounds read by the statement (none without blocks: no rows), so its parameters stay the same as blocks arrive.
  const range = wholeRangeBeforeSql(Prisma.sql`(SELECT max(time) FROM blocks WHERE network_id = ${networkId})`, EDGE_WINDOW_SECONDS);
  const rows = await prisma.$queryRaw<EdgeRow[]>(Prisma.sql`
    WITH r AS (
      -- Per topic (OFFSET 0 keeps the LATERAL a primary-key probe): with no topic id the planner scanned the whole table.
      SELECT t.topic_id, x.role, x.actor, sum(x.n)::int AS n, sum(x.loss_sum) AS loss_sum, sum(x.wins)::int AS wins,
             sum(x.naive_sum) AS naive_sum, sum(x.naive_n)::int AS naive_n, sum(x.net_sum) AS net_sum, sum(x.net_n)::int AS net_n
        FROM topics t CROSS JOIN LATERAL (
          SELECT role, actor, n, loss_sum, wins, naive_sum, naive_n, net_sum, net_n FROM loss_hours
           WHERE network_id = ${networkId} AND topic_id = t.topic_id AND role IN ('network', 'inferer') AND ${range} OFFSET 0) x
       WHERE t.network_id = ${networkId}
       GROUP BY t.topic_id, x.role, x.actor
    ), net AS (
      SELECT * FROM r WHERE role = 'network' AND n > 0
    ), best AS (
      -- Present in at least half of the window's epochs, then the lowest mean loss (ties: the lower address).
      SELECT DISTINCT ON (r.topic_id) r.* FROM r JOIN net ON net.topic_id = r.topic_id
       WHERE r.role = 'inferer' AND r.n > 0 AND r.n * 2 >= net.n
       ORDER BY r.topic_id, r.loss_sum / r.n, r.actor
    )
    SELECT net.topic_id::text AS topic_id, net.n AS epochs,
           CASE WHEN net.net_sum / NULLIF(net.net_n, 0) > 0 AND net.naive_sum / NULLIF(net.naive_n, 0) > 0
                THEN (1 - (net.net_sum / net.net_n) / (net.naive_sum / net.naive_n))::text END AS edge_naive,
           net.wins AS wins_naive, net.naive_n,
           best.actor AS best,
           CASE WHEN best.net_sum / NULLIF(best.net_n, 0) > 0 AND best.loss_sum / best.n > 0
                THEN (1 - (best.net_sum / best.net_n) / (best.loss_sum / best.n))::text END AS edge_best,
           best.wins AS wins_best, best.n AS best_n
      FROM net LEFT JOIN best ON best.topic_id = net.topic_id`);
  for (const r of rows) {
    const warm = r.epochs >= MIN_EDGE_EPOCHS;
    const bestN = r.best_n ?? 0;
    edges.set(r.topic_id, {
      topicId: r.topic_id,
      epochs: r.epochs,
      edgeVsNaive: warm && r.naive_n >= MIN_EDGE_EPOCHS ? r.edge_naive : null,
      winShareVsNaive: warm && r.naive_n >= MIN_EDGE_EPOCHS ? r.wins_naive / r.naive_n : null,
      bestWorker: warm ? r.best : null,
      edgeVsBest: warm && bestN >= MIN_EDGE_EPOCHS ? r.edge_best : null,
      winShareVsBest: warm && bestN >= MIN_EDGE_EPOCHS ? (r.wins_best ?? 0) / bestN : null,
    });
  }
  return edges;
}
