// v9 and v10 modes serve the shapes documented for each emissions version.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { getJson, list, obj } from "./helpers";

let v10: Devnet;
let v9: Devnet;

beforeAll(async () => {
  [v10, v9] = await Promise.all([
    startDevnet({ days: 1, blockTimeMs: 0, port: 0, emissionsVersion: "v10" }),
    startDevnet({ days: 1, blockTimeMs: 0, port: 0, emissionsVersion: "v9" }),
  ]);
});

afterAll(async () => {
  await Promise.all([v10?.close(), v9?.close()]);
});

/** A settled topic-4 nonce whose records are still stored at `at`. */
function settledNonce(d: Devnet) {
  const e = d.sim.engine(4)!;
  const nonce = e.nonceOf(280);
  return { nonce, at: nonce + e.spec.groundTruthLag + e.spec.workerSubmissionWindow + 20 };
}

const eventTypes = async (d: Devnet, h: number) => {
  const r = obj(obj((await getJson(`${d.url}/block_results?height=${h}`)).body).result);
  return list(r.finalize_block_events);
};

describe("v10 shapes", () => {
  it("serves labeled network-inference bundles with a nonce", async () => {
    const { status, body } = await getJson(`${v10.url}/emissions/v10/latest_network_inferences/5`);
    expect(status).toBe(200);
    const ni = obj(obj(body).network_inferences);
    expect(typeof ni.nonce).toBe("string");
    expect(obj(body).inference_block_height).toBe(ni.nonce);
    const combined = list(ni.combined_value);
    expect(combined.map((x) => x.label_name)).toEqual(["20m", "1h", "4h"]);
    expect(typeof combined[0]!.label_id).toBe("number");
    expect(combined[0]!.value).toMatch(/^-?\d+\.\d+$/);
    expect(Object.keys(list(ni.inferer_values)[0]!)).toEqual(["worker", "values"]);
    expect(Object.keys(list(ni.one_out_inferer_values)[0]!)).toEqual(["withheld_inferer", "combined_inference"]);
    expect(Object.keys(list(ni.one_out_forecaster_values)[0]!)).toEqual(["withheld_forecaster", "combined_inference"]);
    expect(Object.keys(list(ni.one_in_forecaster_values)[0]!)).toEqual(["forecaster", "combined_inference"]);
    expect(Object.keys(list(ni.one_out_inferer_forecaster_values)[0]!)).toEqual(["forecaster", "withheld_inferer", "combined_inference"]);
  });

  it("serves topics with the v10 fields, inferences with values[] and flat reputer loss bundles", async () => {
    const topic = obj((await getJson(`${v10.url}/emissions/v10/topics/5`)).body);
    expect(obj(topic.topic).output_arity).toBe("TOPIC_OUTPUT_ARITY_MULTI");
    expect(obj(topic.topic).label_whitelist).toEqual(["20m", "1h", "4h"]);
    expect(typeof topic.topic_stake).toBe("string");
    const { nonce, at } = settledNonce(v10);
    const headers = { "x-cosmos-block-height": String(at) };
    const inf = list(obj(obj((await getJson(`${v10.url}/emissions/v10/inferences/4/${nonce}`, headers)).body).inferences).inferences);
    expect(inf.length).toBeGreaterThan(10);
    expect(inf[0]).not.toHaveProperty("value");
    expect(Array.isArray(inf[0]!.values)).toBe(true);
    const bundles = obj((await getJson(`${v10.url}/emissions/v10/reputer_loss_bundles/4/${nonce}`, headers)).body);
    expect(Array.isArray(bundles.loss_bundles)).toBe(true);
    expect(typeof obj(list(bundles.loss_bundles)[0]).combined_value).toBe("string");
    const loss = obj(obj((await getJson(`${v10.url}/emissions/v10/network_loss/4/${nonce}`, headers)).body).loss_bundle);
    expect(loss.combined_value).toMatch(/^\d+\.\d{20,}$/);
    const latest = list(obj(obj((await getJson(`${v10.url}/emissions/v10/latest_inferences/4`)).body).inferences).inferences);
    expect((await getJson(`${v10.url}/emissions/v10/topics/4/workers/${String(latest[0]!.inferer)}/latest_input_inference`)).status).toBe(200);
    expect((await getJson(`${v10.url}/emissions/v10/topics/4/workers/${String(latest[0]!.inferer)}/latest_inference`)).status).toBe(404);
  });

  it("emits emissions.v10 typed events with the 14-attribute bundle", async () => {
    const e = v10.sim.engine(4)!;
    const close = e.nonceOf(287) + e.spec.workerSubmissionWindow;
    const events = await eventTypes(v10, close);
    const bundle = events.find((x) => x.type === "emissions.v10.EventNetworkInferenceBundle")!;
    const keys = list(bundle.attributes).map((a) => a.key);
    expect(keys.filter((k) => k !== "mode")).toHaveLength(14);
    expect(keys.at(-1)).toBe("mode");
    expect(events.some((x) => x.type === "emissions.v10.EventNetworkInferences")).toBe(false);
    expect(events.some((x) => String(x.type).startsWith("mint.v5."))).toBe(true);
  });
});

describe("v9 shapes", () => {
  it("answers the v10 params probe with 404 Not Implemented", async () => {
    const { status, body } = await getJson(`${v9.url}/emissions/v10/params`);
    expect([404, 501]).toContain(status);
    expect(body).toEqual({ code: 5, message: "Not Implemented", details: [] });
    expect((await getJson(`${v9.url}/emissions/v9/params`)).status).toBe(200);
  });

  it("serves flat ValueBundles, inferences with value and wrapped reputer loss bundles", async () => {
    const ni = obj(obj((await getJson(`${v9.url}/emissions/v9/latest_network_inferences/1`)).body).network_inferences);
    expect(typeof ni.combined_value).toBe("string");
    expect(ni.reputer).toBe("allo1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqas6usy");
    expect(Object.keys(list(ni.inferer_values)[0]!)).toEqual(["worker", "value"]);
    expect(obj(obj(ni.reputer_request_nonce).reputer_nonce).block_height).toMatch(/^\d+$/);
    const { nonce, at } = settledNonce(v9);
    const headers = { "x-cosmos-block-height": String(at) };
    const inf = list(obj(obj((await getJson(`${v9.url}/emissions/v9/inferences/4/${nonce}`, headers)).body).inferences).inferences);
    expect(typeof inf[0]!.value).toBe("string");
    expect(inf[0]).not.toHaveProperty("values");
    const wrapped = obj(obj((await getJson(`${v9.url}/emissions/v9/reputer_loss_bundles/4/${nonce}`, headers)).body).loss_bundles);
    const first = obj(list(wrapped.reputer_value_bundles)[0]);
    expect(Object.keys(first)).toEqual(["value_bundle", "signature", "pubkey"]);
    // Day 1: four topics exist; the late SOL topic (id 5 in v9, where the multi-label topic is not modelled) comes at day 1.5.
    expect(obj((await getJson(`${v9.url}/emissions/v9/next_topic_id`)).body).next_topic_id).toBe("5");
    expect((await getJson(`${v9.url}/emissions/v9/topics/5`)).status).toBe(404);
    expect(obj(obj((await getJson(`${v9.url}/emissions/v9/topics/1`)).body).topic)).not.toHaveProperty("output_arity");
    expect((await getJson(`${v9.url}/emissions/v9/active_inferers/1`)).status).toBe(200);
  });

  it("emits emissions.v9.EventNetworkInferences with a value_bundle", async () => {
    const e = v9.sim.engine(4)!;
    const events = await eventTypes(v9, e.nonceOf(287) + e.spec.workerSubmissionWindow);
    const ev = events.find((x) => x.type === "emissions.v9.EventNetworkInferences")!;
    const attr = list(ev.attributes).find((a) => a.key === "value_bundle")!;
    const bundle = obj(JSON.parse(String(attr.value)));
    expect(typeof bundle.combined_value).toBe("string");
    expect(events.some((x) => String(x.type).startsWith("mint.v3."))).toBe(true);
  });
});
