// Applies the batch's transitions after its rows. They are rare (a cancel, an unregistration), and each must see
// the ones before it in height order, so they run one statement each rather than as one set.
import type { SqlTransaction } from "@/lib/db/sql-transaction";
import { Prisma } from "@/lib/generated/prisma/client";
import type { IngestBatch } from "./batch-schema";

type Updates = NonNullable<IngestBatch["updates"]>;

const byHeight = <T extends { height: string }>(rows: readonly T[]) =>
  [...rows].sort((a, b) => (BigInt(a.height) < BigInt(b.height) ? -1 : BigInt(a.height) > BigInt(b.height) ? 1 : 0));

export async function applyTransitions(tx: SqlTransaction, networkId: number, updates: Updates | undefined): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  let removals = 0;
  for (const u of byHeight(updates?.stake_removals ?? [])) {
    removals += (await tx.query(Prisma.sql`
      UPDATE stake_removals SET status = ${u.status},
        cancelled_height = CASE WHEN ${u.status} = 'cancelled' THEN ${u.height}::bigint END,
        completed_height = CASE WHEN ${u.status} = 'completed' THEN ${u.height}::bigint END
      WHERE (network_id, topic_id, reputer, delegator, requested_height) = (
        SELECT network_id, topic_id, reputer, delegator, requested_height FROM stake_removals
        WHERE network_id = ${networkId} AND topic_id = ${u.topic_id}::bigint AND reputer = ${u.reputer}
          AND delegator = ${u.delegator} AND requested_height <= ${u.height}::bigint AND status = 'pending'
        ORDER BY requested_height DESC LIMIT 1)`)).rowCount;
  }
  // A new request replaces a pending one for the same stake (the chain keeps one removal per stake).
  removals += (await tx.query(Prisma.sql`
    UPDATE stake_removals old SET status = 'superseded'
    WHERE old.network_id = ${networkId} AND old.status = 'pending' AND EXISTS (
      SELECT 1 FROM stake_removals newer
      WHERE newer.network_id = old.network_id AND newer.topic_id = old.topic_id AND newer.reputer = old.reputer
        AND newer.delegator = old.delegator AND newer.requested_height > old.requested_height)`)).rowCount;
  if (removals) counts.stake_removal_transitions = removals;

  let ended = 0;
  for (const u of byHeight(updates?.registrations ?? [])) {
    ended += (await tx.query(Prisma.sql`
      UPDATE registrations SET unregistered_height = ${u.height}::bigint
      WHERE (network_id, topic_id, address, role, registered_height) = (
        SELECT network_id, topic_id, address, role, registered_height FROM registrations
        WHERE network_id = ${networkId} AND topic_id = ${u.topic_id}::bigint AND address = ${u.address}
          AND role = ${u.role} AND registered_height <= ${u.height}::bigint AND unregistered_height IS NULL
        ORDER BY registered_height DESC LIMIT 1)`)).rowCount;
  }
  if (ended) counts.registration_ends = ended;
  Object.assign(counts, await closePositions(tx, networkId, updates));
  return counts;
}

/**
 * Positions that disappeared from the chain's state are closed, never deleted, so current-state reads skip them and
 * the history keeps them. ended_at_height is the height of the read that found them gone; the row's updated_height
 * (block_height for placements) stays the last height they were seen.
 */
async function closePositions(tx: SqlTransaction, networkId: number, updates: Updates | undefined): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const full = updates?.full_state;
  if (full) {
    // This batch's rows were written with updated_height = the read's height, so a live row still older was not listed.
    const delegations = await tx.query(Prisma.sql`
      UPDATE validator_delegations SET ended_at_height = ${full.height}::bigint, end_reason = 'withdrawn'
      WHERE network_id = ${networkId} AND ended_at_height IS NULL AND updated_height < ${full.height}::bigint`);
    if (delegations.rowCount) counts.delegation_ends = delegations.rowCount;
    // An entry gone once its completion time has passed matured; gone before it, it was cancelled.
    const unbondings = await tx.query(Prisma.sql`
      UPDATE validator_unbondings
      SET ended_at_height = ${full.height}::bigint,
          end_reason = CASE WHEN completion_time <= ${full.time}::timestamptz THEN 'completed' ELSE 'cancelled' END,
          status = CASE WHEN completion_time <= ${full.time}::timestamptz THEN 'completed' ELSE 'cancelled' END
      WHERE network_id = ${networkId} AND ended_at_height IS NULL AND updated_height < ${full.height}::bigint`);
    if (unbondings.rowCount) counts.unbonding_ends = unbondings.rowCount;
  }
  let placements = 0;
  for (const u of byHeight(updates?.placement_ends ?? [])) {
    placements += (await tx.query(Prisma.sql`
      UPDATE delegator_placements SET ended_at_height = ${u.height}::bigint, end_reason = 'withdrawn'
      WHERE (network_id, topic_id, reputer, delegator, block_height) = (
        SELECT network_id, topic_id, reputer, delegator, block_height FROM delegator_placements
        WHERE network_id = ${networkId} AND topic_id = ${u.topic_id}::bigint AND reputer = ${u.reputer} AND delegator = ${u.delegator}
        ORDER BY block_height DESC LIMIT 1)
      AND block_height < ${u.height}::bigint AND ended_at_height IS NULL`)).rowCount;
  }
  if (placements) counts.placement_ends = placements;
  return counts;
}
