// `npm run bench:queries`: p50/p95 server time of every topic-page and overview query for each range, over a
// Run with the react-server condition (see package.json) so the server-only queries load outside Next.
// generated history (default one year of 6 topics × 20 workers × 5-minute epochs, ~12.6 M worker inferences) in a
// scratch Postgres database. Sizes: BENCH_DAYS, BENCH_TOPICS, BENCH_WORKERS; BENCH_RUNS timed runs per query and
// range; BENCH_KEEP_DB=name reuses (or keeps) a generated database instead of dropping it; BENCH_ONLY=chart,wins
// times only the queries whose names contain one of those words.
import pg from "pg";
process.env.ALLORA_NETWORK = "devnet";
process.env.INGEST_TOKEN ??= "bench-queries-token-0123456789";
const { openDatabase } = await import("@/lib/db/client");
const { setDatabase } = await import("@/lib/db");
const { parseRange } = await import("@/lib/forecast/range");
const { getTopicContext, resolveWindow } = await import("@/lib/queries/forecast/context");
const { getForecastChart } = await import("@/lib/queries/forecast/chart");
const { getWins } = await import("@/lib/queries/forecast/wins");
const { getEffects } = await import("@/lib/queries/forecast/effects");
const { getLeaderboards } = await import("@/lib/queries/forecast/leaderboard");
const { getEconomics } = await import("@/lib/queries/forecast/economics");
const { getOverview } = await import("@/lib/queries/overview");
const { listTopics } = await import("@/lib/queries/topics");
const { rebuildRollups } = await import("@/lib/ingest/rollups");
const { generateBenchData, worker } = await import("./bench-queries-data");

const size = {
  days: Number(process.env.BENCH_DAYS ?? 365),
  topics: Number(process.env.BENCH_TOPICS ?? 6),
  workers: Number(process.env.BENCH_WORKERS ?? 20),
  reputers: 3,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const keep = process.env.BENCH_KEEP_DB;
const base = new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
const name = keep ?? `bench_queries_issue10a_${process.pid}`;
const admin = new pg.Client({ connectionString: base.toString() });
await admin.connect();
const exists = (await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name])).rowCount === 1;
if (!exists) await admin.query(`CREATE DATABASE "${name}"`);
const url = new URL(base);
url.pathname = `/${name}`;
const db = await openDatabase({ kind: "postgres", url: url.toString() });
setDatabase(db);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
try {
  if (!exists) {
    console.log(`generating ${size.days} days × ${size.topics} topics × ${size.workers} workers (5-minute epochs) by COPY into ${name}…`);
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const t0 = performance.now();
    await generateBenchData(client, size, (s) => console.log(s));
    await client.end();
    console.log(`generated in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const network = await db.prisma.network.findFirstOrThrow({ where: { chainId: "allora-bench-queries" } });
  if (!(await db.prisma.lossHour.findFirst({ where: { networkId: network.id }, select: { hour: true } }))) {
    // The COPYed history gets its hourly rollups from the ingest path's own statements, a week per transaction.
    const t0 = performance.now();
    const span = await db.prisma.block.aggregate({ where: { networkId: network.id }, _min: { time: true }, _max: { time: true } });
    const end = span._max.time!.getTime() + 3_600_000;
    for (let from = span._min.time!.getTime(); from < end; from += 7 * 86_400_000) {
      await db.transaction((tx) => rebuildRollups(tx, network.id, new Date(from), new Date(Math.min(end, from + 7 * 86_400_000))));
    }
    console.log(`rolled up by hour in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  const counts = await db.prisma.$queryRawUnsafe<{ t: string; n: bigint }[]>(
    ["blocks", "worker_inferences", "network_inferences", "network_inference_values", "loss_bundles", "loss_values", "scores", "rewards", "ground_truth", "loss_hours", "worker_hours"]
      .map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(" UNION ALL "),
  );
  console.log("rows: " + counts.map((c) => `${c.t} ${Number(c.n).toLocaleString("en-US")}`).join(", "));

  type Query = { name: string; run: (topic: bigint, range: string) => Promise<unknown> };
  const ctxOf = async (topic: bigint, range: string) => {
    const ctx = (await getTopicContext(network.id, topic))!;
    return { ctx, win: (await resolveWindow(ctx, parseRange({ range })))! };
  };
  const queries: Query[] = [
    { name: "context+window", run: (t, r) => ctxOf(t, r) },
    { name: "forecast chart", run: async (t, r) => { const { ctx, win } = await ctxOf(t, r); const t0 = performance.now(); await getForecastChart(ctx, win, [worker(0), worker(1)]); return performance.now() - t0; } },
    { name: "wins + regimes", run: async (t, r) => { const { ctx, win } = await ctxOf(t, r); const t0 = performance.now(); await getWins(ctx, win); return performance.now() - t0; } },
    { name: "who moved", run: async (t, r) => { const { ctx, win } = await ctxOf(t, r); const t0 = performance.now(); await getEffects(ctx, win); return performance.now() - t0; } },
    { name: "leaderboards", run: async (t, r) => { const { ctx, win } = await ctxOf(t, r); const t0 = performance.now(); await getLeaderboards(ctx, win, "score"); return performance.now() - t0; } },
    { name: "economics", run: async (t, r) => { const { ctx, win } = await ctxOf(t, r); const t0 = performance.now(); await getEconomics(ctx, win); return performance.now() - t0; } },
  ];
  const time = async (run: () => Promise<unknown>) => {
    const t0 = performance.now();
    const inner = await run();
    return typeof inner === "number" ? inner : performance.now() - t0;
  };
  console.log(`\nserver time per query (ms, ${RUNS} runs after a warm-up, topics in turn)`);
  console.log(`${"query".padEnd(18)}${["1d", "7d", "30d", "all"].map((r) => `${r} p50/p95`.padStart(18)).join("")}`);
  const only = process.env.BENCH_ONLY?.split(",");
  for (const q of queries.filter((x) => !only || only.some((o) => x.name.includes(o)))) {
    const cells: string[] = [];
    for (const range of ["1d", "7d", "30d", "all"]) {
      await time(() => q.run(1n, range));
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) xs.push(await time(() => q.run(BigInt((i % size.topics) + 1), range)));
      cells.push(`${pct(xs, 0.5).toFixed(0)} / ${pct(xs, 0.95).toFixed(0)}`.padStart(18));
    }
    console.log(q.name.padEnd(18) + cells.join(""));
  }
  const pages = [["overview", () => getOverview()], ["topic list", () => listTopics()]] as const;
  for (const [label, run] of pages.filter(([x]) => !only || only.some((o) => x.includes(o)))) {
    await run();
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) xs.push(await time(run));
    console.log(`${label.padEnd(18)}${`${pct(xs, 0.5).toFixed(0)} / ${pct(xs, 0.95).toFixed(0)}`.padStart(18)} (no range)`);
  }
} finally {
  await db.close();
  if (!keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await admin.end();
}
