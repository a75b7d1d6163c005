// `blockchain` metas decode to the same BlockSummary a whole `block` gives (num_txs as the tx count, a uint string);
// the batch reader asks ceil(n/20) blockchain calls per batch, and falls back to block calls, said once, when a node
// gives no valid blockchain answer. The fixture is built from the devnet (../shared/allora-api.md has no real sample).
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { AlloraDecodeError, decodeResponse } from "@/lib/allora/http";
import { createBlockReader, headerRanges } from "@/lib/allora/rpc-batch";
import { createRpcClient } from "@/lib/allora/rpc-client";
import { blockchainResultSchema, blockResultSchema, rpcResultSchema } from "@/lib/allora/schemas/comet";
import { ARCHIVE_NODE, mergeQuirks, type NodeQuirks } from "@/lib/devnet/node-quirks";
import { handleRpcPost } from "@/lib/devnet/rpc-batch";
import { blockJson, handleRpc } from "@/lib/devnet/rpc";
import { createSimulation } from "@/lib/devnet/simulation";

const fixture = JSON.parse(readFileSync("tests/fixtures/allora/blockchain-devnet.json", "utf8")) as { result: { block_metas: Record<string, unknown>[] } };
const sim = createSimulation({ seed: 4, historyBlocks: 30 });
const envelope = rpcResultSchema(blockchainResultSchema);
const BASE = "http://node.example";

function node(quirks: Partial<NodeQuirks> = {}) {
  const methods: string[] = [];
  const q = mergeQuirks(ARCHIVE_NODE, quirks);
  const fetch = async (input: string, init?: RequestInit): Promise<Response> => {
    if (init?.method === "POST") {
      methods.push(...(JSON.parse(String(init.body)) as { method: string }[]).map((c) => c.method));
      const reply = handleRpcPost(sim, q, String(init.body));
      return new Response(JSON.stringify(reply.body), { status: reply.status });
    }
    const url = new URL(input);
    const reply = handleRpc(sim, url.pathname, url.searchParams);
    return new Response(JSON.stringify(reply?.body ?? {}), { status: reply?.status ?? 404 });
  };
  const logs: string[] = [];
  const reader = createBlockReader({ baseUrl: BASE, rpc: createRpcClient({ baseUrl: BASE, fetch, retries: 0 }), log: (m) => logs.push(m), fetch, retries: 0 });
  return { reader, methods, logs };
}

describe("blockchain metas", () => {
  it("decode to the BlockSummary of the same height's whole block", () => {
    const metas = decodeResponse(envelope, fixture, "fixture").block_metas;
    expect(metas.map((m) => m.height)).toEqual([10n, 9n, 8n]);
    for (const meta of metas) expect(meta).toEqual(decodeResponse(blockResultSchema, blockJson(sim, Number(meta.height)), "block"));
    expect(metas[0]).toMatchObject({ chainId: "allora-devnet-1", txCount: 14, time: new Date("2026-11-01T00:00:45Z") });
  });

  it("a num_txs that is not a uint string fails with its field named", () => {
    for (const bad of [14, "-1", "1.5", ""]) {
      const body = { ...fixture, result: { ...fixture.result, block_metas: [{ ...fixture.result.block_metas[0], num_txs: bad }] } };
      expect(() => decodeResponse(envelope, body, "fixture")).toThrow(/result\.block_metas\.0\.num_txs/);
    }
    const noHeight = { ...fixture, result: { ...fixture.result, block_metas: [{ ...fixture.result.block_metas[0], header: { chain_id: "x", time: "2026-11-01T00:00:45Z" } }] } };
    expect(() => decodeResponse(envelope, noHeight, "fixture")).toThrow(AlloraDecodeError);
    expect(() => decodeResponse(envelope, noHeight, "fixture")).toThrow(/result\.block_metas\.0\.header\.height/);
  });

  it("heights become ranges of at most 20 consecutive heights", () => {
    const run = (from: number, n: number) => Array.from({ length: n }, (_, i) => BigInt(from + i));
    expect(headerRanges(run(1, 50))).toEqual([[1n, 20n], [21n, 40n], [41n, 50n]]);
    expect(headerRanges([7n, 3n, 4n, 9n])).toEqual([[3n, 4n], [7n, 7n], [9n, 9n]]);
  });
});

describe("batch reader with blockchain", () => {
  it("asks block_results per height and ceil(n/20) blockchain calls, and gives the same blocks as block calls", async () => {
    const { reader, methods } = node();
    const heights = Array.from({ length: 25 }, (_, i) => BigInt(i + 3));
    const blocks = await reader.read(heights);
    expect(methods.filter((m) => m === "blockchain")).toHaveLength(2);
    expect(methods.filter((m) => m === "block_results")).toHaveLength(25);
    expect(methods).not.toContain("block");
    const whole = node({ rpcBlockchain: "unknown" });
    expect(await whole.reader.read(heights)).toEqual(blocks);
    expect(reader.headerFallbackReason()).toBeNull();
  });

  it("a node answering blockchain with Method not found is read with block calls in batches from then on, said once", async () => {
    const { reader, methods, logs } = node({ rpcBlockchain: "unknown" });
    await reader.read([5n, 6n]);
    await reader.read([7n]);
    expect(methods).toEqual(["block_results", "block_results", "blockchain", "block_results", "block_results", "block", "block", "block_results", "block"]);
    expect(reader.headerFallbackReason()).toMatch(/Method not found/);
    expect(reader.fallbackReason()).toBeNull();
    expect(logs).toHaveLength(1);
  });
});
