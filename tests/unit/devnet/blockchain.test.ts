// The devnet's `blockchain` (GET /blockchain?minHeight=&maxHeight= and the JSON-RPC method, single or batched) as
// CometBFT 0.38 serves it: at most 20 metas, highest first, clamped to the chain's heights, an error for a bad range;
// each meta the header and block_id its `block` carries, and num_txs its tx count.
import { describe, expect, it } from "vitest";
import { createSimulation } from "@/lib/devnet/simulation";
import { ARCHIVE_NODE, mergeQuirks } from "@/lib/devnet/node-quirks";
import { handleRpcPost } from "@/lib/devnet/rpc-batch";
import { blockJson, handleRpc } from "@/lib/devnet/rpc";

const sim = createSimulation({ seed: 3, historyBlocks: 40 });
type Meta = { block_id: unknown; block_size: string; header: { height: string }; num_txs: string };
type Answer = { result?: { last_height: string; block_metas: Meta[] }; error?: { code: number; message: string; data: string } };

const get = (query: Record<string, string>) => handleRpc(sim, "/blockchain", new URLSearchParams(query))!;
const heights = (answer: Answer) => answer.result?.block_metas.map((m) => Number(m.header.height));

describe("devnet blockchain", () => {
  it("lists the asked heights highest first, each with its block's header, block_id and tx count", () => {
    const reply = get({ minHeight: "5", maxHeight: "8" });
    expect(reply.status).toBe(200);
    const body = reply.body as Answer;
    expect(body.result?.last_height).toBe("40");
    expect(heights(body)).toEqual([8, 7, 6, 5]);
    for (const meta of body.result!.block_metas) {
      const block = blockJson(sim, Number(meta.header.height));
      expect(meta.header).toEqual(block.block.header);
      expect(meta.block_id).toEqual(block.block_id);
      expect(meta.num_txs).toBe(String(block.block.data.txs.length));
      expect(Number(meta.block_size)).toBeGreaterThan(block.block.data.txs.reduce((n, tx) => n + Buffer.byteLength(tx, "base64"), 0));
      expect(Object.keys(meta)).toEqual(["block_id", "block_size", "header", "num_txs"]);
    }
  });

  it("clamps as CometBFT does: max to the tip, 0 to the base or the tip, and to the 20 highest of a longer range", () => {
    expect(heights(get({ minHeight: "38", maxHeight: "99" }).body as Answer)).toEqual([40, 39, 38]);
    expect(heights(get({ minHeight: "0", maxHeight: "3" }).body as Answer)).toEqual([3, 2, 1]);
    expect(heights(get({ minHeight: "1", maxHeight: "40" }).body as Answer)).toEqual(Array.from({ length: 20 }, (_, i) => 40 - i));
    expect(heights(get({}).body as Answer)).toEqual(Array.from({ length: 20 }, (_, i) => 40 - i));
    expect(heights(get({ minHeight: '"7"', maxHeight: '"7"' }).body as Answer)).toEqual([7]);
  });

  it("answers a bad range with CometBFT's errors", () => {
    const error = (query: Record<string, string>) => {
      const reply = get(query);
      expect(reply.status).toBe(500);
      return (reply.body as Answer).error;
    };
    expect(error({ minHeight: "9", maxHeight: "5" })).toEqual({ code: -32603, message: "Internal error", data: "min height 9 can't be greater than max height 5" });
    expect(error({ minHeight: "41", maxHeight: "45" })).toEqual({ code: -32603, message: "Internal error", data: "min height 41 can't be greater than max height 40" });
    expect(error({ minHeight: "-1", maxHeight: "5" })).toEqual({ code: -32603, message: "Internal error", data: "heights must be non-negative" });
    expect(error({ minHeight: "x", maxHeight: "5" })).toMatchObject({ code: -32602, data: expect.stringContaining("minHeight") });
  });

  it("is a JSON-RPC method too, single and in batches (string or number params), counted in the reply", () => {
    const call = (id: number, minHeight: string | number, maxHeight: string | number) => ({ jsonrpc: "2.0", id, method: "blockchain", params: { minHeight, maxHeight } });
    const single = handleRpcPost(sim, ARCHIVE_NODE, JSON.stringify(call(1, "5", "6")));
    expect(single.body).toEqual({ jsonrpc: "2.0", id: 1, result: (get({ minHeight: "5", maxHeight: "6" }).body as Answer).result });
    expect(single.blockchain).toBe(1);
    const batch = handleRpcPost(sim, ARCHIVE_NODE, JSON.stringify([call(7, 1, 20), call(8, "21", "40"), call(9, "30", "20"), { jsonrpc: "2.0", id: 10, method: "block", params: { height: "3" } }]));
    const [low, high, bad, block] = batch.body as (Answer & { id: number })[];
    expect([low?.id, high?.id, bad?.id, block?.id]).toEqual([7, 8, 9, 10]);
    expect(heights(low!)).toEqual(Array.from({ length: 20 }, (_, i) => 20 - i));
    expect(heights(high!)).toEqual(Array.from({ length: 20 }, (_, i) => 40 - i));
    expect(bad?.error?.data).toBe("min height 30 can't be greater than max height 20");
    expect({ blockchain: batch.blockchain, blocks: batch.blocks, blockResults: batch.blockResults, calls: batch.calls }).toEqual({ blockchain: 3, blocks: 1, blockResults: 0, calls: 4 });
  });

  it("quirk rpcBlockchain unknown: JSON-RPC blockchain calls are answered Method not found, the rest as usual", () => {
    const quirks = mergeQuirks(ARCHIVE_NODE, { rpcBlockchain: "unknown" });
    const [meta, block] = handleRpcPost(sim, quirks, JSON.stringify([
      { jsonrpc: "2.0", id: 0, method: "blockchain", params: { minHeight: "5", maxHeight: "6" } },
      { jsonrpc: "2.0", id: 1, method: "block", params: { height: "5" } },
    ])).body as (Answer & { id: number })[];
    expect(meta).toEqual({ jsonrpc: "2.0", id: 0, error: { code: -32601, message: "Method not found", data: "" } });
    expect(block).toMatchObject({ id: 1, result: { block: { header: { height: "5" } } } });
  });
});
