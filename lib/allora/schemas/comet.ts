import { z } from "zod";

import { heightSchema, uint64Schema } from "@/lib/allora/decimal";

/** CometBFT RFC3339 time with nanoseconds; JS keeps milliseconds, which is all the UI needs. */
export const cometTimeSchema = z.string().transform((value, ctx) => {
  const ms = Date.parse(value);
  if (Number.isNaN(ms)) {
    ctx.issues.push({ code: "custom", message: "expected an RFC3339 time", input: value });
    return z.NEVER;
  }
  return new Date(ms);
});

const rpcEnvelope = <T extends z.ZodType>(result: T) =>
  z
    .object({ jsonrpc: z.string().optional(), id: z.union([z.string(), z.number()]).nullish(), result })
    .transform((raw) => (raw as unknown as { result: z.output<T> }).result);

// One envelope per result schema: zod compiles a schema on its first parse, so a fresh one per request costs more
// than the decoding itself.
const envelopes = new WeakMap<z.ZodType, z.ZodType>();

/** The JSON-RPC envelope; errors are handled before decoding. */
export function rpcResultSchema<T extends z.ZodType>(result: T): ReturnType<typeof rpcEnvelope<T>> {
  let envelope = envelopes.get(result);
  if (!envelope) envelopes.set(result, (envelope = rpcEnvelope(result)));
  return envelope as ReturnType<typeof rpcEnvelope<T>>;
}

export interface ChainStatus {
  chainId: string;
  latestHeight: bigint;
  latestBlockTime: Date;
  latestBlockHash: string | null;
  earliestHeight: bigint | null;
  catchingUp: boolean;
}

export const statusResultSchema = z
  .object({
    node_info: z.object({ network: z.string() }),
    sync_info: z.object({
      latest_block_hash: z.string().optional(),
      latest_block_height: heightSchema,
      latest_block_time: cometTimeSchema,
      earliest_block_height: heightSchema.optional(),
      catching_up: z.boolean().optional(),
    }),
  })
  .transform((raw): ChainStatus => ({
    chainId: raw.node_info.network,
    latestHeight: raw.sync_info.latest_block_height,
    latestBlockTime: raw.sync_info.latest_block_time,
    latestBlockHash: raw.sync_info.latest_block_hash || null,
    earliestHeight: raw.sync_info.earliest_block_height ?? null,
    catchingUp: raw.sync_info.catching_up ?? false,
  }));

export interface BlockSummary {
  chainId: string;
  height: bigint;
  time: Date;
  hash: string;
  proposerAddress: string | null;
  txCount: number;
}

// The header fields a BlockSummary keeps, the same in a whole `block` and in a `blockchain` meta.
const headerSchema = z.object({
  chain_id: z.string(),
  height: heightSchema,
  time: cometTimeSchema,
  proposer_address: z.string().optional(),
});

const summary = (header: z.output<typeof headerSchema>, hash: string, txCount: number): BlockSummary => ({
  chainId: header.chain_id,
  height: header.height,
  time: header.time,
  hash,
  proposerAddress: header.proposer_address || null,
  txCount,
});

export const blockResultSchema = z
  .object({
    block_id: z.object({ hash: z.string() }),
    block: z.object({
      header: headerSchema,
      data: z.object({ txs: z.array(z.string()).nullish() }).nullish(),
    }),
  })
  .transform((raw): BlockSummary => summary(raw.block.header, raw.block_id.hash, raw.block.data?.txs?.length ?? 0));

/** A CometBFT BlockMeta (`blockchain`): the header without the block's txs and commit; num_txs is the tx count. */
export const blockMetaSchema = z
  .object({
    block_id: z.object({ hash: z.string() }),
    header: headerSchema,
    num_txs: uint64Schema.refine((n) => n <= BigInt(Number.MAX_SAFE_INTEGER), "out of range for a tx count"),
  })
  .transform((raw): BlockSummary => summary(raw.header, raw.block_id.hash, Number(raw.num_txs)));

/** `blockchain?minHeight=&maxHeight=`: up to 20 metas, highest first, and the node's tip. */
export const blockchainResultSchema = z.object({ last_height: heightSchema, block_metas: z.array(blockMetaSchema) });

export interface RawEvent {
  type: string;
  /** A missing key or value is "" (older nodes omit empty ones); the optional `index` flag is checked, not kept. */
  attributes: { key: string; value: string }[];
}

const received = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * A list of ABCI events (missing or null: none), checked by hand rather than as z.array(z.object(…)): a block
 * carries dozens of events of a few attributes each, and zod's per-object parsing of them was the largest part of
 * decoding block_results. Same checks, and a malformed one is an issue at its own path (`…events.3.attributes.0.key`).
 */
const rawEventsSchema = z.unknown().optional().transform((list, ctx): RawEvent[] => {
  const fail = (path: (string | number)[], expected: string, input: unknown) => {
    ctx.issues.push({ code: "custom", message: `Invalid input: expected ${expected}, received ${received(input)}`, input, path });
    return z.NEVER;
  };
  if (list === null || list === undefined) return [];
  if (!Array.isArray(list)) return fail([], "array", list);
  const events: RawEvent[] = new Array(list.length);
  for (let i = 0; i < list.length; i++) {
    const ev: unknown = list[i];
    if (!isObject(ev)) return fail([i], "object", ev);
    if (typeof ev.type !== "string") return fail([i, "type"], "string", ev.type);
    const raw = ev.attributes ?? [];
    if (!Array.isArray(raw)) return fail([i, "attributes"], "array", raw);
    const attributes: RawEvent["attributes"] = new Array(raw.length);
    for (let j = 0; j < raw.length; j++) {
      const a: unknown = raw[j];
      if (!isObject(a)) return fail([i, "attributes", j], "object", a);
      const key = a.key ?? "";
      const value = a.value ?? "";
      if (typeof key !== "string") return fail([i, "attributes", j, "key"], "string", key);
      if (typeof value !== "string") return fail([i, "attributes", j, "value"], "string", value);
      if (a.index !== undefined && typeof a.index !== "boolean") return fail([i, "attributes", j, "index"], "boolean", a.index);
      attributes[j] = { key, value };
    }
    events[i] = { type: ev.type, attributes };
  }
  return events;
});

export const blockResultsResultSchema = z.object({
  height: heightSchema,
  txs_results: z
    .array(
      z.object({
        code: z.number().int().optional(),
        codespace: z.string().optional(),
        events: rawEventsSchema,
      }),
    )
    .nullish()
    .transform((value) => value ?? []),
  finalize_block_events: rawEventsSchema,
  // CometBFT < 0.38 split block events into begin/end; archives may still serve them.
  begin_block_events: rawEventsSchema,
  end_block_events: rawEventsSchema,
});

export type BlockResultsResult = z.output<typeof blockResultsResultSchema>;
