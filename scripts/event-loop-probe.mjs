// `node --import ./scripts/event-loop-probe.mjs …` (bench:backfill starts the app with it): appends the longest
// event-loop stall of every 5-second window, in ms, one number a line, to the file named by EVENT_LOOP_LOG. A page
// request that arrives during a stall waits for it, so these are the app thread's share of the page latency.
import { appendFileSync } from "node:fs";
import { monitorEventLoopDelay } from "node:perf_hooks";

const file = process.env.EVENT_LOOP_LOG;
if (file) {
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  histogram.enable();
  setInterval(() => {
    appendFileSync(file, `${(histogram.max / 1e6).toFixed(0)}\n`);
    histogram.reset();
  }, 5_000).unref();
}
