// Topics, network inferences, worker payloads: REST at a height against the decoded events.
import { expect } from "vitest";
import { type Conformance, DEC_RE, expectNotFound, labelsOf } from "./conformance-context";
import { activeTopicIds, createdTopics, networkInferenceEvents, prunedNonces } from "./conformance-expect";

export async function checkTopicsAt(c: Conformance, h: number): Promise<void> {
  const q = { height: h };
  const created = createdTopics(c.index, h);
  const active = activeTopicIds(c.index, h);
  expect(await c.lcd.getNextTopicId(q), `next_topic_id at ${h}`).toBe(BigInt(created.size + 1));
  for (const [id, { topic }] of created) {
    const info = await c.lcd.getTopic(id, q);
    // Only epoch_last_ended moves after creation.
    expect(info.topic).toEqual({ ...topic, epochLastEnded: info.topic.epochLastEnded });
    expect(info.topic.epochLastEnded).toBeLessThanOrEqual(BigInt(h));
    expect(info.topic.metadata).toMatch(/^[A-Z]{3}\/USD - /);
    expect(["mse", "czar", "ztae"]).toContain(info.topic.lossMethod);
    expect(info.topic.epochLength).toBeGreaterThan(0n);
    expect(info.topic.workerSubmissionWindow).toBeGreaterThan(0n);
    expect(info.weight).toMatch(DEC_RE);
    if (c.version === "v10") {
      expect(info.topic.topicType).toBe("regression");
      expect(info.topic.outputArity).toBe(info.topic.labelWhitelist.length > 1 ? "multi" : "single");
      expect(info.topicStake, `topic ${id} stake at ${h}`).toBeGreaterThan(0n);
    } else {
      expect(info.topic.topicType).toBeNull();
      expect(info.topicStake).toBeNull();
    }
    expect(await c.lcd.isTopicActive(id, q), `topic ${id} active at ${h}`).toBe(active.includes(id));
    expect(await c.lcd.topicExists(id, q)).toBe(true);
  }
  expect(await c.lcd.topicExists(created.size + 1, q)).toBe(false);
  await expectNotFound(c.lcd.getTopic(BigInt(created.size + 1), q));
  const atBlock = await c.lcd.getActiveTopicsAtBlock(h, q);
  expect(atBlock.topics.map((t) => t.id)).toEqual(active);
  expect(atBlock.nextKey).toBeNull();
}

/**
 * Latest, oldest stored and one pruned network inference; inferences and forecasts of the latest
 * nonce. Only events from `since` on count (for a partially scanned history).
 */
export async function checkInferencesAt(c: Conformance, h: number, since = 0): Promise<number> {
  const q = { height: h };
  let checked = 0;
  for (const [id, { topic }] of createdTopics(c.index, h)) {
    const events = networkInferenceEvents(c.index, id, h).filter((e) => e.height >= since);
    const latestEvent = events.at(-1)?.event.data;
    if (!latestEvent) {
      await expectNotFound(c.lcd.getLatestNetworkInferences(id, q));
      continue;
    }
    const labels = labelsOf(topic);
    const nonce = latestEvent.nonce!;
    expect(latestEvent.bundle.labels).toEqual(labels);
    const latest = await c.lcd.getLatestNetworkInferences(id, q);
    expect(latest.inferenceBlockHeight).toBe(nonce);
    expect(latest.legacy).toBeNull();
    expect(latest.bundle.format).toBe(c.version === "v10" ? "labeled" : "flat");
    expect(latest.bundle).toEqual(latestEvent.bundle);
    expect(Object.keys(latest.bundle.combined)).toEqual(labels);
    expect(latest.bundle.inferers.length).toBeGreaterThanOrEqual(5);

    const pruned = prunedNonces(c.index, id, h);
    const stored = events.filter((e) => !pruned.has(e.event.data.nonce!));
    const oldest = stored[0]!.event.data;
    expect((await c.lcd.getNetworkInferencesAt(id, oldest.nonce!, q)).bundle).toEqual(oldest.bundle);
    const gone = events.find((e) => pruned.has(e.event.data.nonce!));
    if (gone) await expectNotFound(c.lcd.getNetworkInferencesAt(id, gone.event.data.nonce!, q));

    const payloads = c.index
      .named("EventInsertInfererPayload", h)
      .map((e) => e.event.data)
      .filter((p) => p.topicId === id && p.nonce === nonce);
    const inferences = await c.lcd.getInferencesAt(id, nonce, q);
    expect(inferences.map((i) => i.inferer).sort()).toEqual(payloads.map((p) => p.inferer).sort());
    expect(inferences.map((i) => i.inferer).sort()).toEqual(latest.bundle.inferers.map((w) => w.worker).sort());
    for (const inference of inferences) {
      const payload = payloads.find((p) => p.inferer === inference.inferer)!;
      expect(inference.topicId).toBe(id);
      expect(inference.blockHeight).toBe(nonce);
      expect(inference.values).toEqual(labels.map((label) => payload.values[label]));
    }

    const forecasts = await c.lcd.getForecastsAt(id, nonce, q);
    const fcPayloads = c.index
      .named("EventInsertForecasterPayload", h)
      .map((e) => e.event.data)
      .filter((p) => p.topicId === id && p.nonce === nonce);
    expect(forecasts.length).toBeGreaterThan(0);
    expect(forecasts.map((f) => f.forecaster).sort()).toEqual(fcPayloads.map((p) => p.forecaster).sort());
    for (const forecast of forecasts) {
      const payload = fcPayloads.find((p) => p.forecaster === forecast.forecaster)!;
      expect(forecast.elements).toEqual(payload.infererAddresses.map((inferer, i) => ({ inferer, value: payload.infererValues[i] })));
    }
    checked += 1;
  }
  return checked;
}
