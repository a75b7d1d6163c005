import { describe, expect, it } from "vitest";

import { parseAttributeValue, quoteBareNaN } from "@/lib/allora/event-attributes";
import { type DecodedEvent, decodeEvent, type KnownEvent } from "@/lib/allora/events";

import { loadFixture } from "./helpers";

interface RawBlockResults {
  result: {
    finalize_block_events: Array<{ type: string; attributes: Array<{ key: string; value: string }> }>;
    txs_results: Array<{ events: Array<{ type: string; attributes: Array<{ key: string; value: string }> }> }>;
  };
}

const v9 = loadFixture("block-results-v9.json") as RawBlockResults;
const v10 = loadFixture("block-results-v10.json") as RawBlockResults;

function blockEvent(fixture: RawBlockResults, type: string, nth = 0) {
  const found = fixture.result.finalize_block_events.filter((e) => e.type === type)[nth];
  if (!found) throw new Error(`fixture has no ${type}`);
  return found;
}

function txEvent(fixture: RawBlockResults, tx: number, type: string) {
  const found = fixture.result.txs_results[tx]?.events.find((e) => e.type === type);
  if (!found) throw new Error(`fixture tx ${tx} has no ${type}`);
  return found;
}

function expectKnown<N extends KnownEvent["name"]>(event: DecodedEvent, name: N) {
  if (event.kind !== "event" || event.name !== name) {
    throw new Error(`expected ${name}, got ${JSON.stringify(event, (_, v) => (typeof v === "bigint" ? `${v}n` : v))}`);
  }
  return event as Extract<KnownEvent, { name: N }>;
}

describe("decodeEvent: encoding rules", () => {
  it("JSON-decodes attribute values and matches v9 types by suffix", () => {
    const event = expectKnown(decodeEvent(blockEvent(v9, "emissions.v9.EventScoresSet")), "EventScoresSet");
    expect(event.version).toBe(9);
    expect(event.data).toEqual({
      actorType: "reputer",
      topicId: 13n,
      blockHeight: 5100880n,
      addresses: ["allo1m9vghpc32w8maw8vpp6p55fmcyqkn487r45zwc", "allo1s5pkkvwl59egqxqrt7a7w23080grn66m45fcvk"],
      scores: ["-0.013947523416823014526547498227371", "0.2417905349017262301745810519316486"],
    });
  });

  it("decodes the same event name under emissions.v10 to the same shape", () => {
    const raw = blockEvent(v9, "emissions.v9.EventScoresSet");
    const event = expectKnown(decodeEvent({ ...raw, type: "emissions.v10.EventScoresSet" }), "EventScoresSet");
    expect(event.version).toBe(10);
    expect(event.data.scores).toHaveLength(2);
  });

  it("strips the plain `mode` attribute and reports it as the event's mode", () => {
    const event = decodeEvent(blockEvent(v9, "coin_spent"));
    expect(event.kind).toBe("unknown");
    expect(event.mode).toBe("BeginBlock");
    expect(event.attributes.map((a) => a.key)).toEqual(["spender", "amount"]);
  });

  it("strips msg_index from tx events", () => {
    const message = decodeEvent(txEvent(v9, 0, "message"));
    expect(message.kind === "unknown" && message.attributes.map((a) => a.key)).toEqual(["action", "sender", "module"]);
    const stake = expectKnown(decodeEvent(txEvent(v9, 0, "emissions.v9.EventAddStake")), "EventAddStake");
    expect(stake.mode).toBeNull();
    expect(stake.data).toEqual({
      topicId: 13n,
      reputer: "allo1m9vghpc32w8maw8vpp6p55fmcyqkn487r45zwc",
      delegator: null,
      amount: 1000000000000000000000n,
    });
  });

  it("ignores unknown attribute keys", () => {
    const event = expectKnown(
      decodeEvent(txEvent(v10, 2, "emissions.v10.EventRequestStakeRemoval")),
      "EventRequestStakeRemoval",
    );
    expect(event.data).not.toHaveProperty("futureField");
    expect(event.data.completionHeight).toBe(4814860n);
  });

  it("passes unknown event types through untouched", () => {
    const whitelist = decodeEvent(blockEvent(v10, "emissions.v10.EventGlobalWorkerWhitelistAdded"));
    expect(whitelist).toMatchObject({
      kind: "unknown",
      type: "emissions.v10.EventGlobalWorkerWhitelistAdded",
      mode: "EndBlock",
    });
    const future = decodeEvent({ type: "emissions.v12.EventSomethingNew", attributes: [{ key: "x", value: '"1"' }] });
    expect(future).toEqual({
      kind: "unknown",
      type: "emissions.v12.EventSomethingNew",
      mode: null,
      attributes: [{ key: "x", value: '"1"' }],
    });
  });

  it("decodes base64 attributes from older CometBFT and leaves plain ones alone", () => {
    const b64 = (s: string) => Buffer.from(s).toString("base64");
    const event = decodeEvent({
      type: "emissions.v2.EventRewardDelegateStake",
      attributes: [
        { key: b64("topic_id"), value: b64('"3"') },
        { key: b64("reputer"), value: b64('"allo1r"') },
        { key: b64("delegator"), value: b64('"allo1d"') },
        { key: b64("amount"), value: b64('"12.5"') },
        { key: b64("mode"), value: b64("EndBlock") },
      ],
    });
    const known = expectKnown(event, "EventRewardDelegateStake");
    expect(known.mode).toBe("EndBlock");
    expect(known.data).toEqual({ topicId: 3n, reputer: "allo1r", delegator: "allo1d", amount: "12.5" });
    // "mode" and "data" are valid base64 on their own; a plain event must not be misread.
    const plain = decodeEvent({
      type: "x",
      attributes: [
        { key: "mode", value: "EndBlock" },
        { key: "data", value: "abcd" },
      ],
    });
    expect(plain).toMatchObject({ mode: "EndBlock", attributes: [{ key: "data", value: "abcd" }] });
  });

  it("decodes mint events of any mint.vN", () => {
    const v3 = expectKnown(
      decodeEvent(blockEvent(v9, "mint.v3.EventRewardCurrentBlockEmission")),
      "EventRewardCurrentBlockEmission",
    );
    expect(v3.data).toEqual({ blockHeight: 5100967n, tokenAmount: 5828527245427720480n });
    const v5 = expectKnown(
      decodeEvent(blockEvent(v10, "mint.v5.EventEcosystemTokenMintSet")),
      "EventEcosystemTokenMintSet",
    );
    expect(v5.module).toBe("mint");
    expect(v5.data.tokenAmount).toBe(3168808781402895023n);
  });
});

describe("decodeEvent: malformed known events", () => {
  const scores = blockEvent(v9, "emissions.v9.EventScoresSet");
  const withAttr = (key: string, value: string | null) => ({
    ...scores,
    attributes:
      value === null
        ? scores.attributes.filter((a) => a.key !== key)
        : scores.attributes.map((a) => (a.key === key ? { ...a, value } : a)),
  });

  it("names the event and the element of a bad Dec", () => {
    const event = decodeEvent(withAttr("scores", '["0.5","1e5"]'));
    expect(event).toMatchObject({ kind: "error", name: "EventScoresSet", field: "scores.1" });
    expect(event.kind === "error" && event.message).toMatch(/^EventScoresSet\.scores\.1: /);
  });

  it("names a missing required field", () => {
    expect(decodeEvent(withAttr("topic_id", null))).toMatchObject({ kind: "error", field: "topic_id" });
  });

  it("names the column that does not line up with addresses", () => {
    expect(decodeEvent(withAttr("scores", '["0.5"]'))).toMatchObject({ kind: "error", field: "scores" });
  });

  it("rejects a fractional stake amount", () => {
    const raw = txEvent(v9, 0, "emissions.v9.EventAddStake");
    const bad = { ...raw, attributes: raw.attributes.map((a) => (a.key === "amount" ? { ...a, value: '"1.5"' } : a)) };
    expect(decodeEvent(bad)).toMatchObject({ kind: "error", name: "EventAddStake", field: "amount" });
  });

  it("never throws, even on garbage", () => {
    expect(
      decodeEvent({ type: "emissions.v9.EventScoresSet", attributes: [{ key: "scores", value: "{[" }] }),
    ).toMatchObject({
      kind: "error",
    });
  });
});

describe("NaN handling", () => {
  it("quotes bare NaN tokens outside strings only", () => {
    expect(quoteBareNaN('["1.5",NaN]')).toBe('["1.5","NaN"]');
    expect(quoteBareNaN('[[NaN, "NaN"],["x NaN y"]]')).toBe('[["NaN", "NaN"],["x NaN y"]]');
    expect(parseAttributeValue("NaN")).toBe("NaN");
    expect(parseAttributeValue("plain text")).toBe("plain text");
  });

  it("drops NaN-padded values from a v10 labeled bundle event instead of inventing them", () => {
    const event = expectKnown(
      decodeEvent(blockEvent(v10, "emissions.v10.EventNetworkInferenceBundle")),
      "EventNetworkInferenceBundle",
    );
    const { bundle } = event.data;
    expect(event.data.nonce).toBe(4210050n);
    expect(event.data.outlierResistant).toBe(false);
    expect(bundle.labels).toEqual(["up", "flat", "down"]);
    expect(bundle.combined).toEqual({ up: "0.412500000000000000000000000000000001", flat: "0.2075", down: "0.38" });
    expect(bundle.inferers).toEqual([
      { worker: "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn", values: { up: "0.45", flat: "0.2", down: "0.35" } },
      { worker: "allo10q6hm2yae8slpvvgmxqrcasa30gu5qfysp4wkz", values: { up: "0.375", down: "0.625" } },
    ]);
    expect(bundle.oneOutInferers[1]?.values).toEqual({ up: "0.43", down: "0.37" });
    expect(bundle.oneOutInfererForecasters).toEqual([
      {
        forecaster: "allo1za8r9v0st4ntfyeka23qs5wvd7mvsnzhztupk0",
        withheldInferer: "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn",
        values: { up: "0.41", flat: "0.21", down: "0.38" },
      },
      {
        forecaster: "allo1za8r9v0st4ntfyeka23qs5wvd7mvsnzhztupk0",
        withheldInferer: "allo10q6hm2yae8slpvvgmxqrcasa30gu5qfysp4wkz",
        values: { up: "0.405", flat: "0.2", down: "0.395" },
      },
    ]);
  });

  it("drops NaN padding from v10 column-oriented loss bundles", () => {
    const event = expectKnown(decodeEvent(blockEvent(v10, "emissions.v10.EventNetworkLossSet")), "EventNetworkLossSet");
    expect(event.data.nonce).toBe(4209990n);
    expect(event.data.bundle.combined).toBe("0.000412");
    expect(event.data.bundle.inferers).toEqual([
      { worker: "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn", value: "0.000451" },
    ]);
    expect(event.data.bundle.oneOutForecasters).toEqual([]);
    expect(event.data.bundle.oneOutInfererForecasters).toEqual([
      {
        forecaster: "allo1za8r9v0st4ntfyeka23qs5wvd7mvsnzhztupk0",
        withheldInferer: "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn",
        value: "0.000399",
      },
    ]);
  });
});

describe("inference events across versions", () => {
  it('normalizes v9 EventNetworkInferences to the labeled shape with label "y"', () => {
    const event = expectKnown(
      decodeEvent(blockEvent(v9, "emissions.v9.EventNetworkInferences")),
      "EventNetworkInferences",
    );
    expect(event.data.topicId).toBe(13n);
    expect(event.data.nonce).toBe(5100955n);
    expect(event.data.bundle.combined).toEqual({ y: "4260.058888453676459961899479786112" });
    expect(event.data.bundle.inferers[0]).toEqual({
      worker: "allo1968fa6rwwytemeqw3aqm97gu34j2mntp2zx5a0",
      values: { y: "4258.717228926043" },
    });
    expect(event.data.bundle.oneOutInfererForecasters).toHaveLength(6);
  });

  it("reads a single-label outlier-resistant v10 bundle", () => {
    const event = expectKnown(
      decodeEvent(blockEvent(v10, "emissions.v10.EventNetworkInferenceBundle", 1)),
      "EventNetworkInferenceBundle",
    );
    expect(event.data.outlierResistant).toBe(true);
    expect(event.data.bundle.combined).toEqual({ y: "-0.0026514397213649787221378620564" });
    expect(event.data.bundle.forecasters).toEqual([]);
  });

  it("keys v10 inferer payload values by label", () => {
    const event = expectKnown(
      decodeEvent(txEvent(v10, 1, "emissions.v10.EventInsertInfererPayload")),
      "EventInsertInfererPayload",
    );
    expect(event.data.values).toEqual({ up: "0.45", flat: "0.2", down: "0.35" });
    expect(event.data.extraData).toBeNull();
  });

  it("reads last-commit nonces and EMA activity flags", () => {
    const commit = expectKnown(
      decodeEvent(blockEvent(v9, "emissions.v9.EventWorkerLastCommitSet")),
      "EventWorkerLastCommitSet",
    );
    expect(commit.data).toEqual({ topicId: 13n, blockHeight: 5100967n, nonce: 5100955n });
    const ema = expectKnown(decodeEvent(blockEvent(v9, "emissions.v9.EventEMAScoresSet")), "EventEMAScoresSet");
    expect(ema.data.actorType).toBe("inferer");
    expect(ema.data.isActive).toEqual([true, false]);
  });
});

describe("EventInsertInfererPayload values, both readings", () => {
  const event = (values: string) => ({
    type: "emissions.v10.EventInsertInfererPayload",
    attributes: [
      { key: "inferer", value: '"allo1worker"' },
      { key: "nonce", value: '"120"' },
      { key: "topic_id", value: '"5"' },
      { key: "extra_data", value: "null" },
      { key: "values", value: values },
    ],
  });

  it("reads labeled entries by label", () => {
    const decoded = decodeEvent(event('[{"label":"20m","value":"0.1"},{"label":"1h","value":"-0.000000000000000000000000000000001"}]'));
    expect(decoded.kind === "event" && decoded.name === "EventInsertInfererPayload" && decoded.data.values).toEqual({
      "20m": "0.1",
      "1h": "-0.000000000000000000000000000000001",
    });
  });

  it("reads a dense Dec vector: one value is label y, several keep their position", () => {
    const single = decodeEvent(event('["2611.01109296"]'));
    expect(single.kind === "event" && single.name === "EventInsertInfererPayload" && single.data.values).toEqual({ y: "2611.01109296" });
    const several = decodeEvent(event('["1.5","NaN","2.5"]'));
    expect(several.kind === "event" && several.name === "EventInsertInfererPayload" && several.data.values).toEqual({ "#0": "1.5", "#2": "2.5" });
  });
});
