import "server-only";
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";

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
};

export async function getIndexStatus(now = new Date()): Promise<IndexStatusDto> {
  const env = serverEnv();
  const { prisma } = await getDb();
  const network = await prisma.network.findFirst({ where: { kind: env.ALLORA_NETWORK }, orderBy: { updatedAt: "desc" } });
  const latest = network
    ? await prisma.block.findFirst({ where: { networkId: network.id }, orderBy: { height: "desc" } })
    : null;
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
    lagSeconds: latest ? Math.max(0, Math.round((now.getTime() - latest.time.getTime()) / 1000)) : null,
    lagWarnSeconds: env.INDEXER_LAG_WARN_SECONDS,
  };
}
