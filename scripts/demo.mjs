// `npm run demo`: the whole product offline, with zero configuration: a simulated Allora devnet with a week of
// history, the app, and its in-process collector indexing the devnet into an embedded database of its own
// (.data/demo, never mixed with a real network's data). Everything it shows is labelled "Simulated devnet".
import { spawn, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const devnetPort = process.env.DEVNET_PORT ?? "26657";
const appPort = process.env.PORT ?? "3000";
const days = process.env.DEVNET_DAYS ?? "7";
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

console.log(`demo: starting the simulated devnet (${days} days of history) on port ${devnetPort}…`);
const devnet = spawn("npx", ["--no-install", "tsx", "scripts/devnet.ts", "--days", days, "--port", devnetPort], { stdio: "inherit", detached: true });
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

const env = {
  ...process.env,
  ALLORA_NETWORK: "devnet",
  DEVNET_PORT: devnetPort,
  PORT: appPort,
  PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR ?? ".data/demo/pglite",
  INGEST_TOKEN_FILE: process.env.INGEST_TOKEN_FILE ?? ".data/demo/ingest-token",
  // The app handles SIGINT/SIGTERM itself, stopping its collector (and handing back its lease) before it exits.
  NEXT_MANUAL_SIG_HANDLE: "true",
};
console.log(`demo: open http://localhost:${appPort} — the collector indexes the devnet's history first (progress in /api/health)`);
const app = spawn("npx", ["--no-install", "next", "start", "-p", appPort], { stdio: "inherit", env, detached: true });
children.push(app);
app.on("exit", (code) => stopAll(code ?? 0));
