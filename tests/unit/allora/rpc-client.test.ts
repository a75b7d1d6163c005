import { describe, expect, it } from "vitest";

import { AlloraDecodeError } from "@/lib/allora/http";
import { AlloraRpcError, createRpcClient } from "@/lib/allora/rpc-client";

import { fakeFetch, jsonResponse, loadFixtureText, recordingSleep } from "./helpers";

const BASE = "https://rpc.example";

/** Serves fixture files as raw text so bare NaN tokens reach the client exactly as a node sends them. */
function rpcServing(routes: Record<string, string | object>) {
  return fakeFetch((url) => {
    const body = routes[`${url.pathname}${url.search}`];
    if (body === undefined) return undefined;
    return new Response(typeof body === "string" ? body : JSON.stringify(body), { status: 200 });
  });
}

describe("getStatus / getBlock", () => {
  it("reads chain id, latest height and time from /status", async () => {
    const server = rpcServing({
      "/status": {
        jsonrpc: "2.0",
        id: -1,
        result: {
          node_info: { network: "allora-testnet-1", version: "0.38.19" },
          sync_info: {
            latest_block_hash: "A1B2",
            latest_block_height: "4210060",
            latest_block_time: "2026-07-31T12:00:05.123456789Z",
            earliest_block_height: "1",
            catching_up: false,
          },
        },
      },
    });
    const status = await createRpcClient({ baseUrl: BASE, fetch: server.fetch }).getStatus();
    expect(status).toEqual({
      chainId: "allora-testnet-1",
      latestHeight: 4210060n,
      latestBlockTime: new Date("2026-07-31T12:00:05.123Z"),
      latestBlockHash: "A1B2",
      earliestHeight: 1n,
      catchingUp: false,
    });
  });

  it("summarizes /block?height= with its tx count", async () => {
    const server = rpcServing({
      "/block?height=4210060": {
        jsonrpc: "2.0",
        id: -1,
        result: {
          block_id: { hash: "9F86D081884C7D65", parts: { total: 1, hash: "AB" } },
          block: {
            header: {
              chain_id: "allora-testnet-1",
              height: "4210060",
              time: "2026-07-31T12:00:05Z",
              proposer_address: "C0FFEE",
            },
            data: { txs: ["CpIBCo8B", "CpMBCpAB", "Cp0BCpoB"] },
            evidence: { evidence: [] },
          },
        },
      },
    });
    const block = await createRpcClient({ baseUrl: BASE, fetch: server.fetch }).getBlock(4210060n);
    expect(block).toMatchObject({
      height: 4210060n,
      hash: "9F86D081884C7D65",
      txCount: 3,
      chainId: "allora-testnet-1",
    });
    expect(block.time.toISOString()).toBe("2026-07-31T12:00:05.000Z");
  });

  it("counts a block with `txs: null` as empty", async () => {
    const server = rpcServing({
      "/block?height=7": {
        result: {
          block_id: { hash: "AA" },
          block: { header: { chain_id: "c", height: "7", time: "2026-01-01T00:00:00Z" }, data: { txs: null } },
        },
      },
    });
    expect((await createRpcClient({ baseUrl: BASE, fetch: server.fetch }).getBlock(7)).txCount).toBe(0);
  });

  it("surfaces JSON-RPC errors without retrying", async () => {
    const server = rpcServing({
      "/block_results?height=5": {
        jsonrpc: "2.0",
        id: -1,
        error: { code: -32603, message: "Internal error", data: "height 5 is not available, lowest height is 3000000" },
      },
    });
    const error = await createRpcClient({ baseUrl: BASE, fetch: server.fetch })
      .getBlockResults(5)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlloraRpcError);
    expect((error as AlloraRpcError).data).toContain("lowest height is 3000000");
    expect(server.calls).toHaveLength(1);
  });

  it("rejects a height given as a JSON number", async () => {
    const server = rpcServing({
      "/status": {
        result: {
          node_info: { network: "x" },
          sync_info: { latest_block_height: 5, latest_block_time: "2026-01-01T00:00:00Z" },
        },
      },
    });
    const error = await createRpcClient({ baseUrl: BASE, fetch: server.fetch })
      .getStatus()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlloraDecodeError);
    expect((error as AlloraDecodeError).issues[0]?.path).toBe("result.sync_info.latest_block_height");
  });
});

describe("getBlockResults", () => {
  it("decodes v9 finalize_block_events and tx events with source and index", async () => {
    const server = rpcServing({ "/block_results?height=5100967": loadFixtureText("block-results-v9.json") });
    const { height, events } = await createRpcClient({ baseUrl: BASE, fetch: server.fetch }).getBlockResults(5100967);
    expect(height).toBe(5100967n);

    const inference = events.find((e) => e.event.kind === "event" && e.event.name === "EventNetworkInferences");
    expect(inference).toMatchObject({ source: "finalize_block", txIndex: null, eventIndex: 3 });
    expect(inference?.event.mode).toBe("EndBlock");

    const delegated = events.filter(
      (e) => e.source === "tx" && e.event.kind === "event" && e.event.name === "EventAddStake",
    );
    expect(delegated.map((e) => [e.txIndex, e.eventIndex])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    const second = delegated[1]?.event;
    expect(second?.kind === "event" && second.name === "EventAddStake" && second.data).toEqual({
      topicId: 13n,
      reputer: "allo1s5pkkvwl59egqxqrt7a7w23080grn66m45fcvk",
      delegator: "allo1zp8xepd92t4wpk2nkc63h59zwh20k5mkt28h9v",
      amount: 250000000000000000000n,
    });
    expect(events.every((e) => e.event.kind !== "error")).toBe(true);
  });

  it("decodes a v10 block including bare NaN in a DecMatrix", async () => {
    const server = rpcServing({ "/block_results?height=4210060": loadFixtureText("block-results-v10.json") });
    const { events } = await createRpcClient({ baseUrl: BASE, fetch: server.fetch }).getBlockResults(4210060);
    const kinds = events.map((e) => (e.event.kind === "event" ? e.event.name : `${e.event.kind}:${e.event.type}`));
    expect(kinds).toEqual([
      "EventEcosystemTokenMintSet",
      "EventNetworkInferenceBundle",
      "EventNetworkInferenceBundle",
      "EventNetworkLossSet",
      "EventEMAScoresSet",
      "unknown:emissions.v10.EventGlobalWorkerWhitelistAdded",
      "EventTopicStatusChanged",
      "unknown:message",
      "EventAddStake",
      "EventRewardDelegateStake",
      "EventInsertInfererPayload",
      "EventRequestStakeRemoval",
    ]);
    const reward = events.find((e) => e.event.kind === "event" && e.event.name === "EventRewardDelegateStake")?.event;
    expect(reward?.kind === "event" && reward.name === "EventRewardDelegateStake" && reward.data.amount).toBe(
      "1234567.890123456789012345678901234",
    );
  });

  it("decodes base64 attributes and begin/end block events of pre-0.38 nodes", async () => {
    const server = rpcServing({ "/block_results?height=812001": loadFixtureText("block-results-base64.json") });
    const { events } = await createRpcClient({ baseUrl: BASE, fetch: server.fetch }).getBlockResults(812001);
    expect(events.map((e) => e.source)).toEqual(["begin_block", "tx", "end_block", "end_block"]);
    const [tokenomics, stake, scores, transfer] = events.map((e) => e.event);
    expect(tokenomics).toMatchObject({ kind: "event", name: "EventTokenomicsSet", mode: "BeginBlock" });
    expect(stake).toMatchObject({
      kind: "event",
      name: "EventAddStake",
      data: { amount: 42000000000000000000n, delegator: null },
    });
    expect(scores).toMatchObject({ kind: "event", version: 2, data: { actorType: "forecaster", scores: ["0.0625"] } });
    expect(transfer).toMatchObject({
      kind: "unknown",
      attributes: [{ key: "recipient" }, { key: "amount", value: "10uallo" }],
    });
  });

  it("refuses a malformed event list, naming the offending field", async () => {
    const results = (events: unknown, txEvents: unknown = []) => ({
      result: { height: "9", txs_results: [{ code: 0, events: txEvents }], finalize_block_events: events },
    });
    const pathOf = async (body: object) => {
      const error = await createRpcClient({ baseUrl: BASE, fetch: rpcServing({ "/block_results?height=9": body }).fetch }).getBlockResults(9).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(AlloraDecodeError);
      return (error as AlloraDecodeError).issues.map((i) => i.path);
    };
    const ok = { type: "rewards", attributes: [{ key: "amount", value: "1uallo" }] };
    expect(await pathOf(results([ok, { type: "x", attributes: [{ key: "a", value: 5 }] }]))).toEqual(["result.finalize_block_events.1.attributes.0.value"]);
    expect(await pathOf(results([], [ok, { attributes: [] }]))).toEqual(["result.txs_results.0.events.1.type"]);
    expect(await pathOf(results([{ type: "x", attributes: {} }]))).toEqual(["result.finalize_block_events.0.attributes"]);
    expect(await pathOf(results([{ type: "x", attributes: [{ key: "k", value: "v", index: "yes" }] }]))).toEqual(["result.finalize_block_events.0.attributes.0.index"]);
    expect(await pathOf(results("none"))).toEqual(["result.finalize_block_events"]);
    // Missing keys, values and lists are what older nodes send for empty ones.
    const server = rpcServing({ "/block_results?height=9": results([{ type: "x", attributes: [{ key: "k" }, { value: "v", index: true }] }, { type: "y" }], null) });
    const { events } = await createRpcClient({ baseUrl: BASE, fetch: server.fetch }).getBlockResults(9);
    expect(events.map((e) => [e.event.type, e.event.kind === "unknown" && e.event.attributes])).toEqual([["x", [{ key: "k", value: "" }, { key: "", value: "v" }]], ["y", []]]);
  });

  it("retries a 503 from the node before decoding", async () => {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return calls === 1 ? jsonResponse({}, 503) : new Response(loadFixtureText("block-results-base64.json"));
    };
    const { sleep, delays } = recordingSleep();
    const results = await createRpcClient({ baseUrl: BASE, fetch, sleep }).getBlockResults(812001);
    expect(results.events).toHaveLength(4);
    expect(delays).toHaveLength(1);
  });
});
