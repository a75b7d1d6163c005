// The devnet answers JSON-RPC 2.0 batches as CometBFT does: an array of responses with the callers' ids, each with
// its own result or error, so a height it does not have fails that item only; and the node quirks change exactly that.
import { describe, expect, it } from "vitest";
import { createSimulation } from "@/lib/devnet/simulation";
import { ARCHIVE_NODE, mergeQuirks } from "@/lib/devnet/node-quirks";
import { handleRpcPost } from "@/lib/devnet/rpc-batch";
import { blockJson } from "@/lib/devnet/rpc";

const sim = createSimulation({ seed: 3, historyBlocks: 40 });
const call = (id: number | string, method: string, height: string) => ({ jsonrpc: "2.0", id, method, params: { height } });

describe("devnet JSON-RPC batches", () => {
  it("answers each call under its id, and a missing height with a per-item error", () => {
    const reply = handleRpcPost(sim, mergeQuirks(ARCHIVE_NODE, {}), JSON.stringify([call(7, "block", "12"), call("x", "block_results", "41"), call(9, "block_results", "12")]));
    expect(reply.status).toBe(200);
    const [block, missing, results] = reply.body as Record<string, unknown>[];
    expect(block).toEqual({ jsonrpc: "2.0", id: 7, result: blockJson(sim, 12) });
    expect(missing).toEqual({
      jsonrpc: "2.0",
      id: "x",
      error: { code: -32603, message: "Internal error", data: "height 41 must be less than or equal to the current blockchain height 40" },
    });
    expect(results).toMatchObject({ id: 9, result: { height: "12" } });
    expect(reply.blockResults).toBe(2);
  });

  it("a single call is answered as one response, an unknown method and a bad request with their JSON-RPC codes", () => {
    expect(handleRpcPost(sim, ARCHIVE_NODE, JSON.stringify(call(1, "block", "3"))).body).toMatchObject({ id: 1, result: { block: { header: { height: "3" } } } });
    const [unknown, invalid] = handleRpcPost(sim, ARCHIVE_NODE, JSON.stringify([call(1, "tx_search", "3"), { id: 2, method: "block" }])).body as Record<string, { code: number }>[];
    expect(unknown?.error?.code).toBe(-32601);
    expect(invalid?.error?.code).toBe(-32600);
    expect(handleRpcPost(sim, ARCHIVE_NODE, "[{").body).toMatchObject({ error: { code: -32700 } });
  });

  it("quirks: batches refused with HTTP 400, truncated to half, or one height's results failing a set number of times", () => {
    const batch = JSON.stringify([call(0, "block", "5"), call(1, "block_results", "5"), call(2, "block", "6"), call(3, "block_results", "6")]);
    expect(handleRpcPost(sim, mergeQuirks(ARCHIVE_NODE, { rpcBatch: "reject" }), batch).status).toBe(400);
    expect(handleRpcPost(sim, mergeQuirks(ARCHIVE_NODE, { rpcBatch: "truncate" }), batch).body).toHaveLength(2);
    const flaky = mergeQuirks(ARCHIVE_NODE, { batchItemErrors: { "6": 1 } });
    const first = handleRpcPost(sim, flaky, batch).body as Record<string, unknown>[];
    expect(first.map((item) => ("error" in item ? "error" : "result"))).toEqual(["result", "result", "result", "error"]);
    const second = handleRpcPost(sim, flaky, batch).body as Record<string, unknown>[];
    expect(second.every((item) => "result" in item)).toBe(true);
  });
});
