import "server-only";
// The ledger's own bookkeeping for the publisher: how far each (topic, label, strategy) is published, and which
// signals still wait for their score.
import { Prisma } from "@/lib/generated/prisma/client";
import { getDb } from "@/lib/db";
import type { UnscoredSignal } from "@/lib/signals/ledger";

export async function readPublishedUpTo(networkId: number): Promise<Map<string, Map<string, bigint>>> {
  const { prisma } = await getDb();
  const rows = await prisma.$queryRaw<{ topic_id: string; label: string; strategy: string; height: string }[]>(Prisma.sql`
    SELECT topic_id::text AS topic_id, label, strategy, max(published_height)::text AS height
    FROM signals WHERE network_id = ${networkId} GROUP BY topic_id, label, strategy`);
  const out = new Map<string, Map<string, bigint>>();
  for (const r of rows) {
    const key = `${r.topic_id}\u0000${r.label}`;
    if (!out.has(key)) out.set(key, new Map());
    out.get(key)!.set(r.strategy, BigInt(r.height));
  }
  return out;
}

export async function readUnscored(networkId: number): Promise<(UnscoredSignal & { series: string })[]> {
  const { prisma } = await getDb();
  const rows = await prisma.$queryRaw<{ topic_id: string; label: string; strategy: string; height: string; published_at: Date; horizon: number; reference: string; series: string }[]>(Prisma.sql`
    SELECT topic_id::text AS topic_id, label, strategy, published_height::text AS height, published_at,
           horizon_seconds AS horizon, reference_value::text AS reference, inputs->>'price_series' AS series
    FROM signals WHERE network_id = ${networkId} AND scored_at IS NULL AND reference_value IS NOT NULL
    ORDER BY published_at`);
  return rows.map((r) => ({
    topicId: r.topic_id,
    label: r.label,
    strategy: r.strategy,
    publishedHeight: r.height,
    publishedAt: r.published_at.getTime(),
    horizonSeconds: r.horizon,
    referenceValue: r.reference,
    series: r.series,
  }));
}

/** The collector's committed block cursor: the publisher runs again only when it has moved. */
export async function readBlockCursor(networkId: number): Promise<string | null> {
  const { prisma } = await getDb();
  const cursor = await prisma.ingestCursor.findUnique({ where: { networkId_source: { networkId, source: "blocks" } } });
  return cursor?.height.toString() ?? null;
}
