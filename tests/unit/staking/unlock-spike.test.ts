import { describe, expect, it } from "vitest";
import { commissionChanges, detectCommissionSpike, type CommissionPoint } from "@/lib/staking/commission-spike";
import { estimateHeightAtTime, estimateTimeOfHeight, measureBlockClock } from "@/lib/staking/unlock";

describe("unlock-time estimate from the measured block time", () => {
  const clock = measureBlockClock([
    { height: 1500n, timeMs: 2_700_000 },
    { height: 2000n, timeMs: 5_200_000 },
    { height: 1000n, timeMs: 0 },
  ])!;

  it("measures the mean block time between the oldest and newest block", () => {
    expect(clock).toMatchObject({ height: 2000n, timeMs: 5_200_000, msPerBlock: 5200, windowBlocks: 1000n });
  });

  it("puts an unlock height 1,000 blocks ahead 5,200 s after the newest block", () => {
    expect(estimateTimeOfHeight(clock, 3000n)).toBe(10_400_000);
  });

  it("turns a stated completion time into the first height at or after it", () => {
    expect(estimateHeightAtTime(clock, 10_400_000)).toBe(3000n);
    expect(estimateHeightAtTime(clock, 10_400_001)).toBe(3001n);
  });

  it("has no estimate from a single block", () => {
    const single = measureBlockClock([{ height: 5n, timeMs: 1 }])!;
    expect(single.msPerBlock).toBeNull();
    expect(estimateTimeOfHeight(single, 10n)).toBeNull();
    expect(measureBlockClock([])).toBeNull();
  });
});

describe("commission spike rule (≥ 5 points within 7 days)", () => {
  const DAY = 86_400_000;
  const at = (day: number, rate: string, height = BigInt(day * 17280)): CommissionPoint => ({ height, timeMs: day * DAY, rate });

  it("flags a rise from 5 % to 11 % within five days", () => {
    const spike = detectCommissionSpike([at(0, "0.050000000000000000"), at(2, "0.060000000000000000"), at(5, "0.110000000000000000")], 6 * DAY);
    expect(spike).toMatchObject({ fromRate: "0.050000000000000000", toRate: "0.110000000000000000", risePoints: "6" });
  });

  it("catches a staged rise of exactly 5 points", () => {
    expect(detectCommissionSpike([at(0, "0.05"), at(1, "0.08"), at(3, "0.10")], 4 * DAY)?.risePoints).toBe("5");
  });

  it("ignores a 4-point rise, a fall, and a spike older than a week", () => {
    expect(detectCommissionSpike([at(0, "0.05"), at(3, "0.09")], 4 * DAY)).toBeNull();
    expect(detectCommissionSpike([at(0, "0.20"), at(3, "0.05")], 4 * DAY)).toBeNull();
    expect(detectCommissionSpike([at(0, "0.05"), at(5, "0.11")], 13 * DAY)).toBeNull();
  });

  it("ignores a rise spread over more than 7 days", () => {
    expect(detectCommissionSpike([at(0, "0.05"), at(8, "0.11")], 9 * DAY)).toBeNull();
  });

  it("keeps only the snapshots where the rate changed", () => {
    const changes = commissionChanges([at(0, "0.05"), at(1, "0.050000000000000000"), at(2, "0.06"), at(3, "0.06")]);
    expect(changes.map((c) => c.rate)).toEqual(["0.05", "0.06"]);
  });
});

describe("history date range", async () => {
  const { parseDateRange } = await import("@/lib/staking/date-range");
  it("includes both named days", () => {
    expect(parseDateRange("2026-10-31", "2026-11-01")).toEqual({ ok: true, range: { from: new Date("2026-10-31T00:00:00Z"), to: new Date("2026-11-02T00:00:00Z") } });
    expect(parseDateRange(undefined, "")).toEqual({ ok: true, range: { from: null, to: null } });
  });
  it("names the bad field", () => {
    expect(parseDateRange("2026-02-30", null)).toMatchObject({ ok: false, field: "from" });
    expect(parseDateRange(null, "yesterday")).toMatchObject({ ok: false, field: "to" });
    expect(parseDateRange("2026-11-02", "2026-11-01")).toMatchObject({ ok: false, field: "to" });
  });
});
