import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";

export type ReputerStakeDto = {
  topicId: string;
  reputer: string;
  /** uallo, exact integer strings. */
  selfStake: string;
  delegatedStake: string;
  /** The height this position is as of (its latest indexed change). */
  asOfHeight: string;
};

export type ValidatorDto = {
  operatorAddress: string;
  moniker: string;
  /** BOND_STATUS_BONDED | BOND_STATUS_UNBONDING | BOND_STATUS_UNBONDED */
  status: string;
  jailed: boolean;
  /** Bonded tokens in uallo, exact integer string. */
  tokens: string;
  /** Fraction as an exact decimal string, e.g. "0.05". */
  commissionRate: string;
  asOfHeight: string;
};

/** Each reputer's current stake per topic: the latest indexed row of every (topic, reputer), largest first; live only. */
export async function listReputerStakes(limit = 100): Promise<ReputerStakeDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  return prisma.$queryRaw<ReputerStakeDto[]>`
    SELECT "topicId", reputer, "selfStake", "delegatedStake", "asOfHeight"
    FROM (
      SELECT DISTINCT ON (topic_id, reputer)
        topic_id::text AS "topicId",
        reputer,
        self_stake::text AS "selfStake",
        delegated_stake::text AS "delegatedStake",
        block_height::text AS "asOfHeight",
        self_stake + delegated_stake AS total
      FROM reputer_stakes
      WHERE network_id = ${networkId}
      ORDER BY topic_id, reputer, block_height DESC
    ) latest
    -- A stake fully removed is no longer a position; its history stays in reputer_stakes.
    WHERE total > 0
    ORDER BY total DESC, "topicId", reputer
    LIMIT ${limit}`;
}

export async function listValidators(): Promise<ValidatorDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  const validators = await prisma.validator.findMany({
    where: { networkId },
    orderBy: [{ tokens: "desc" }, { operatorAddress: "asc" }],
  });
  return validators.map((v) => ({
    operatorAddress: v.operatorAddress,
    moniker: v.moniker,
    status: v.status,
    jailed: v.jailed,
    tokens: v.tokens.toFixed(),
    commissionRate: v.commissionRate.toFixed(),
    asOfHeight: v.updatedHeight.toString(),
  }));
}
