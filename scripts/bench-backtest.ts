// npm run bench:backtest — one year of 5-minute epochs (105,120 points) through the strategy and the backtest with
// every metric, as the signal page re-runs them on a parameter change. Prints the median time per run.
import { performance } from "node:perf_hooks";
import { prepareEpochs, type SignalEpoch } from "@/lib/signals/engine";
import { positionsOf, DEFAULT_PARAMS, type StrategyName } from "@/lib/signals/strategies";
import { backtestSeries } from "@/lib/signals/backtest";

const POINTS = Number(process.env.BENCH_POINTS ?? 105_120);
const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const STEP_MS = 300_000;
const HORIZON_STEPS = 96; // 8 h

// A deterministic random walk and a forecast that sees a little of the future move plus noise (mulberry32).
let seed = 42;
const rand = () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let x = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
  return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
};
const gauss = () => Math.sqrt(-2 * Math.log(1 - rand())) * Math.cos(2 * Math.PI * rand());
const prices = new Float64Array(POINTS + HORIZON_STEPS);
prices[0] = 60_000;
for (let i = 1; i < prices.length; i++) prices[i] = prices[i - 1]! * Math.exp(0.0015 * gauss());
// Forecast errors persist from one epoch to the next (AR(1)), as the network's do, so positions are held for a while.
let error = 0;
const epochs: SignalEpoch[] = Array.from({ length: POINTS }, (_, i) => {
  const realized = prices[i + HORIZON_STEPS]! / prices[i]! - 1;
  error = 0.995 * error + 0.001 * gauss();
  return { height: i * 60, t: i * STEP_MS, expectedReturn: realized + error, realizedReturn: realized, realizedAt: (i + HORIZON_STEPS) * STEP_MS };
});

const epochTimes = Float64Array.from(epochs, (e) => e.t);
let t0 = performance.now();
const prepared = prepareEpochs(epochs);
const prepareMs = performance.now() - t0;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
for (const strategy of ["threshold", "confidence-scaled"] as StrategyName[]) {
  const params = { ...DEFAULT_PARAMS, strategy, thresholdBps: 50, minConfidence: 0.2 };
  const times: number[] = [];
  let result: ReturnType<typeof backtestSeries> | undefined;
  for (let r = 0; r < RUNS + 5; r++) {
    t0 = performance.now();
    result = backtestSeries({ t: epochTimes, price: prices.subarray(0, POINTS), position: positionsOf(prepared, params) }, { feeBps: 4, slippageBps: 10 });
    if (r >= 5) times.push(performance.now() - t0); // warm-up runs for the JIT
  }
  const m = result!.metrics;
  const f = (v: number | null, d = 4) => (v === null ? "—" : v.toFixed(d));
  console.log(`${strategy}: ${POINTS} points, ${m.trades} trades`);
  console.log(
    `  total ${f(m.totalReturn)}  annualized ${f(m.annualizedReturn)}  sharpe ${f(m.sharpe, 2)}  sortino ${f(m.sortino, 2)}  max drawdown ${f(m.maxDrawdown)}` +
      `  hit rate ${f(m.hitRate, 3)}  profit factor ${f(m.profitFactor, 2)}  exposure ${f(m.exposure, 3)}  buy-and-hold ${f(m.buyHoldReturn)}`,
  );
  console.log(`  strategy + backtest: ${median(times).toFixed(1)} ms per run (median of ${RUNS}; min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}; goal < 50 ms)`);
}
console.log(`confidence (bands + recent accuracy, once per series): ${prepareMs.toFixed(0)} ms`);
