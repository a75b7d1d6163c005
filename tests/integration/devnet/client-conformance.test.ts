// The product's Allora clients against the devnet, for emissions v10 and v9: every method the
// product uses decodes at heights across a 3000-block history, and what REST answers agrees with
// what block_results announced. Any disagreement is a bug on one side (see allora-api.md).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLcdClient, type EmissionsVersion } from "@/lib/allora/lcd-client";
import { createRpcClient } from "@/lib/allora/rpc-client";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { type Conformance, openConformance } from "./conformance-context";
import { checkNetworkEvents, checkPayloadEvents, collectorEvents } from "./conformance-events";
import { checkClaims, checkDistributions, checkRemovals, checkUnbondings, type Lifecycle, lifecycleHeights, lifecycleOf } from "./conformance-lifecycle";
import { checkLossesAt } from "./conformance-losses";
import { checkConsumerApi, checkMarket } from "./conformance-offchain";
import { checkBlocksAt, checkStakeAt, checkValidatorsAndMintAt, type StakeTally } from "./conformance-state";
import { sampleDecoded } from "./conformance-sample";
import { range } from "./conformance-scan";
import { checkInferencesAt, checkTopicsAt } from "./conformance-topics";
import { checkReputerWindow, checkWorkerWindow } from "./conformance-windows";

const HISTORY = 3000;
/** First epochs (topics created at 2–6, first nonces at 12–16, first topic-4 settlement at 205), then spread to the head. */
const HEIGHTS = [8, 30, 120, 230, 500, 1000, 1500, 2000, 2500, HISTORY];
const VERSIONS: readonly EmissionsVersion[] = ["v10", "v9"];

describe.each(VERSIONS)("client ↔ devnet conformance, emissions %s", (version) => {
  let c: Conformance;

  beforeAll(async () => {
    c = await openConformance(version, { historyBlocks: HISTORY, scan: "all" });
  });

  afterAll(async () => {
    await c?.devnet.close();
  });

  it("detects the emissions version and reads params at every height", async () => {
    expect(await c.lcd.getEmissionsVersion()).toBe(version);
    for (const h of HEIGHTS) {
      const params = await c.lcd.getParams({ height: h });
      expect(params.version).toMatch(version === "v10" ? /^v0\.17\./ : /^v0\.16\./);
      expect(params.removeStakeDelayWindow).toBeGreaterThan(0n);
      expect(params.minEpochLengthRecordLimit).toBe(3n);
      expect(params.requiredMinimumStake).toBeGreaterThan(0n);
      expect(params.maxCanonicalLabelByteLength).toBe(version === "v10" ? 64n : null);
    }
  });

  it(`decodes every event of all ${HISTORY} blocks without a decode error`, () => {
    expect(c.index.blocks).toBe(HISTORY);
    expect(c.index.failures).toEqual([]);
    const unknownChainEvents = [...c.index.unknownTypes].filter((t) => /^(emissions|mint)\./.test(t));
    expect(unknownChainEvents).toEqual([]);
  });

  it("decodes the payload, registration and topic events the collector relies on", () => {
    checkPayloadEvents(c);
  });

  it("decodes network inference, weight, loss, score and reward events consistently", () => {
    checkNetworkEvents(c);
  });

  it("serves topics, activity and next topic id as the topic events say", async () => {
    for (const h of HEIGHTS) await checkTopicsAt(c, h);
  });

  it("serves network inferences, inferences and forecasts equal to the bundle and payload events", async () => {
    let checked = 0;
    for (const h of HEIGHTS) checked += await checkInferencesAt(c, h);
    expect(checked).toBeGreaterThanOrEqual(30);
  });

  it("serves network losses, reputer loss bundles and scores equal to the settlement events", async () => {
    let compared = 0;
    for (const h of HEIGHTS) compared += await checkLossesAt(c, h);
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it("shows payloads, network inferences and losses block by block through the submission windows", async () => {
    for (const topicId of [1n, 4n]) await checkWorkerWindow(c, topicId);
    await checkReputerWindow(c, 4n);
  });

  it("serves stake, delegation and removal queues equal to the sum of the stake events", async () => {
    const tally: StakeTally = { reputers: 0, delegated: 0, placements: 0, removals: 0 };
    for (const h of HEIGHTS) await checkStakeAt(c, h, tally);
    expect(tally.reputers).toBeGreaterThan(100);
    expect(tally.delegated).toBeGreaterThan(0);
    expect(tally.placements).toBeGreaterThan(0);
    expect(tally.removals).toBeGreaterThan(0);
  });

  it("lists validators with their delegations and unbondings, and mint emission info", async () => {
    for (const h of HEIGHTS) await checkValidatorsAndMintAt(c, h);
  });

  it("serves status and blocks that match block_results", async () => {
    await checkBlocksAt(c, HEIGHTS);
  });

  it("serves market candles through the ground-truth adapter", async () => {
    await checkMarket(c);
  });

  it("serves signed inferences and topics through the consumer API client", async () => {
    await checkConsumerApi(c);
  });
});

/** Two days: removals complete after remove_stake_delay_window, delegators claim, SOL is created at day 1.5. */
const LONG_DAYS = 2;
const TAIL = 400;

describe.each(VERSIONS)(`client ↔ devnet over ${LONG_DAYS} days of history, emissions %s`, (version) => {
  let c: Conformance;
  let life: Lifecycle;
  const solId = version === "v10" ? 6n : 5n;
  let solCreated = 0;

  beforeAll(async () => {
    c = await openConformance(version, {
      days: LONG_DAYS,
      // Where to look comes from the devnet's ledger; what is there must come from the client.
      scan: (devnet) => {
        solCreated = devnet.sim.engine(Number(solId))!.spec.createdAt;
        const tip = devnet.sim.height();
        return [...range(1, 20), solCreated, solCreated + 2, ...range(tip - TAIL, tip), ...lifecycleHeights(lifecycleOf({ devnet }))];
      },
    });
    life = lifecycleOf(c);
  });

  afterAll(async () => {
    await c?.devnet.close();
  });

  it("decodes every scanned block without a decode error, and every event the collector relies on occurs", () => {
    expect(c.index.blocks).toBeGreaterThan(TAIL);
    expect(c.index.failures).toEqual([]);
    const missing = collectorEvents(version).filter((name) => c.index.named(name).length === 0);
    expect(missing).toEqual([]);
  });

  it("decodes stake removal requests, cancellations and executions where they happened; REST queues follow", async () => {
    const seen = await checkRemovals(c, life.removals);
    expect([...seen].sort()).toEqual(["EventCancelStakeRemoval", "EventRemoveStake", "EventRequestStakeRemoval"]);
    expect(c.index.named("EventAddStake").some((e) => e.event.data.delegator !== null)).toBe(true);
  });

  it("decodes delegator reward claims equal to the pending reward the client computes", async () => {
    await checkClaims(c, life.claims);
  });

  it("decodes delegator reward distributions with the reward per share REST serves", async () => {
    await checkDistributions(c, life.distributions);
  });

  it("serves validator unbonding delegations matching the unbond events", async () => {
    await checkUnbondings(c, life.unbondings);
    const first = life.unbondings[0]!.creationHeight;
    expect(await checkValidatorsAndMintAt(c, first)).toBeGreaterThan(0);
  });

  it("serves the SOL topic from its creation on, with inferences and losses agreeing with its events", async () => {
    const created = c.index.named("EventCreateNewTopic").find((e) => e.event.data.topic.id === solId);
    expect(created?.height).toBe(solCreated);
    expect(created?.event.data.topic.metadata).toBe("SOL/USD - Price Prediction - 8h");
    await checkTopicsAt(c, solCreated - 1);
    await checkTopicsAt(c, solCreated + 2);
    await checkTopicsAt(c, c.tip);
    const since = c.tip - TAIL;
    expect(await checkInferencesAt(c, c.tip, since)).toBe(Number(solId));
    expect(await checkLossesAt(c, c.tip, since + 20)).toBeGreaterThan(0);
    expect(c.index.named("EventNetworkLossSet").some((e) => e.event.data.topicId === solId)).toBe(true);
  });

  it("serves market candles and consumer API inferences including the SOL topic", async () => {
    await checkMarket(c);
    await checkConsumerApi(c);
  });
});

describe.each(VERSIONS)("decoded answers are deterministic, emissions %s", (version) => {
  let devnets: Devnet[] = [];
  const clientsOf = (d: Devnet) => ({
    lcd: createLcdClient({ baseUrl: d.url, emissionsVersion: "auto", retries: 0 }),
    rpc: createRpcClient({ baseUrl: d.url, retries: 0 }),
  });

  beforeAll(async () => {
    const common = { historyBlocks: 1500, emissionsVersion: version, blockTimeMs: 0, port: 0 } as const;
    devnets = await Promise.all([startDevnet({ ...common, seed: 42 }), startDevnet({ ...common, seed: 42 }), startDevnet({ ...common, seed: 7 })]);
  });

  afterAll(async () => {
    await Promise.all(devnets.map((d) => d.close()));
  });

  it("gives deep-equal decoded results for the same seed and different ones for another seed", async () => {
    for (const h of [900, 1500]) {
      const [a, b, other] = await Promise.all(devnets.map((d) => clientsOf(d)).map(({ lcd, rpc }) => sampleDecoded(lcd, rpc, h)));
      expect(a).toEqual(b);
      const differing = Object.keys(a!).filter((k) => JSON.stringify(a![k as keyof typeof a], bigintText) !== JSON.stringify(other![k as keyof typeof a], bigintText));
      expect(differing.sort()).toEqual(Object.keys(a!).sort());
    }
  });
});

function bigintText(_key: string, value: unknown): unknown {
  return typeof value === "bigint" ? value.toString() : value;
}
