import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { realizedApr } from "@/lib/staking/apr";
import { rewardPer1000Allo } from "@/lib/staking/rewards";
import { heightAtOrBefore } from "@/lib/queries/staking-chain";

export type RealizedWindowDto = {
  days: number;
  /** uallo earned by 1,000 ALLO delegated over the window; null when the reputer is younger than the window. */
  rewardPer1000: string | null;
  /** Simple annualized rate as a fraction; null when rewardPer1000 is. */
  apr: string | null;
  fromHeight: string | null;
};

export type ReputerRatesDto = {
  topicId: string;
  reputer: string;
  rewardPerShare: string | null;
  windows: RealizedWindowDto[];
};

export type WindowStart = { days: number; height: bigint | null; seconds: bigint };

/** The first height of each look-back window (7 and 30 days before the newest block). */
export async function windowStarts(networkId: number, head: { height: bigint; timeMs: number }, days: number[] = [7, 30]): Promise<WindowStart[]> {
  return Promise.all(
    days.map(async (d) => {
      const height = await heightAtOrBefore(networkId, new Date(head.timeMs - d * 86_400_000));
      return { days: d, height, seconds: BigInt(d * 86_400) };
    }),
  );
}

type RateRow = { topicId: string; reputer: string; firstHeight: string; rpsNow: string | null; rpsA: string | null; rpsB: string | null };

/**
 * reward_per_share now and at the start of each window, per (topic, reputer). Before a reputer's first
 * distribution its reward_per_share is 0 on chain; before its first stake it did not exist (null, not 0).
 */
export async function listReputerRates(
  networkId: number,
  filter: { topicId?: bigint; reputer?: string },
  starts: [WindowStart, WindowStart],
): Promise<ReputerRatesDto[]> {
  const { prisma } = await getDb();
  const [a, b] = starts;
  const rows = await prisma.$queryRaw<RateRow[]>`
    WITH pairs AS (
      SELECT topic_id, reputer, min(block_height) AS first_height FROM reputer_stakes
      WHERE network_id = ${networkId}
        ${filter.topicId === undefined ? Prisma.empty : Prisma.sql`AND topic_id = ${filter.topicId}`}
        ${filter.reputer === undefined ? Prisma.empty : Prisma.sql`AND reputer = ${filter.reputer}`}
      GROUP BY topic_id, reputer)
    SELECT p.topic_id::text AS "topicId", p.reputer, p.first_height::text AS "firstHeight",
      (SELECT r.reward_per_share::text FROM reward_per_share r WHERE r.network_id = ${networkId} AND r.topic_id = p.topic_id
         AND r.reputer = p.reputer ORDER BY r.block_height DESC LIMIT 1) AS "rpsNow",
      (SELECT r.reward_per_share::text FROM reward_per_share r WHERE r.network_id = ${networkId} AND r.topic_id = p.topic_id
         AND r.reputer = p.reputer AND r.block_height <= ${a.height ?? -1n} ORDER BY r.block_height DESC LIMIT 1) AS "rpsA",
      (SELECT r.reward_per_share::text FROM reward_per_share r WHERE r.network_id = ${networkId} AND r.topic_id = p.topic_id
         AND r.reputer = p.reputer AND r.block_height <= ${b.height ?? -1n} ORDER BY r.block_height DESC LIMIT 1) AS "rpsB"
    FROM pairs p ORDER BY p.topic_id, p.reputer`;
  return rows.map((r) => {
    const now = r.rpsNow ?? "0";
    const windowOf = (start: WindowStart, rps: string | null): RealizedWindowDto => {
      const existed = start.height !== null && BigInt(r.firstHeight) <= start.height;
      const reward = existed ? rewardPer1000Allo(rps ?? "0", now) : null;
      return {
        days: start.days,
        rewardPer1000: reward === null ? null : reward.toString(),
        apr: realizedApr(reward, 1000n * 10n ** 18n, start.seconds),
        fromHeight: existed ? start.height!.toString() : null,
      };
    };
    return { topicId: r.topicId, reputer: r.reputer, rewardPerShare: r.rpsNow, windows: [windowOf(a, r.rpsA), windowOf(b, r.rpsB)] };
  });
}
