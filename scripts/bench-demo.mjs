// `npm run bench:demo`: what a newcomer waits for. Runs `npm run demo` with a fresh data folder (the production build
// must exist, or the demo builds it first: build time is not counted) and times, from the demo's "demo: open …" line,
// until the lag is under 30 s in /api/health and until the overview no longer shows the lag banner.
// BENCH_DEMO_DATA_DIR=dir keeps the demo's data there (the caught-up PGlite week, for `BENCH_PGLITE_DIR=dir/pglite
// npm run bench:queries`) instead of a scratch folder that is removed at the end; the folder must not exist yet.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const appPort = process.env.BENCH_DEMO_PORT ?? "3600";
const devnetPort = process.env.BENCH_DEMO_DEVNET_PORT ?? "26700";
const limitSeconds = Number(process.env.BENCH_DEMO_LIMIT_SECONDS ?? "900");
const keptDir = process.env.BENCH_DEMO_DATA_DIR ? path.resolve(process.env.BENCH_DEMO_DATA_DIR) : null;
if (keptDir && existsSync(keptDir)) {
  console.error(`bench:demo: BENCH_DEMO_DATA_DIR ${keptDir} exists already: the demo must start from an empty data folder`);
  process.exit(2);
}
const dataRoot = keptDir ?? mkdtempSync(path.join(tmpdir(), "bench-demo-"));
if (keptDir) mkdirSync(keptDir, { recursive: true });
const base = `http://127.0.0.1:${appPort}`;

const demo = spawn("node", ["scripts/demo.mjs"], {
  env: {
    ...process.env,
    PORT: appPort,
    DEVNET_PORT: devnetPort,
    PGLITE_DATA_DIR: path.join(dataRoot, "pglite"),
    INGEST_TOKEN_FILE: path.join(dataRoot, "ingest-token"),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
const stop = (code) => {
  demo.kill("SIGTERM");
  setTimeout(() => {
    if (!keptDir) rmSync(dataRoot, { recursive: true, force: true });
    process.exit(code);
  }, 3_000);
};

const opened = await new Promise((resolve) => {
  demo.stdout.on("data", (chunk) => {
    if (String(chunk).includes("demo: open")) resolve(Date.now());
  });
});
const seconds = () => ((Date.now() - opened) / 1000).toFixed(0);
console.log("bench:demo: \"demo: open\" printed; polling /api/health and / every 2 s");

let lagUnder30 = null;
let bannerGone = null;
let lastReport = 0;
while (bannerGone === null || lagUnder30 === null) {
  if ((Date.now() - opened) / 1000 > limitSeconds) {
    console.log(`bench:demo: gave up after ${limitSeconds} s (lag under 30 s: ${lagUnder30 ?? "not yet"}, banner gone: ${bannerGone ?? "not yet"})`);
    stop(1);
    break;
  }
  try {
    const health = await (await fetch(`${base}/api/health`)).json();
    if (lagUnder30 === null && health.indexedHeight !== null && health.lagSeconds !== null && health.lagSeconds < 30) {
      lagUnder30 = seconds();
      console.log(`bench:demo: lag under 30 s after ${lagUnder30} s (indexed ${health.indexedHeight} of ${health.chainHeight})`);
    }
    const html = await (await fetch(`${base}/`)).text();
    if (bannerGone === null && health.indexedHeight !== null && !html.includes('data-testid="freshness-banner"')) {
      bannerGone = seconds();
      console.log(`bench:demo: lag banner gone after ${bannerGone} s`);
    }
    if (Date.now() - lastReport > 30_000) {
      lastReport = Date.now();
      console.log(`bench:demo: ${seconds()} s: indexed ${health.indexedHeight ?? "nothing"} of ${health.chainHeight}, lag ${health.lagSeconds ?? "?"} s`);
    }
  } catch {
    // The app is still starting.
  }
  await new Promise((r) => setTimeout(r, 2_000));
}
if (bannerGone !== null && lagUnder30 !== null) {
  console.log(`bench:demo: from "demo: open" to lag < 30 s: ${lagUnder30} s; to no lag banner: ${bannerGone} s (goal 180 s)`);
  stop(0);
}
