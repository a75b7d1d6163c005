import "server-only";
import { compareDec } from "@/lib/allora/decimal";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";
import { readBlockClock } from "@/lib/queries/staking-chain";
import { listReputerRates, windowStarts, type RealizedWindowDto } from "@/lib/queries/staking-rates";
import { scaledToDec, subScaled, toScaled } from "@/lib/staking/amounts";
import { medianDec, reputerWarnings } from "@/lib/staking/reputer-warnings";

export type ReputerRowDto = {
  topicId: string;
  reputer: string;
  /** uallo, exact integers. */
  selfStake: string;
  delegatedStake: string;
  totalStake: string;
  stakeAsOfHeight: string;
  emaScore: string | null;
  emaScoreHeight: string | null;
  /** EMA score now minus 3 epochs ago; null with fewer scores. */
  emaChange: string | null;
  /** 1 = best EMA score in the topic; null without a score. */
  scoreRank: number | null;
  /** The topic's median EMA score, to compare against. */
  topicMedianScore: string | null;
  delegatorCount: number;
  removals7d: { count: number; amount: string };
  pendingRemoval: string;
  realized: RealizedWindowDto[];
  warnings: string[];
};

export type TopicReputersDto = { topicId: string; asOfHeight: string | null; rows: ReputerRowDto[] };

type StakeRow = { reputer: string; self: string; delegated: string; height: string; first: string };
type ScoreRow = { reputer: string; height: string; score: string };
type CountRow = { reputer: string; delegators: number; removals: number; removed: string; pending: string };

/** Every reputer with stake in a topic, with its record and the topic's other reputers to compare against. */
export async function listTopicReputers(topicId: bigint): Promise<TopicReputersDto> {
  const networkId = await findFollowedNetworkId();
  const empty = { topicId: topicId.toString(), asOfHeight: null, rows: [] };
  if (networkId === null) return empty;
  const clock = await readBlockClock(networkId);
  if (!clock) return empty;
  const { prisma } = await getDb();
  const starts = await windowStarts(networkId, clock);
  const since = starts[0]!.height ?? -1n;
  const [stakes, scores, counts, rates] = await Promise.all([
    prisma.$queryRaw<StakeRow[]>`
      SELECT DISTINCT ON (reputer) reputer, self_stake::text AS self, delegated_stake::text AS delegated,
        block_height::text AS height, (min(block_height) OVER (PARTITION BY reputer))::text AS first
      FROM reputer_stakes WHERE network_id = ${networkId} AND topic_id = ${topicId}
      ORDER BY reputer, block_height DESC`,
    prisma.$queryRaw<ScoreRow[]>`
      SELECT address AS reputer, block_height::text AS height, score::text AS score FROM (
        SELECT address, block_height, score, row_number() OVER (PARTITION BY address ORDER BY block_height DESC) AS rn
        FROM scores WHERE network_id = ${networkId} AND topic_id = ${topicId} AND actor_type = 'reputer' AND kind = 'ema') s
      WHERE rn <= 4 ORDER BY address, block_height DESC`,
    prisma.$queryRaw<CountRow[]>`
      WITH live AS (
        SELECT DISTINCT ON (reputer, delegator) reputer, delegator, amount, ended_at_height FROM delegator_placements
        WHERE network_id = ${networkId} AND topic_id = ${topicId} ORDER BY reputer, delegator, block_height DESC),
      d AS (SELECT reputer, count(*)::int AS delegators FROM live WHERE amount > 0 AND ended_at_height IS NULL GROUP BY reputer),
      r AS (
        SELECT reputer, count(*) FILTER (WHERE requested_height > ${since})::int AS removals,
          COALESCE(sum(amount) FILTER (WHERE requested_height > ${since}), 0)::text AS removed,
          COALESCE(sum(amount) FILTER (WHERE status = 'pending' AND completion_height > ${clock.height}), 0)::text AS pending
        FROM stake_removals WHERE network_id = ${networkId} AND topic_id = ${topicId} GROUP BY reputer)
      SELECT COALESCE(d.reputer, r.reputer) AS reputer, COALESCE(d.delegators, 0) AS delegators, COALESCE(r.removals, 0) AS removals,
        COALESCE(r.removed, '0') AS removed, COALESCE(r.pending, '0') AS pending
      FROM d FULL JOIN r ON r.reputer = d.reputer`,
    listReputerRates(networkId, { topicId }, [starts[0]!, starts[1]!]),
  ]);
  const scoresOf = new Map<string, ScoreRow[]>();
  for (const s of scores) scoresOf.set(s.reputer, [...(scoresOf.get(s.reputer) ?? []), s]);
  const countOf = new Map(counts.map((c) => [c.reputer, c]));
  const rateOf = new Map(rates.map((r) => [r.reputer, r]));
  const latestScores = stakes.map((s) => scoresOf.get(s.reputer)?.[0]?.score).filter((v): v is string => v !== undefined);
  const ranked = [...latestScores].sort((x, y) => compareDec(y, x));
  const median = medianDec(latestScores);
  const rows = stakes.map((s): ReputerRowDto => {
    const own = scoresOf.get(s.reputer) ?? [];
    const c = countOf.get(s.reputer);
    const total = BigInt(s.self) + BigInt(s.delegated);
    const pending = BigInt(c?.pending ?? "0");
    const latest = own[0];
    const oldest = own.length === 4 ? own[3] : undefined;
    return {
      topicId: topicId.toString(),
      reputer: s.reputer,
      selfStake: s.self,
      delegatedStake: s.delegated,
      totalStake: total.toString(),
      stakeAsOfHeight: s.height,
      emaScore: latest?.score ?? null,
      emaScoreHeight: latest?.height ?? null,
      emaChange: latest && oldest ? scaledToDec(subScaled(toScaled(latest.score), toScaled(oldest.score))) : null,
      scoreRank: latest ? ranked.indexOf(latest.score) + 1 : null,
      topicMedianScore: median,
      delegatorCount: c?.delegators ?? 0,
      removals7d: { count: c?.removals ?? 0, amount: c?.removed ?? "0" },
      pendingRemoval: pending.toString(),
      realized: rateOf.get(s.reputer)?.windows ?? [],
      warnings: reputerWarnings({
        recentEmaScores: own.map((o) => o.score),
        totalStake: total,
        pendingRemoval: pending,
        youngerThanWindow: starts[0]!.height === null || BigInt(s.first) > starts[0]!.height,
        windowDays: starts[0]!.days,
      }),
    };
  });
  return { topicId: topicId.toString(), asOfHeight: clock.height.toString(), rows };
}
