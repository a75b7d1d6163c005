// devnet → collector → real ingest route over HTTP → test database: the whole write path, for collector tests.
import { startDevnet, type Devnet, type DevnetOptions } from "@/lib/devnet/server";
import { createLcdClient } from "@/lib/allora/lcd-client";
import { createRpcClient } from "@/lib/allora/rpc-client";
import { createDevnetMarketSource } from "@/lib/allora/ground-truth";
import { startCollector, type CollectorOptions } from "@/lib/collector/collector";
import { DEVNET_CHAIN_ID } from "@/lib/collector/from-env";
import { serveRoute } from "./ingest-server";

export const TEST_INGEST_TOKEN = "collector-test-token-0123456789";

export async function startPipeline(devnetOptions: DevnetOptions) {
  process.env.INGEST_TOKEN = TEST_INGEST_TOKEN;
  const { POST } = await import("@/app/api/ingest/route");
  const devnet: Devnet = await startDevnet({ port: 0, blockTimeMs: 0, ...devnetOptions });
  // Every batch the route accepted, in order, with the collector that sent it: for replay and lease checks.
  const accepted: { body: string; collector: string | null; hadRows: boolean }[] = [];
  const route = await serveRoute(async (request) => {
    const body = await request.clone().text();
    const response = await POST(request);
    if (response.status === 200) {
      const parsed = JSON.parse(body) as { collector?: { id: string }; rows: Record<string, unknown[]>; cursor?: unknown };
      accepted.push({ body, collector: parsed.collector?.id ?? null, hadRows: Object.keys(parsed.rows).length > 0 || Boolean(parsed.cursor) });
    }
    return response;
  });
  // Fast retries (Retry-After capped too) keep fault-injection runs short; production keeps the defaults.
  const http = { timeoutMs: 5_000, retries: 6, baseDelayMs: 5, maxDelayMs: 50, maxRetryAfterMs: 50 };

  function collector(overrides: Partial<CollectorOptions> = {}) {
    return startCollector({
      network: { kind: "devnet", name: "Simulated devnet", chainId: DEVNET_CHAIN_ID, simulated: true, lcdUrl: devnet.url, rpcUrl: devnet.url },
      lcd: createLcdClient({ baseUrl: devnet.url, ...http }),
      rpc: createRpcClient({ baseUrl: devnet.url, ...http }),
      ingest: { url: route.url, token: TEST_INGEST_TOKEN },
      groundTruth: {
        required: true,
        source: createDevnetMarketSource({ baseUrl: devnet.url, ...http }),
      },
      fromHeight: 1n,
      batchBlocks: 250,
      pollMs: 50,
      stateEveryBlocks: 500,
      stateEveryMs: Number.POSITIVE_INFINITY,
      backoffMs: 20,
      log: (m) => {
        if (!m.startsWith("collector: indexed")) console.log(m);
      },
      ...overrides,
    });
  }

  async function untilIndexed(c: ReturnType<typeof collector>, height: bigint, timeoutMs = 240_000) {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const s = c.status();
      if (s.indexedHeight !== null && BigInt(s.indexedHeight) >= height) return;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`collector did not reach ${height} in time: ${JSON.stringify(c.status())}`);
  }

  return {
    devnet,
    accepted,
    route,
    collector,
    untilIndexed,
    close: async () => {
      await route.close();
      await devnet.close();
    },
  };
}
