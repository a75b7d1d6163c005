// `npm run bench:backfill`: the devnet's whole history (BENCH_DAYS, default 7: about 121,000 blocks) indexed from an
// empty database through the real app — `next start` with its collector process posting to /api/ingest — on
// Postgres and on PGlite (BENCH_TARGETS, default "postgres,pglite"). Prints, for each: wall time, blocks/s, RPC HTTP
// requests per 1,000 blocks (REST requests beside them, as the devnet counted them), peak RSS of the app's processes
// and p95 latency of GET /, /topics and /staking sampled during the run, and the app's longest event-loop stalls.
// Needs a production build (made if missing); each run is bounded by BENCH_TIMEOUT_S (default 900 s).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { createEmptyPostgresDatabase } from "../tests/support/test-db";
import { withYoungGeneration } from "./node-flags.mjs";

const DAYS = Number(process.env.BENCH_DAYS ?? 7);
const TARGETS = (process.env.BENCH_TARGETS ?? "postgres,pglite").split(",").map((t) => t.trim());
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_S ?? 900) * 1000;
const PG_URL = process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const PAGES = ["/", "/topics", "/staking"];
// BENCH_CPU_PROF=dir: the devnet, the app and its collector process write V8 CPU profiles there (node --cpu-prof).
const PROF = process.env.BENCH_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF)}`] : [];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(command: string, args: string[], env: Record<string, string>): ChildProcess {
  // The devnet and the app with the flags `npm run demo` gives them.
  const full: NodeJS.ProcessEnv = withYoungGeneration({ ...process.env, ...env });
  // PGlite runs: no DATABASE_URL at all, so the app opens its embedded database.
  if (!env.DATABASE_URL) delete full.DATABASE_URL;
  return spawn(command, args, { env: full, stdio: ["ignore", "pipe", "inherit"], detached: true });
}

async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once("exit", resolve));
  process.kill(-child.pid!, "SIGTERM");
  await Promise.race([exited, sleep(20_000).then(() => process.kill(-child.pid!, "SIGKILL"))]);
}

/** Resident memory (kB) of every process in a process group, by reading /proc (Linux). */
function groupRssKb(pgid: number): number {
  let total = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== pgid) continue;
      const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
      total += Number(rss?.[1] ?? 0);
    } catch {
      // the process ended meanwhile
    }
  }
  return total;
}

/** CPU seconds (user + system) so far of every live process, by pid, with its process group and command line. */
function processCpu(): { pid: string; pgid: number; cmd: string; seconds: number }[] {
  const out = [];
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const cmd = readFileSync(`/proc/${pid}/cmdline`, "utf8").replace(/\0/g, " ");
      // utime and stime, in clock ticks (100 per second on Linux).
      out.push({ pid, pgid: Number(fields[2]), cmd, seconds: (Number(fields[11]) + Number(fields[12])) / 100 });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

const quantile = (xs: number[], q: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))]! : NaN);
const p95 = (xs: number[]) => quantile(xs, 0.95);

async function waitFor(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    if (await fetch(url).then((r) => r.ok, () => false)) return;
    await sleep(200);
  }
  throw new Error(`${url} did not answer in time`);
}

async function run(target: string) {
  const devnetPort = await freePort();
  const appPort = await freePort();
  const scratch = mkdtempSync(path.join(tmpdir(), "allora-bench-backfill-"));
  const pg = target === "postgres" ? await createEmptyPostgresDatabase(PG_URL) : null;
  const devnet = start(process.execPath, [...PROF, "--import", "tsx", "scripts/devnet.ts", "--days", String(DAYS), "--port", String(devnetPort), "--block-time-ms", "0"], {});
  devnet.stdout?.resume();
  let app: ChildProcess | null = null;
  try {
    const devnetUrl = `http://127.0.0.1:${devnetPort}`;
    await waitFor(`${devnetUrl}/status`, Date.now() + 120_000);
    const head = ((await (await fetch(`${devnetUrl}/__devnet/info`)).json()) as { height: number }).height;
    const env = {
      ALLORA_NETWORK: "devnet", DEVNET_PORT: String(devnetPort), PORT: String(appPort), NEXT_MANUAL_SIG_HANDLE: "true",
      INGEST_TOKEN_FILE: path.join(scratch, "ingest-token"), ...(pg ? { DATABASE_URL: pg.url } : { PGLITE_DATA_DIR: path.join(scratch, "pglite") }),
    };
    const t0 = performance.now();
    const loopLog = path.join(scratch, "event-loop.log");
    const server = start(process.execPath, [...PROF, "--import", "./scripts/event-loop-probe.mjs", "node_modules/next/dist/bin/next", "start", "-p", String(appPort)], {
      ...env, EVENT_LOOP_LOG: loopLog,
    });
    app = server;
    // The app's log is not printed, but for the collector's failures and refusals: a run that backs off says so.
    let logTail = "";
    server.stdout?.on("data", (chunk: Buffer) => {
      const lines = (logTail + chunk.toString("utf8")).split("\n");
      logTail = lines.pop() ?? "";
      for (const line of lines) if (/collector: (?:backing_off|error|stopped)/.test(line)) console.error(`bench:backfill: app: ${line.slice(0, 300)}`);
    });
    const appUrl = `http://127.0.0.1:${appPort}`;
    const deadline = Date.now() + TIMEOUT_MS;
    await waitFor(`${appUrl}/api/health`, deadline);
    const latencies: number[] = [];
    const byPage = new Map<string, number[]>(PAGES.map((p) => [p, []]));
    let peakRss = 0;
    const cpu = new Map<string, { role: string; seconds: number }>();
    let indexed = 0;
    let done = false;
    const sampler = (async () => {
      for (let i = 0; !done; i++) {
        const t = performance.now();
        const res = await fetch(`${appUrl}${PAGES[i % PAGES.length]}`);
        await res.arrayBuffer();
        if (!done) {
          latencies.push(performance.now() - t);
          byPage.get(PAGES[i % PAGES.length]!)!.push(performance.now() - t);
        }
        await sleep(100);
      }
    })();
    while (indexed < head) {
      if (Date.now() > deadline) throw new Error(`timed out after ${TIMEOUT_MS / 1000} s at height ${indexed} of ${head}`);
      if (server.exitCode !== null) throw new Error(`the app exited (${server.exitCode})`);
      const health = (await (await fetch(`${appUrl}/api/health`)).json()) as { indexedHeight: string | null; collector: { state: string; lastError: string | null } | null };
      indexed = Number(health.indexedHeight ?? 0);
      if (health.collector?.state === "error") throw new Error(`collector error: ${health.collector.lastError}`);
      peakRss = Math.max(peakRss, groupRssKb(server.pid!));
      // Where the CPU goes: the devnet, the app (next-server), its collector process and the database's backends.
      for (const p of processCpu()) {
        const role =
          p.pgid === devnet.pid ? "devnet" : p.pgid === server.pid ? (p.cmd.includes("collect.ts") ? "collector" : "app") : pg && p.cmd.includes(new URL(pg.url).pathname.slice(1)) ? "postgres" : null;
        if (role) cpu.set(p.pid, { role, seconds: p.seconds });
      }
      await sleep(250);
    }
    const seconds = (performance.now() - t0) / 1000;
    done = true;
    await sampler;
    // The same pages once the backfill is over: what the queries cost on the full week, with no ingest beside them.
    const after: number[] = [];
    for (let i = 0; i < 5 * PAGES.length; i++) {
      const t = performance.now();
      await (await fetch(`${appUrl}${PAGES[i % PAGES.length]}`)).arrayBuffer();
      after.push(performance.now() - t);
    }
    const stats = (await (await fetch(`${devnetUrl}/__devnet/stats`)).json()) as { rpc_posts: number; rpc_gets: number; rest_gets: number };
    const per1000 = (n: number) => ((n / head) * 1000).toFixed(1);
    const cpuBy = new Map<string, number>();
    for (const { role, seconds: used } of cpu.values()) cpuBy.set(role, (cpuBy.get(role) ?? 0) + used);
    const label = target === "postgres" ? "Postgres" : "PGlite  ";
    // The longest stall of the app's event loop in each 5 s window of the run (scripts/event-loop-probe.mjs).
    const stalls = existsSync(loopLog) ? readFileSync(loopLog, "utf8").split("\n").filter(Boolean).map(Number) : [];
    console.log(
      `${label}: ${head} blocks in ${seconds.toFixed(1)} s = ${Math.round(head / seconds)} blocks/s · ` +
        `RPC ${per1000(stats.rpc_posts + stats.rpc_gets)} requests/1,000 blocks (REST ${per1000(stats.rest_gets)}) · ` +
        `peak RSS ${Math.round(peakRss / 1024)} MB · page p95 ${p95(latencies).toFixed(0)} ms (p50 ${quantile(latencies, 0.5).toFixed(0)}; ${latencies.length} GETs: ` +
        `${[...byPage].map(([page, ms]) => `${page} ${p95(ms).toFixed(0)}`).join(", ")}) · after the backfill ${p95(after).toFixed(0)} ms · ` +
        `event-loop stall per 5 s: median ${quantile(stalls, 0.5).toFixed(0)}, max ${Math.max(...stalls).toFixed(0)} ms · ` +
        `CPU s ${[...cpuBy].map(([role, used]) => `${role} ${used.toFixed(0)}`).join(", ")}`,
    );
  } finally {
    if (app) await stopGroup(app);
    await stopGroup(devnet);
    // BENCH_KEEP_DB=1: the database (Postgres, or the PGlite directory) stays for EXPLAIN (ANALYZE) of the week it
    // holds; remove it yourself.
    const keep = process.env.BENCH_KEEP_DB === "1";
    if (keep) console.log(`bench:backfill: kept ${pg ? pg.url : path.join(scratch, "pglite")}`);
    else await pg?.drop();
    if (!keep || pg) rmSync(scratch, { recursive: true, force: true });
    else for (const entry of readdirSync(scratch)) if (entry !== "pglite") rmSync(path.join(scratch, entry), { recursive: true, force: true });
  }
}

if (!existsSync(".next/BUILD_ID")) {
  console.log("bench:backfill: no production build yet, running `next build` first…");
  if (spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit" }).status !== 0) process.exit(1);
}
console.log(`bench:backfill: ${DAYS} devnet day(s), targets ${TARGETS.join(", ")}`);
for (const target of TARGETS) await run(target);
