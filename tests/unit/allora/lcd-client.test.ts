import { describe, expect, it } from "vitest";

import { AlloraDecodeError, AlloraHttpError } from "@/lib/allora/http";
import { createLcdClient } from "@/lib/allora/lcd-client";

import { fakeFetch, jsonResponse, loadFixture, recordingSleep } from "./helpers";

const BASE = "https://lcd.example/";
const params = loadFixture("emissions-params-v10.json");

function lcd(version: "v9" | "v10", extra: (url: URL) => Response | undefined = () => undefined) {
  return fakeFetch((url) => {
    if (url.pathname === `/emissions/${version}/params`) return jsonResponse(params);
    if (url.pathname.startsWith("/emissions/") && !url.pathname.startsWith(`/emissions/${version}/`)) {
      return jsonResponse({ code: 12, message: "Not Implemented" }, 501);
    }
    return extra(url);
  });
}

describe("emissions version detection", () => {
  it("uses v10 when the chain serves it", async () => {
    const server = lcd("v10", (url) =>
      url.pathname === "/emissions/v10/next_topic_id" ? jsonResponse({ next_topic_id: "83" }) : undefined,
    );
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    expect(await client.getNextTopicId()).toBe(83n);
    expect(await client.getEmissionsVersion()).toBe("v10");
  });

  it("falls back to v9 on 404/501 and caches the answer", async () => {
    const server = fakeFetch((url) => {
      if (url.pathname === "/emissions/v10/params") return jsonResponse({ code: 5, message: "Not Found" }, 404);
      if (url.pathname === "/emissions/v9/params") return jsonResponse(params);
      if (url.pathname === "/emissions/v9/is_topic_active/1") return jsonResponse({ is_active: true });
      return undefined;
    });
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    expect(await client.isTopicActive(1)).toBe(true);
    expect(await client.isTopicActive(1n)).toBe(true);
    expect(server.calls.map((c) => new URL(c.url).pathname)).toEqual([
      "/emissions/v10/params",
      "/emissions/v9/params",
      "/emissions/v9/is_topic_active/1",
      "/emissions/v9/is_topic_active/1",
    ]);
  });

  it("skips probing when the version is pinned", async () => {
    const server = lcd("v9", (url) =>
      url.pathname === "/emissions/v9/next_topic_id" ? jsonResponse({ next_topic_id: "24" }) : undefined,
    );
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch, emissionsVersion: "v9" });
    expect(await client.getNextTopicId()).toBe(24n);
    expect(server.calls).toHaveLength(1);
  });

  it("does not cache a probe that failed for another reason", async () => {
    let down = true;
    const server = fakeFetch((url) => {
      if (down) return jsonResponse({ message: "upstream down" }, 503);
      if (url.pathname === "/emissions/v10/params") return jsonResponse(params);
      if (url.pathname === "/emissions/v10/next_topic_id") return jsonResponse({ next_topic_id: "2" });
      return undefined;
    });
    const { sleep } = recordingSleep();
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch, sleep, retries: 1 });
    await expect(client.getNextTopicId()).rejects.toMatchObject({ status: 503, attempts: 2 });
    down = false;
    expect(await client.getNextTopicId()).toBe(2n);
  });

  it("fails clearly when neither namespace exists", async () => {
    const server = fakeFetch(() => jsonResponse({ code: 12, message: "Not Implemented" }, 501));
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    await expect(client.getEmissionsVersion()).rejects.toThrow(/no supported emissions API/);
  });
});

describe("queries", () => {
  it("sends x-cosmos-block-height for historical queries", async () => {
    const server = lcd("v10", (url) =>
      url.pathname === "/emissions/v10/topics/69" ? jsonResponse(loadFixture("topic-v10.json")) : undefined,
    );
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    const info = await client.getTopic(69, { height: 4_000_000n });
    expect(info.topic.metadata).toBe("PLAYGROUND: 1 day BTC/USD Price Prediction");
    expect(server.calls.at(-1)?.headers["x-cosmos-block-height"]).toBe("4000000");
    expect(server.calls[0]?.headers["x-cosmos-block-height"]).toBeUndefined();
  });

  it("fills the nonce of a historical network inference from the requested height", async () => {
    const bundle = loadFixture("legacy-latest-network-inferences.json") as { network_inferences: unknown };
    const server = lcd("v9", (url) =>
      url.pathname === "/emissions/v9/network_inferences/1/last_inference/1349577"
        ? jsonResponse({ network_inferences: bundle.network_inferences })
        : undefined,
    );
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    const result = await client.getNetworkInferencesAt(1, 1349577);
    expect(result.bundle.nonce).toBe(1349577n);
    expect(result.bundle.combined.y).toBe("2605.533879185080648394998043723508");
  });

  it("returns null for a stake removal the gateway does not know", async () => {
    const server = lcd("v10");
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    expect(await client.getStakeRemoval(1, "allo1r")).toBeNull();
  });

  it("reports the URL and field path when a response has the wrong shape", async () => {
    const server = lcd("v10", (url) =>
      url.pathname.startsWith("/emissions/v10/reputer_stake/") ? jsonResponse({ amount: 12 }) : undefined,
    );
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    const error = await client.getReputerStake("allo1r", 13).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlloraDecodeError);
    expect((error as AlloraDecodeError).url).toBe("https://lcd.example/emissions/v10/reputer_stake/allo1r/13");
    expect((error as AlloraDecodeError).issues[0]?.path).toBe("amount");
  });

  it("refuses ids that would change the path", async () => {
    const client = createLcdClient({ baseUrl: BASE, fetch: lcd("v10").fetch });
    await expect(async () => client.getTopic("1/../../x")).rejects.toThrow(TypeError);
  });

  it("does not retry a 400 from the gateway", async () => {
    const server = lcd("v10", (url) =>
      url.pathname.startsWith("/emissions/v10/delegate_stake_placement/")
        ? jsonResponse({ code: 3, message: "invalid address" }, 400)
        : undefined,
    );
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    const error = await client.getDelegateStakePlacement(1, "bad", "allo1r").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlloraHttpError);
    expect(error).toMatchObject({ status: 400, attempts: 1, detail: "invalid address" });
  });
});

describe("listValidators", () => {
  const validator = (n: number) => ({
    operator_address: `allovaloper1v${n}`,
    jailed: false,
    status: "BOND_STATUS_BONDED",
    tokens: `${n}000000000000000000000`,
    delegator_shares: `${n}000000000000000000000.000000000000000000`,
    description: { moniker: `val-${n}`, identity: "", website: "", details: "" },
    commission: { commission_rates: { rate: "0.050000000000000000", max_rate: "0.2", max_change_rate: "0.01" } },
    min_self_delegation: "1",
  });

  it("follows pagination.next_key until the last page", async () => {
    const server = fakeFetch((url) => {
      if (url.pathname !== "/cosmos/staking/v1beta1/validators") return undefined;
      const key = url.searchParams.get("pagination.key");
      if (!key)
        return jsonResponse({ validators: [validator(1), validator(2)], pagination: { next_key: "AAE=", total: "3" } });
      if (key === "AAE=")
        return jsonResponse({ validators: [validator(3)], pagination: { next_key: null, total: "0" } });
      return undefined;
    });
    const client = createLcdClient({ baseUrl: BASE, fetch: server.fetch });
    const validators = await client.listValidators();
    expect(validators.map((v) => v.moniker)).toEqual(["val-1", "val-2", "val-3"]);
    expect(validators[2]?.tokens).toBe(3000000000000000000000n);
    expect(validators[0]?.identity).toBeNull();
    expect(validators[0]?.status).toBe("bonded");
    expect(server.calls).toHaveLength(2);
  });
});
