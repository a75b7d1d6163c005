// Node-only start-up, loaded by instrumentation.ts in the Node.js runtime: apply pending migrations before any
// request, then start the collector in this process unless COLLECTOR_ENABLED=false (it posts to this server's own
// /api/ingest, the one write path).
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { startCollector } from "@/lib/collector/collector";
import { collectorOptionsFromEnv } from "@/lib/collector/from-env";

export async function startUp(): Promise<void> {
  const db = await getDb();
  const { applied, total } = db.migrations;
  console.log(`database: ${db.kind}, ${total} migration(s) applied${applied.length ? ` (new: ${applied.join(", ")})` : ""}`);

  if (!serverEnv().COLLECTOR_ENABLED) return;
  const options = collectorOptionsFromEnv();
  console.log(`collector: following ${options.network.name} (${options.network.chainId}) at ${options.network.rpcUrl}`);
  const collector = startCollector(options);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void collector.stop());
}
