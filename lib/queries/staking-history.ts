import "server-only";
import { getDb } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { findFollowedNetworkId } from "@/lib/queries/network";

export type HistoryRowDto = {
  height: string;
  timeIso: string;
  /** delegate | delegate_removed | reward_claimed | stake_added | stake_removed | removal_requested | removal_cancelled | reputer_reward | unbonding_started */
  action: string;
  system: "reputer" | "validator";
  topicId: string | null;
  /** The reputer, or the validator operator. */
  counterparty: string;
  /** uallo as an exact decimal string (reward amounts may carry fractional uallo); null when the chain sent none. */
  amount: string | null;
};

export type HistoryRange = { from: Date | null; to: Date | null };

/** Columns of the history CSV, in order, with what they mean (the download's header row). */
export const HISTORY_COLUMNS = ["time_utc", "height", "action", "system", "topic_id", "counterparty", "amount_uallo"] as const;

/**
 * An address's stake actions and rewards in both systems within [from, to), newest first. `limit` caps the page's
 * view only; the CSV passes none, so a download is never silently truncated.
 */
export async function listAccountHistory(address: string, range: HistoryRange, limit?: number): Promise<{ rows: HistoryRowDto[]; total: number }> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return { rows: [], total: 0 };
  const { prisma } = await getDb();
  const [bounds] = await prisma.$queryRaw<{ lo: string | null; hi: string | null }[]>`
    SELECT
      (SELECT height::text FROM blocks WHERE network_id = ${networkId} AND time >= ${range.from ?? new Date(0)} ORDER BY time, height LIMIT 1) AS lo,
      (SELECT height::text FROM blocks WHERE network_id = ${networkId} AND time < ${range.to ?? new Date(8.64e15)} ORDER BY time DESC, height DESC LIMIT 1) AS hi`;
  if (!bounds?.lo || !bounds.hi || BigInt(bounds.lo) > BigInt(bounds.hi)) return { rows: [], total: 0 };
  const lo = BigInt(bounds.lo);
  const hi = BigInt(bounds.hi);
  const rows = await prisma.$queryRaw<(HistoryRowDto & { total: number })[]>`
    -- Removals by this address: as a delegator, or of its own reputer stake (split so each side uses an index).
    WITH removals AS (
      SELECT topic_id, reputer, amount, requested_height, cancelled_height FROM stake_removals
      WHERE network_id = ${networkId} AND delegator = ${address}
      UNION ALL
      SELECT topic_id, reputer, amount, requested_height, cancelled_height FROM stake_removals
      WHERE network_id = ${networkId} AND delegator = '' AND reputer = ${address}),
    own_removals AS (
      SELECT requested_height AS height, 'removal_requested' AS action, topic_id, reputer, amount, -2 AS ord FROM removals
      UNION ALL
      SELECT cancelled_height, 'removal_cancelled', topic_id, reputer, amount, -1 FROM removals WHERE cancelled_height IS NOT NULL),
    h AS (
      SELECT block_height AS height, CASE kind WHEN 'add_stake' THEN 'delegate' WHEN 'remove_stake' THEN 'delegate_removed'
          WHEN 'delegate_reward_claimed' THEN 'reward_claimed' ELSE kind END AS action,
        'reputer' AS system, topic_id, reputer AS counterparty, amount, event_index AS ord
      FROM stake_events WHERE network_id = ${networkId} AND delegator = ${address} AND block_height BETWEEN ${lo} AND ${hi}
      UNION ALL
      SELECT block_height, CASE kind WHEN 'add_stake' THEN 'stake_added' ELSE 'stake_removed' END, 'reputer', topic_id, reputer, amount, event_index
      FROM stake_events WHERE network_id = ${networkId} AND delegator = '' AND reputer = ${address}
        AND kind IN ('add_stake', 'remove_stake') AND block_height BETWEEN ${lo} AND ${hi}
      UNION ALL
      SELECT r.height, r.action, 'reputer', r.topic_id, r.reputer, r.amount, r.ord FROM own_removals r
      WHERE r.height BETWEEN ${lo} AND ${hi}
      UNION ALL
      SELECT block_height, 'reputer_reward', 'reputer', topic_id, address, amount, -3 FROM rewards
      WHERE network_id = ${networkId} AND address = ${address} AND actor_type = 'reputer' AND block_height BETWEEN ${lo} AND ${hi}
      UNION ALL
      SELECT creation_height, 'unbonding_started', 'validator', NULL, operator_address, initial_balance, -4 FROM validator_unbondings
      WHERE network_id = ${networkId} AND delegator = ${address} AND creation_height BETWEEN ${lo} AND ${hi}
      UNION ALL
      -- Closed positions: the read that no longer found them dates their end (completed, cancelled, withdrawn).
      SELECT ended_at_height, 'unbonding_' || COALESCE(end_reason, 'ended'), 'validator', NULL, operator_address, balance, -5
      FROM validator_unbondings WHERE network_id = ${networkId} AND delegator = ${address} AND ended_at_height BETWEEN ${lo} AND ${hi}
      UNION ALL
      SELECT ended_at_height, 'validator_delegation_' || COALESCE(end_reason, 'ended'), 'validator', NULL, operator_address, amount, -6
      FROM validator_delegations WHERE network_id = ${networkId} AND delegator = ${address} AND ended_at_height BETWEEN ${lo} AND ${hi})
    SELECT h.height::text AS height, to_char(b.time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "timeIso", h.action,
      h.system, h.topic_id::text AS "topicId", h.counterparty, h.amount::text AS amount, (count(*) OVER ())::int AS total
    FROM h JOIN blocks b ON b.network_id = ${networkId} AND b.height = h.height
    ORDER BY h.height DESC, h.ord DESC
    ${limit === undefined ? Prisma.empty : Prisma.sql`LIMIT ${limit}`}`;
  return { rows: rows.map((r) => ({ height: r.height, timeIso: r.timeIso, action: r.action, system: r.system, topicId: r.topicId, counterparty: r.counterparty, amount: r.amount })), total: rows[0]?.total ?? 0 };
}
