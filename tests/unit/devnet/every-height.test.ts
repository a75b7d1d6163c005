// Every height of several simulations must assemble — worker and reputer payloads, network
// inference bundles with their weights and regrets, settlements — including heights where an epoch
// is still inside its worker window at the tip. The REST queries an indexer makes around each epoch
// must answer too, and an epoch that reports a network inference must report one weight and one
// regret per value it weights.
import { describe, expect, it } from "vitest";
import { blockContents, type BlockContents } from "@/lib/devnet/block-events";
import type { TypedEv } from "@/lib/devnet/chain-types";
import { Dec } from "@/lib/devnet/dec";
import { matchRoute, type Route } from "@/lib/devnet/rest-common";
import { scoreRoutes } from "@/lib/devnet/rest-emissions-scores";
import { topicRoutes } from "@/lib/devnet/rest-emissions-topics";
import { blockJson, blockResultsJson } from "@/lib/devnet/rpc";
import { createSimulation, type Simulation } from "@/lib/devnet/simulation";
import type { SimulationOptions } from "@/lib/devnet/config";

const DECIMAL = /^-?\d+(\.\d+)?(e[+-]?\d+)?$/i;

interface Tally {
  blocks: number;
  bundles: number;
  weightSets: number;
  workerPayloads: number;
  reputerPayloads: number;
  settlements: number;
  restQueries: number;
  openTipViews: number;
}

type Strs = string[];
type Labeled = { label_name: string; value: string }[];

const strs = (x: unknown): Strs => x as Strs;
const len = (x: unknown): number => (Array.isArray(x) ? x.length : -1);

/** The inferers and forecasters an epoch's network inference was computed over, and its values' shape. */
function bundleProblems(ev: TypedEv, v: "v9" | "v10"): { inferers: Strs; forecasters: Strs; problems: string[] } {
  const f = ev.fields;
  const problems: string[] = [];
  const need = (what: string, actual: number, expected: number) => {
    if (actual !== expected) problems.push(`${what}: ${actual} entries for ${expected}`);
  };
  const decimals = (what: string, values: string[]) => {
    const bad = values.find((x) => !DECIMAL.test(x));
    if (bad !== undefined) problems.push(`${what}: not a decimal "${bad}"`);
  };
  if (v === "v10") {
    const inferers = strs(f.inferer_addresses);
    const forecasters = strs(f.forecaster_addresses);
    const labels = len(f.label_names);
    need("combined_value", len(f.combined_value), labels);
    need("naive_value", len(f.naive_value), labels);
    need("inferer_values", len(f.inferer_values), inferers.length);
    need("forecaster_values", len(f.forecaster_values), forecasters.length);
    need("one_out_inferer_values", len(f.one_out_inferer_values), inferers.length);
    need("one_out_forecaster_values", len(f.one_out_forecaster_values), forecasters.length);
    need("one_in_forecaster_values", len(f.one_in_forecaster_values), forecasters.length);
    need("one_out_inferer_forecaster_values", len(f.one_out_inferer_forecaster_values), forecasters.length);
    (f.one_out_inferer_forecaster_values as unknown[][]).forEach((row, k) => need(`one_out_inferer_forecaster_values[${k}]`, row.length, inferers.length));
    for (const rows of [f.inferer_values, f.forecaster_values, f.one_out_inferer_values, f.one_out_forecaster_values, f.one_in_forecaster_values] as unknown[][][]) {
      rows.forEach((row, i) => need(`row ${i}`, row.length, labels));
    }
    decimals("combined_value", strs(f.combined_value));
    decimals("naive_value", strs(f.naive_value));
    return { inferers, forecasters, problems };
  }
  const b = f.value_bundle as { combined_value: string; naive_value: string; inferer_values: { worker: string }[]; forecaster_values: { worker: string }[]; one_out_inferer_values: unknown[]; one_in_forecaster_values: unknown[] };
  const inferers = b.inferer_values.map((p) => p.worker);
  const forecasters = b.forecaster_values.map((p) => p.worker);
  need("one_out_inferer_values", b.one_out_inferer_values.length, inferers.length);
  need("one_in_forecaster_values", b.one_in_forecaster_values.length, forecasters.length);
  decimals("combined_value", [b.combined_value, b.naive_value]);
  return { inferers, forecasters, problems };
}

/** Checks one block's events; returns the first problem, or null. */
function checkBlock(b: BlockContents, v: "v9" | "v10", tally: Tally): string | null {
  for (const tx of b.txs) {
    for (const ev of tx.events) {
      if (ev.name === "EventInsertInfererPayload") tally.workerPayloads++;
      if (ev.name === "EventInsertForecasterPayload") {
        tally.workerPayloads++;
        if (len(ev.fields.inferer_values) !== len(ev.fields.inferer_addresses)) return `forecast of ${String(ev.fields.forecaster)} has ${len(ev.fields.inferer_values)} elements for ${len(ev.fields.inferer_addresses)} inferers`;
      }
      if (ev.name === "EventInsertReputerPayload") tally.reputerPayloads++;
    }
  }
  // The weight and regret events follow their topic's bundle in the same EndBlock.
  const byTopic = new Map<string, { inferers: Strs; forecasters: Strs; infWeights?: Strs; fcWeights?: Strs }>();
  for (const ev of b.endBlock) {
    const topic = String(ev.fields.topic_id);
    if (ev.name === "EventNetworkInferenceBundle" || ev.name === "EventNetworkInferences") {
      const { inferers, forecasters, problems } = bundleProblems(ev, v);
      if (problems.length) return `topic ${topic} bundle: ${problems.join("; ")}`;
      byTopic.set(topic, { inferers, forecasters });
      tally.bundles++;
      continue;
    }
    if (ev.name === "EventReputerSubmissionWindowClosed") tally.settlements++;
    const kind = /^EventNetworkInference(Inferer|Forecaster)(Weights|RegretsUsed)Set$/.exec(ev.name);
    if (!kind) continue;
    const bundle = byTopic.get(topic);
    if (!bundle) return `topic ${topic}: ${ev.name} without a network inference in the block`;
    const actors = kind[1] === "Inferer" ? bundle.inferers : bundle.forecasters;
    const addresses = strs(ev.fields.addresses);
    const values = strs(kind[2] === "Weights" ? ev.fields.weights : ev.fields.regrets);
    if (JSON.stringify(addresses) !== JSON.stringify(actors)) return `topic ${topic}: ${ev.name} addresses differ from the bundle's ${kind[1]!.toLowerCase()}s`;
    if (values.length !== actors.length) return `topic ${topic}: ${ev.name} has ${values.length} entries for ${actors.length} ${kind[1]!.toLowerCase()}s`;
    const bad = values.find((x) => !DECIMAL.test(x));
    if (bad !== undefined) return `topic ${topic}: ${ev.name} entry "${bad}"`;
    if (kind[2] === "Weights") {
      if (kind[1] === "Inferer") bundle.infWeights = values;
      else bundle.fcWeights = values;
      if (bundle.infWeights && bundle.fcWeights) {
        tally.weightSets++;
        // Normalized over inferers and forecasters together: they sum to one (34 significant digits each).
        const sum = [...bundle.infWeights, ...bundle.fcWeights].reduce((acc, w) => acc.plus(w), new Dec(0));
        if (bundle.infWeights.length + bundle.fcWeights.length > 0 && sum.minus(1).abs().gt("1e-30")) return `topic ${topic}: weights sum to ${sum.toString()}`;
      }
    }
  }
  return null;
}

/** The REST queries an indexer makes about epoch n at height h (inside the worker window or at its close). */
function restProblems(sim: Simulation, routes: Route[], prefix: string, topicId: number, nonce: number, h: number, tally: Tally): string | null {
  const paths = [
    `${prefix}/inferences/${topicId}/${nonce}`,
    `${prefix}/forecasts/${topicId}/${nonce}`,
    `${prefix}/network_inferences/${topicId}/last_inference/${nonce}`,
    `${prefix}/latest_network_inferences/${topicId}`,
    `${prefix}/latest_inferences/${topicId}`,
    `${prefix}/reputer_loss_bundles/${topicId}/${nonce}`,
    `${prefix}/worker_inference_scores_at_block/${topicId}/${nonce}`,
  ];
  for (const path of paths) {
    const m = matchRoute(routes, path);
    if (!m) return `${path}: no route`;
    tally.restQueries++;
    try {
      const reply = m.route.handler({ sim, h, params: m.params, query: new URLSearchParams(), headers: {} });
      if (reply.status >= 500) return `${path} at ${h}: status ${reply.status}`;
      if (path.includes("/last_inference/") && reply.status === 200) {
        const ni = (reply.body as { network_inferences: { inferer_values: unknown[]; one_out_inferer_values: unknown[]; combined_value: Labeled | string } }).network_inferences;
        if (ni.inferer_values.length !== ni.one_out_inferer_values.length) return `${path} at ${h}: ${ni.inferer_values.length} inferer values, ${ni.one_out_inferer_values.length} one-out values`;
      }
    } catch (e) {
      return `${path} at ${h}: threw ${(e as Error).message}`;
    }
  }
  return null;
}

/** Sweeps heights 1..tip; returns the first failure ("seed S height H: …") or null, and what was seen. */
function sweep(sim: Simulation): { failure: string | null; tally: Tally } {
  const { seed, emissionsVersion: v } = sim.options;
  const prefix = `/emissions/${v}`;
  const routes = [...topicRoutes(prefix, v), ...scoreRoutes(prefix, v)];
  const tally: Tally = { blocks: 0, bundles: 0, weightSets: 0, workerPayloads: 0, reputerPayloads: 0, settlements: 0, restQueries: 0, openTipViews: 0 };
  const where = (h: number) => `seed ${seed} (${v}) height ${h}`;
  for (let h = 1; h <= sim.height(); h++) {
    let b: BlockContents;
    try {
      b = blockContents(sim, h);
    } catch (e) {
      return { failure: `${where(h)}: blockContents threw ${(e as Error).stack?.split("\n").slice(0, 3).join(" | ")}`, tally };
    }
    tally.blocks++;
    const problem = checkBlock(b, v, tally);
    if (problem) return { failure: `${where(h)}: ${problem}`, tally };
    for (const e of sim.engines) {
      const { epochLength, workerSubmissionWindow: w } = e.spec;
      const offset = h - e.firstNonce;
      if (offset < 0) continue;
      const phase = offset % epochLength;
      // One height inside the worker window, and its close.
      if (phase !== 1 && phase !== w) continue;
      const rest = restProblems(sim, routes, prefix, e.spec.id, h - phase, h, tally);
      if (rest) return { failure: `${where(h)}: ${rest}`, tally };
    }
  }
  return { failure: null, tally };
}

function sweepOf(options: SimulationOptions) {
  const sim = createSimulation(options);
  const { failure, tally } = sweep(sim);
  expect(failure, failure ?? "").toBeNull();
  expect(tally.blocks).toBe(sim.height());
  // The sweep saw the whole life cycle, and every network inference came with its weights.
  expect(tally.bundles).toBeGreaterThan(0);
  expect(tally.weightSets).toBe(tally.bundles);
  expect(tally.workerPayloads).toBeGreaterThan(tally.bundles * 10);
  expect(tally.reputerPayloads).toBeGreaterThan(0);
  expect(tally.settlements).toBeGreaterThan(0);
  expect(tally.restQueries).toBeGreaterThan(0);
  return { sim, tally };
}

describe("devnet at every height", () => {
  for (const seed of [5, 11, 42]) {
    it(`assembles every block and epoch query of seed ${seed} over 5000 blocks`, () => {
      const { sim } = sweepOf({ seed, historyBlocks: 5000 });
      // Epochs whose worker window is still open at the tip have submissions, but no network inference yet.
      const open = sim.engines.flatMap((e) => e.epochs.filter((r) => r && !r.closed && r.nonce < sim.height()));
      expect(open.length).toBeGreaterThan(0);
    }, 60_000);
  }

  it("assembles every block of a v9 chain", () => {
    sweepOf({ seed: 5, historyBlocks: 3000, emissionsVersion: "v9" });
  }, 60_000);

  it("assembles every block of two days, including the topic created at day 1.5", () => {
    const { sim } = sweepOf({ seed: 42, days: 2 });
    const created = sim.engines.at(-1)!;
    expect(created.epochs.some((r) => r?.closed)).toBe(true);
  }, 120_000);

  it("serves blocks at the tip while epochs are open, unchanged once the chain has moved on", () => {
    // Advance one block at a time across several worker windows, rendering each new tip (an epoch is
    // mid-window at most of them), then compare with a chain built straight to the same height.
    const live = createSimulation({ seed: 11, historyBlocks: 4880 });
    const prefix = `/emissions/${live.options.emissionsVersion}`;
    const routes = [...topicRoutes(prefix, "v10"), ...scoreRoutes(prefix, "v10")];
    const tally: Tally = { blocks: 0, bundles: 0, weightSets: 0, workerPayloads: 0, reputerPayloads: 0, settlements: 0, restQueries: 0, openTipViews: 0 };
    const atTip = new Map<number, string>();
    for (let h = 4881; h <= 5000; h++) {
      live.advanceTo(h);
      atTip.set(h, JSON.stringify([blockJson(live, h), blockResultsJson(live, h)]));
      for (const e of live.engines) {
        const rec = e.epochs.at(-1);
        if (!rec || rec.closed || rec.nonce >= h) continue;
        tally.openTipViews++;
        const rest = restProblems(live, routes, prefix, e.spec.id, rec.nonce, h, tally);
        expect(rest, rest ?? "").toBeNull();
      }
    }
    expect(tally.openTipViews).toBeGreaterThan(50);
    const built = createSimulation({ seed: 11, historyBlocks: 5000 });
    for (const [h, json] of atTip) expect(json, `seed 11 height ${h}`).toBe(JSON.stringify([blockJson(built, h), blockResultsJson(built, h)]));
  }, 60_000);
});
