import { describe, expect, it } from "vitest";
import { computeFee, maxAfterFee, minimumFee } from "@/lib/wallet/fee";

describe("fee = ceil(ceil(gas used × adjustment) × gas price), in uallo", () => {
  it("on mainnet at the minimum 250000000 uallo per gas", () => {
    // 100000 × 1.4 = 140000 gas; 140000 × 250000000 = 35000000000000 uallo (0.000035 ALLO)
    expect(minimumFee("allora-mainnet-1", 100_000n)).toEqual({ gasLimit: 140_000n, gasPrice: "250000000", uallo: 35_000_000_000_000n });
  });

  it("rounds the gas limit up: 123457 × 1.4 = 172839.8 → 172840 gas, × 10 on testnet = 1728400 uallo", () => {
    expect(minimumFee("allora-testnet-1", 123_457n)).toEqual({ gasLimit: 172_840n, gasPrice: "10", uallo: 1_728_400n });
  });

  it("rounds a fractional fee up, as the chain's minimum-fee check does", () => {
    // 172840 × 0.025 = 4321 exactly; 172841 × 0.025 = 4321.025 → 4322
    expect(computeFee(172_840n, "0.025", "1").uallo).toBe(4321n);
    expect(computeFee(172_841n, "0.025", "1").uallo).toBe(4322n);
  });

  it("keeps a huge gas figure exact beyond 2^53", () => {
    // 2^60 × 1.5 = 1729382256910270464 gas; × 250000000
    const fee = computeFee(2n ** 60n, "250000000", "1.5");
    expect(fee.gasLimit).toBe(1_729_382_256_910_270_464n);
    expect(fee.uallo).toBe(432_345_564_227_567_616_000_000_000n);
  });

  it("refuses zero gas, a zero or malformed adjustment or price", () => {
    expect(() => computeFee(0n, "10")).toThrow(/gas used must be positive/);
    expect(() => computeFee(1n, "0")).toThrow(/gas price must be positive/);
    expect(() => computeFee(1n, "10", "0")).toThrow(/gas adjustment must be positive/);
    expect(() => computeFee(1n, "1e3")).toThrow(/not a decimal/);
  });
});

describe("max = balance − fee, never below zero", () => {
  it("leaves exactly the fee in the balance", () => {
    expect(maxAfterFee(12_500_000_000_000_000_000n, 35_000_000_000_000n)).toEqual({ ok: true, uallo: 12_499_965_000_000_000_000n });
  });

  it("says the balance only covers the fee when they are equal", () => {
    const max = maxAfterFee(35_000_000_000_000n, 35_000_000_000_000n);
    expect(max).toMatchObject({ ok: false, uallo: 0n });
    expect(!max.ok && max.reason).toMatch(/only covers the fee; nothing is left/);
  });

  it("says how much more is needed when the balance cannot pay the fee", () => {
    const max = maxAfterFee(10_000_000_000_000n, 35_000_000_000_000n);
    expect(max).toMatchObject({ ok: false, uallo: 0n });
    expect(!max.ok && max.reason).toBe(
      "The balance (0.000010000000000000 ALLO) cannot pay the fee (0.000035000000000000 ALLO); 0.000025000000000000 ALLO more is needed.",
    );
  });

  it("refuses a negative balance or fee", () => {
    expect(() => maxAfterFee(-1n, 0n)).toThrow(RangeError);
    expect(() => maxAfterFee(1n, -1n)).toThrow(RangeError);
  });
});
