import "server-only";
import { getDb } from "@/lib/db";

// Does the network beat the naive forecast and its best single inferer? Read from the chain's own network loss
// bundles (reputer = ''): no outside price needed. The loss is the topic's own loss method, as the chain computed it.

/** Fewer settled epochs than this in the window and a topic is "warming up": no edge is shown. */
export const MIN_EDGE_EPOCHS = 3;

export type TopicEdgeDto = {
  topicId: string;
  /** Network loss bundles in the window. */
  epochs: number;
  /** 1 − mean(network loss) / mean(naive loss) over the epochs with both, as an exact decimal string; positive = the
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

/** The first indexed height whose block is at most `seconds` older than the newest indexed block. */
export async function heightSecondsAgo(networkId: number, seconds: number): Promise<bigint | null> {
  const { prisma } = await getDb();
  const [row] = await prisma.$queryRaw<{ h: bigint | null }[]>`
    SELECT min(height) AS h FROM blocks
     WHERE network_id = ${networkId}
       AND time >= (SELECT max(time) FROM blocks WHERE network_id = ${networkId}) - make_interval(secs => ${seconds})`;
  return row?.h ?? null;
}

type EdgeRow = {
  topic_id: string; epochs: number; edge_naive: string | null; wins_naive: number; naive_n: number;
  best: string | null; edge_best: string | null; wins_best: number; best_n: number;
};

/** Edges of every topic over the loss bundles set at or after `fromHeight`. */
export async function getTopicEdges(networkId: number, fromHeight: bigint): Promise<Map<string, TopicEdgeDto>> {
  const { prisma } = await getDb();
  const rows = await prisma.$queryRaw<EdgeRow[]>`
    WITH nb AS (
      SELECT topic_id, nonce, combined_value AS net, naive_value AS naive
        FROM loss_bundles WHERE network_id = ${networkId} AND reputer = '' AND block_height >= ${fromHeight}
    ), epochs AS (
      SELECT topic_id, count(*)::int AS n FROM nb GROUP BY topic_id
    ), per_worker AS (
      SELECT lv.topic_id, lv.actor, avg(lv.value) AS m, count(*)::int AS c
        FROM loss_values lv JOIN nb ON nb.topic_id = lv.topic_id AND nb.nonce = lv.nonce
       WHERE lv.network_id = ${networkId} AND lv.reputer = '' AND lv.kind = 'inferer' AND lv.peer = ''
       GROUP BY lv.topic_id, lv.actor
    ), best AS (
      SELECT DISTINCT ON (pw.topic_id) pw.topic_id, pw.actor
        FROM per_worker pw JOIN epochs e ON e.topic_id = pw.topic_id
       WHERE pw.c * 2 >= e.n
       ORDER BY pw.topic_id, pw.m ASC, pw.actor
    ), joined AS (
      SELECT nb.topic_id, nb.net, nb.naive, best.actor AS best, lv.value AS best_loss
        FROM nb
        LEFT JOIN best ON best.topic_id = nb.topic_id
        LEFT JOIN loss_values lv ON lv.network_id = ${networkId} AND lv.topic_id = nb.topic_id AND lv.nonce = nb.nonce
             AND lv.reputer = '' AND lv.kind = 'inferer' AND lv.peer = '' AND lv.actor = best.actor
    )
    SELECT topic_id::text AS topic_id, count(*)::int AS epochs,
           CASE WHEN avg(net) FILTER (WHERE naive IS NOT NULL) > 0 AND avg(naive) > 0
                THEN (1 - avg(net) FILTER (WHERE naive IS NOT NULL) / avg(naive))::text END AS edge_naive,
           count(*) FILTER (WHERE net < naive)::int AS wins_naive, count(naive)::int AS naive_n,
           max(best) AS best,
           CASE WHEN avg(net) FILTER (WHERE best_loss IS NOT NULL) > 0 AND avg(best_loss) > 0
                THEN (1 - avg(net) FILTER (WHERE best_loss IS NOT NULL) / avg(best_loss))::text END AS edge_best,
           count(*) FILTER (WHERE net < best_loss)::int AS wins_best, count(best_loss)::int AS best_n
      FROM joined GROUP BY topic_id`;
  const edges = new Map<string, TopicEdgeDto>();
  for (const r of rows) {
    const warm = r.epochs >= MIN_EDGE_EPOCHS;
    edges.set(r.topic_id, {
      topicId: r.topic_id,
      epochs: r.epochs,
      edgeVsNaive: warm && r.naive_n >= MIN_EDGE_EPOCHS ? r.edge_naive : null,
      winShareVsNaive: warm && r.naive_n >= MIN_EDGE_EPOCHS ? r.wins_naive / r.naive_n : null,
      bestWorker: warm ? r.best : null,
      edgeVsBest: warm && r.best_n >= MIN_EDGE_EPOCHS ? r.edge_best : null,
      winShareVsBest: warm && r.best_n >= MIN_EDGE_EPOCHS ? r.wins_best / r.best_n : null,
    });
  }
  return edges;
}
