// The events the collector turns into rows, decoded from block_results with sensible content.
import { expect } from "vitest";
import { type Conformance, DEC_RE, labelsOf } from "./conformance-context";
import { createdTopics } from "./conformance-expect";
import type { EventName } from "./conformance-scan";

/** Events a 3000-block history always contains; the stake lifecycle needs a longer one. */
export const SHORT_HISTORY_EVENTS: readonly EventName[] = [
  "EventCreateNewTopic",
  "EventTopicStatusChanged",
  "EventWorkerRegistered",
  "EventReputerRegistered",
  "EventAddStake",
  "EventInsertInfererPayload",
  "EventInsertForecasterPayload",
  "EventInsertReputerPayload",
  "EventNetworkInferenceInfererWeightsSet",
  "EventNetworkLossSet",
  "EventScoresSet",
  "EventEMAScoresSet",
  "EventRewardsSettled",
  "EventTopicRewardsSet",
  "EventPruneRecords",
];

/** Every event the collector turns into rows (the network inference event depends on the version). */
export function collectorEvents(version: Conformance["version"]): EventName[] {
  return [
    ...SHORT_HISTORY_EVENTS,
    version === "v10" ? "EventNetworkInferenceBundle" : "EventNetworkInferences",
    "EventRequestStakeRemoval",
    "EventCancelStakeRemoval",
    "EventRemoveStake",
    "EventRewardDelegateStake",
    "EventDelegateRewardShareUpdated",
    "EventDelegateRewardDistributed",
  ];
}

export function checkPayloadEvents(c: Conformance): void {
  const topics = createdTopics(c.index, c.tip);
  expect([...topics.keys()]).toEqual(Array.from({ length: c.version === "v10" ? 5 : 4 }, (_, i) => BigInt(i + 1)));
  for (const name of SHORT_HISTORY_EVENTS) expect(c.index.named(name).length, name).toBeGreaterThan(0);

  const registered = new Set(
    [...c.index.named("EventWorkerRegistered").map((e) => e.event.data.worker), ...c.index.named("EventReputerRegistered").map((e) => e.event.data.reputer)],
  );
  for (const e of [...c.index.named("EventWorkerRegistered"), ...c.index.named("EventReputerRegistered")]) {
    expect(topics.has(e.event.data.topicId)).toBe(true);
    expect(e.event.data.owner).toMatch(/^allo1/);
  }

  for (const { height, event } of c.index.named("EventInsertInfererPayload")) {
    const topic = topics.get(event.data.topicId)!.topic;
    expect(Object.keys(event.data.values)).toEqual(labelsOf(topic));
    expect(Object.values(event.data.values).every((v) => DEC_RE.test(v))).toBe(true);
    expect(BigInt(height)).toBeGreaterThan(event.data.nonce);
    expect(BigInt(height)).toBeLessThan(event.data.nonce + topic.workerSubmissionWindow!);
    expect(registered.has(event.data.inferer)).toBe(true);
  }
  for (const { event } of c.index.named("EventInsertForecasterPayload")) {
    expect(event.data.infererAddresses.length).toBeGreaterThan(0);
    expect(event.data.infererValues.every((v) => v !== null && DEC_RE.test(v))).toBe(true);
  }
  for (const { height, event } of c.index.named("EventInsertReputerPayload")) {
    const topic = topics.get(event.data.topicId)!.topic;
    expect(BigInt(height)).toBeGreaterThan(event.data.nonce + topic.groundTruthLag);
    expect(event.data.bundle.reputer).toBe(event.data.reputer);
    expect(Number(event.data.bundle.combined)).toBeGreaterThan(0);
    expect(event.data.bundle.inferers.length).toBeGreaterThan(0);
  }
}

export function checkNetworkEvents(c: Conformance): void {
  const topics = createdTopics(c.index, c.tip);
  const bundleName = c.version === "v10" ? "EventNetworkInferenceBundle" : "EventNetworkInferences";
  const absent = c.version === "v10" ? "EventNetworkInferences" : "EventNetworkInferenceBundle";
  expect(c.index.named(absent)).toEqual([]);
  const bundles = c.version === "v10" ? c.index.named("EventNetworkInferenceBundle") : c.index.named("EventNetworkInferences");
  expect(bundles.length, bundleName).toBeGreaterThan(0);
  const weights = c.index.named("EventNetworkInferenceInfererWeightsSet");
  for (const { height, event } of bundles) {
    const topic = topics.get(event.data.topicId)!.topic;
    const { bundle } = event.data;
    expect(BigInt(height)).toBe(event.data.nonce! + topic.workerSubmissionWindow!);
    expect(bundle.labels).toEqual(labelsOf(topic));
    expect(Object.keys(bundle.combined)).toEqual(bundle.labels);
    expect(bundle.inferers.length).toBeGreaterThanOrEqual(5);
    expect(bundle.inferers.every((w) => Object.keys(w.values).length === bundle.labels.length)).toBe(true);
    expect(bundle.oneOutInferers.map((w) => w.withheldInferer)).toEqual(bundle.inferers.map((w) => w.worker));
    const w = weights.find((x) => x.height === height && x.event.data.topicId === event.data.topicId)?.event.data;
    expect(w?.nonceBlockHeight).toBe(event.data.nonce);
    expect(w?.addresses).toEqual(bundle.inferers.map((x) => x.worker));
    expect(w?.weights.reduce((sum, x) => sum + Number(x), 0)).toBeGreaterThan(0);
  }

  for (const { event } of c.index.named("EventNetworkLossSet")) {
    expect(event.data.nonce).not.toBeNull();
    expect(Number(event.data.bundle.combined)).toBeGreaterThan(0);
  }
  const settled = c.index.named("EventTopicRewardsSet");
  for (const { height, event } of settled) {
    const [topicId] = event.data.topicIds;
    const paid = c.index
      .named("EventRewardsSettled")
      .filter((r) => r.height === height && r.event.data.topicId === topicId)
      .flatMap((r) => r.event.data.rewards)
      .reduce((sum, x) => sum + BigInt(x ?? "0"), 0n);
    // Integer allocation: the actor rewards of a settlement add up exactly to the topic reward.
    expect(paid, `rewards of topic ${topicId} at ${height}`).toBe(BigInt(event.data.rewards[0]!));
    const scores = c.index.named("EventScoresSet").filter((s) => s.height === height && s.event.data.topicId === topicId);
    const ema = c.index.named("EventEMAScoresSet").filter((s) => s.height === height && s.event.data.topicId === topicId);
    expect(scores.map((s) => s.event.data.actorType).sort()).toEqual(["forecaster", "inferer", "reputer"]);
    expect(ema.every((s) => s.event.data.isActive.length === s.event.data.addresses.length)).toBe(true);
    expect(scores.every((s) => s.event.data.scores.every((x) => x !== null && DEC_RE.test(x)))).toBe(true);
  }
  const stakes = c.index.named("EventAddStake");
  expect(stakes.some((s) => s.event.data.delegator === null)).toBe(true);
  expect(stakes.every((s) => s.event.data.amount > 0n)).toBe(true);
  for (const { event } of c.index.named("EventCreateNewTopic")) expect(event.data.topic.creator).toMatch(/^allo1/);
}
