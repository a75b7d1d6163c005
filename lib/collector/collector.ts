// The collector: follows blocks from the stored cursor, turns events and the REST state they touch into batches,
// and POSTs them to /api/ingest, the only write path. The cursor commits with each batch, so a restart (even after
// kill -9) resumes exactly after the last committed block: no gap, no duplicate.
import { hostname } from "node:os";
import { randomBytes } from "node:crypto";
import { setTimeout as wait } from "node:timers/promises";
import type { LcdClient } from "@/lib/allora/lcd-client";
import { AlloraDecodeError } from "@/lib/allora/http";
import type { RpcClient } from "@/lib/allora/rpc-client";
import type { GroundTruthSource } from "@/lib/allora/ground-truth";
import { BatchBuilder } from "./batch-builder";
import { addBlock, emptyTouched } from "./event-rows";
import { addEmissions, addStakes, addTopics, addValidators, listTopicIds } from "./state-rows";
import { IngestRefusedError, postBatch, type CollectorReport } from "./ingest-client";
import { createGroundTruthFeed } from "./ground-truth-rows";

export type CollectorNetwork = { kind: "mainnet" | "testnet" | "devnet"; name: string; chainId: string; simulated: boolean; lcdUrl: string; rpcUrl: string };

export type CollectorOptions = {
  network: CollectorNetwork;
  lcd: LcdClient;
  rpc: RpcClient;
  ingest: { url: string; token: string };
  /** `assets`: priced from the start; more are learned from the topics' names. */
  groundTruth?: { source: GroundTruthSource; required: boolean; assets?: readonly string[] };
  /** First height for an empty database; default: the latest `recentBlocks` blocks. */
  fromHeight?: bigint;
  recentBlocks?: number;
  batchBlocks?: number;
  concurrency?: number;
  pollMs?: number;
  /** Re-read all topics, validators and emissions whenever a batch crosses a multiple of this height. */
  stateEveryBlocks?: number;
  /** When following the head, also re-read them after this long (ms); Infinity turns it off. */
  stateEveryMs?: number;
  id?: string;
  /** Base of the exponential backoff after a failed batch (ms). */
  backoffMs?: number;
  log?: (message: string) => void;
};

export type CollectorStatus = CollectorReport & { indexedHeight: string | null };

// Ends early, without throwing, when the collector stops; node's timer removes its abort listener either way, so a
// collector polling the head for days does not pile up listeners on its signal.
const sleep = (ms: number, signal: AbortSignal) => wait(ms, undefined, { signal }).catch(() => undefined);

/**
 * A body that fails validation can be a transient fault (a truncating proxy, a node restarting), so each call is
 * retried a few times before the batch fails; a real format change still surfaces as an error with the field named.
 */
function retryingOnDecodeError<T extends object>(client: T, attempts = 4): T {
  return new Proxy(client, {
    get(target, prop, receiver) {
      const value: unknown = Reflect.get(target, prop, receiver);
      if (typeof value !== "function") return value;
      return async (...args: unknown[]) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
          } catch (error) {
            if (!(error instanceof AlloraDecodeError) || attempt >= attempts) throw error;
          }
        }
      };
    },
  });
}

export function startCollector(options: CollectorOptions) {
  const { network } = options;
  const lcd = retryingOnDecodeError(options.lcd);
  const rpc = retryingOnDecodeError(options.rpc);
  const id = options.id ?? `${hostname()}-${process.pid}-${randomBytes(3).toString("hex")}`;
  const batchBlocks = options.batchBlocks ?? 100;
  const concurrency = options.concurrency ?? 8;
  const pollMs = options.pollMs ?? 2000;
  const stateEvery = BigInt(options.stateEveryBlocks ?? 720);
  const backoffMs = options.backoffMs ?? 1000;
  const log = options.log ?? (() => {});
  const abort = new AbortController();
  const status: CollectorStatus = { id, state: "catching_up", last_error: null, chain_height: null, chain_time: null, indexedHeight: null };
  let startHeight: bigint | null = null;
  let lastFullStateAt = 0;
  const prices = options.groundTruth ? createGroundTruthFeed(options.groundTruth) : null;

  const report = (): CollectorReport => ({
    id, state: status.state, last_error: status.last_error, chain_height: status.chain_height, chain_time: status.chain_time,
    ...(prices ? { price_source: prices.report() } : {}),
  });
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
          collector: report(),
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
  async function collectRange(from: bigint, to: bigint, head: bigint): Promise<void> {
    const heights = Array.from({ length: Number(to - from) + 1 }, (_, i) => from + BigInt(i));
    const fetched = new Array<Awaited<ReturnType<typeof fetchBlock>>>(heights.length);
    // Concurrent fetches, applied in height order below.
    for (let i = 0; i < heights.length; i += concurrency)
      await Promise.all(heights.slice(i, i + concurrency).map(async (h, j) => (fetched[i + j] = await fetchBlock(h))));
    const builder = new BatchBuilder();
    const touched = emptyTouched();
    for (const item of fetched) addBlock(builder, touched, item.block, item.results);

    const fullState =
      from === startHeight ||
      to / stateEvery > (from - 1n) / stateEvery ||
      (to === head && Date.now() - lastFullStateAt > (options.stateEveryMs ?? 300_000));
    const topicIds = fullState ? await listTopicIds(lcd, to) : [...touched.topics].map(BigInt);
    prices?.noteTopics(await addTopics(builder, lcd, topicIds, to));
    await addStakes(builder, lcd, touched, to);
    if (fullState) {
      await addValidators(builder, lcd, to);
      await addEmissions(builder, lcd, to);
    }
    const first = fetched[0]?.block.time;
    const last = fetched.at(-1)?.block.time;
    if (prices && first && last) await prices.add(builder, first, last);

    const built = builder.build();
    const result = await send({
      batch_id: `${network.chainId}:blocks:${from}-${to}`,
      from_height: String(from),
      to_height: String(to),
      cursor: { source: "blocks", height: String(to), time: last?.toISOString() ?? null },
      ...built,
    });
    if (fullState) lastFullStateAt = Date.now();
    status.indexedHeight = String(to);
    log(`collector: indexed ${from}-${to} (${result.status})`);
  }

  async function fetchBlock(height: bigint) {
    for (let attempt = 1; ; attempt++) {
      const [block, results] = await Promise.all([rpc.getBlock(height, abort.signal), rpc.getBlockResults(height, abort.signal)]);
      // A known event that fails its schema may be a corrupted response: re-read the block before giving up on it.
      if (attempt >= 4 || results.events.every((e) => e.event.kind !== "error")) return { block, results };
    }
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
        const boundary = (cursor / BigInt(batchBlocks) + 1n) * BigInt(batchBlocks);
        const to: bigint = boundary < head ? boundary : head;
        status.state = head - to > BigInt(batchBlocks) ? "catching_up" : "running";
        await collectRange(cursor + 1n, to, head);
        cursor = to;
        failures = 0;
        status.last_error = null;
      } catch (error) {
        if (abort.signal.aborted) break;
        failures += 1;
        const message = error instanceof Error ? error.message : String(error);
        status.last_error = message;
        if (error instanceof IngestRefusedError && error.status === 409 && /another collector/.test(message)) {
          // Another replica holds the lease: stand by, and take over only if it stops renewing.
          status.state = "stopped";
          cursor = null;
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
