// Reads `block` and `block_results` for many heights per HTTP request with JSON-RPC 2.0 batches (an array of calls
// POSTed to the RPC root), as CometBFT serves them. Some nodes and proxies refuse batches (HTTP 400, 405, 413, …) or
// mangle them (an array missing answers): then this reader says why once and reads with single GETs from then on.
// Every item is validated with the same schemas as a single GET, and must answer the height it was asked for.
import { AlloraDecodeError, AlloraHttpError, decodeResponse, type HttpOptions, requestJson, uintSegment } from "@/lib/allora/http";
import { AlloraRpcError, blockResultsFromResult, type BlockResults, type RpcClient } from "@/lib/allora/rpc-client";
import { isRecord } from "@/lib/allora/schemas/common";
import { blockResultSchema, blockResultsResultSchema, type BlockSummary, rpcResultSchema } from "@/lib/allora/schemas/comet";

export type BlockRead = { block: BlockSummary; results: BlockResults };

export interface BlockReaderOptions extends HttpOptions {
  baseUrl: string;
  /** Used for single GETs, before batches are tried and after a node refused them. */
  rpc: RpcClient;
  /** false: never try batches (single GETs only). */
  batch?: boolean;
  log?: (message: string) => void;
}

const blockEnvelope = rpcResultSchema(blockResultSchema);
const resultsEnvelope = rpcResultSchema(blockResultsResultSchema);

// A 4xx other than 429 to a batch POST is the node (or a proxy in front of it) saying it will not take batches.
const refusesBatches = (error: unknown) =>
  error instanceof AlloraHttpError && error.status !== null && ((error.status >= 400 && error.status < 500 && error.status !== 429) || error.status === 501);

export function createBlockReader(options: BlockReaderOptions) {
  const url = `${options.baseUrl.replace(/\/+$/, "")}/`;
  let fallback: string | null = options.batch === false ? "batch reads turned off" : null;

  async function single(heights: readonly bigint[], signal?: AbortSignal): Promise<BlockRead[]> {
    return Promise.all(
      heights.map(async (h) => {
        const [block, results] = await Promise.all([options.rpc.getBlock(h, signal), options.rpc.getBlockResults(h, signal)]);
        return { block, results };
      }),
    );
  }

  function decodeItem<T>(item: unknown, what: string, h: bigint, decode: (item: unknown, where: string) => T, height: (v: T) => bigint): T {
    const where = `${url} (${what} ${h})`;
    if (isRecord(item) && isRecord(item.error)) throw new AlloraRpcError(where, item.error);
    const value = decode(item, where);
    if (height(value) !== h) throw new AlloraDecodeError(where, [{ path: "result.height", message: `expected height ${h}, got ${height(value)}` }]);
    return value;
  }

  /** The blocks, or why this node will not serve batches. */
  async function batch(heights: readonly bigint[], signal?: AbortSignal): Promise<BlockRead[] | string> {
    const calls = heights.flatMap((h, i) => [
      { jsonrpc: "2.0", id: 2 * i, method: "block", params: { height: uintSegment(h) } },
      { jsonrpc: "2.0", id: 2 * i + 1, method: "block_results", params: { height: uintSegment(h) } },
    ]);
    let body: unknown;
    try {
      const init = { method: "POST", headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(calls), signal };
      body = await requestJson(url, init, options);
    } catch (error) {
      if (refusesBatches(error)) return `the node refused a batch request (${(error as AlloraHttpError).message})`;
      throw error;
    }
    if (!Array.isArray(body)) {
      const reason = isRecord(body) && isRecord(body.error) ? `: ${String(body.error.message)} ${String(body.error.data ?? "")}`.trimEnd() : "";
      return `the node answered a batch request with a single response${reason}`;
    }
    const byId = new Map<unknown, unknown>(body.map((item) => [isRecord(item) ? item.id : undefined, item]));
    const missing = calls.filter((c) => !byId.has(c.id)).length;
    if (missing > 0) return `the node answered a batch of ${calls.length} calls with ${calls.length - missing} (a truncated array)`;
    return heights.map((h, i) => ({
      block: decodeItem(byId.get(2 * i), "block", h, (v, w) => decodeResponse(blockEnvelope, v, w), (b) => b.height),
      results: blockResultsFromResult(decodeItem(byId.get(2 * i + 1), "block_results", h, (v, w) => decodeResponse(resultsEnvelope, v, w), (r) => r.height)),
    }));
  }

  return {
    /** Blocks and their results for these heights, in order: one batch request while the node takes them. */
    read: async (heights: readonly bigint[], signal?: AbortSignal): Promise<BlockRead[]> => {
      if (fallback === null && heights.length > 0) {
        const answer = await batch(heights, signal);
        if (typeof answer !== "string") return answer;
        // Concurrent batches may all be refused: the first refusal is the one kept and said.
        if (fallback === null) {
          fallback = answer;
          options.log?.(`collector: ${answer}; reading blocks with single requests from now on`);
        }
      }
      return single(heights, signal);
    },
    /** Why blocks are read with single requests, or null while batches are used. */
    fallbackReason: (): string | null => fallback,
  };
}

export type BlockReader = ReturnType<typeof createBlockReader>;
