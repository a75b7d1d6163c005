// `npm run collect`: the collector on its own, posting to a running app's /api/ingest (INGEST_URL, default this
// machine's PORT). Use it with COLLECTOR_ENABLED=false on the app, or to run the collector on another host.
// `npm start` runs it this way too, as its child (lib/collector/child-process.ts).
import { startCollector } from "@/lib/collector/collector";
import { collectorOptionsFromEnv } from "@/lib/collector/from-env";

const options = collectorOptionsFromEnv();
console.log(`collector: following ${options.network.name} (${options.network.chainId}) at ${options.network.rpcUrl}, posting to ${options.ingest.url}`);
const collector = startCollector(options);
let stopping: Promise<void> | null = null;
// One stop however many signals arrive (the app and its process group may both send one).
const stop = () => (stopping ??= collector.stop().then(() => process.exit(0)));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => void stop());
// Started by the app: its death closes the IPC channel, and the collector stops instead of outliving it.
if (process.send) process.on("disconnect", () => void stop());
