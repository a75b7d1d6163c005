import { describe, expect, it } from "vitest";

import {
  compareDec,
  decOrNaNSchema,
  decSchema,
  fixedPointToDec,
  heightSchema,
  intStringSchema,
  parseDec,
  uint32Schema,
  uint64Schema,
} from "@/lib/allora/decimal";
import { pendingDelegateReward } from "@/lib/allora/schemas/stake";

describe("decSchema", () => {
  it("keeps every digit of long, negative and integer decimals", () => {
    for (const value of [
      "2605.533879185080648394998043723508",
      "-0.013947523416823014526547498227371",
      "0.250000000000000000",
      "100000000000000000000",
      "-7",
    ]) {
      expect(decSchema.parse(value)).toBe(value);
    }
  });

  it.each(["1e5", "", " 1", "1 ", "+1", ".5", "5.", "0x10", "NaN", "1,5", "--1"])("rejects %j", (value) => {
    expect(decSchema.safeParse(value).success).toBe(false);
    expect(() => parseDec(value)).toThrow(TypeError);
  });

  it("rejects numbers so a float never sneaks in", () => {
    expect(decSchema.safeParse(2605.53).success).toBe(false);
  });

  it("maps the chain's NaN padding to null only in the NaN-tolerant variant", () => {
    expect(decOrNaNSchema.parse("NaN")).toBeNull();
    expect(decOrNaNSchema.parse("-1.25")).toBe("-1.25");
    expect(decOrNaNSchema.safeParse("nan").success).toBe(false);
  });
});

describe("integer schemas", () => {
  it("turns cosmos.Int strings into exact bigints beyond 2^53", () => {
    expect(intStringSchema.parse("1000000000000000000000000000")).toBe(10n ** 27n);
    expect(intStringSchema.parse("-5")).toBe(-5n);
    expect(intStringSchema.safeParse("1.0").success).toBe(false);
    expect(intStringSchema.safeParse(5).success).toBe(false);
  });

  it("bounds int64 heights and uint64 ids", () => {
    expect(heightSchema.parse("9223372036854775807")).toBe(2n ** 63n - 1n);
    expect(heightSchema.safeParse("9223372036854775808").success).toBe(false);
    expect(uint64Schema.parse("18446744073709551615")).toBe(2n ** 64n - 1n);
    expect(uint64Schema.safeParse("-1").success).toBe(false);
  });

  it("accepts uint32 as the JSON number the gateway sends", () => {
    expect(uint32Schema.parse(1)).toBe(1);
    expect(uint32Schema.parse(0)).toBe(0);
    expect(uint32Schema.safeParse(-1).success).toBe(false);
    expect(uint32Schema.safeParse(1.5).success).toBe(false);
    expect(uint32Schema.safeParse(2 ** 32).success).toBe(false);
  });
});

describe("fixedPointToDec", () => {
  it("scales uint256 ×1e18 values exactly and drops trailing zeros", () => {
    expect(fixedPointToDec("3365485208027959000000", 18)).toBe("3365.485208027959");
    expect(fixedPointToDec("1000000000000000000", 18)).toBe("1");
    expect(fixedPointToDec("2280000000000000000", 18)).toBe("2.28");
    expect(fixedPointToDec("5", 18)).toBe("0.000000000000000005");
    expect(fixedPointToDec("-1500000000000000000", 18)).toBe("-1.5");
    expect(fixedPointToDec("0", 18)).toBe("0");
  });
});

describe("compareDec", () => {
  it("orders decimals exactly where floats would tie", () => {
    expect(compareDec("0.1000000000000000000000000000001", "0.1")).toBe(1);
    expect(compareDec("-2", "-10")).toBe(1);
    expect(compareDec("1.50", "1.5")).toBe(0);
  });
});

describe("pendingDelegateReward", () => {
  it("computes amount × reward_per_share − reward_debt, truncated to uallo", () => {
    const reward = pendingDelegateReward(
      { amount: "5000000000000000000000", rewardDebt: "1000000000000000000.5" },
      "0.000372155201817232409823451212190123",
    );
    // 5e21 × 0.000372155201817232409823451212190123 = 1860776009086162049.117256060950615
    expect(reward).toBe(1860776009086162049n - 1000000000000000001n);
  });

  it("never reports a negative reward", () => {
    expect(pendingDelegateReward({ amount: "1", rewardDebt: "5" }, "1")).toBe(0n);
  });
});
