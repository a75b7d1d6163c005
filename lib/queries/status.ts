import "server-only";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { redactUrls } from "@/lib/allora/http";
import { serverEnv } from "@/lib/env";
import { findFollowedNetwork } from "@/lib/queries/network";

export type NetworkDto = { chainId: string; name: string; kind: string; simulated: boolean; emissionsVersion: string | null };

export type IndexStatusDto = {
  /** The network this deployment follows (ALLORA_NETWORK), as recorded by the collector; null before first contact. */
  network: NetworkDto | null;
  configuredNetwork: "mainnet" | "testnet" | "devnet";
  /** Latest indexed block height as a decimal string (heights are int64), null when nothing is indexed yet. */
  indexedHeight: string | null;
  /** Time of that block (ISO 8601), null when nothing is indexed yet. */
  indexedBlockTime: string | null;
  /** Seconds between now and the latest indexed block's time; null when nothing is indexed yet. */
  lagSeconds: number | null;
  lagWarnSeconds: number;
  /** What the collector last reported; null when no collector has run against this database. */
  collector: CollectorDto | null;
};

/** State the node could not serve as the collector last reported it (see lib/collector/state-reads.ts). */
export type StateNoticeDto = { state: string; kind: "missing" | "pruned" | "single_requests" | "block_calls"; since: string; asOfHeight: string | null; detail: string };

export type CollectorDto = {
  state: string;
  /** Missing or stale state, and how blocks are read when the node refuses batches; empty when all is served. */
  notices: StateNoticeDto[];
  lastError: string | null;
  chainHeight: string | null;
  /** Seconds since the collector last reported; a large value means it stopped without saying so. */
  silentSeconds: number;
  /** The source could not be reached or read on the last attempts. */
  sourceUnreachable: boolean;
  /** The realized-price source ("coinbase+coingecko", "devnet") and its last failure; null when none is configured. */
  priceSource: { source: string; lastError: string | null; checkedAt: string | null } | null;
};

// The column is written by the ingest route from validated batches; anything unexpected is dropped, not shown.
function readNotices(raw: unknown): StateNoticeDto[] {
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((n: Record<string, unknown>) =>
    n && typeof n.state === "string" && typeof n.since === "string" && typeof n.detail === "string" && (n.kind === "missing" || n.kind === "pruned" || n.kind === "single_requests" || n.kind === "block_calls")
      ? [{ state: n.state, kind: n.kind, since: n.since, asOfHeight: typeof n.as_of_height === "string" ? n.as_of_height : null, detail: redactUrls(n.detail) }]
      : [],
  );
}

// One read per request: the layout and the page both show it.
export const getIndexStatus = cache(readIndexStatus);

async function readIndexStatus(now = new Date()): Promise<IndexStatusDto> {
  const env = serverEnv();
  const { prisma } = await getDb();
  const network = await findFollowedNetwork();
  const [latest, collector] = network
    ? await Promise.all([
        prisma.block.findFirst({ where: { networkId: network.id }, orderBy: { height: "desc" } }),
        prisma.collectorState.findUnique({ where: { networkId: network.id } }),
      ])
    : [null, null];
  return {
    network: network
      ? {
          chainId: network.chainId,
          name: network.name,
          kind: network.kind,
          simulated: network.simulated,
          emissionsVersion: network.emissionsVersion,
        }
      : null,
    configuredNetwork: env.ALLORA_NETWORK,
    indexedHeight: latest ? latest.height.toString() : null,
    indexedBlockTime: latest ? latest.time.toISOString() : null,
    // Lag is measured against the chain's head as the collector last saw it (a simulated chain's clock need not be
    // ours); without a report, against the wall clock.
    lagSeconds: latest
      ? Math.max(0, Math.round(((collector?.chainTime ?? now).getTime() - latest.time.getTime()) / 1000))
      : null,
    lagWarnSeconds: env.INDEXER_LAG_WARN_SECONDS,
    collector: collector
      ? {
          state: collector.state,
          notices: readNotices(collector.notices),
          // Collectors redact before reporting; this also covers rows written by older ones.
          lastError: collector.lastError === null ? null : redactUrls(collector.lastError),
          chainHeight: collector.chainHeight?.toString() ?? null,
          silentSeconds: Math.max(0, Math.round((now.getTime() - collector.updatedAt.getTime()) / 1000)),
          sourceUnreachable: collector.state === "backing_off" || collector.state === "error",
          priceSource: collector.priceSource
            ? { source: collector.priceSource, lastError: collector.priceSourceError, checkedAt: collector.priceSourceCheckedAt?.toISOString() ?? null }
            : null,
        }
      : null,
  };
}
