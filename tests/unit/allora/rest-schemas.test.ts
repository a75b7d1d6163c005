import { describe, expect, it } from "vitest";

import { forecastsAtBlockResponseSchema, inferencesAtBlockResponseSchema } from "@/lib/allora/schemas/inference";
import { networkLossResponseSchema, reputerLossBundlesResponseSchema } from "@/lib/allora/schemas/loss";
import { emissionInfoResponseSchema, inflationResponseSchema } from "@/lib/allora/schemas/mint";
import { paramsResponseSchema } from "@/lib/allora/schemas/params";
import { scoreResponseSchema, scoresAtBlockResponseSchema } from "@/lib/allora/schemas/score";
import {
  delegateStakePlacementResponseSchema,
  delegateStakeRemovalResponseSchema,
  stakeRemovalsResponseSchema,
} from "@/lib/allora/schemas/stake";
import { topicResponseSchema } from "@/lib/allora/schemas/topic";

import { loadFixture } from "./helpers";

const REPUTER = "allo1e7l2cyn29c8jmama9hs0n3weq4tg6pqdzsl249";

describe("topics/{id}", () => {
  it("decodes a v10 topic with labels, arity and stake", () => {
    const info = topicResponseSchema.parse(loadFixture("topic-v10.json"));
    expect(info.topic.id).toBe(69n);
    expect(info.topic.epochLength).toBe(54n);
    expect(info.topic.topicType).toBe("regression");
    expect(info.topic.outputArity).toBe("single");
    expect(info.topic.labelCaseSensitive).toBe(true);
    expect(info.topic.maxLabelsPerSubmission).toBe(1n);
    expect(info.weight).toBe("1739.468213371289013547186331548613");
    expect(info.topicStake).toBe(250011372000000000000000n);
  });

  it("decodes a v9 topic, leaving v10-only fields null instead of guessing", () => {
    const info = topicResponseSchema.parse(loadFixture("topic-v9.json"));
    expect(info.topic.metadata).toBe("BTC/USD - Log Returns - 8h");
    expect(info.topic.allowNegative).toBe(true);
    expect(info.topic.initialRegret).toBe("-0.00046188153436744811");
    expect(info.topic.topicType).toBeNull();
    expect(info.topic.outputArity).toBeNull();
    expect(info.topic.labelWhitelist).toEqual([]);
    expect(info.topicStake).toBeNull();
  });

  it("tolerates fields a future chain version adds", () => {
    const sample = loadFixture("topic-v10.json") as { topic: Record<string, unknown>; [key: string]: unknown };
    sample.topic.label_registry_mode = "LABEL_REGISTRY_MODE_FROZEN";
    sample.epoch_info = { epoch: "12" };
    expect(topicResponseSchema.parse(sample).topic.id).toBe(69n);
  });

  it("rejects a numeric epoch_length (int64 must be a string)", () => {
    const sample = loadFixture("topic-v9.json") as { topic: Record<string, unknown> };
    sample.topic.epoch_length = 75;
    const parsed = topicResponseSchema.safeParse(sample);
    expect(parsed.error?.issues[0]?.path).toEqual(["topic", "epoch_length"]);
  });
});

describe("params", () => {
  it("reads stake, fees and the removal delay as bigints and keeps unknown keys", () => {
    const params = paramsResponseSchema.parse(loadFixture("emissions-params-v10.json"));
    expect(params.version).toBe("v0.17.0");
    expect(params.requiredMinimumStake).toBe(10000000000000000000000n);
    expect(params.removeStakeDelayWindow).toBe(172800n);
    expect(params.registrationFee).toBe(200000000000000000n);
    expect(params.validatorsVsAlloraPercentReward).toBe("0.25");
    expect(params.maxCanonicalLabelByteLength).toBe(64n);
    expect(params.raw.lambda_initial_score).toBe("0.5");
  });
});

describe("inferences and forecasts at a block", () => {
  it("accepts the v9 single value and the v10 values vector alike", () => {
    const inferences = inferencesAtBlockResponseSchema.parse({
      inferences: {
        inferences: [
          {
            topic_id: "13",
            block_height: "5100955",
            inferer: "allo1a",
            value: "4258.717228926043",
            extra_data: null,
            proof: "",
          },
          {
            topic_id: "77",
            block_height: "4210050",
            inferer: "allo1b",
            values: ["0.45", "0.2", "0.35"],
            extra_data: null,
            proof: "",
          },
        ],
      },
    });
    expect(inferences.map((i) => i.values)).toEqual([["4258.717228926043"], ["0.45", "0.2", "0.35"]]);
    expect(inferences[0]?.blockHeight).toBe(5100955n);
    expect(inferences[0]?.proof).toBeNull();
  });

  it("rejects an inference that carries no value at all", () => {
    const parsed = inferencesAtBlockResponseSchema.safeParse({
      inferences: { inferences: [{ topic_id: "1", block_height: "2", inferer: "allo1a", values: [] }] },
    });
    expect(parsed.error?.issues[0]?.path).toEqual(["inferences", "inferences", 0, "values"]);
  });

  it("reads forecast elements per inferer", () => {
    const forecasts = forecastsAtBlockResponseSchema.parse({
      forecasts: {
        forecasts: [
          {
            topic_id: "13",
            block_height: "5100955",
            forecaster: "allo1f",
            forecast_elements: [{ inferer: "allo1a", value: "0.000121552302841265" }],
            extra_data: null,
          },
        ],
      },
    });
    expect(forecasts[0]?.elements).toEqual([{ inferer: "allo1a", value: "0.000121552302841265" }]);
  });
});

const flatLossBundle = {
  topic_id: "13",
  reputer_request_nonce: { reputer_nonce: { block_height: "5100880" } },
  reputer: REPUTER,
  extra_data: null,
  combined_value: "0.000118326245310318",
  naive_value: "0.000131520972466128",
  inferer_values: [{ worker: "allo1a", value: "0.000121552302841265" }],
  forecaster_values: [],
  one_out_inferer_values: [],
  one_out_forecaster_values: [],
  one_in_forecaster_values: [],
  one_out_inferer_forecaster_values: [],
};

describe("losses", () => {
  it("decodes network_loss as a flat bundle with its reputer nonce", () => {
    const loss = networkLossResponseSchema.parse({ loss_bundle: flatLossBundle });
    expect(loss.combined).toBe("0.000118326245310318");
    expect(loss.reputerNonce).toBe(5100880n);
    expect(loss.inferers).toEqual([{ worker: "allo1a", value: "0.000121552302841265" }]);
  });

  it("reads both reputer_loss_bundles shapes (v10 list, v9 reputer_value_bundles)", () => {
    const v10 = reputerLossBundlesResponseSchema.parse({ loss_bundles: [flatLossBundle] });
    const v9 = reputerLossBundlesResponseSchema.parse({
      loss_bundles: { reputer_value_bundles: [{ value_bundle: flatLossBundle, signature: "c2ln", pubkey: "0299" }] },
    });
    expect(v10).toHaveLength(1);
    expect(v10[0]?.reputer).toBe(REPUTER);
    expect(v10[0]?.signature).toBeNull();
    expect(v9[0]?.reputer).toBe(REPUTER);
    expect(v9[0]?.signature).toBe("c2ln");
    expect(v9[0]?.bundle.naive).toBe("0.000131520972466128");
  });
});

describe("scores", () => {
  const score = {
    topic_id: "13",
    block_height: "5100880",
    address: REPUTER,
    score: "-0.013947523416823014526547498227371",
  };

  it("unwraps EMA and at-block wrappers", () => {
    expect(scoreResponseSchema.parse({ score }).score).toBe("-0.013947523416823014526547498227371");
    const scores = scoresAtBlockResponseSchema.parse({ scores: { scores: [score] } });
    expect(scores).toEqual([{ topicId: 13n, blockHeight: 5100880n, address: REPUTER, score: score.score }]);
  });

  it("rejects a float score", () => {
    expect(scoreResponseSchema.safeParse({ score: { ...score, score: -0.0139 } }).success).toBe(false);
  });
});

describe("stake endpoints", () => {
  it("keeps delegator placement as Dec (not Int)", () => {
    const placement = delegateStakePlacementResponseSchema.parse({
      delegator_info: { amount: "5000000000000000000000", reward_debt: "1000000000000000000.5" },
    });
    expect(placement).toEqual({ amount: "5000000000000000000000", rewardDebt: "1000000000000000000.5" });
  });

  it("decodes pending removals with their completion height", () => {
    const removals = stakeRemovalsResponseSchema.parse({
      removals: [
        {
          block_removal_started: "5100967",
          topic_id: "13",
          reputer: REPUTER,
          amount: "50000000000000000000",
          block_removal_completed: "5273767",
        },
      ],
    });
    expect(removals[0]?.amount).toBe(50000000000000000000n);
    expect(removals[0]?.blockRemovalCompleted).toBe(5273767n);
  });

  it("accepts either wrapper key of the ambiguous single-removal routes", () => {
    const removal = {
      block_removal_started: "1",
      topic_id: "2",
      reputer: REPUTER,
      delegator: "allo1d",
      amount: "3",
      block_removal_completed: "4",
    };
    expect(delegateStakeRemovalResponseSchema.parse({ removal })?.delegator).toBe("allo1d");
    expect(delegateStakeRemovalResponseSchema.parse({ stake_removal_info: removal })?.amount).toBe(3n);
  });
});

describe("mint", () => {
  it("decodes emission_info Ints as bigints and LegacyDecs as exact strings", () => {
    const info = emissionInfoResponseSchema.parse(loadFixture("mint-emission-info.json"));
    expect(info.circulatingSupply).toBe(201373592317823991028383422n);
    expect(info.maxSupply).toBe(10n ** 27n);
    expect(info.reputersPercent).toBe("0.750000000000000000");
    expect(info.blockEmission).toBe(5828527245427720480n);
    expect(info.startingEmissionsBlockHeight).toBe(1n);
  });

  it("decodes inflation", () => {
    expect(inflationResponseSchema.parse({ inflation: "0.123456789012345678" })).toBe("0.123456789012345678");
  });
});
