// Block by block through a worker and a reputer submission window: REST shows exactly the payloads
// the chain has announced so far, and the network inference / loss appear in the block whose
// events announce them.
import { expect } from "vitest";
import { AlloraHttpError } from "@/lib/allora/http";
import { type Conformance, expectNotFound } from "./conformance-context";
import { createdTopics, networkInferenceEvents } from "./conformance-expect";

/** Before the first payload the chain may answer 404 or an empty list; both mean "none yet". */
async function orEmpty<T>(request: Promise<T[]>): Promise<T[]> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof AlloraHttpError && error.status === 404) return [];
    throw error;
  }
}

export async function checkWorkerWindow(c: Conformance, topicId: bigint): Promise<void> {
  const topic = createdTopics(c.index, c.tip).get(topicId)!.topic;
  const w = Number(topic.workerSubmissionWindow);
  const [previous, current] = networkInferenceEvents(c.index, topicId, c.tip).map((e) => e.event.data);
  const nonce = Number(current!.nonce);
  for (let h = nonce + 1; h <= nonce + w; h += 1) {
    const q = { height: h };
    const ofNonce = (p: { topicId: bigint; nonce: bigint }) => p.topicId === topicId && p.nonce === BigInt(nonce);
    const inferers = c.index
      .named("EventInsertInfererPayload", h)
      .map((e) => e.event.data)
      .filter(ofNonce)
      .map((p) => p.inferer);
    const forecasters = c.index
      .named("EventInsertForecasterPayload", h)
      .map((e) => e.event.data)
      .filter(ofNonce)
      .map((p) => p.forecaster);
    expect((await orEmpty(c.lcd.getInferencesAt(topicId, nonce, q))).map((i) => i.inferer).sort(), `inferences at ${h}`).toEqual(inferers.sort());
    expect((await orEmpty(c.lcd.getForecastsAt(topicId, nonce, q))).map((f) => f.forecaster).sort(), `forecasts at ${h}`).toEqual(forecasters.sort());
    const latest = await c.lcd.getLatestNetworkInferences(topicId, q);
    expect(latest.bundle, `latest network inference at ${h}`).toEqual(h < nonce + w ? previous!.bundle : current!.bundle);
  }
}

export async function checkReputerWindow(c: Conformance, topicId: bigint): Promise<void> {
  const topic = createdTopics(c.index, c.tip).get(topicId)!.topic;
  const w = Number(topic.workerSubmissionWindow);
  const loss = c.index.named("EventNetworkLossSet").find((e) => e.event.data.topicId === topicId);
  expect(loss, `a settlement of topic ${topicId}`).toBeDefined();
  const nonce = Number(loss!.event.data.nonce);
  const opens = nonce + Number(topic.groundTruthLag);
  expect(loss!.height).toBe(opens + w);
  for (let h = opens; h <= opens + w; h += 1) {
    const q = { height: h };
    const reputers = c.index
      .named("EventInsertReputerPayload", h)
      .filter((e) => e.event.data.topicId === topicId && e.event.data.nonce === BigInt(nonce))
      .map((e) => e.event.data.reputer);
    const bundles = await orEmpty(c.lcd.getReputerLossBundles(topicId, nonce, q));
    expect(bundles.map((b) => b.reputer).sort(), `reputer loss bundles at ${h}`).toEqual(reputers.sort());
    if (h < loss!.height) await expectNotFound(c.lcd.getNetworkLoss(topicId, nonce, q));
    else expect(await c.lcd.getNetworkLoss(topicId, nonce, q)).toEqual(loss!.event.data.bundle);
  }
}
