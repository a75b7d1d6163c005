// JSON-RPC 2.0 over POST /, single calls and batches, as CometBFT serves them: a batch is an array of calls answered
// by an array of responses with the same ids, each carrying its own result or error (a height the node does not
// have fails that item only). The node quirks can refuse batches (HTTP 400), truncate the answer, fail one item or not
// know `blockchain`.
import type { NodeQuirks } from "./node-quirks";
import { rpcMethod, type RpcParam } from "./rpc";
import type { Simulation } from "./simulation";

export interface RpcPostReply {
  status: number;
  body: unknown;
  /** Calls answered (a batch counts each item), and how many of them were block_results, block and blockchain. */
  calls: number;
  blockResults?: number;
  blocks?: number;
  blockchain?: number;
}

type Call = { jsonrpc?: unknown; id?: unknown; method?: unknown; params?: unknown };

function paramsOf(params: unknown): RpcParam {
  return (name) => {
    if (!params || typeof params !== "object") return null;
    const value = (params as Record<string, unknown>)[name];
    return typeof value === "string" || typeof value === "number" ? String(value) : null;
  };
}

function methodCounts(calls: readonly (Call | null)[]): Pick<RpcPostReply, "blockResults" | "blocks" | "blockchain"> {
  const count = (method: string) => calls.filter((c) => c?.method === method).length;
  return { blockResults: count("block_results"), blocks: count("block"), blockchain: count("blockchain") };
}

function answerCall(sim: Simulation, quirks: NodeQuirks, call: Call): Record<string, unknown> {
  const id = typeof call.id === "string" || typeof call.id === "number" ? call.id : null;
  if (call.jsonrpc !== "2.0" || typeof call.method !== "string")
    return { jsonrpc: "2.0", id, error: { code: -32600, message: "Invalid Request", data: "jsonrpc must be 2.0 and method a string" } };
  const param = paramsOf(call.params);
  if (call.method === "blockchain" && quirks.rpcBlockchain === "unknown") return { jsonrpc: "2.0", id, error: { code: -32601, message: "Method not found", data: "" } };
  const height = param("height");
  const left = height !== null && call.method === "block_results" ? (quirks.batchItemErrors[height] ?? 0) : 0;
  if (left > 0) {
    quirks.batchItemErrors[height!] = left - 1;
    return { jsonrpc: "2.0", id, error: { code: -32603, message: "Internal error", data: `could not load block results for height ${height} (injected)` } };
  }
  const answer = rpcMethod(sim, call.method, param);
  return { jsonrpc: "2.0", id, ...answer };
}

export function handleRpcPost(sim: Simulation, quirks: NodeQuirks, text: string): RpcPostReply {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { status: 500, calls: 0, body: { jsonrpc: "2.0", id: -1, error: { code: -32700, message: "Parse error. Invalid JSON", data: "" } } };
  }
  if (!Array.isArray(parsed)) {
    const call = (parsed ?? {}) as Call;
    return { status: 200, calls: 1, ...methodCounts([call]), body: answerCall(sim, quirks, call) };
  }
  if (quirks.rpcBatch === "reject")
    return { status: 400, calls: 0, body: { jsonrpc: "2.0", id: -1, error: { code: -32600, message: "Invalid Request", data: "batch requests are not allowed" } } };
  if (parsed.length === 0) return { status: 200, calls: 0, body: { jsonrpc: "2.0", id: -1, error: { code: -32600, message: "Invalid Request", data: "empty batch" } } };
  const answers = parsed.map((call) => answerCall(sim, quirks, (call ?? {}) as Call));
  const body = quirks.rpcBatch === "truncate" ? answers.slice(0, Math.ceil(answers.length / 2)) : answers;
  return { status: 200, calls: answers.length, ...methodCounts(parsed as (Call | null)[]), body };
}
