// Reads blocks through the typed RPC client and indexes the decoded events, so REST answers can be
// checked against what the chain announced in block_results (the collector's two sources).
import type { DecodedEvent, KnownEvent } from "@/lib/allora/events";
import type { EventSource, RpcClient } from "@/lib/allora/rpc-client";

export type EventName = KnownEvent["name"];
export type EventOf<N extends EventName> = Extract<KnownEvent, { name: N }>;

export interface SeenEvent<N extends EventName = EventName> {
  height: number;
  source: EventSource;
  txIndex: number | null;
  event: EventOf<N>;
}

export interface DecodeFailure {
  height: number;
  message: string;
}

export class EventIndex {
  private readonly byName = new Map<string, SeenEvent[]>();
  readonly failures: DecodeFailure[] = [];
  readonly unknownTypes = new Set<string>();
  /** Attributes of events no schema covers (bank, staking, …), by height and type. */
  private readonly unknown = new Map<string, Array<Record<string, string>>>();
  /** Tx count per scanned height, from the tx indexes the events carried. */
  readonly txCounts = new Map<number, number>();
  blocks = 0;

  add(height: number, source: EventSource, txIndex: number | null, event: DecodedEvent): void {
    if (event.kind === "error") this.failures.push({ height, message: event.message });
    if (event.kind === "unknown") {
      this.unknownTypes.add(event.type);
      const k = `${height}|${event.type}`;
      this.unknown.set(k, [...(this.unknown.get(k) ?? []), Object.fromEntries(event.attributes.map((a) => [a.key, a.value]))]);
    }
    if (event.kind !== "event") return;
    const list = this.byName.get(event.name) ?? [];
    list.push({ height, source, txIndex, event });
    this.byName.set(event.name, list);
  }

  /** Every decoded event of that name, in height order. */
  named<N extends EventName>(name: N, upTo = Infinity): SeenEvent<N>[] {
    // The index only ever files an event under its own name.
    const list = (this.byName.get(name) ?? []) as unknown as SeenEvent<N>[];
    return upTo === Infinity ? list : list.filter((e) => e.height <= upTo);
  }

  unknownAt(height: number, type: string): Array<Record<string, string>> {
    return this.unknown.get(`${height}|${type}`) ?? [];
  }

  names(): string[] {
    return [...this.byName.keys()].sort();
  }
}

/** Scans [from, to] with a few requests in flight; results are indexed in height order. */
export async function scanBlocks(rpc: RpcClient, heights: readonly number[], concurrency = 8): Promise<EventIndex> {
  const results = new Array<Awaited<ReturnType<RpcClient["getBlockResults"]>>>(heights.length);
  let next = 0;
  const worker = async () => {
    while (next < heights.length) {
      const i = next++;
      results[i] = await rpc.getBlockResults(heights[i]!);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const index = new EventIndex();
  results.forEach((block, i) => {
    const height = heights[i]!;
    if (Number(block.height) !== height) throw new Error(`asked for block ${height}, got ${block.height}`);
    index.blocks += 1;
    const txs = new Set<number>();
    for (const e of block.events) {
      if (e.txIndex !== null) txs.add(e.txIndex);
      index.add(height, e.source, e.txIndex, e.event);
    }
    index.txCounts.set(height, txs.size);
  });
  return index;
}

export const range = (from: number, to: number): number[] => Array.from({ length: to - from + 1 }, (_, i) => from + i);
