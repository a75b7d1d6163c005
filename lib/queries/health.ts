import "server-only";
import { getDb } from "@/lib/db";
import { getIndexStatus, type StateNoticeDto } from "@/lib/queries/status";

export type HealthDto = {
  status: "ok" | "degraded";
  db: "ok" | "error";
  database: "postgres" | "pglite" | null;
  migrations: { applied: number } | null;
  network: string;
  chainId: string | null;
  simulated: boolean | null;
  indexedHeight: string | null;
  indexedBlockTime: string | null;
  lagSeconds: number | null;
  emissionsVersion: string | null;
  chainHeight: string | null;
  collector: { state: string; lastError: string | null; silentSeconds: number; notices: StateNoticeDto[] } | null;
  sourceReachable: boolean | null;
  error?: string;
};

export async function getHealth(): Promise<HealthDto> {
  try {
    const db = await getDb();
    const [row] = await db.prisma.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`;
    const status = await getIndexStatus();
    return {
      status: "ok",
      db: "ok",
      database: db.kind,
      migrations: { applied: row?.n ?? 0 },
      network: status.configuredNetwork,
      chainId: status.network?.chainId ?? null,
      simulated: status.network?.simulated ?? null,
      indexedHeight: status.indexedHeight,
      indexedBlockTime: status.indexedBlockTime,
      lagSeconds: status.lagSeconds,
      emissionsVersion: status.network?.emissionsVersion ?? null,
      chainHeight: status.collector?.chainHeight ?? null,
      collector: status.collector
        ? { state: status.collector.state, lastError: status.collector.lastError, silentSeconds: status.collector.silentSeconds, notices: status.collector.notices }
        : null,
      sourceReachable: status.collector ? !status.collector.sourceUnreachable : null,
    };
  } catch (error) {
    console.error("health: database check failed", error);
    return {
      status: "degraded",
      db: "error",
      database: null,
      migrations: null,
      network: "unknown",
      chainId: null,
      simulated: null,
      indexedHeight: null,
      indexedBlockTime: null,
      lagSeconds: null,
      emissionsVersion: null,
      chainHeight: null,
      collector: null,
      sourceReachable: null,
      error: "database unavailable",
    };
  }
}
