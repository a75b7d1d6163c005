import "server-only";
import { getDb } from "@/lib/db";
import { findFollowedNetworkId } from "@/lib/queries/network";

export type OverviewCountsDto = {
  topics: number;
  /** Addresses seen acting as workers (inferers or forecasters). */
  workers: number;
  reputers: number;
  validators: number;
};

export type OverviewDto = {
  /** Null while no block is indexed: the counts are unknown, not zero. */
  counts: OverviewCountsDto | null;
  /** The latest indexed height the counts are as of (decimal string), null when nothing is indexed. */
  asOfHeight: string | null;
};

export async function getOverview(): Promise<OverviewDto> {
  const networkId = await findFollowedNetworkId();
  if (networkId === null) return { counts: null, asOfHeight: null };
  const { prisma } = await getDb();
  const [row] = await prisma.$queryRaw<(OverviewCountsDto & { height: string | null })[]>`
    SELECT
      (SELECT max(height)::text FROM blocks WHERE network_id = ${networkId}) AS height,
      (SELECT count(*)::int FROM topics WHERE network_id = ${networkId}) AS topics,
      (SELECT count(*)::int FROM actors WHERE network_id = ${networkId} AND is_worker) AS workers,
      (SELECT count(*)::int FROM actors WHERE network_id = ${networkId} AND is_reputer) AS reputers,
      (SELECT count(*)::int FROM validators WHERE network_id = ${networkId}) AS validators`;
  if (!row?.height) return { counts: null, asOfHeight: null };
  return {
    counts: { topics: row.topics, workers: row.workers, reputers: row.reputers, validators: row.validators },
    asOfHeight: row.height,
  };
}
