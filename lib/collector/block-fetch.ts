// Reads a range of blocks and their results: split into batch requests of `perRequest` heights, `inFlight` at a
// time, returned in height order. A batch whose body fails validation or carries an item error (a height the node
// could not load) is read again, that batch only, a few times before the range fails and the collector backs off.
import { setTimeout as wait } from "node:timers/promises";
import { AlloraDecodeError } from "@/lib/allora/http";
import type { BlockRead, BlockReader } from "@/lib/allora/rpc-batch";
import { AlloraRpcError } from "@/lib/allora/rpc-client";

export type FetchOptions = { perRequest: number; inFlight: number; signal: AbortSignal; retryDelayMs: number; attempts?: number };

const transient = (error: unknown) => error instanceof AlloraDecodeError || error instanceof AlloraRpcError;

async function readChunk(reader: BlockReader, heights: bigint[], options: FetchOptions): Promise<BlockRead[]> {
  const attempts = options.attempts ?? 4;
  for (let attempt = 1; ; attempt++) {
    try {
      return await reader.read(heights, options.signal);
    } catch (error) {
      if (!transient(error) || attempt >= attempts || options.signal.aborted) throw error;
      await wait(options.retryDelayMs * attempt, undefined, { signal: options.signal }).catch(() => undefined);
    }
  }
}

export async function fetchBlocks(reader: BlockReader, heights: readonly bigint[], options: FetchOptions): Promise<BlockRead[]> {
  const chunks: bigint[][] = [];
  for (let i = 0; i < heights.length; i += options.perRequest) chunks.push(heights.slice(i, i + options.perRequest));
  const results = new Array<BlockRead[]>(chunks.length);
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      const index = next++;
      results[index] = await readChunk(reader, chunks[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.inFlight, chunks.length) }, worker));
  const blocks = results.flat();
  // A known event that fails its schema may be a corrupted response: re-read those blocks before giving up on them.
  for (let attempt = 1; attempt < 4; attempt++) {
    const suspect = blocks.flatMap((b, i) => (b.results.events.some((e) => e.event.kind === "error") ? [i] : []));
    if (suspect.length === 0) break;
    const again = await readChunk(reader, suspect.map((i) => heights[i]!), options);
    suspect.forEach((i, j) => (blocks[i] = again[j]!));
  }
  return blocks;
}
