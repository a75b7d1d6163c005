// Builds the collector's configuration from the environment: which network, which endpoints, where to post.
import { createLcdClient } from "@/lib/allora/lcd-client";
import { createRpcClient } from "@/lib/allora/rpc-client";
import { createDevnetMarketSource } from "@/lib/allora/ground-truth";
import { serverEnv } from "@/lib/env";
import { getIngestToken } from "@/lib/ingest/token";
import type { CollectorNetwork, CollectorOptions } from "./collector";

const PUBLIC_NETWORKS = {
  mainnet: { name: "Allora Mainnet", chainId: "allora-mainnet-1", lcd: "https://allora-api.mainnet.allora.network", rpc: "https://allora-rpc.mainnet.allora.network" },
  testnet: { name: "Allora Testnet", chainId: "allora-testnet-1", lcd: "https://allora-api.testnet.allora.network", rpc: "https://allora-rpc.testnet.allora.network" },
} as const;

export const DEVNET_CHAIN_ID = "allora-devnet-1";

export function collectorNetworkFromEnv(): CollectorNetwork {
  const env = serverEnv();
  if (env.ALLORA_NETWORK === "devnet") {
    const local = `http://127.0.0.1:${env.DEVNET_PORT}`;
    return { kind: "devnet", name: "Simulated devnet", chainId: DEVNET_CHAIN_ID, simulated: true, lcdUrl: env.ALLORA_LCD_URL ?? local, rpcUrl: env.ALLORA_RPC_URL ?? local };
  }
  const known = PUBLIC_NETWORKS[env.ALLORA_NETWORK];
  return { kind: env.ALLORA_NETWORK, name: known.name, chainId: known.chainId, simulated: false, lcdUrl: env.ALLORA_LCD_URL ?? known.lcd, rpcUrl: env.ALLORA_RPC_URL ?? known.rpc };
}

export function collectorOptionsFromEnv(overrides: Partial<CollectorOptions> = {}): CollectorOptions {
  const env = serverEnv();
  const network = collectorNetworkFromEnv();
  const http = { timeoutMs: 15_000, retries: 4 };
  // Only the devnet has a market of its own; public networks get ground truth once a price source is configured.
  const groundTruth =
    network.kind === "devnet"
      ? {
          required: true,
          source: createDevnetMarketSource({ baseUrl: network.lcdUrl, ...http }),
        }
      : undefined;
  return {
    network,
    lcd: createLcdClient({ baseUrl: network.lcdUrl, ...http }),
    rpc: createRpcClient({ baseUrl: network.rpcUrl, ...http }),
    rpcHttp: { ...http, timeoutMs: 60_000 },
    rpcBatch: env.COLLECTOR_RPC_BATCH > 0,
    rpcBatchHeights: Math.max(1, env.COLLECTOR_RPC_BATCH),
    catchUpBatchBlocks: env.COLLECTOR_CATCH_UP_BLOCKS,
    ingest: { url: env.INGEST_URL ?? `http://127.0.0.1:${env.PORT}/api/ingest`, token: getIngestToken() },
    groundTruth,
    fromHeight: env.COLLECT_FROM_HEIGHT,
    // The devnet's whole simulated history is the point of the demo; on real networks, the last day.
    recentBlocks: network.kind === "devnet" ? Number.MAX_SAFE_INTEGER : 17_280,
    log: (message) => console.log(message),
    ...overrides,
  };
}
