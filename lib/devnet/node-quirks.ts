// Ways a real node differs from the archive node the devnet imitates by default, for tests of a collector that must
// not stall on them: how JSON-RPC batches are answered, whether their `blockchain` calls are known, a pruning horizon
// for historical REST state, routes the chain version lacks (501) and topic ids it does not know (404). Set at start or via POST /__devnet/quirks.
import { grpcError, type RestReply } from "./rest-common";

export interface NodeQuirks {
  /** JSON-RPC batch POSTs: "ok" as CometBFT answers them, "reject" with HTTP 400, "truncate" with half the array. */
  rpcBatch: "ok" | "reject" | "truncate";
  /** JSON-RPC POSTs (batch items and single calls) of `blockchain`: "ok" answered, "unknown" -32601 Method not found. */
  rpcBlockchain: "ok" | "unknown";
  /** Heights whose block_results batch item is answered with a JSON-RPC error, and how many more times. */
  batchItemErrors: Record<string, number>;
  /** Historical REST state kept only for the latest N blocks (a pruned node); null keeps everything (an archive). */
  stateHorizonBlocks: number | null;
  /** REST paths (exact, under the LCD root) answered 501 Not Implemented, as a chain version without them would. */
  notImplemented: string[];
  /** Topic ids whose topic query is answered 404 although they are below next_topic_id. */
  missingTopics: number[];
}

export const ARCHIVE_NODE: NodeQuirks = { rpcBatch: "ok", rpcBlockchain: "ok", batchItemErrors: {}, stateHorizonBlocks: null, notImplemented: [], missingTopics: [] };

export function mergeQuirks(current: NodeQuirks, patch: Partial<Record<keyof NodeQuirks, unknown>>): NodeQuirks {
  const next = { ...current };
  if (patch.rpcBatch === "ok" || patch.rpcBatch === "reject" || patch.rpcBatch === "truncate") next.rpcBatch = patch.rpcBatch;
  if (patch.rpcBlockchain === "ok" || patch.rpcBlockchain === "unknown") next.rpcBlockchain = patch.rpcBlockchain;
  if (patch.batchItemErrors && typeof patch.batchItemErrors === "object")
    next.batchItemErrors = Object.fromEntries(Object.entries(patch.batchItemErrors).map(([h, n]) => [h, Math.max(0, Math.floor(Number(n) || 0))]));
  if ("stateHorizonBlocks" in patch)
    next.stateHorizonBlocks = typeof patch.stateHorizonBlocks === "number" && patch.stateHorizonBlocks >= 0 ? Math.floor(patch.stateHorizonBlocks) : null;
  if (Array.isArray(patch.notImplemented)) next.notImplemented = patch.notImplemented.map(String);
  if (Array.isArray(patch.missingTopics)) next.missingTopics = patch.missingTopics.map(Number).filter(Number.isInteger);
  return next;
}

/** The answer a quirky node gives to a REST query before the route itself is consulted, or null to answer normally. */
export function quirkReply(quirks: NodeQuirks, path: string, h: number, tip: number): RestReply | null {
  if (quirks.notImplemented.includes(path)) return grpcError(501, 12, "Not Implemented");
  const topic = /\/emissions\/v\d+\/topics\/(\d+)$/.exec(path);
  if (topic && quirks.missingTopics.includes(Number(topic[1]))) return grpcError(404, 5, `topic ${topic[1]} not found`);
  if (quirks.stateHorizonBlocks !== null) {
    const lowest = Math.max(1, tip - quirks.stateHorizonBlocks);
    if (h < lowest) return grpcError(500, 2, `rpc error: code = InvalidArgument desc = height ${h} is not available, lowest height is ${lowest}`);
  }
  return null;
}
