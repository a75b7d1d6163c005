// startDevnet: the simulation served over node:http. LCD (REST) and CometBFT RPC share one port;
// /__devnet/* controls the run (info, record, faults, manual advance) and is never faulted.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { CHAIN_ID, type SimulationOptions } from "./config";
import { errorBody, FaultInjector, malform, type FaultConfig, type FaultCounts } from "./faults";
import { buildRecord, type DevnetRecord } from "./record";
import { matchRoute, notImplemented, resolveHeight, type RestReply, type Route } from "./rest-common";
import { cosmosRoutes } from "./rest-cosmos";
import { slashingRoutes } from "./rest-slashing";
import { scoreRoutes } from "./rest-emissions-scores";
import { stakeRoutes } from "./rest-emissions-stake";
import { topicRoutes } from "./rest-emissions-topics";
import { offchainRoutes } from "./rest-offchain";
import { broadcastTx, simulateTx, txRoutes } from "./rest-tx";
import { ARCHIVE_NODE, mergeQuirks, quirkReply, type NodeQuirks } from "./node-quirks";
import { handleRpc, isoTime } from "./rpc";
import { handleRpcPost } from "./rpc-batch";
import { createSimulation, type Simulation } from "./simulation";

export interface DevnetOptions extends SimulationOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Wall-clock milliseconds per new block once live; 0 freezes the chain (advance manually). */
  blockTimeMs?: number;
  faults?: Partial<FaultConfig>;
  /** When set, the consumer API only accepts this x-api-key (otherwise any non-empty key). */
  apiKey?: string;
  /** How this node differs from an archive node (batches, pruning, missing routes and ids); default: none. */
  quirks?: Partial<NodeQuirks>;
}

/** Requests served since start, by kind, for benchmarks: RPC POSTs (each a call or a batch), RPC GETs, REST GETs. */
export interface DevnetStats {
  rpc_posts: number;
  rpc_calls: number;
  /** block_results calls, batched or not: every height's results must be read. */
  rpc_block_results: number;
  /** block calls and blockchain calls (up to 20 headers each), batched or not. */
  rpc_block: number;
  rpc_blockchain: number;
  rpc_gets: number;
  rest_gets: number;
}

export interface Devnet {
  url: string;
  port: number;
  sim: Simulation;
  close(): Promise<void>;
  record(from?: number, to?: number): DevnetRecord;
  /** Adds blocks on top of the wall-clock schedule (useful with blockTimeMs 0). */
  advance(blocks: number): number;
  setFaults(faults: Partial<FaultConfig>): FaultConfig;
  /** How many errors, malformed bodies and delays were served so far. */
  faultsServed(): FaultCounts;
  setQuirks(quirks: Partial<NodeQuirks>): NodeQuirks;
  stats(): DevnetStats;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = "";
    req.setEncoding("utf8");
    req.on("data", (c: string) => (data += c.length + data.length > 1_000_000 ? "" : c));
    req.on("end", () => resolve(data));
    req.on("error", reject);
  });
}

const CORS = {
  "access-control-allow-origin": "*",
  "access-control-allow-methods": "GET, POST, OPTIONS",
  "access-control-allow-headers": "content-type, x-cosmos-block-height",
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startDevnet(options: DevnetOptions = {}): Promise<Devnet> {
  const sim = createSimulation(options);
  const base = sim.height();
  const blockTimeMs = options.blockTimeMs ?? 5000;
  const startedAt = Date.now();
  let manual = 0;
  const liveTip = () => base + manual + (blockTimeMs > 0 ? Math.floor((Date.now() - startedAt) / blockTimeMs) : 0);
  const catchUp = () => sim.advanceTo(liveTip());
  const faults = new FaultInjector(sim.options.seed, options.faults);
  let quirks = mergeQuirks(ARCHIVE_NODE, options.quirks ?? {});
  const stats: DevnetStats = { rpc_posts: 0, rpc_calls: 0, rpc_block_results: 0, rpc_block: 0, rpc_blockchain: 0, rpc_gets: 0, rest_gets: 0 };
  const v = sim.options.emissionsVersion;
  const p = `/emissions/${v}`;
  const routes: Route[] = [...topicRoutes(p, v), ...scoreRoutes(p, v), ...stakeRoutes(p), ...cosmosRoutes(), ...slashingRoutes(), ...txRoutes(), ...offchainRoutes(options.apiKey)];

  const info = () => ({ simulated: true, chain_id: CHAIN_ID, seed: sim.options.seed, emissions_version: v, genesis_time: sim.options.genesisTime, height: sim.height(), latest_block_time: isoTime(sim.blockTimeMs(sim.height())), block_time_ms: blockTimeMs });

  async function control(req: IncomingMessage, path: string, query: URLSearchParams): Promise<RestReply> {
    if (path === "/__devnet/info") return { status: 200, body: info() };
    if (path === "/__devnet/record") {
      const num = (k: string) => (query.has(k) ? Number(query.get(k)) : undefined);
      return { status: 200, body: buildRecord(sim, num("from"), num("to")) };
    }
    if (path === "/__devnet/faults") {
      if (req.method === "POST") {
        try {
          return { status: 200, body: faults.update(JSON.parse((await readBody(req)) || "{}") as Record<string, unknown>) };
        } catch {
          return { status: 400, body: { error: { code: "invalid_json", message: "body must be JSON {errorRate, latencyMs, malformedRate}" } } };
        }
      }
      return { status: 200, body: { ...faults.config, served: faults.served } };
    }
    if (path === "/__devnet/stats") return { status: 200, body: stats };
    if (path === "/__devnet/quirks") {
      if (req.method === "POST") {
        try {
          quirks = mergeQuirks(quirks, JSON.parse((await readBody(req)) || "{}") as Record<string, unknown>);
        } catch {
          return { status: 400, body: { error: { code: "invalid_json", message: "body must be JSON (see NodeQuirks)" } } };
        }
      }
      return { status: 200, body: quirks };
    }
    if (path === "/__devnet/advance" && req.method === "POST") {
      const body = JSON.parse((await readBody(req)) || "{}") as { blocks?: number };
      manual += Math.max(0, Math.floor(body.blocks ?? 1));
      catchUp();
      return { status: 200, body: info() };
    }
    return { status: 404, body: { error: { code: "not_found", message: `unknown devnet path ${path}` } } };
  }

  async function answer(req: IncomingMessage, path: string, query: URLSearchParams): Promise<RestReply> {
    if (req.method === "POST" && path === "/") {
      stats.rpc_posts += 1;
      const reply = handleRpcPost(sim, quirks, await readBody(req));
      stats.rpc_calls += reply.calls;
      stats.rpc_block_results += reply.blockResults ?? 0;
      stats.rpc_block += reply.blocks ?? 0;
      stats.rpc_blockchain += reply.blockchain ?? 0;
      return reply;
    }
    if (req.method === "POST" && (path === "/cosmos/tx/v1beta1/txs" || path === "/cosmos/tx/v1beta1/simulate")) {
      const body = await readBody(req);
      return path.endsWith("/txs") ? broadcastTx(sim, body) : simulateTx(sim, body);
    }
    const rpc = handleRpc(sim, path, query);
    if (rpc) {
      stats.rpc_gets += 1;
      stats.rpc_calls += 1;
      if (path === "/block_results") stats.rpc_block_results += 1;
      if (path === "/block") stats.rpc_block += 1;
      if (path === "/blockchain") stats.rpc_blockchain += 1;
      return rpc;
    }
    stats.rest_gets += 1;
    const m = matchRoute(routes, path);
    if (!m) return notImplemented();
    const h = resolveHeight(sim, req.headers["x-cosmos-block-height"]);
    if (typeof h !== "number") return h;
    return quirkReply(quirks, path, h, sim.height()) ?? m.route.handler({ sim, h, params: m.params, query, headers: req.headers });
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://devnet");
    const headers: Record<string, string> = { "content-type": "application/json", ...CORS, "x-devnet-simulated": "true" };
    if (req.method === "OPTIONS") {
      // A browser's preflight before it POSTs a tx (or sends x-cosmos-block-height) from the app's origin.
      res.writeHead(204, { ...CORS, "access-control-max-age": "600" }).end();
      return;
    }
    try {
      catchUp();
      headers["x-devnet-height"] = String(sim.height());
      if (url.pathname.startsWith("/__devnet/")) {
        const r = await control(req, url.pathname, url.searchParams);
        res.writeHead(r.status, headers).end(JSON.stringify(r.body));
        return;
      }
      const decision = faults.decide();
      if (decision.latencyMs > 0) {
        faults.served.delayed++;
        await sleep(decision.latencyMs);
      }
      if (decision.error) {
        faults.served.errors++;
        const e = errorBody(decision.error);
        res.writeHead(decision.error, { ...headers, ...e.headers }).end(e.body);
        return;
      }
      const r = await answer(req, url.pathname, url.searchParams);
      let body = JSON.stringify(r.body);
      if (decision.malformed && r.status === 200) {
        faults.served.malformed++;
        body = malform(body, decision.malformed);
      }
      res.writeHead(r.status, { ...headers, ...r.headers }).end(body);
    } catch (err) {
      console.error("devnet: request failed", req.url, err);
      res.writeHead(500, headers).end(JSON.stringify({ code: 13, message: "internal devnet error", details: [] }));
    }
  }

  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const timer = blockTimeMs > 0 ? setInterval(catchUp, Math.max(blockTimeMs, 50)) : null;
  timer?.unref();
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://${options.host ?? "127.0.0.1"}:${port}`,
    port,
    sim,
    close: () =>
      new Promise<void>((resolve, reject) => {
        if (timer) clearInterval(timer);
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
    record: (from, to) => {
      catchUp();
      return buildRecord(sim, from, to);
    },
    advance: (blocks) => {
      manual += Math.max(0, Math.floor(blocks));
      catchUp();
      return sim.height();
    },
    setFaults: (f) => faults.update(f),
    faultsServed: () => ({ ...faults.served }),
    setQuirks: (q) => (quirks = mergeQuirks(quirks, q)),
    stats: () => ({ ...stats }),
  };
}
