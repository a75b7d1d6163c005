// The collector's options in collector tests, shared by the in-process harness and the collector child process, so
// both cut the same batches and read state at the same heights: their final states must be identical.
import { createLcdClient } from "@/lib/allora/lcd-client";
import { createRpcClient } from "@/lib/allora/rpc-client";
import { createDevnetMarketSource } from "@/lib/allora/ground-truth";
import type { CollectorOptions } from "@/lib/collector/collector";
import { DEVNET_CHAIN_ID } from "@/lib/allora/networks";
import { GROUND_TRUTH_ASSETS } from "@/lib/collector/ground-truth-rows";

export const TEST_INGEST_TOKEN = "collector-test-token-0123456789";

// Fast retries (Retry-After capped too) keep fault-injection runs short; production keeps the defaults.
const http = { timeoutMs: 5_000, retries: 6, baseDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 50 };

export function collectorTestOptions(devnetUrl: string, ingestUrl: string): CollectorOptions {
  return {
    network: { kind: "devnet", name: "Simulated devnet", chainId: DEVNET_CHAIN_ID, simulated: true, lcdUrl: devnetUrl, rpcUrl: devnetUrl },
    lcd: createLcdClient({ baseUrl: devnetUrl, ...http }),
    rpc: createRpcClient({ baseUrl: devnetUrl, ...http }),
    ingest: { url: ingestUrl, token: TEST_INGEST_TOKEN },
    groundTruth: { required: true, source: createDevnetMarketSource({ baseUrl: devnetUrl, ...http }), assets: GROUND_TRUTH_ASSETS },
    fromHeight: 1n,
    batchBlocks: 250,
    // Catch-up batches as large as the others: the pipeline tests count and replay 250-block batches; the
    // catch-up tests (tests/integration/collector/catch-up.test.ts) turn it on.
    catchUpBatchBlocks: 250,
    pollMs: 50,
    stateEveryBlocks: 500,
    // Every other full read in the catch-up batches reads the distribution state: the tests see skipped ones too.
    catchUpDistributionEveryBlocks: 1000,
    stateEveryMs: Number.POSITIVE_INFINITY,
    backoffMs: 20,
  };
}
