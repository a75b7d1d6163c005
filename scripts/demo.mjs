// `npm run demo`: the whole product offline, with zero configuration: a simulated Allora devnet with a week of
// history, the app, and its in-process collector indexing the devnet into an embedded database of its own
// (.data/demo, never mixed with a real network's data). Everything it shows is labelled "Simulated devnet".
import { spawn, spawnSync } from "node:child_process";
import { withYoungGeneration } from "./node-flags.mjs";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

// A plain Node script (no TypeScript loader), so it cannot use lib/env.ts; the variables it reads (DEVNET_PORT,
// DEVNET_DAYS, PORT, PGLITE_DATA_DIR, INGEST_TOKEN_FILE) are listed in the README's configuration table.
const devnetPort = process.env.DEVNET_PORT ?? "26657";
const appPort = process.env.PORT ?? "3000";
const dataDir = process.env.PGLITE_DATA_DIR ?? ".data/demo/pglite";
// The simulated chain lives on between runs, as a real one would: its first start is kept beside the demo's
// database, and each run starts the devnet that much older. Otherwise a restart would rewind the chain below the
// blocks already indexed, and the collector would wait for the devnet to mine them again.
const clockFile = path.join(path.dirname(dataDir), "devnet-first-start");
mkdirSync(path.dirname(clockFile), { recursive: true });
if (!existsSync(clockFile)) writeFileSync(clockFile, `${new Date().toISOString()}\n`);
const firstStart = Date.parse(readFileSync(clockFile, "utf8").trim());
const ageDays = Number.isNaN(firstStart) ? 0 : Math.max(0, (Date.now() - firstStart) / 86_400_000);
const days = String(Number(process.env.DEVNET_DAYS ?? "7") + ageDays);
const children = [];
// Children run in their own process groups (npx → tsx → node), so the whole group is signalled: nothing outlives the demo.
const stopAll = (code) => {
  for (const child of children) {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {}
  }
  process.exit(code);
};
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stopAll(0));

if (!existsSync(".next/BUILD_ID")) {
  console.log("demo: no production build yet, running `next build` first (about a minute)…");
  const build = spawnSync("npx", ["--no-install", "next", "build"], { stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(
  `demo: starting the simulated devnet on port ${devnetPort}${ageDays > 0.001 ? ` (it first started ${(ageDays * 24).toFixed(1)} h ago and has gone on since)` : ""}…`,
);
const devnet = spawn("npx", ["--no-install", "tsx", "scripts/devnet.ts", "--days", days, "--port", devnetPort], {
  stdio: "inherit",
  detached: true,
  env: withYoungGeneration(process.env),
});
children.push(devnet);
devnet.on("exit", (code) => {
  console.error(`demo: the devnet exited (${code}); stopping`);
  stopAll(code ?? 1);
});

const deadline = Date.now() + 120_000;
for (;;) {
  try {
    const res = await fetch(`http://127.0.0.1:${devnetPort}/status`);
    if (res.ok) break;
  } catch {}
  if (Date.now() > deadline) {
    console.error("demo: the devnet did not answer within 2 minutes");
    stopAll(1);
  }
  await new Promise((r) => setTimeout(r, 250));
}

// The demo always has its own embedded database: an exported DATABASE_URL (a real network's Postgres, say) is not
// passed on, so simulated data never lands there.
const { DATABASE_URL: ignoredDatabaseUrl, ...inherited } = process.env;
if (ignoredDatabaseUrl) console.log("demo: ignoring the exported DATABASE_URL; the demo uses its own embedded database in .data/demo");
const env = {
  ...inherited,
  ALLORA_NETWORK: "devnet",
  DEVNET_PORT: devnetPort,
  PORT: appPort,
  PGLITE_DATA_DIR: dataDir,
  INGEST_TOKEN_FILE: process.env.INGEST_TOKEN_FILE ?? ".data/demo/ingest-token",
  // The app handles SIGINT/SIGTERM itself, stopping its collector (and handing back its lease) before it exits.
  NEXT_MANUAL_SIG_HANDLE: "true",
};
console.log(`demo: open http://localhost:${appPort} — the collector indexes the devnet's history first (progress in /api/health)`);
const app = spawn("npx", ["--no-install", "next", "start", "-p", appPort], { stdio: "inherit", env: withYoungGeneration(env), detached: true });
children.push(app);
app.on("exit", (code) => stopAll(code ?? 0));
