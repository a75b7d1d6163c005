import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { heightSecondsAgo } from "@/lib/queries/topic-edges";

/** allo1 + bech32 characters: a 20-byte account (38) up to a 32-byte one (58). Shape only: the devnet's are not checksummed. */
const ADDRESS = /^allo1[02-9ac-hj-np-z]{38,58}$/;

export function isWorkerAddress(address: string): boolean {
  return ADDRESS.test(address);
}

export const SCORE_POINTS = 60;

export type WorkerTopicDto = {
  topicId: string;
  metadata: string;
  /** Null when the worker was never seen registering (e.g. the window started after it did). */
  registeredHeight: string | null;
  registered: boolean;
  /** Latest EMA score as inferer and as forecaster (exact decimals), with the height each is as of. */
  infererScore: { value: string; height: string } | null;
  forecasterScore: { value: string; height: string } | null;
  /** uallo (a Dec on chain), exact: all indexed rewards, and those of the last 7 days. */
  rewardsTotal: string | null;
  rewardsWeek: string | null;
  /** Epochs of the last 7 days whose network inference included this worker, and all network inferences then. */
  includedEpochs: number;
  topicEpochs: number;
};

export type ScoreSeriesDto = { topicId: string; actorType: "inferer" | "forecaster"; points: { height: string; value: number }[] };

export type WorkerDto = {
  address: string;
  firstSeenHeight: string;
  lastSeenHeight: string;
  isReputer: boolean;
  asOfHeight: string;
  topics: WorkerTopicDto[];
  scores: ScoreSeriesDto[];
};

type TopicRow = {
  topic_id: string; metadata: string | null; reg: string | null; current: boolean | null;
  inf_score: string | null; inf_h: string | null; fc_score: string | null; fc_h: string | null;
  total: string | null; week: string | null; included: number; epochs: number;
};

/** Null when the address never acted as a worker on the followed network (the page answers 404). */
export async function getWorker(address: string): Promise<WorkerDto | null> {
  if (!isWorkerAddress(address)) return null;
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return null;
  const { prisma } = await getDb();
  const [actor] = await prisma.$queryRaw<{ first: string; last: string; is_reputer: boolean; head: string | null }[]>`
    SELECT first_seen_height::text AS first, last_seen_height::text AS last, is_reputer,
           (SELECT max(height)::text FROM blocks WHERE network_id = ${networkId}) AS head
      FROM actors WHERE network_id = ${networkId} AND address = ${address} AND is_worker`;
  if (!actor?.head) return null;
  const week = (await heightSecondsAgo(networkId, 7 * 86_400)) ?? BigInt(actor.head);

  const topics = await prisma.$queryRaw<TopicRow[]>`
    WITH regs AS (
      SELECT topic_id, min(registered_height) AS reg, bool_or(unregistered_height IS NULL) AS current FROM registrations
       WHERE network_id = ${networkId} AND address = ${address} AND role = 'worker' GROUP BY topic_id
    ), sc AS (
      SELECT DISTINCT ON (topic_id, actor_type) topic_id, actor_type, score, block_height FROM scores
       WHERE network_id = ${networkId} AND address = ${address} AND kind = 'ema' AND actor_type IN ('inferer', 'forecaster')
       ORDER BY topic_id, actor_type, block_height DESC
    ), rw AS (
      SELECT topic_id, sum(amount) AS total, sum(amount) FILTER (WHERE block_height >= ${week}) AS week FROM rewards
       WHERE network_id = ${networkId} AND address = ${address} AND actor_type IN ('inferer', 'forecaster') GROUP BY topic_id
    ), inc AS (
      SELECT topic_id, count(DISTINCT nonce)::int AS n FROM network_inference_values
       WHERE network_id = ${networkId} AND actor = ${address} AND kind IN ('inferer', 'forecaster') AND nonce >= ${week}
       GROUP BY topic_id
    ), ids AS (
      SELECT topic_id FROM regs UNION SELECT topic_id FROM sc UNION SELECT topic_id FROM rw UNION SELECT topic_id FROM inc
    )
    SELECT ids.topic_id::text AS topic_id, t.metadata, regs.reg::text AS reg, regs.current,
           si.score::text AS inf_score, si.block_height::text AS inf_h, sf.score::text AS fc_score, sf.block_height::text AS fc_h,
           rw.total::text AS total, rw.week::text AS week, COALESCE(inc.n, 0) AS included,
           (SELECT count(DISTINCT ni.nonce)::int FROM network_inferences ni
             WHERE ni.network_id = ${networkId} AND ni.topic_id = ids.topic_id AND ni.nonce >= ${week} AND NOT ni.outlier_resistant) AS epochs
      FROM ids
      LEFT JOIN topics t ON t.network_id = ${networkId} AND t.topic_id = ids.topic_id
      LEFT JOIN regs ON regs.topic_id = ids.topic_id
      LEFT JOIN sc si ON si.topic_id = ids.topic_id AND si.actor_type = 'inferer'
      LEFT JOIN sc sf ON sf.topic_id = ids.topic_id AND sf.actor_type = 'forecaster'
      LEFT JOIN rw ON rw.topic_id = ids.topic_id
      LEFT JOIN inc ON inc.topic_id = ids.topic_id
     ORDER BY ids.topic_id`;

  const buckets = await prisma.$queryRaw<{ topic_id: string; actor_type: "inferer" | "forecaster"; h: string; v: number }[]>`
    WITH s AS (
      SELECT topic_id, actor_type, block_height, score FROM scores
       WHERE network_id = ${networkId} AND address = ${address} AND kind = 'ema' AND actor_type IN ('inferer', 'forecaster')
    ), r AS (SELECT min(block_height) AS lo, max(block_height) + 1 AS hi FROM s)
    SELECT s.topic_id::text AS topic_id, s.actor_type, max(s.block_height)::text AS h, avg(s.score)::float8 AS v
      FROM s CROSS JOIN r
     GROUP BY s.topic_id, s.actor_type, width_bucket(s.block_height::numeric, r.lo::numeric, r.hi::numeric, ${SCORE_POINTS}::int)
     ORDER BY s.topic_id, s.actor_type, max(s.block_height)`;
  const series = new Map<string, ScoreSeriesDto>();
  for (const b of buckets) {
    const key = `${b.topic_id}|${b.actor_type}`;
    const entry = series.get(key) ?? { topicId: b.topic_id, actorType: b.actor_type, points: [] };
    entry.points.push({ height: b.h, value: b.v });
    series.set(key, entry);
  }

  return {
    address,
    firstSeenHeight: actor.first,
    lastSeenHeight: actor.last,
    isReputer: actor.is_reputer,
    asOfHeight: actor.head,
    topics: topics.map((r) => ({
      topicId: r.topic_id,
      metadata: r.metadata ?? "",
      registeredHeight: r.reg,
      registered: r.current === true,
      infererScore: r.inf_score && r.inf_h ? { value: r.inf_score, height: r.inf_h } : null,
      forecasterScore: r.fc_score && r.fc_h ? { value: r.fc_score, height: r.fc_h } : null,
      rewardsTotal: r.total,
      rewardsWeek: r.week,
      includedEpochs: r.included,
      topicEpochs: r.epochs,
    })),
    scores: [...series.values()],
  };
}
