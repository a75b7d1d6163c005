import "server-only";
import { getDb } from "@/lib/db";
import { measureBlockClock, type BlockClock } from "@/lib/staking/unlock";

/** How many blocks back the block time is measured over (about 83 minutes at 5 s). */
export const CLOCK_WINDOW_BLOCKS = 1000n;

export type BlockClockDto = {
  height: string;
  timeIso: string;
  /** Mean ms per block over the window; null with fewer than two indexed blocks. */
  msPerBlock: number | null;
  windowBlocks: string;
};

/** The newest indexed block and the mean block time over the last CLOCK_WINDOW_BLOCKS indexed blocks. */
export async function readBlockClock(networkId: number): Promise<BlockClock | null> {
  const { prisma } = await getDb();
  const rows = await prisma.$queryRaw<{ height: string; ms: number }[]>`
    WITH head AS (SELECT height, time FROM blocks WHERE network_id = ${networkId} ORDER BY height DESC LIMIT 1)
    SELECT height::text AS height, (extract(epoch FROM time) * 1000)::float8 AS ms FROM head
    UNION ALL
    SELECT b.height::text, (extract(epoch FROM b.time) * 1000)::float8 FROM head,
      LATERAL (SELECT height, time FROM blocks WHERE network_id = ${networkId} AND height <= head.height - ${CLOCK_WINDOW_BLOCKS}
               ORDER BY height DESC LIMIT 1) b`;
  if (rows.length === 1) {
    // Fewer than a window of blocks indexed: measure over what there is.
    const first = await prisma.block.findFirst({ where: { networkId }, orderBy: { height: "asc" } });
    if (first) rows.push({ height: first.height.toString(), ms: first.time.getTime() });
  }
  return measureBlockClock(rows.map((r) => ({ height: BigInt(r.height), timeMs: r.ms })));
}

export function clockDto(clock: BlockClock): BlockClockDto {
  return { height: clock.height.toString(), timeIso: new Date(clock.timeMs).toISOString(), msPerBlock: clock.msPerBlock, windowBlocks: clock.windowBlocks.toString() };
}

/** The newest indexed height at or before a time (for "7 days ago"); null when nothing is that old. */
export async function heightAtOrBefore(networkId: number, time: Date): Promise<bigint | null> {
  const { prisma } = await getDb();
  const block = await prisma.block.findFirst({ where: { networkId, time: { lte: time } }, orderBy: { time: "desc" }, select: { height: true } });
  return block?.height ?? null;
}
