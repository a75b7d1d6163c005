// Node-only start-up, loaded by instrumentation.ts in the Node.js runtime: apply pending migrations before any
// request, then start the collector as a child process unless COLLECTOR_ENABLED=false (it posts to this server's
// own /api/ingest, the one write path, and uses the other core), and the signal publisher, which posts there too.
import { getDb } from "@/lib/db";
import { serverEnv } from "@/lib/env";
import { startCollectorProcess } from "@/lib/collector/child-process";
import { networkFromEnv } from "@/lib/allora/networks";
import { collectorOptionsFromEnv } from "@/lib/collector/from-env";
import { startSignalPublisher } from "@/lib/collector/signal-publisher";

export async function startUp(): Promise<void> {
  const db = await getDb();
  const { applied, total } = db.migrations;
  console.log(`database: ${db.kind}, ${total} migration(s) applied${applied.length ? ` (new: ${applied.join(", ")})` : ""}`);

  const env = serverEnv();
  let collector: { stop(): Promise<void> } | undefined;
  if (env.COLLECTOR_ENABLED) {
    const network = networkFromEnv();
    console.log(`collector: starting its process for ${network.name} (${network.chainId}) at ${network.rpcUrl}`);
    collector = startCollectorProcess();
  }
  // The signal ledger is published wherever the database is, whether or not the collector runs in this process.
  const publisher = startSignalPublisher({ ingest: collectorOptionsFromEnv().ingest, log: (m) => console.log(m) });
  // With NEXT_MANUAL_SIG_HANDLE, this process exits only after the collector has stopped and handed its lease back
  // through the still-open /api/ingest, so a restart writes at once; under a bare `next start`, Next exits by itself
  // as soon as its server is closed, and the lease simply runs out.
  for (const [signal, code] of [["SIGINT", 130], ["SIGTERM", 143]] as const)
    process.once(signal, () => {
      const stopped = Promise.all([collector?.stop(), publisher.stop()]);
      if (env.NEXT_MANUAL_SIG_HANDLE) void stopped.finally(() => process.exit(code));
    });
}
