// The topic page's queries against a hand-computed history, written through the real ingest route.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setDatabase } from "@/lib/db";
import { parseRange } from "@/lib/forecast/range";
import { getTopicContext, resolveWindow, type HeightWindow, type TopicContext } from "@/lib/queries/forecast/context";
import { getForecastChart } from "@/lib/queries/forecast/chart";
import { getWins } from "@/lib/queries/forecast/wins";
import { getEffects } from "@/lib/queries/forecast/effects";
import { getLeaderboards } from "@/lib/queries/forecast/leaderboard";
import { getEconomics } from "@/lib/queries/forecast/economics";
import { createTestDatabase, describeTestDatabase, type TestDatabase } from "../support/test-db";
import { A, B, C, F, R, T0, TOPIC, forecastBatch, prediction } from "../support/forecast-history-fixture";

const TOKEN = "integration-test-token-0123456789";
process.env.INGEST_TOKEN = TOKEN;
const { POST } = await import("@/app/api/ingest/route");

let db: TestDatabase;
let ctx: TopicContext;
let all: HeightWindow;
beforeAll(async () => {
  db = await createTestDatabase();
  setDatabase(db);
  const res = await POST(
    new Request("http://localhost/api/ingest", {
      method: "POST",
      headers: { authorization: `Bearer ${TOKEN}`, "content-type": "application/json" },
      body: JSON.stringify(forecastBatch()),
    }),
  );
  expect(res.status).toBe(200);
  const network = await db.prisma.network.findFirstOrThrow({ where: { chainId: "allora-forecast-fixture" } });
  ctx = (await getTopicContext(network.id, BigInt(TOPIC)))!;
  all = (await resolveWindow(ctx, parseRange({ range: "all" })))!;
});
afterAll(() => db.dispose());

describe(`forecast queries (${describeTestDatabase()})`, () => {
  it("reads the topic's horizon and realized-price series, and an unknown topic is null", async () => {
    expect(ctx).toMatchObject({ label: "y", labels: ["y"], horizonSeconds: 600, truth: { source: "fixture", series: "BTC/USD" }, asOfHeight: 93n });
    expect(all).toMatchObject({ fromHeight: 1n, toHeight: 93n });
    expect(await getTopicContext(ctx.networkId, 999n)).toBeNull();
  });

  it("charts network vs realized (price 10 minutes later), null where the horizon has not passed", async () => {
    const chart = await getForecastChart(ctx, all, [A]);
    expect(chart.epochs).toBe(83);
    expect(chart.points).toHaveLength(83);
    expect(chart.points[5]).toMatchObject({ nonce: "6", t: T0 + 5 * 60_000, network: prediction(5), naive: prediction(5) + 1, realized: 115 });
    expect(chart.points[10]!.realized).toBe(120); // prediction 115 missed by the residual 5
    expect(chart.points[82]).toMatchObject({ nonce: "83", realized: null });
    expect(chart.points[5]!.w).toEqual([null]); // worker A submitted no inference rows in this fixture
    expect(chart.realized).toBe("ok");
  });

  it("bands come from residuals known at the time; coverage counts realized values inside them", async () => {
    const chart = await getForecastChart(ctx, all, []);
    // Epoch k's residual is known 10 epochs later; the band needs 30 known residuals: first band at k = 39.
    expect(chart.points[38]!.band68).toBeNull();
    // 90% of residuals are 0 and 10% are 5: the 68% band is the prediction itself, the 95% band reaches +5.
    expect(chart.points[39]!.band68).toEqual([prediction(39), prediction(39)]);
    expect(chart.points[39]!.band95).toEqual([prediction(39), prediction(39) + 5]);
    // k = 39..80 have a band and a realized value (42); the misses at 40, 50, 60, 70, 80 fall outside the 68% band.
    expect(chart.coverage).toEqual({ n: 42, inside68: 37, inside95: 42, share68: 37 / 42, share95: 1 });
  });

  it("a custom range keeps the residuals from before it, so its bands need no warm-up", async () => {
    const from = new Date(T0 + 50 * 60_000).toISOString();
    const to = new Date(T0 + 92 * 60_000).toISOString();
    const win = (await resolveWindow(ctx, parseRange({ from, to })))!;
    const chart = await getForecastChart(ctx, win, []);
    expect(chart.points[0]).toMatchObject({ nonce: "51" });
    expect(chart.points[0]!.band68).not.toBeNull();
    expect(chart.coverage).toMatchObject({ n: 31, inside68: 27, inside95: 31 });
  });

  it("scores the best worker chosen without hindsight and gives a verdict", async () => {
    const wins = await getWins(ctx, all);
    // A (0.5) leads every trailing 48-epoch window, so it is the pick from epoch 48 on; from 60 its loss is 2.
    expect(wins.summary.scoredEpochs).toBe(33);
    expect(wins.summary.networkBeatBestShare).toBeCloseTo(21 / 33, 12);
    expect(wins.summary.best).toBeCloseTo(48 / 33, 12);
    expect(wins.summary).toMatchObject({ network: 1, naive: 1.5, median: 1.5 });
    expect(wins.verdict).toBe("The network beat its best single worker (chosen without hindsight) in 64% of 33 epochs, with 31% lower mean loss. It beat the naive forecast.");
    expect(wins.points).toHaveLength(81);
    expect(wins.points[47]!.best).toBeNull(); // warming up: no pick before 48 epochs
    expect(wins.points[59]!.best).toBe(0.5);
  });

  it("splits loss by terciles of realized volatility", async () => {
    const wins = await getWins(ctx, all);
    expect(wins.regimeSeries.map((s) => s.key)).toEqual(["network", "naive", A, C, B]);
    const by = Object.fromEntries(wins.regimes!.map((r) => [r.regime, r]));
    expect(by.calm).toMatchObject({ buckets: 27, losses: { network: 1, naive: 1 } });
    expect(by.normal).toMatchObject({ buckets: 27, losses: { network: 1, naive: 1.5 } });
    expect(by.volatile).toMatchObject({ buckets: 27, losses: { network: 1, naive: 2 } });
    expect(by.calm!.losses[A]).toBeCloseTo(24 / 27, 12);
    expect(by.volatile!.losses[B]).toBeCloseTo(62.8 / 27, 12);
  });

  it("ranks who moved the forecast: one-out for inferers, one-in for forecasters, with weights", async () => {
    const effects = await getEffects(ctx, all);
    expect(effects.rows.map((r) => [r.actor, r.role])).toEqual([[F, "forecaster"], [A, "inferer"], [B, "inferer"]]);
    expect(effects.rows[0]).toMatchObject({ meanEffect: -0.5, meanAbsEffect: 0.5, meanWeight: null, epochs: 83 });
    expect(effects.rows[1]).toMatchObject({ meanEffect: 0.25, meanWeight: 0.75 });
    expect(effects.rows[2]).toMatchObject({ meanEffect: -0.125, meanWeight: 0.25 });
    expect(effects.rows[1]!.cells.every((c) => c !== null && Math.abs(c - 0.25) < 1e-9)).toBe(true);
  });

  it("lists leaderboards with latest EMA score, trend, inclusions and exact rewards", async () => {
    const boards = await getLeaderboards(ctx, all, "score");
    expect(boards.inferer.map((r) => r.address)).toEqual([A, B]);
    expect(boards.inferer[0]).toMatchObject({ score: "0.3", scoreHeight: "50", inclusions: 10, rewards: "1500000000000000000.5" });
    expect(boards.inferer[0]!.trend).toBeCloseTo(0.2, 12);
    expect(boards.inferer[1]).toMatchObject({ trend: null, rewards: null });
    expect(boards.reputer[0]).toMatchObject({ address: R, score: "0.9", inclusions: 5, rewards: "2000000000000000000" });
    expect((await getLeaderboards(ctx, all, "rewards")).inferer[0]!.address).toBe(A);
  });

  it("reports topic economics exactly, with the reward split over time", async () => {
    const econ = await getEconomics(ctx, all);
    expect(econ).toMatchObject({ topicStake: "7000000000000000000000", effectiveRevenue: "3000", weight: "12.5" });
    expect(econ.totals).toEqual({ inferer: "1500000000000000000.5", forecaster: null, reputer: "2000000000000000000" });
    const paid = econ.points.reduce((s, p) => s + (p.inferers ?? 0), 0);
    expect(paid).toBeCloseTo(1.5, 9);
    expect(econ.points[0]!.weight).toBeNull(); // before the first weight report: missing, not zero
    expect(econ.points.at(-1)).toMatchObject({ weight: 12.5, stake: 7000 });
  });
});
