// Standalone devnet: npx tsx scripts/devnet.ts --days 7 --port 26657 --seed 42 --emissions v10
import { parseArgs } from "node:util";
import { startDevnet } from "../lib/devnet/server";
import { TEST_ACCOUNTS } from "../lib/devnet/test-accounts";
import { serverEnv } from "../lib/env";

const { values } = parseArgs({
  options: {
    days: { type: "string", default: "7" },
    port: { type: "string" },
    seed: { type: "string", default: "42" },
    emissions: { type: "string", default: "v10" },
    "block-time-ms": { type: "string", default: "5000" },
    genesis: { type: "string" },
    "error-rate": { type: "string", default: "0" },
    "latency-ms": { type: "string", default: "0" },
    "malformed-rate": { type: "string", default: "0" },
    "api-key": { type: "string" },
  },
});

const emissions = values.emissions === "v9" ? "v9" : values.emissions === "v10" ? "v10" : null;
if (!emissions) {
  console.error(`devnet: --emissions must be v9 or v10, got ${values.emissions}`);
  process.exit(2);
}
const days = Number(values.days);
const started = performance.now();
const devnet = await startDevnet({
  days,
  seed: Number(values.seed),
  emissionsVersion: emissions,
  port: values.port !== undefined ? Number(values.port) : serverEnv().DEVNET_PORT,
  blockTimeMs: Number(values["block-time-ms"]),
  genesisTime: values.genesis,
  apiKey: values["api-key"],
  faults: { errorRate: Number(values["error-rate"]), latencyMs: Number(values["latency-ms"]), malformedRate: Number(values["malformed-rate"]) },
});
const seconds = ((performance.now() - started) / 1000).toFixed(2);
console.log(`devnet: ${Number(days.toFixed(2))} days (${devnet.sim.height()} blocks) ready in ${seconds} s at ${devnet.url}`);
console.log(`devnet: simulated chain allora-devnet-1, seed ${devnet.sim.options.seed}, emissions ${emissions}; try ${devnet.url}/__devnet/info`);
console.log(`devnet: funded test accounts (mnemonics in lib/devnet/README.md): ${TEST_ACCOUNTS.map((a) => `${a.name} ${a.address}`).join(", ")}`);

const stop = () => {
  void devnet.close().then(() => process.exit(0));
};
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
