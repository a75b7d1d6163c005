import { describe, expect, it } from "vitest";
import { formatAllo, formatDecimal, formatDuration, formatInteger, formatNetworkKind, formatPercent, formatUtc } from "@/components/format";

describe("display formatting", () => {
  it.each([
    ["0.1", 0, "10%"],
    ["1", 0, "100%"],
    ["0.05", 2, "5%"],
    ["0.050000000000000000", 2, "5%"],
    ["0.1234", 2, "12.34%"],
    ["0.12345", 1, "12.3%"],
    ["0.125", 0, "13%"],
    ["0", 2, "0%"],
    ["-0.0001", 2, "-0.01%"],
    ["-0.00001", 2, "0%"],
    ["2.5", 0, "250%"],
  ])("formatPercent(%j, %i) = %j", (fraction, digits, shown) => {
    expect(formatPercent(fraction, digits)).toBe(shown);
  });

  it("shows a missing rate as a dash and the chain's NaN as such, never as a number", () => {
    expect(formatPercent(null)).toBe("—");
    expect(formatPercent("NaN")).toBe("NaN (as sent by the chain)");
    expect(formatDecimal(null)).toBe("—");
    expect(formatDecimal("NaN")).toBe("NaN (as sent by the chain)");
    expect(formatDecimal("-0.000000000000000000000000000000000017")).toBe("-0.000000000000000000000000000000000017");
  });

  it("groups integers exactly, beyond what a float holds", () => {
    expect(formatInteger("9007199254740993")).toBe("9,007,199,254,740,993");
    expect(formatInteger("-1234567.891")).toBe("-1,234,567.891");
    expect(formatInteger("999")).toBe("999");
  });

  it("turns uallo into ALLO, truncating toward zero", () => {
    expect(formatAllo("1000000000000000000")).toBe("1");
    expect(formatAllo("1999999999999999999")).toBe("1.99");
    expect(formatAllo("123456789012345678901234567", 4)).toBe("123,456,789.0123");
    expect(formatAllo("5", 2)).toBe("0");
    expect(formatAllo("-2500000000000000000")).toBe("-2.5");
  });

  it("names durations by their two largest units", () => {
    expect([formatDuration(45), formatDuration(200), formatDuration(7_500), formatDuration(3 * 86_400 + 4 * 3_600 + 59)]).toEqual(["45s", "3m 20s", "2h 5m", "3d 4h"]);
    expect(formatDuration(-5)).toBe("0s");
  });

  it("formats network kinds and UTC times", () => {
    expect(formatNetworkKind("devnet")).toBe("Devnet");
    expect(formatUtc("2025-01-31T14:05:59.123Z")).toBe("2025-01-31 14:05 UTC");
  });
});
