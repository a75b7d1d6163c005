// The collector: follows blocks from the stored cursor, turns events and the REST state they touch into batches,
// and POSTs them to /api/ingest, the only write path. The cursor commits with each batch, so a restart (even after
// kill -9) resumes exactly after the last committed block: no gap, no duplicate.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { setTimeout as wait } from "node:timers/promises";
import type { LcdClient } from "@/lib/allora/lcd-client";
import type { ChainNetwork } from "@/lib/allora/networks";
import { publicErrorMessage } from "@/lib/allora/http";
import type { HttpOptions } from "@/lib/allora/http";
import { createBlockReader } from "@/lib/allora/rpc-batch";
import type { RpcClient } from "@/lib/allora/rpc-client";
import type { GroundTruthSource } from "@/lib/allora/ground-truth";
import { BatchBuilder } from "./batch-builder";
import { fetchBlocks } from "./block-fetch";
import { retryingOnDecodeError } from "./retrying";
import { addBlock, emptyTouched } from "./event-rows";
import { createStateReader, type StateNotice } from "./state-reads";
import { IngestRefusedError, postBatch, type CollectorReport } from "./ingest-client";
import { createGroundTruthFeed } from "./ground-truth-rows";

export type CollectorOptions = {
  network: ChainNetwork;
  lcd: LcdClient;
  rpc: RpcClient;
  ingest: { url: string; token: string };
  /** `assets`: priced from the start; more are learned from the topics' names. */
  groundTruth?: { source: GroundTruthSource; required: boolean; assets?: readonly string[] };
  /** First height for an empty database; default: the latest `recentBlocks` blocks. */
  fromHeight?: bigint;
  recentBlocks?: number;
  /** Blocks per ingest batch near the head (batches end on multiples of it). */
  batchBlocks?: number;
  /** Blocks per ingest batch while more than this many blocks behind the head (catch-up mode); REST state is read
   *  once per batch, so far behind, once per this many blocks. */
  catchUpBatchBlocks?: number;
  /** Heights per JSON-RPC batch request (each asks for block and block_results: two calls per height). */
  rpcBatchHeights?: number;
  /** false: read blocks with single GET requests only. */
  rpcBatch?: boolean;
  /** Transport options of the batch POSTs (the RPC client's own apply to single GETs). */
  rpcHttp?: HttpOptions;
  /** RPC requests in flight. */
  concurrency?: number;
  pollMs?: number;
  /** Re-read all topics, validators and emissions whenever a batch crosses a multiple of this height. */
  stateEveryBlocks?: number;
  /** When following the head, also re-read them after this long (ms); Infinity turns it off. */
  stateEveryMs?: number;
  /** In catch-up batches, a full read includes the pending validator rewards and signing infos only when the batch
   *  crosses a multiple of this height; near the head, every full read includes them. */
  catchUpDistributionEveryBlocks?: number;
  id?: string;
  /** Base of the exponential backoff after a failed batch (ms). */
  backoffMs?: number;
  log?: (message: string) => void;
};

export type CollectorStatus = CollectorReport & { indexedHeight: string | null };

// Ends early, without throwing, when the collector stops; node's timer removes its abort listener either way, so a
// collector polling the head for days does not pile up listeners on its signal.
const sleep = (ms: number, signal: AbortSignal) => wait(ms, undefined, { signal }).catch(() => undefined);

export function startCollector(options: CollectorOptions) {
  const { network } = options;
  const lcd = retryingOnDecodeError(options.lcd);
  const rpc = retryingOnDecodeError(options.rpc);
  const id = options.id ?? `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const batchBlocks = options.batchBlocks ?? 100;
  const catchUpBlocks = BigInt(Math.max(batchBlocks, options.catchUpBatchBlocks ?? 1000));
  const concurrency = options.concurrency ?? 3;
  const pollMs = options.pollMs ?? 2000;
  const stateEvery = BigInt(options.stateEveryBlocks ?? 720);
  const distributionEvery = BigInt(options.catchUpDistributionEveryBlocks ?? 10_000);
  const backoffMs = options.backoffMs ?? 1000;
  const log = options.log ?? (() => {});
  const abort = new AbortController();
  const blocks = createBlockReader({ baseUrl: network.rpcUrl, rpc, batch: options.rpcBatch, log, ...options.rpcHttp });
  const state = createStateReader(lcd, log);
  const status: CollectorStatus = { id, state: "catching_up", last_error: null, chain_height: null, chain_time: null, indexedHeight: null };
  let startHeight: bigint | null = null;
  let lastFullStateAt = 0;
  const prices = options.groundTruth ? createGroundTruthFeed(options.groundTruth) : null;

  const report = (): CollectorReport => ({
    id, state: status.state, last_error: status.last_error, chain_height: status.chain_height, chain_time: status.chain_time,
    ...(prices ? { price_source: prices.report() } : {}),
  });
  // What the node could not serve, for /api/health: state left out or read at another height, and batch refusals.
  const notices = (): StateNotice[] => {
    const list = state.notices();
    const refused = blocks.fallbackReason();
    const whole = blocks.headerFallbackReason();
    if (whole) list.unshift({ state: "block headers", kind: "block_calls", since: headerFallbackSince ??= new Date().toISOString(), as_of_height: null, detail: whole });
    if (refused) list.unshift({ state: "rpc batches", kind: "single_requests", since: fallbackSince ??= new Date().toISOString(), as_of_height: null, detail: refused });
    // Within the batch schema's bounds (100 notices, 1,000 characters each), so a node missing many topics never
    // gets every batch refused.
    return list.slice(0, 100).map((n) => ({ ...n, state: n.state.slice(0, 100), detail: n.detail.slice(0, 1000) }));
  };
  let fallbackSince: string | undefined;
  let headerFallbackSince: string | undefined;
  // The emissions version is unknown until the first probe; the ingest keeps the last known one meanwhile.
  let emissionsVersion: "v9" | "v10" | null = null;
  // Whether the last word from the route was an accepted batch: then this collector holds the write lease.
  let holdsLease = false;
  const send = async (body: Record<string, unknown>, attempts?: number) => {
    try {
      const result = await postBatch(
        options.ingest,
        {
          version: 1,
          network: { chain_id: network.chainId, name: network.name, kind: network.kind, simulated: network.simulated, emissions_version: emissionsVersion, lcd_url: network.lcdUrl, rpc_url: network.rpcUrl },
          collector: { ...report(), notices: notices() },
          rows: {},
          ...body,
        },
        attempts,
      );
      holdsLease = true;
      return result;
    } catch (error) {
      if (error instanceof IngestRefusedError && error.status === 409) holdsLease = false;
      throw error;
    }
  };

  // Batch boundaries and full-state reads depend only on heights (multiples of batchBlocks and stateEveryBlocks, the
  // first batch, the head), never on when this process started: an interrupted run ends in the same state.
  const catchingUp = (cursor: bigint, head: bigint) => head - cursor > catchUpBlocks;
  const crosses = (from: bigint, to: bigint, every: bigint) => to / every > (from - 1n) / every;
  function rangeAfter(cursor: bigint, head: bigint): bigint {
    // Far behind: catch-up batches (aligned on their own multiples, so a restart cuts the same ones).
    const step = catchingUp(cursor, head) ? catchUpBlocks : BigInt(batchBlocks);
    const boundary = (cursor / step + 1n) * step;
    return boundary < head ? boundary : head;
  }

  function fetchRange(from: bigint, to: bigint) {
    const heights = Array.from({ length: Number(to - from) + 1 }, (_, i) => from + BigInt(i));
    const perRequest = options.rpcBatch === false ? 1 : (options.rpcBatchHeights ?? 50);
    // Concurrent batch reads, applied in height order below; single GETs (a node refusing batches) run wider.
    const inFlight = blocks.fallbackReason() ? concurrency * 4 : concurrency;
    return fetchBlocks(blocks, heights, { perRequest, inFlight, signal: abort.signal, retryDelayMs: backoffMs });
  }

  type Prepared = { body: Record<string, unknown>; fullState: boolean };

  // Three stages overlap while catching up: the node serves range N+2's blocks while this process turns range N+1
  // into a batch (events, REST state, prices) and the ingest route commits batch N. Batches still commit one by
  // one, in height order; a prepared batch whose range is no longer the next one is dropped, never posted.
  let ahead: { from: bigint; to: bigint; blocks: ReturnType<typeof fetchRange> } | null = null;
  let aheadBatch: { from: bigint; to: bigint; batch: Promise<Prepared> } | null = null;
  function takeRange(from: bigint, to: bigint) {
    const mine = ahead && ahead.from === from && ahead.to === to ? ahead.blocks : fetchRange(from, to);
    ahead = null;
    return mine;
  }
  function takeBatch(from: bigint, to: bigint, head: bigint): Promise<Prepared> {
    const mine = aheadBatch && aheadBatch.from === from && aheadBatch.to === to ? aheadBatch.batch : prepare(from, to, head);
    aheadBatch = null;
    return mine;
  }

  async function prepare(from: bigint, to: bigint, head: bigint): Promise<Prepared> {
    const fetched = await takeRange(from, to);
    if (to < head) {
      const next = rangeAfter(to, head);
      ahead = { from: to + 1n, to: next, blocks: fetchRange(to + 1n, next) };
      ahead.blocks.catch(() => undefined);
    }
    const builder = new BatchBuilder();
    const touched = emptyTouched();
    for (const item of fetched) addBlock(builder, touched, item.block, item.results);

    const fullState =
      from === startHeight ||
      crosses(from, to, stateEvery) ||
      (to === head && Date.now() - lastFullStateAt > (options.stateEveryMs ?? 300_000));
    // Pending rewards cost one request per delegator: far behind, the stored ones (stamped with the height they are
    // as of) are refreshed every `distributionEvery` heights, not with each full read of the batches racing past.
    const distribution = fullState && (!catchingUp(from - 1n, head) || crosses(from, to, distributionEvery));
    const topicNames = await state.read(builder, { touched, full: fullState, distribution, to, head });
    prices?.noteTopics(topicNames);
    const first = fetched[0]?.block.time;
    const last = fetched.at(-1)?.block.time;
    if (prices && first && last) await prices.add(builder, first, last);
    const body = {
      batch_id: `${network.chainId}:blocks:${from}-${to}`,
      from_height: String(from),
      to_height: String(to),
      cursor: { source: "blocks", height: String(to), time: last?.toISOString() ?? null },
      ...builder.build(),
    };
    return { body, fullState };
  }

  async function collectRange(from: bigint, to: bigint, head: bigint): Promise<void> {
    const prepared = await takeBatch(from, to, head);
    const next = to < head ? rangeAfter(to, head) : null;
    // A batch ending at the head is prepared only once this one is committed: whether it re-reads all state depends
    // on when the last full read was committed, and an early guess would make the stored state timing-dependent.
    if (next !== null && next < head) {
      aheadBatch = { from: to + 1n, to: next, batch: prepare(to + 1n, next, head) };
      aheadBatch.batch.catch(() => undefined);
    }
    const result = await send(prepared.body);
    if (prepared.fullState) lastFullStateAt = Date.now();
    status.indexedHeight = String(to);
    log(`collector: indexed ${from}-${to} (${result.status})`);
  }

  async function run(): Promise<void> {
    let failures = 0;
    let cursor: bigint | null = null;
    while (!abort.signal.aborted) {
      try {
        const chain = await rpc.getStatus(abort.signal);
        if (chain.chainId !== network.chainId)
          throw new Error(`the RPC endpoint serves chain ${chain.chainId}, not ${network.chainId}; refusing to index it`);
        status.chain_height = String(chain.latestHeight);
        status.chain_time = chain.latestBlockTime.toISOString();
        emissionsVersion = await lcd.getEmissionsVersion();
        if (cursor === null) {
          const claim = await send({ batch_id: `${id}:hello` });
          const stored = claim.cursors.blocks;
          const wanted = options.fromHeight ?? chain.latestHeight - BigInt(options.recentBlocks ?? 17_280) + 1n;
          startHeight = wanted > 1n ? wanted : 1n;
          cursor = stored !== undefined ? BigInt(stored) : startHeight - 1n;
          status.indexedHeight = stored ?? null;
        }
        const head = chain.latestHeight;
        if (cursor >= head) {
          status.state = "running";
          await send({ batch_id: `${id}:heartbeat` });
          await sleep(pollMs, abort.signal);
          continue;
        }
        const to = rangeAfter(cursor, head);
        status.state = head - to > BigInt(batchBlocks) ? "catching_up" : "running";
        await collectRange(cursor + 1n, to, head);
        cursor = to;
        failures = 0;
        status.last_error = null;
      } catch (error) {
        if (abort.signal.aborted) break;
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        // /api/health and the banner show last_error to every visitor: host, status and reason class only. The
        // server log below keeps the full detail (URL, upstream body).
        status.last_error = publicErrorMessage(error);
        if (error instanceof IngestRefusedError && error.status === 422) {
          // The route refused what this collector built: the same bytes would be refused forever, so stop and say
          // which field, rather than retry and stall the range.
          status.state = "error";
          log(`collector: error, stopped: ${message}`);
          await send({ batch_id: `${id}:status` }, 1).catch(() => {});
          return;
        }
        if (error instanceof IngestRefusedError && error.status === 409 && /another collector/.test(message)) {
          // Another replica holds the lease: stand by, and take over only if it stops renewing.
          status.state = "stopped";
          cursor = null;
          ahead = aheadBatch = null;
        } else status.state = failures > 5 ? "error" : "backing_off";
        log(`collector: ${status.state}: ${message}`);
        if (status.state !== "stopped") await send({ batch_id: `${id}:status` }).catch(() => {});
        await sleep(Math.min(60_000, backoffMs * 2 ** Math.min(failures, 6)) * (0.5 + Math.random() / 2), abort.signal);
      }
    }
  }

  const running = run();
  return {
    id,
    status: (): CollectorStatus => ({ ...status }),
    /** Stops after the current step; if this collector holds the lease it hands it back, so a successor starts at once. */
    stop: async () => {
      abort.abort();
      await running;
      if (!holdsLease) return;
      status.state = "stopped";
      await send({ batch_id: `${id}:stopped` }, 1).catch(() => undefined);
    },
  };
}

export type Collector = ReturnType<typeof startCollector>;
