// The batch block reader: items validated like single GETs and matched to the height asked for; a malformed item
// names its field, an item error fails the request; a node that refuses or truncates batches is read with GETs.
import { describe, expect, it } from "vitest";
import { AlloraDecodeError } from "@/lib/allora/http";
import { createBlockReader } from "@/lib/allora/rpc-batch";
import { AlloraRpcError, createRpcClient } from "@/lib/allora/rpc-client";
import { createSimulation } from "@/lib/devnet/simulation";
import { ARCHIVE_NODE, mergeQuirks, type NodeQuirks } from "@/lib/devnet/node-quirks";
import { handleRpcPost } from "@/lib/devnet/rpc-batch";
import { handleRpc } from "@/lib/devnet/rpc";

const sim = createSimulation({ seed: 4, historyBlocks: 30 });
const BASE = "http://node.example";

/** The devnet's own RPC handlers behind a fetch; `edit` may change a batch answer on its way back. */
function node(quirks: Partial<NodeQuirks> = {}, edit: (items: Record<string, unknown>[]) => unknown = (x) => x) {
  const seen = { posts: 0, gets: 0 };
  const q = mergeQuirks(ARCHIVE_NODE, quirks);
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    const url = new URL(input);
    if (init?.method === "POST") {
      seen.posts += 1;
      const reply = handleRpcPost(sim, q, String(init.body));
      return new Response(JSON.stringify(Array.isArray(reply.body) ? edit(reply.body as Record<string, unknown>[]) : reply.body), { status: reply.status });
    }
    seen.gets += 1;
    const reply = handleRpc(sim, url.pathname, url.searchParams);
    return new Response(JSON.stringify(reply?.body ?? {}), { status: reply?.status ?? 404 });
  };
  const http = { fetch, retries: 0 };
  const logs: string[] = [];
  const reader = createBlockReader({ baseUrl: BASE, rpc: createRpcClient({ baseUrl: BASE, ...http }), log: (m) => logs.push(m), ...http });
  return { reader, seen, logs };
}

describe("batch block reader", () => {
  it("reads many heights in one request, in order, with their decoded events", async () => {
    const { reader, seen } = node();
    const blocks = await reader.read([5n, 6n, 7n]);
    expect(blocks.map((b) => [b.block.height, b.results.height])).toEqual([[5n, 5n], [6n, 6n], [7n, 7n]]);
    expect(seen).toEqual({ posts: 1, gets: 0 });
    expect(reader.fallbackReason()).toBeNull();
  });

  it("a malformed item fails with the field named; an answer for another height is refused", async () => {
    const corrupt = node({}, (items) => items.map((item, i) => (i === 1 ? { ...item, result: { ...(item.result as object), txs_results: "oops" } } : item)));
    await expect(corrupt.reader.read([5n, 6n])).rejects.toThrow(/txs_results/);
    const shifted = node({}, (items) => [items[2], items[3], items[0], items[1]].map((item, i) => ({ ...item, id: i })));
    await expect(shifted.reader.read([5n, 6n])).rejects.toBeInstanceOf(AlloraDecodeError);
    expect(corrupt.reader.fallbackReason()).toBeNull();
  });

  it("an item error (a height the node could not load) fails the request, and the next read succeeds", async () => {
    const { reader } = node({ batchItemErrors: { "6": 1 } });
    await expect(reader.read([5n, 6n])).rejects.toBeInstanceOf(AlloraRpcError);
    expect((await reader.read([5n, 6n])).map((b) => b.results.height)).toEqual([5n, 6n]);
  });

  for (const rpcBatch of ["reject", "truncate"] as const)
    it(`a node that ${rpcBatch === "reject" ? "refuses batches with HTTP 400" : "truncates batch answers"} is read with single GETs from then on, said once`, async () => {
      const { reader, seen, logs } = node({ rpcBatch });
      const blocks = await reader.read([5n, 6n]);
      expect(blocks.map((b) => b.block.height)).toEqual([5n, 6n]);
      await reader.read([7n]);
      expect(seen).toEqual({ posts: 1, gets: 6 });
      expect(reader.fallbackReason()).toMatch(rpcBatch === "reject" ? /HTTP 400/ : /truncated array/);
      expect(logs).toHaveLength(1);
    });
});
