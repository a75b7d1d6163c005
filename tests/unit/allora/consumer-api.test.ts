import { describe, expect, it } from "vitest";

import { AlloraConsumerApiError, createConsumerApiClient } from "@/lib/allora/consumer-api";
import { AlloraHttpError } from "@/lib/allora/http";
import { networksManifestSchema, topicsManifestSchema } from "@/lib/allora/schemas/docs-manifest";

import { fakeFetch, jsonResponse, loadFixture, recordingSleep } from "./helpers";

const KEY = "UP-secret-key-123";
const BASE = "https://api.example/v2";

function serve(body: unknown) {
  return fakeFetch((url) => (url.pathname.startsWith("/v2/allora/consumer/") ? jsonResponse(body) : undefined));
}

describe("getSignedInference", () => {
  it("decodes the docs sample (§8.3): uint256 ×1e18 → exact decimals, string timestamp", async () => {
    const server = serve(loadFixture("consumer-inference-docs.json"));
    const client = createConsumerApiClient({ apiKey: KEY, baseUrl: BASE, fetch: server.fetch });
    const inference = await client.getSignedInference(9);
    expect(inference.networkInference).toBe("3365.485208027959");
    expect(inference.topicId).toBe(9n);
    expect(inference.timestampSeconds).toBe(1719866777);
    expect(inference.confidenceIntervals.map((ci) => ci.percentile)).toEqual(["2.28", "15.87", "50", "84.13", "97.72"]);
    expect(inference.raw.networkInference).toBe("3365485208027959000000");
    expect(inference.requestId).toBe("b52b7c20-57ae-4852-bdbb-8f39cf317974");
    expect(inference.signature).toMatch(/^0x99b8b75f/);
  });

  it("decodes the SDK mock (§8.4): number timestamp and already-decimal percentiles", async () => {
    const server = serve(loadFixture("consumer-inference-mock.json"));
    const client = createConsumerApiClient({ apiKey: KEY, baseUrl: BASE, fetch: server.fetch });
    const inference = await client.getSignedInference(1n);
    expect(inference.networkInference).toBe("1");
    expect(inference.timestampSeconds).toBe(1679529600);
    expect(inference.confidenceIntervals).toEqual([
      { percentile: "0.25", value: "0.9" },
      { percentile: "0.75", value: "1.1" },
    ]);
    expect(inference.extraData).toBeNull();
  });

  it("sends the key as x-api-key with the topic query", async () => {
    const server = serve(loadFixture("consumer-inference-mock.json"));
    await createConsumerApiClient({ apiKey: KEY, baseUrl: BASE, fetch: server.fetch }).getSignedInference(1);
    const call = server.calls[0];
    expect(call?.headers["x-api-key"]).toBe(KEY);
    expect(call?.url).toBe(`${BASE}/allora/consumer/ethereum-11155111?allora_topic_id=1&inference_value_type=uint256`);
  });

  it("keeps the key out of error messages, even if the server echoes it", async () => {
    const server = fakeFetch(() => jsonResponse({ message: `invalid key ${KEY}` }, 401));
    const client = createConsumerApiClient({ apiKey: KEY, baseUrl: BASE, fetch: server.fetch });
    const error = await client.getSignedInference(1).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AlloraHttpError);
    expect(String((error as Error).message)).not.toContain(KEY);
    expect((error as AlloraHttpError).detail).toBe("invalid key [redacted]");
  });

  it("turns `status: false` into a typed error", async () => {
    const server = serve({ request_id: "r", status: false, apiResponseMessage: "topic not found", data: null });
    const client = createConsumerApiClient({ apiKey: KEY, baseUrl: BASE, fetch: server.fetch });
    await expect(client.getSignedInference(999)).rejects.toBeInstanceOf(AlloraConsumerApiError);
  });

  it("rejects confidence intervals whose lists do not pair up", async () => {
    const sample = loadFixture("consumer-inference-mock.json") as { data: { inference_data: Record<string, unknown> } };
    sample.data.inference_data.confidence_interval_values = ["900000000000000000"];
    const client = createConsumerApiClient({ apiKey: KEY, baseUrl: BASE, fetch: serve(sample).fetch });
    await expect(client.getSignedInference(1)).rejects.toThrow(/inference_data\.confidence_interval_values/);
  });

  it("retries 429 rate limits", async () => {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return calls === 1
        ? jsonResponse({}, 429, { "retry-after": "1" })
        : jsonResponse(loadFixture("consumer-inference-mock.json"));
    };
    const { sleep, delays } = recordingSleep();
    const client = createConsumerApiClient({ apiKey: KEY, baseUrl: BASE, fetch, sleep });
    expect((await client.getSignedInference(1)).networkInference).toBe("1");
    expect(delays).toEqual([1000]);
  });

  it("refuses to be built without a key", () => {
    expect(() => createConsumerApiClient({ apiKey: "" })).toThrow(/not configured/);
  });
});

describe("listTopics", () => {
  it("follows continuation_token until it is null", async () => {
    const first = loadFixture("consumer-topics-mock.json") as {
      data: { topics: unknown[]; continuation_token: unknown };
    };
    first.data.continuation_token = "page-2";
    const second = loadFixture("consumer-topics-mock.json") as { data: { topics: Array<Record<string, unknown>> } };
    second.data.topics[0]!.topic_id = 2;
    const server = fakeFetch((url) => {
      if (url.pathname !== "/v2/allora/allora-testnet-1/topics") return undefined;
      return jsonResponse(url.searchParams.get("continuation_token") === "page-2" ? second : first);
    });
    const topics = await createConsumerApiClient({ apiKey: KEY, baseUrl: BASE, fetch: server.fetch }).listTopics(
      "allora-testnet-1",
    );
    expect(topics.map((t) => t.topicId)).toEqual([1, 2]);
    expect(topics[0]).toMatchObject({ name: "Test Topic", lossMethod: "mse", epochLength: 300, isActive: true });
    expect(server.calls).toHaveLength(2);
  });
});

describe("docs manifests (§8.6)", () => {
  it("reads each network's emissions version and endpoints", () => {
    const networks = networksManifestSchema.parse(loadFixture("docs-networks-manifest.json"));
    const testnet = networks.find((n) => n.key === "testnet");
    const mainnet = networks.find((n) => n.key === "mainnet");
    expect(testnet).toMatchObject({ chainId: "allora-testnet-1", emissionsVersion: "v10", deployedVersion: "v0.17.0" });
    expect(testnet?.sandboxTopicIds).toEqual([69n, 77n]);
    expect(mainnet).toMatchObject({
      emissionsVersion: "v9",
      lcd: "https://allora-api.mainnet.allora.network/",
      faucet: null,
    });
  });

  it("reads the topic catalogue", () => {
    const manifest = topicsManifestSchema.parse(loadFixture("docs-topics-manifest.json"));
    expect(manifest.generatedAt).toBe("2026-07-30T23:51:18Z");
    expect(manifest.networks.map((n) => n.activeTopicCount)).toEqual([39, 13]);
    expect(manifest.topics[0]).toEqual({
      network: "testnet",
      chainId: "allora-testnet-1",
      topicId: 69n,
      metadata: "PLAYGROUND: 1 day BTC/USD Price Prediction",
      epochLength: 54n,
      lossMethod: "mse",
      category: "price",
      sandbox: true,
    });
    expect(manifest.topics[1]).toMatchObject({
      topicId: 1n,
      lossMethod: "czar",
      category: "log-return",
      sandbox: false,
    });
  });
});
