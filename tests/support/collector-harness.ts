// devnet → collector → real ingest route over HTTP → test database: the whole write path, for collector tests.
import { startDevnet, type Devnet, type DevnetOptions } from "@/lib/devnet/server";
import { startCollector, type CollectorOptions } from "@/lib/collector/collector";
import { collectorTestOptions, TEST_INGEST_TOKEN } from "./collector-options";
import { serveRoute } from "./ingest-server";

export { TEST_INGEST_TOKEN };

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
  function collector(overrides: Partial<CollectorOptions> = {}) {
    return startCollector({
      ...collectorTestOptions(devnet.url, route.url),
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
