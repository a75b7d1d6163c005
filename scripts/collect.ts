// `npm run collect`: the collector on its own, posting to a running app's /api/ingest (INGEST_URL, default this
// machine's PORT). Use it with COLLECTOR_ENABLED=false on the app, or to run the collector on another host.
import { startCollector } from "@/lib/collector/collector";
import { collectorOptionsFromEnv } from "@/lib/collector/from-env";

const options = collectorOptionsFromEnv();
console.log(`collector: following ${options.network.name} (${options.network.chainId}) at ${options.network.rpcUrl}, posting to ${options.ingest.url}`);
const collector = startCollector(options);
for (const signal of ["SIGINT", "SIGTERM"] as const)
  process.once(signal, () => {
    void collector.stop().then(() => process.exit(0));
  });
