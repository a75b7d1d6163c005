// The devnet's market (through the ground-truth adapter) and its consumer API (through the
// consumer client), checked against the chain the same devnet serves.
import { expect } from "vitest";
import { compareDec, type Dec } from "@/lib/allora/decimal";
import { createConsumerApiClient } from "@/lib/allora/consumer-api";
import { createDevnetMarketSource, type PricePoint } from "@/lib/allora/ground-truth";
import { AlloraHttpError } from "@/lib/allora/http";
import { API_KEY, type Conformance, labelsOf } from "./conformance-context";
import { createdTopics } from "./conformance-expect";

const INTERVAL_S = 300;

export function devnetMarket(c: Conformance) {
  return createDevnetMarketSource({ baseUrl: c.devnet.url, retries: 0, intervalSeconds: INTERVAL_S });
}

/** Close of the candle containing `ms`. */
function closeAt(points: PricePoint[], ms: number): number {
  const point = points.filter((p) => p.t <= ms).at(-1) ?? points[0]!;
  return Number(point.close);
}

export async function checkMarket(c: Conformance): Promise<void> {
  const source = devnetMarket(c);
  const [first, last] = await Promise.all([c.rpc.getBlock(1), c.rpc.getBlock(c.tip)]);
  const from = first.time.getTime();
  const to = last.time.getTime();
  const series: Record<string, PricePoint[]> = {};
  for (const asset of ["BTC", "ETH", "SOL"]) {
    const result = await source.getPrices(asset, from, to);
    if (result.status !== "ok") throw new Error(`${asset}: ${result.reason}`);
    expect(result.intervalSeconds).toBe(INTERVAL_S);
    expect(result.points.length).toBeGreaterThanOrEqual(Math.floor((to - from) / (INTERVAL_S * 1000)));
    result.points.forEach((p, i) => {
      if (i > 0) expect(p.t - result.points[i - 1]!.t).toBe(INTERVAL_S * 1000);
      const [open, high, low, close] = [p.open, p.high, p.low, p.close].map(Number) as [number, number, number, number];
      expect(close).toBeGreaterThan(0);
      expect(high).toBeGreaterThanOrEqual(Math.max(open, close));
      expect(low).toBeLessThanOrEqual(Math.min(open, close));
    });
    series[asset] = result.points;
  }
  const unsupported = await source.getPrices("DOGE", from, to);
  expect(unsupported).toMatchObject({ status: "unavailable", reason: expect.stringContaining("HTTP 400") });

  // Price topics predict the asset's price: the network's answer sits near the market at its nonce.
  for (const { topic } of createdTopics(c.index, c.tip).values()) {
    const asset = /^([A-Z]+)\/USD - Price Prediction/.exec(topic.metadata)?.[1];
    if (!asset) continue;
    const latest = await c.lcd.getLatestNetworkInferences(topic.id);
    const nonceTime = (await c.rpc.getBlock(latest.inferenceBlockHeight!)).time.getTime();
    const market = closeAt(series[asset]!, nonceTime);
    expect(Math.abs(Number(latest.bundle.combined.y) / market - 1), `${topic.metadata} vs market`).toBeLessThan(0.25);
  }
}

/** The consumer API sends value × 1e18 as an integer: the chain's Dec truncated to 18 decimals. */
function truncate18(value: Dec): Dec {
  const [whole = "0", fraction = ""] = value.split(".");
  const kept = fraction.slice(0, 18).replace(/0+$/, "");
  return kept ? `${whole}.${kept}` : whole;
}

export async function checkConsumerApi(c: Conformance): Promise<void> {
  const consumer = createConsumerApiClient({ apiKey: API_KEY, baseUrl: `${c.devnet.url}/v2`, retries: 0 });
  const created = createdTopics(c.index, c.tip);
  for (const [id, { topic }] of created) {
    const signed = await consumer.getSignedInference(id);
    const latest = await c.lcd.getLatestNetworkInferences(id);
    const first = latest.bundle.combined[labelsOf(topic)[0]!]!;
    expect(signed.topicId).toBe(id);
    expect(compareDec(signed.networkInference, truncate18(first)), `topic ${id}: ${signed.networkInference} vs ${first}`).toBe(0);
    expect(signed.confidenceIntervals.map((ci) => ci.percentile)).toEqual(["2.28", "15.87", "50", "84.13", "97.72"]);
    const values = signed.confidenceIntervals.map((ci) => ci.value);
    expect([...values].sort(compareDec)).toEqual(values);
    expect(signed.signature).toMatch(/^0x[0-9a-f]{130}$/);
    const closeHeight = latest.inferenceBlockHeight! + topic.workerSubmissionWindow!;
    expect(signed.timestampSeconds * 1000).toBe((await c.rpc.getBlock(closeHeight)).time.getTime());
    expect(signed.requestId).toMatch(/^[0-9a-f]{32}$/);
  }
  const topics = await consumer.listTopics("allora-devnet-1");
  expect(topics.map((t) => BigInt(t.topicId))).toEqual([...created.keys()]);
  for (const t of topics) {
    const topic = created.get(BigInt(t.topicId))!.topic;
    expect(t.name).toBe(topic.metadata);
    expect(BigInt(t.epochLength)).toBe(topic.epochLength);
    expect(t.lossMethod).toBe(topic.lossMethod);
    expect(t.isActive).toBe(true);
  }

  const stranger = createConsumerApiClient({ apiKey: "wrong-key", baseUrl: `${c.devnet.url}/v2`, retries: 0 });
  const refused = await stranger.getSignedInference(1).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(AlloraHttpError);
  expect((refused as AlloraHttpError).status).toBe(401);
  expect(String((refused as Error).message)).not.toContain("wrong-key");
}
