// The benchmark dataset of `npm run bench:queries`: a year of 5-minute epochs for several topics, COPYed straight
// into the tables. This is a benchmark fixture, not the app's write path (which is POST /api/ingest, measured by
// bench:ingest): millions of rows through the route would time the route, not the page queries.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";

export type BenchSize = { days: number; topics: number; workers: number; reputers: number };
export const EPOCH_BLOCKS = 60; // 60 blocks of 5 s: a 5-minute epoch
export const START = Date.parse("2025-12-01T00:00:00Z");
const EPOCH_MS = 300_000;
const METADATA = [
  ["BTC/USD - Log Returns - 8h", "czar", "BTC"],
  ["ETH/USD - Log Returns - 8h", "czar", "ETH"],
  ["ETH/USD - Price Prediction - 8h", "mse", "ETH"],
  ["BTC/USD - Volatility - 15m", "mse", "BTC"],
  ["SOL/USD - Price Prediction - 8h", "mse", "SOL"],
  ["BTC/USD - Log Returns - 1h", "ztae", "BTC"],
] as const;

export const epochsOf = (s: BenchSize) => s.days * 288;
export const heightOf = (epoch: number) => 1 + epoch * EPOCH_BLOCKS;
const iso = (ms: number) => new Date(ms).toISOString();
export const worker = (w: number) => `allo1benchworker${String(w).padStart(28, "0")}`;
export const reputer = (r: number) => `allo1benchreputer${String(r).padStart(27, "0")}`;

// A cheap deterministic hash → [0, 1), so every table agrees on the same (topic, epoch, worker) without state.
function u(a: number, b: number, c: number, salt: number): number {
  let h = (a * 374761393 + b * 668265263 + c * 2246822519 + salt * 3266489917) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}
const f = (x: number) => x.toPrecision(12);

async function copy(client: pg.Client, table: string, columns: string, rows: () => Generator<string>): Promise<number> {
  let n = 0;
  function* chunks() {
    let buf: string[] = [];
    for (const line of rows()) {
      buf.push(line);
      n++;
      if (buf.length === 5000) {
        yield buf.join("");
        buf = [];
      }
    }
    if (buf.length) yield buf.join("");
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY ${table} (${columns}) FROM STDIN`)));
  return n;
}

/** Fills an empty, migrated database; returns the row count per table. */
export async function generateBenchData(client: pg.Client, size: BenchSize, log: (s: string) => void): Promise<Record<string, number>> {
  const E = epochsOf(size);
  const T = size.topics;
  const W = size.workers;
  const { rows } = await client.query<{ id: number }>(
    `INSERT INTO networks (chain_id, name, kind, simulated, emissions_version, updated_at) VALUES ('allora-bench-queries', 'Bench', 'devnet', true, 'v10', now()) RETURNING id`,
  );
  const net = rows[0]!.id;
  const topics = Array.from({ length: T }, (_, i) => ({ id: i + 1, meta: METADATA[i % METADATA.length]! }));
  for (const t of topics) {
    await client.query(
      `INSERT INTO topics (network_id, topic_id, creator, metadata, loss_method, epoch_last_ended, epoch_length, ground_truth_lag, p_norm,
        alpha_regret, allow_negative, epsilon, label_whitelist, is_active, weight, effective_revenue, topic_stake, updated_height)
       VALUES ($1, $2, $3, $4, $5, $6, ${EPOCH_BLOCKS}, 5760, 3, 0.1, true, 0.0001, '{}', true, 12.5, 3000000000000000000000, 7000000000000000000000000, $6)`,
      [net, t.id, reputer(0), t.meta[0], t.meta[1], heightOf(E - 1)],
    );
    await client.query(`INSERT INTO topic_labels (network_id, topic_id, label_name, label_id, first_seen_height) VALUES ($1, $2, 'y', 0, 1)`, [net, t.id]);
  }
  const counts: Record<string, number> = {};
  const run = async (table: string, columns: string, gen: () => Generator<string>) => {
    const t0 = performance.now();
    counts[table] = (counts[table] ?? 0) + (await copy(client, table, columns, gen));
    log(`  ${table}: ${counts[table]!.toLocaleString("en-US")} rows (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
  };
  // Blocks only at epoch heights: the queries join blocks on nonce heights and search them by time; the 59 blocks
  // between would only make the table larger.
  await run("blocks", "network_id, height, time, tx_count, event_count", function* () {
    for (let e = 0; e < E; e++) yield `${net}\t${heightOf(e)}\t${iso(START + e * EPOCH_MS)}\t0\t0\n`;
  });
  await run("ground_truth", "source, series, time, value", function* () {
    for (const [a, asset] of ["BTC", "ETH", "SOL"].entries()) {
      let p = [90_000, 3_000, 150][a]!;
      for (let m = 0; m < E * 5 + 24 * 60; m++) {
        p *= 1 + (u(a, m, 7, 1) - 0.5) * 0.002;
        yield `bench\t${asset}/USD\t${iso(START + m * 60_000)}\t${f(p)}\n`;
      }
    }
  });
  const value = (t: number, e: number, w: number) => (t % 2 ? 3000 + (u(t, e, w, 2) - 0.5) * 30 : (u(t, e, w, 2) - 0.5) * 0.01);
  await run("network_inferences", "network_id, topic_id, nonce, label, outlier_resistant, combined_value, naive_value, block_height", function* () {
    for (const t of topics) for (let e = 0; e < E; e++) yield `${net}\t${t.id}\t${heightOf(e)}\ty\tf\t${f(value(t.id, e, 99))}\t${f(value(t.id, e, 98))}\t${heightOf(e) + 12}\n`;
  });
  await run("worker_inferences", "network_id, topic_id, nonce, inferer, label, value, block_height", function* () {
    for (const t of topics) for (let e = 0; e < E; e++) for (let w = 0; w < W; w++) yield `${net}\t${t.id}\t${heightOf(e)}\t${worker(w)}\ty\t${f(value(t.id, e, w))}\t${heightOf(e) + 3}\n`;
  });
  await run("network_inference_values", "network_id, topic_id, nonce, label, outlier_resistant, kind, actor, peer, value", function* () {
    for (const t of topics)
      for (let e = 0; e < E; e++)
        for (let w = 0; w < W; w++) {
          yield `${net}\t${t.id}\t${heightOf(e)}\ty\tf\tinferer\t${worker(w)}\t\t${f(value(t.id, e, w))}\n`;
          yield `${net}\t${t.id}\t${heightOf(e)}\ty\tf\tone_out_inferer\t${worker(w)}\t\t${f(value(t.id, e, 99) + (u(t.id, e, w, 3) - 0.5) * 0.001)}\n`;
        }
  });
  await run("loss_bundles", "network_id, topic_id, nonce, reputer, combined_value, naive_value, block_height", function* () {
    for (const t of topics)
      for (let e = 0; e < E; e++) {
        yield `${net}\t${t.id}\t${heightOf(e)}\t\t${f(0.5 + u(t.id, e, 0, 4))}\t${f(1 + u(t.id, e, 0, 5))}\t${heightOf(e) + 5760}\n`;
        for (let r = 0; r < size.reputers; r++) yield `${net}\t${t.id}\t${heightOf(e)}\t${reputer(r)}\t${f(0.5 + u(t.id, e, r, 6))}\t${f(1 + u(t.id, e, r, 5))}\t${heightOf(e) + 5760}\n`;
      }
  });
  await run("loss_values", "network_id, topic_id, nonce, reputer, kind, actor, peer, value", function* () {
    for (const t of topics) for (let e = 0; e < E; e++) for (let w = 0; w < W; w++) yield `${net}\t${t.id}\t${heightOf(e)}\t\tinferer\t${worker(w)}\t\t${f(0.4 + u(t.id, e, w, 7) * (1 + (w % 5) * 0.1))}\n`;
  });
  // Scores and rewards hourly (every 12 epochs), topic weight daily.
  await run("scores", "network_id, topic_id, actor_type, kind, address, block_height, score, is_active", function* () {
    for (const t of topics)
      for (let e = 0; e < E; e += 12) {
        for (let w = 0; w < W; w++) yield `${net}\t${t.id}\tinferer\tema\t${worker(w)}\t${heightOf(e)}\t${f(u(t.id, e, w, 8))}\tt\n`;
        for (let r = 0; r < size.reputers; r++) yield `${net}\t${t.id}\treputer\tema\t${reputer(r)}\t${heightOf(e)}\t${f(u(t.id, e, r, 9))}\tt\n`;
      }
  });
  await run("rewards", "network_id, topic_id, actor_type, address, block_height, amount", function* () {
    for (const t of topics)
      for (let e = 0; e < E; e += 12) {
        for (let w = 0; w < W; w++) yield `${net}\t${t.id}\tinferer\t${worker(w)}\t${heightOf(e)}\t${Math.floor(u(t.id, e, w, 10) * 1e18)}\n`;
        for (let r = 0; r < size.reputers; r++) yield `${net}\t${t.id}\treputer\t${reputer(r)}\t${heightOf(e)}\t${Math.floor(u(t.id, e, r, 11) * 1e18)}\n`;
      }
  });
  await run("topic_changes", "network_id, topic_id, height, kind, weight, topic_stake", function* () {
    for (const t of topics) for (let e = 0; e < E; e += 288) yield `${net}\t${t.id}\t${heightOf(e)}\tweight\t${f(10 + u(t.id, e, 0, 12) * 5)}\t7000000000000000000000000\n`;
  });
  await client.query("ANALYZE");
  return counts;
}
