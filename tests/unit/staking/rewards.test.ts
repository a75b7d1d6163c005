import { describe, expect, it } from "vitest";
import { formatAllo18, ratioToDec } from "@/lib/staking/amounts";
import { ESTIMATED_APR_FORMULA, estimatedValidatorApr, fractionToPercent, realizedApr } from "@/lib/staking/apr";
import { forgoneFromApr, forgoneReputerRewards, pendingReward, rewardPer1000Allo } from "@/lib/staking/rewards";

const DAY = 86_400n;

describe("pending delegator reward = amount × reward_per_share − reward_debt", () => {
  it("is exact to the uallo with 30-digit reward_per_share and a fractional debt", () => {
    // 1e21 × 0.000123456789012345678901234567 = 123456789012345678.901234567; − 100000000000000000.5
    // = 23456789012345678.401234567 → truncated.
    expect(pendingReward("1000000000000000000000", "0.000123456789012345678901234567", "100000000000000000.5")).toBe(23456789012345678n);
  });

  it("truncates fractional uallo and never goes negative", () => {
    expect(pendingReward("2.5", "3.2", "0")).toBe(8n);
    expect(pendingReward("2.5", "3", "7")).toBe(0n); // 0.5 uallo truncates to nothing
    expect(pendingReward("1", "1", "2")).toBe(0n);
  });

  it("is zero right after a claim (debt reset to amount × reward_per_share)", () => {
    expect(pendingReward("123456789", "0.5", "61728394.5")).toBe(0n);
  });
});

describe("realized reward per 1,000 ALLO and realized APR", () => {
  it("takes the rise of reward_per_share over the window", () => {
    // (0.0015 − 0.001) × 1,000 × 10^18 = 5 × 10^17 uallo = 0.5 ALLO
    expect(rewardPer1000Allo("0.001", "0.0015")).toBe(500000000000000000n);
    expect(formatAllo18(500000000000000000n)).toBe("0.500000000000000000");
  });

  it("is missing, not zero, when the window has no start", () => {
    expect(rewardPer1000Allo(null, "0.0015")).toBeNull();
    expect(realizedApr(null, 10n ** 21n, 7n * DAY)).toBeNull();
  });

  it("annualizes simply: 0.5 ALLO on 1,000 ALLO over 7 days = 0.0005 × 365 / 7", () => {
    expect(realizedApr(500000000000000000n, 1000n * 10n ** 18n, 7n * DAY)).toBe("0.026071");
    expect(fractionToPercent("0.026071")).toBe("2.6");
    expect(realizedApr(1n, 0n, DAY)).toBeNull();
  });

  it("estimates rewards forgone by an exit from the realized rate", () => {
    // 1,000 ALLO at 0.5 ALLO per 1,000 per 7 days, over 30 days: 0.5 × 30 / 7 ALLO
    expect(forgoneReputerRewards(1000n * 10n ** 18n, 500000000000000000n, 7, 30)).toBe(2142857142857142857n);
    expect(forgoneReputerRewards(10n ** 21n, null, 7, 30)).toBeNull();
    // 365 ALLO at 10 % for 30 days = 3 ALLO
    expect(forgoneFromApr(365n * 10n ** 18n, "0.1", 30)).toBe(3n * 10n ** 18n);
  });
});

describe("estimated validator APR", () => {
  it("is emission per year × validators' share ÷ bonded × (1 − commission)", () => {
    // 1,000,000 ALLO a month × 12 × 0.25 ÷ 30,000,000 ALLO bonded = 0.1; × (1 − 0.1) = 0.09
    const apr = estimatedValidatorApr({
      emissionPerMonth: 10n ** 24n,
      validatorsPercent: "0.250000000000000000",
      bondedTokens: 3n * 10n ** 25n,
      commissionRate: "0.100000000000000000",
    });
    expect(apr).toBe("0.09");
    expect(ESTIMATED_APR_FORMULA).toContain("(1 − commission)");
  });

  it("is missing when nothing is bonded", () => {
    expect(estimatedValidatorApr({ emissionPerMonth: 1n, validatorsPercent: "0.25", bondedTokens: 0n, commissionRate: "0" })).toBeNull();
  });
});

describe("exact amounts", () => {
  it("formats uallo with all 18 decimals and never through a float", () => {
    expect(formatAllo18("123456789012345678901234567")).toBe("123,456,789.012345678901234567");
    expect(formatAllo18(1n)).toBe("0.000000000000000001");
  });

  it("divides to a truncated decimal and leaves division by zero missing", () => {
    expect(ratioToDec(1n, 3n, 4)).toBe("0.3333");
    expect(ratioToDec(-1n, 4n, 4)).toBe("-0.25");
    expect(ratioToDec(1n, 0n)).toBeNull();
  });
});
