// A collector in a process of its own, for the test that kills it with SIGKILL mid-work:
// `node --import tsx tests/support/collector-child.ts <devnet url> <ingest url> <collector id>`.
import { startCollector } from "@/lib/collector/collector";
import { collectorTestOptions } from "./collector-options";

const [devnetUrl, ingestUrl, id] = process.argv.slice(2);
if (!devnetUrl || !ingestUrl || !id) throw new Error("usage: collector-child.ts <devnet url> <ingest url> <collector id>");
startCollector({ ...collectorTestOptions(devnetUrl, ingestUrl), id });
