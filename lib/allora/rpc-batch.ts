// Reads many heights per HTTP request with JSON-RPC 2.0 batches (an array of calls POSTed to the RPC root), as CometBFT
// serves them: `block_results` for each height, and the headers from `blockchain` (up to 20 per call, without the
// txs and commit signatures a whole `block` carries). Some nodes and proxies refuse batches (HTTP 400, 405, 413, …) or
// mangle them (an array missing answers): then this reader says why once and reads with single GETs from then on. A
// node that does not answer `blockchain` properly gets `block` calls in its batches instead, also said once. Every
// item is validated with the same schemas as a single GET, and must answer the heights it was asked for.
import { AlloraDecodeError, AlloraHttpError, decodeResponse, type HttpOptions, joinUrl, publicErrorMessage, redactUrls, requestJson, uintSegment } from "@/lib/allora/http";
import { AlloraRpcError, blockResultsFromResult, type BlockResults, type RpcClient } from "@/lib/allora/rpc-client";
import type { z } from "zod";
import { isRecord } from "@/lib/allora/schemas/common";
import { blockchainResultSchema, blockResultSchema, blockResultsResultSchema, type BlockSummary, rpcResultSchema } from "@/lib/allora/schemas/comet";

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
const blockchainEnvelope = rpcResultSchema(blockchainResultSchema);

/** CometBFT 0.38 answers at most this many headers per `blockchain` call. */
const HEADERS_PER_CALL = 20;

/** The heights as `blockchain` ranges [min, max] of at most 20 consecutive heights, lowest first. */
export function headerRanges(heights: readonly bigint[]): [bigint, bigint][] {
  const sorted = [...new Set(heights)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const ranges: [bigint, bigint][] = [];
  for (const h of sorted) {
    const last = ranges.at(-1);
    if (last && h === last[1] + 1n && h - last[0] < BigInt(HEADERS_PER_CALL)) last[1] = h;
    else ranges.push([h, h]);
  }
  return ranges;
}

type Call = { jsonrpc: "2.0"; id: number; method: string; params: Record<string, string> };

// A 4xx other than 429 to a batch POST is the node (or a proxy in front of it) saying it will not take batches.
const refusesBatches = (error: unknown) =>
  error instanceof AlloraHttpError && error.status !== null && ((error.status >= 400 && error.status < 500 && error.status !== 429) || error.status === 501);

export function createBlockReader(options: BlockReaderOptions) {
  // JSON-RPC batches go to the endpoint root, before any provider key in the query string.
  const url = joinUrl(options.baseUrl, "/");
  let fallback: string | null = options.batch === false ? "batch reads turned off" : null;
  let headerFallback: string | null = null;

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

  /** The batch's answers by id, or why this node will not serve batches. */
  async function post(calls: readonly Call[], signal?: AbortSignal): Promise<Map<unknown, unknown> | string> {
    let body: unknown;
    try {
      const init = { method: "POST", headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(calls), signal };
      body = await requestJson(url, init, options);
    } catch (error) {
      // Said in /api/health: host and status only, never a URL that may carry an API key.
      if (refusesBatches(error)) return `the node refused a batch request with HTTP ${(error as AlloraHttpError).status} (${publicErrorMessage(error)})`;
      throw error;
    }
    if (!Array.isArray(body)) {
      const reason = isRecord(body) && isRecord(body.error) ? `: ${String(body.error.message)} ${String(body.error.data ?? "")}`.trimEnd() : "";
      return `the node answered a batch request with a single response${reason}`;
    }
    const byId = new Map<unknown, unknown>(body.map((item) => [isRecord(item) ? item.id : undefined, item]));
    const missing = calls.filter((c) => !byId.has(c.id)).length;
    if (missing > 0) return `the node answered a batch of ${calls.length} calls with ${calls.length - missing} (a truncated array)`;
    return byId;
  }

  /**
   * The headers from the `blockchain` answers, every height asked exactly once, or what makes them no valid answer.
   * Throws (a transient error, read again) when the node's tip is below a height asked, as a `block` call would fail.
   */
  function headersFromMetas(items: readonly unknown[], ranges: readonly [bigint, bigint][], heights: readonly bigint[]): BlockSummary[] | Error {
    const byHeight = new Map<bigint, BlockSummary>();
    for (const [j, [min, max]] of ranges.entries()) {
      const where = `${url} (blockchain ${min}-${max})`;
      const item = items[j];
      if (isRecord(item) && isRecord(item.error)) return new AlloraRpcError(where, item.error);
      let result: z.output<typeof blockchainResultSchema>;
      try {
        result = decodeResponse(blockchainEnvelope, item, where);
      } catch (error) {
        if (!(error instanceof AlloraDecodeError)) throw error;
        return error;
      }
      if (result.last_height < max) throw new AlloraRpcError(where, { message: `height ${max} is above the node's last height ${result.last_height}` });
      const invalid = (path: string, message: string) => new AlloraDecodeError(where, [{ path, message }]);
      for (const [k, meta] of result.block_metas.entries()) {
        const path = `result.block_metas.${k}.header.height`;
        if (meta.height < min || meta.height > max) return invalid(path, `height ${meta.height} is outside ${min}-${max}`);
        if (byHeight.has(meta.height)) return invalid(path, `height ${meta.height} is answered twice`);
        byHeight.set(meta.height, meta);
      }
      for (let h = min; h <= max; h++) if (!byHeight.has(h)) return invalid("result.block_metas", `height ${h} is missing`);
    }
    return heights.map((h) => byHeight.get(h)!);
  }

  /** The blocks, or why this node will not serve batches. */
  async function batch(heights: readonly bigint[], signal?: AbortSignal): Promise<BlockRead[] | string> {
    const n = heights.length;
    const ranges = headerFallback === null ? headerRanges(heights) : null;
    const calls: Call[] = [
      ...heights.map((h, i): Call => ({ jsonrpc: "2.0", id: i, method: "block_results", params: { height: uintSegment(h) } })),
      ...(ranges
        ? ranges.map(([min, max], j): Call => ({ jsonrpc: "2.0", id: n + j, method: "blockchain", params: { minHeight: uintSegment(min), maxHeight: uintSegment(max) } }))
        : heights.map((h, i): Call => ({ jsonrpc: "2.0", id: n + i, method: "block", params: { height: uintSegment(h) } }))),
    ];
    const byId = await post(calls, signal);
    if (typeof byId === "string") return byId;
    // block_results first: a body corrupted on the way fails here, as a transient error, before any header is judged.
    const results = heights.map((h, i) => blockResultsFromResult(decodeItem(byId.get(i), "block_results", h, (v, w) => decodeResponse(resultsEnvelope, v, w), (r) => r.height)));
    if (!ranges) {
      const blocks = heights.map((h, i) => decodeItem(byId.get(n + i), "block", h, (v, w) => decodeResponse(blockEnvelope, v, w), (b) => b.height));
      return heights.map((_, i) => ({ block: blocks[i]!, results: results[i]! }));
    }
    const headers = headersFromMetas(ranges.map((_, j) => byId.get(n + j)), ranges, heights);
    if (Array.isArray(headers)) return heights.map((_, i) => ({ block: headers[i]!, results: results[i]! }));
    // Concurrent batches may all fail on it: the first reason is the one kept and said. This read is asked again.
    if (headerFallback === null) {
      headerFallback = `the node gave no valid blockchain answer in a batch (${redactUrls(headers.message)})`;
      options.log?.(`collector: ${headerFallback}; reading block headers with block calls from now on`);
    }
    return batch(heights, signal);
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
    /** Why batches read whole blocks (`block`) instead of headers (`blockchain`), or null while headers are used. */
    headerFallbackReason: (): string | null => headerFallback,
  };
}

export type BlockReader = ReturnType<typeof createBlockReader>;
