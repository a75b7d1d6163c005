import type { z } from "zod";

import { type DecodedEvent, decodeEvent } from "@/lib/allora/events";
import { decodeResponse, type HttpOptions, joinUrl, requestJson, uintSegment } from "@/lib/allora/http";
import { isRecord } from "@/lib/allora/schemas/common";
import {
  blockResultSchema,
  blockResultsResultSchema,
  type RawEvent,
  rpcResultSchema,
  statusResultSchema,
} from "@/lib/allora/schemas/comet";

export interface RpcClientOptions extends HttpOptions {
  baseUrl: string;
}

/** A JSON-RPC level error (e.g. "height 5 is not available, lowest height is 100"). */
export class AlloraRpcError extends Error {
  readonly url: string;
  readonly code: number | null;
  readonly data: string | null;

  constructor(url: string, error: Record<string, unknown>) {
    const message = typeof error.message === "string" ? error.message : "JSON-RPC error";
    const data = typeof error.data === "string" ? error.data : null;
    super(`${message}${data ? `: ${data}` : ""} (${url})`);
    this.name = "AlloraRpcError";
    this.url = url;
    this.code = typeof error.code === "number" ? error.code : null;
    this.data = data;
  }
}

export type EventSource = "finalize_block" | "begin_block" | "end_block" | "tx";

export interface BlockEvent {
  source: EventSource;
  /** Index of the tx in the block for tx events, else null. */
  txIndex: number | null;
  /** ABCI result code of that tx (0 = success); null for block events. */
  txCode: number | null;
  /** Position within its source list; with height, source and txIndex it is a natural key. */
  eventIndex: number;
  event: DecodedEvent;
}

export interface BlockResults {
  height: bigint;
  events: BlockEvent[];
}

function decodeList(events: readonly RawEvent[], source: EventSource, txIndex: number | null, txCode: number | null) {
  return events.map((raw, eventIndex): BlockEvent => ({
    source,
    txIndex,
    txCode,
    eventIndex,
    event: decodeEvent(raw),
  }));
}

/** Every event of a block_results result, decoded: block-level events first, then tx events in order. */
export function blockResultsFromResult(result: z.output<typeof blockResultsResultSchema>): BlockResults {
  const events = [
    ...decodeList(result.begin_block_events, "begin_block", null, null),
    ...decodeList(result.finalize_block_events, "finalize_block", null, null),
    ...result.txs_results.flatMap((tx, txIndex) => decodeList(tx.events, "tx", txIndex, tx.code ?? 0)),
    ...decodeList(result.end_block_events, "end_block", null, null),
  ];
  return { height: result.height, events };
}

export function createRpcClient(options: RpcClientOptions) {
  const base = options.baseUrl.replace(/\/+$/, "");

  async function call<S extends z.ZodType>(path: string, schema: S, signal?: AbortSignal): Promise<z.output<S>> {
    const url = joinUrl(base, path);
    const body = await requestJson(url, { headers: { accept: "application/json" }, signal }, options);
    if (isRecord(body) && isRecord(body.error)) throw new AlloraRpcError(url, body.error);
    return decodeResponse(rpcResultSchema(schema), body, url);
  }

  return {
    /** Chain id, latest height and latest block time. */
    getStatus: (signal?: AbortSignal) => call("/status", statusResultSchema, signal),
    getBlock: (height: bigint | number, signal?: AbortSignal) =>
      call(`/block?height=${uintSegment(height)}`, blockResultSchema, signal),
    /** Every event of the block, decoded, block-level events first, then tx events in order. */
    getBlockResults: async (height: bigint | number, signal?: AbortSignal): Promise<BlockResults> =>
      blockResultsFromResult(await call(`/block_results?height=${uintSegment(height)}`, blockResultsResultSchema, signal)),
  };
}

export type RpcClient = ReturnType<typeof createRpcClient>;
