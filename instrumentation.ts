// Runs once when the Next.js server starts: apply pending migrations before any request, then start the collector
// in this process unless COLLECTOR_ENABLED=false (it posts to this server's own /api/ingest, the one write path).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getDb } = await import("@/lib/db");
  const db = await getDb();
  const { applied, total } = db.migrations;
  console.log(`database: ${db.kind}, ${total} migration(s) applied${applied.length ? ` (new: ${applied.join(", ")})` : ""}`);

  const { serverEnv } = await import("@/lib/env");
  if (!serverEnv().COLLECTOR_ENABLED) return;
  const { startCollector } = await import("@/lib/collector/collector");
  const { collectorOptionsFromEnv } = await import("@/lib/collector/from-env");
  const options = collectorOptionsFromEnv();
  console.log(`collector: following ${options.network.name} (${options.network.chainId}) at ${options.network.rpcUrl}`);
  const collector = startCollector(options);
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.once(signal, () => void collector.stop());
}
