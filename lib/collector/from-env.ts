// Builds the collector's configuration from the environment: which network, which endpoints, where to post.
import { createLcdClient } from "@/lib/allora/lcd-client";
import { createRpcClient } from "@/lib/allora/rpc-client";
import { createDevnetMarketSource } from "@/lib/allora/ground-truth";
import { createPublicPriceSource } from "@/lib/allora/price-sources";
import { networkFromEnv } from "@/lib/allora/networks";
import { serverEnv } from "@/lib/env";
import { getIngestToken } from "@/lib/ingest/token";
import type { CollectorOptions } from "./collector";
import { GROUND_TRUTH_ASSETS } from "./ground-truth-rows";

export function collectorOptionsFromEnv(overrides: Partial<CollectorOptions> = {}): CollectorOptions {
  const env = serverEnv();
  const network = networkFromEnv();
  const http = { timeoutMs: 15_000, retries: 4 };
  // The devnet's own market is its (simulated) ground truth; public networks use public exchange prices, asked
  // briefly and without many retries so an outage of the price source never slows block indexing down.
  const publicPrices = createPublicPriceSource(env.PRICE_SOURCES, { timeoutMs: 5_000, retries: 1 });
  const groundTruth =
    network.kind === "devnet"
      ? { required: true, source: createDevnetMarketSource({ baseUrl: network.lcdUrl, ...http }), assets: GROUND_TRUTH_ASSETS }
      : publicPrices && { required: false, source: publicPrices };
  return {
    network,
    lcd: createLcdClient({ baseUrl: network.lcdUrl, ...http }),
    rpc: createRpcClient({ baseUrl: network.rpcUrl, ...http }),
    rpcHttp: { ...http, timeoutMs: 60_000 },
    rpcBatch: env.COLLECTOR_RPC_BATCH > 0,
    rpcBatchHeights: Math.max(1, env.COLLECTOR_RPC_BATCH),
    catchUpBatchBlocks: env.COLLECTOR_CATCH_UP_BLOCKS,
    stateEveryMs: env.COLLECTOR_STATE_EVERY_SECONDS * 1000,
    catchUpDistributionEveryBlocks: env.COLLECTOR_CATCH_UP_DISTRIBUTION_BLOCKS,
    ingest: { url: env.INGEST_URL ?? `http://127.0.0.1:${env.PORT}/api/ingest`, token: getIngestToken() },
    groundTruth,
    fromHeight: env.COLLECT_FROM_HEIGHT,
    // The devnet's whole simulated history is the point of the demo; on real networks, the last day.
    recentBlocks: network.kind === "devnet" ? Number.MAX_SAFE_INTEGER : 17_280,
    log: (message) => console.log(message),
    ...overrides,
  };
}
