// `npm run bench:queries`: p50/p95 server time of every topic-page and overview query for each range, over a
// generated history (default one year of 6 topics × 20 workers × 5-minute epochs, ~12.6 M worker inferences) in a
// scratch Postgres database. Sizes: BENCH_DAYS, BENCH_TOPICS, BENCH_WORKERS; BENCH_RUNS timed runs per query and
// range; BENCH_KEEP_DB=name reuses (or keeps) a generated database instead of dropping it; BENCH_ONLY=chart,wins
// times only the queries whose names contain one of those words. BENCH_PGLITE_DIR=dir times them on an existing
// PGlite database instead (the demo's devnet week: see the README).
// Run with the react-server condition (see package.json) so the server-only queries load outside Next.
export {}; // a module, for the top-level awaits
process.env.ALLORA_NETWORK = "devnet";
process.env.INGEST_TOKEN ??= "bench-queries-token-0123456789";
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
const { getOverviewTopics } = await import("@/lib/queries/overview-topics");
const { getTokenomics } = await import("@/lib/queries/tokenomics");
const { getTopicDirectory } = await import("@/lib/queries/topic-directory");
const { getIndexStatus } = await import("@/lib/queries/status");
const { listReputerStakes, listValidators } = await import("@/lib/queries/staking");
const { pgliteSource, postgresSource } = await import("./bench-queries-source");

const size = {
  days: Number(process.env.BENCH_DAYS ?? 365),
  topics: Number(process.env.BENCH_TOPICS ?? 6),
  workers: Number(process.env.BENCH_WORKERS ?? 20),
  reputers: 3,
};
const RUNS = Number(process.env.BENCH_RUNS ?? 12);
const source = process.env.BENCH_PGLITE_DIR
  ? await pgliteSource(process.env.BENCH_PGLITE_DIR)
  : await postgresSource(size, process.env.BENCH_KEEP_DB, new URL(process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres"));
const { db, networkId, topics } = source;
setDatabase(db);

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))]!;
try {
  const counts = await db.prisma.$queryRawUnsafe<{ t: string; n: bigint }[]>(
    ["blocks", "worker_inferences", "network_inferences", "network_inference_values", "loss_bundles", "loss_values", "scores", "rewards", "ground_truth", "loss_hours", "worker_hours", "reward_hours", "price_hours"]
      .map((t) => `SELECT '${t}' AS t, count(*) AS n FROM ${t}`).join(" UNION ALL "),
  );
  console.log("rows: " + counts.map((c) => `${c.t} ${Number(c.n).toLocaleString("en-US")}`).join(", "));

  const workers = new Map(await Promise.all(topics.map(async (t) => [t, await source.workers(t)] as const)));
  type Query = { name: string; run: (topic: bigint, range: string) => Promise<unknown> };
  const ctxOf = async (topic: bigint, range: string) => {
    const ctx = (await getTopicContext(networkId, topic))!;
    return { ctx, win: await resolveWindow(ctx, parseRange({ range })) };
  };
  // Each query's own time, after the context and window it needs (timed on their own as the first row).
  const timed = (run: (ctx: Awaited<ReturnType<typeof ctxOf>>["ctx"], win: NonNullable<Awaited<ReturnType<typeof ctxOf>>["win"]>, topic: bigint) => Promise<unknown>) =>
    async (topic: bigint, range: string) => {
      const { ctx, win } = await ctxOf(topic, range);
      if (!win) return 0;
      const t0 = performance.now();
      await run(ctx, win, topic);
      return performance.now() - t0;
    };
  const queries: Query[] = [
    { name: "context+window", run: (t, r) => ctxOf(t, r) },
    { name: "forecast chart", run: timed((ctx, win, t) => getForecastChart(ctx, win, workers.get(t) ?? [])) },
    { name: "wins + regimes", run: timed((ctx, win) => getWins(ctx, win)) },
    { name: "who moved", run: timed((ctx, win) => getEffects(ctx, win)) },
    { name: "leaderboards", run: timed((ctx, win) => getLeaderboards(ctx, win, "score")) },
    { name: "economics", run: timed((ctx, win) => getEconomics(ctx, win)) },
  ];
  const time = async (run: () => Promise<unknown>) => {
    const t0 = performance.now();
    const inner = await run();
    return typeof inner === "number" ? inner : performance.now() - t0;
  };
  console.log(`\nserver time per query (ms, ${RUNS} runs after a warm-up of every topic, topics in turn)`);
  console.log(`${"query".padEnd(18)}${["1d", "7d", "30d", "all"].map((r) => `${r} p50/p95`.padStart(18)).join("")}`);
  const only = process.env.BENCH_ONLY?.split(",");
  for (const q of queries.filter((x) => !only || only.some((o) => x.name.includes(o)))) {
    const cells: string[] = [];
    for (const range of ["1d", "7d", "30d", "all"]) {
      // Warm-up: each topic once, so the timed runs see the steady state of a served page, not a first read from disk.
      for (const t of topics) await time(() => q.run(t, range));
      const xs: number[] = [];
      for (let i = 0; i < RUNS; i++) xs.push(await time(() => q.run(topics[i % topics.length]!, range)));
      cells.push(`${pct(xs, 0.5).toFixed(0)} / ${pct(xs, 0.95).toFixed(0)}`.padStart(18));
    }
    console.log(q.name.padEnd(18) + cells.join(""));
  }
  // Every query function GET /, /topics and /staking run, not only the counts: the slow one was the one left out.
  const pages = [
    ["index status", () => getIndexStatus()],
    ["overview", () => getOverview()], ["overview topics", () => getOverviewTopics()], ["tokenomics", () => getTokenomics()],
    ["topic list", () => listTopics()], ["topic directory", () => getTopicDirectory()],
    ["staking reputers", () => listReputerStakes()], ["staking validators", () => listValidators()],
  ] as const;
  for (const [label, run] of pages.filter(([x]) => !only || only.some((o) => x.includes(o)))) {
    await run();
    const xs: number[] = [];
    for (let i = 0; i < RUNS; i++) xs.push(await time(run));
    console.log(`${label.padEnd(18)}${`${pct(xs, 0.5).toFixed(0)} / ${pct(xs, 0.95).toFixed(0)}`.padStart(18)} (no range)`);
  }
} finally {
  await source.close();
}
