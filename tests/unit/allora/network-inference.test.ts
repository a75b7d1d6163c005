import { describe, expect, it } from "vitest";

import { decodeResponse } from "@/lib/allora/http";
import { networkInferencesResponseSchema } from "@/lib/allora/schemas/network-inference";

import { loadFixture } from "./helpers";

const W1 = "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn";
const W2 = "allo10q6hm2yae8slpvvgmxqrcasa30gu5qfysp4wkz";
const F1 = "allo1za8r9v0st4ntfyeka23qs5wvd7mvsnzhztupk0";

describe("latest_network_inferences, v10 labeled bundle (§8.1)", () => {
  const result = networkInferencesResponseSchema.parse(loadFixture("v10-latest-network-inferences.json"));

  it("keeps every digit, keyed by label name", () => {
    expect(result.bundle.format).toBe("labeled");
    expect(result.bundle.labels).toEqual(["y"]);
    expect(result.bundle.combined).toEqual({ y: "2605.533879185080648394998043723508" });
    expect(result.bundle.naive.y).toBe("2605.533879185080648394998043723508");
    expect(result.bundle.forecasters).toEqual([{ worker: F1, values: { y: "2610.160000000000000000000000000000" } }]);
    expect(result.bundle.oneOutInferers).toEqual([
      { withheldInferer: W1, values: { y: "2570.859434973857748387096774193548" } },
    ]);
  });

  it("turns heights and ids into bigints", () => {
    expect(result.bundle.topicId).toBe(1n);
    expect(result.bundle.nonce).toBe(1349577n);
    expect(result.inferenceBlockHeight).toBe(1349577n);
    expect(result.legacy).toBeNull();
  });

  it("lists each inferer's labeled values", () => {
    expect(result.bundle.inferers).toEqual([
      { worker: W1, values: { y: "2611.01109296" } },
      { worker: W2, values: { y: "2661.505295679922" } },
    ]);
  });

  it('ignores label_id, so label 0 and label 1 for "y" read the same', () => {
    const sample = loadFixture("v10-latest-network-inferences.json") as {
      network_inferences: { combined_value: Array<{ label_id: number }> };
    };
    sample.network_inferences.combined_value[0]!.label_id = 0;
    expect(networkInferencesResponseSchema.parse(sample).bundle.combined).toEqual({
      y: "2605.533879185080648394998043723508",
    });
  });

  it("accepts `block_height` where an older proto revision named the nonce field so", () => {
    const sample = loadFixture("v10-latest-network-inferences.json") as {
      network_inferences: Record<string, unknown>;
    };
    delete sample.network_inferences.nonce;
    sample.network_inferences.block_height = "1349570";
    expect(networkInferencesResponseSchema.parse(sample).bundle.nonce).toBe(1349570n);
  });

  it("keeps several labels apart for multi-output topics", () => {
    const multi = {
      network_inferences: {
        topic_id: "77",
        nonce: "10",
        combined_value: [
          { label_id: 0, label_name: "up", value: "0.61" },
          { label_id: 1, label_name: "down", value: "0.39" },
        ],
      },
      inference_block_height: "10",
    };
    const parsed = networkInferencesResponseSchema.parse(multi);
    expect(parsed.bundle.labels).toEqual(["up", "down"]);
    expect(parsed.bundle.combined).toEqual({ up: "0.61", down: "0.39" });
    expect(parsed.bundle.inferers).toEqual([]);
  });
});

describe("latest_network_inferences, legacy ≤v0.9 flat bundle with weights and CIs (§8.2)", () => {
  const result = networkInferencesResponseSchema.parse(loadFixture("legacy-latest-network-inferences.json"));

  it('normalizes flat values to the single label "y" with every digit', () => {
    expect(result.bundle.format).toBe("flat");
    expect(result.bundle.labels).toEqual(["y"]);
    expect(result.bundle.combined).toEqual({ y: "2605.533879185080648394998043723508" });
    expect(result.bundle.oneOutInferers).toEqual([
      { withheldInferer: W1, values: { y: "2570.859434973857748387096774193548" } },
      { withheldInferer: W2, values: { y: "2569.230589724828006451612903225806" } },
    ]);
    expect(result.bundle.nonce).toBe(1349577n);
  });

  it("exposes the removed weights and confidence intervals", () => {
    expect(result.legacy?.infererWeights[0]).toEqual({ worker: W1, weight: "0.0002191899319465528034563075461505151" });
    expect(result.legacy?.forecasterWeights).toEqual([{ worker: F1, weight: "0.1444137067859501612197657742201029" }]);
    expect(result.legacy?.forecastImpliedInferences).toEqual([
      { worker: F1, value: "2610.160000000000000000000000000000" },
    ]);
    expect(result.legacy?.lossBlockHeight).toBe(0n);
    expect(result.legacy?.confidenceIntervals).toEqual([
      { percentile: "2.28", value: "2492.1675618299669694181830608795809" },
      { percentile: "15.87", value: "2543.9249467952655499150756965734158" },
      { percentile: "50", value: "2611.033130351115229549044053766836" },
      { percentile: "84.13", value: "2662.29523395638446190095015123294396" },
      { percentile: "97.72", value: "2682.827040221238" },
    ]);
  });
});

describe("network inference decode errors", () => {
  it("names the field path when a value has the wrong type", () => {
    const sample = loadFixture("v10-latest-network-inferences.json") as {
      network_inferences: { inferer_values: Array<{ values: Array<{ value: unknown }> }> };
    };
    sample.network_inferences.inferer_values[1]!.values[0]!.value = 2661.505295679922;
    expect(() => decodeResponse(networkInferencesResponseSchema, sample, "https://lcd/x")).toThrowError(
      /network_inferences\.inferer_values\.1\.values\.0\.value/,
    );
  });

  it("rejects a flat bundle whose combined value is not a decimal", () => {
    const sample = loadFixture("legacy-latest-network-inferences.json") as {
      network_inferences: Record<string, unknown>;
    };
    sample.network_inferences.combined_value = "2.6e3";
    const parsed = networkInferencesResponseSchema.safeParse(sample);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(["network_inferences", "combined_value"]);
  });
});
