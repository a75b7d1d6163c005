import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { findFollowedNetworkId } from "@/lib/queries/network";

/**
 * A position that disappeared from the chain's state keeps its row, closed: `endedAtHeight` is the height of the read
 * that found it gone (it ended after `asOfHeight`, at or before that one) and `endReason` says how.
 */
type Closure = { endedAtHeight: string | null; endReason: string | null };

export type DelegationDto = Closure & {
  delegator: string;
  operatorAddress: string;
  /** Exact decimal string. */
  shares: string;
  /** uallo, exact integer string. */
  amount: string;
  /** The last height this delegation was read from the chain. */
  asOfHeight: string;
};

export type UnbondingDto = Closure & {
  delegator: string;
  operatorAddress: string;
  creationHeight: string;
  /** ISO time at which the tokens are released. */
  completionTime: string;
  initialBalance: string;
  balance: string;
  /** pending while live; completed or cancelled once ended. */
  status: string;
  asOfHeight: string;
};

export type PlacementDto = Closure & {
  topicId: string;
  reputer: string;
  delegator: string;
  /** Exact decimal strings, as the chain sends them. */
  amount: string;
  rewardDebt: string;
  asOfHeight: string;
};

export type PositionFilter = {
  delegator?: string;
  /** Validator operator address (delegations, unbondings) or reputer (placements). */
  target?: string;
  /** Include ended positions: the history rather than the current state. */
  includeEnded?: boolean;
  limit?: number;
};

const filters = (column: string, f: PositionFilter) => {
  const parts = [
    f.delegator === undefined ? Prisma.empty : Prisma.sql` AND delegator = ${f.delegator}`,
    f.target === undefined ? Prisma.empty : Prisma.sql` AND ${Prisma.raw(column)} = ${f.target}`,
    f.includeEnded ? Prisma.empty : Prisma.sql` AND ended_at_height IS NULL`,
  ];
  return Prisma.join(parts, "");
};

/** Validator delegations, live only unless `includeEnded`; largest first. */
export async function listDelegations(f: PositionFilter = {}): Promise<DelegationDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  return prisma.$queryRaw<DelegationDto[]>`
    SELECT delegator, operator_address AS "operatorAddress", shares::text AS shares, amount::text AS amount,
      updated_height::text AS "asOfHeight", ended_at_height::text AS "endedAtHeight", end_reason AS "endReason"
    FROM validator_delegations
    WHERE network_id = ${networkId}${filters("operator_address", f)}
    ORDER BY amount DESC, delegator, operator_address
    LIMIT ${f.limit ?? 500}`;
}

/** Unbonding entries, pending only unless `includeEnded`; the soonest release first. */
export async function listUnbondings(f: PositionFilter = {}): Promise<UnbondingDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  return prisma.$queryRaw<UnbondingDto[]>`
    SELECT delegator, operator_address AS "operatorAddress", creation_height::text AS "creationHeight",
      to_char(completion_time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "completionTime",
      initial_balance::text AS "initialBalance", balance::text AS balance, status, updated_height::text AS "asOfHeight",
      ended_at_height::text AS "endedAtHeight", end_reason AS "endReason"
    FROM validator_unbondings
    WHERE network_id = ${networkId}${filters("operator_address", f)}
    ORDER BY completion_time, delegator, operator_address, creation_height
    LIMIT ${f.limit ?? 500}`;
}

/**
 * Delegator placements on reputers: the latest read of each (topic, reputer, delegator), live only unless
 * `includeEnded` (a placement is ended when a later read found it withdrawn).
 */
export async function listPlacements(f: PositionFilter = {}): Promise<PlacementDto[]> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return [];
  const { prisma } = await getDb();
  // The latest row decides: filtering ended rows first would resurrect an older, superseded read.
  return prisma.$queryRaw<PlacementDto[]>`
    SELECT "topicId", reputer, delegator, amount, "rewardDebt", "asOfHeight", "endedAtHeight", "endReason"
    FROM (
      SELECT DISTINCT ON (topic_id, reputer, delegator)
        topic_id::text AS "topicId", reputer, delegator, amount::text AS amount, reward_debt::text AS "rewardDebt",
        block_height::text AS "asOfHeight", ended_at_height, ended_at_height::text AS "endedAtHeight", end_reason AS "endReason",
        amount AS sort_amount, topic_id
      FROM delegator_placements
      WHERE network_id = ${networkId}${filters("reputer", { ...f, includeEnded: true })}
      ORDER BY topic_id, reputer, delegator, block_height DESC
    ) latest
    WHERE ${f.includeEnded ? Prisma.sql`TRUE` : Prisma.sql`ended_at_height IS NULL`}
    ORDER BY sort_amount DESC, topic_id, reputer, delegator
    LIMIT ${f.limit ?? 500}`;
}
