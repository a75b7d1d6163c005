// Chain JSON conventions: Dec text, event attribute encoding, addresses.
import { describe, expect, it } from "vitest";
import { emissionsEv } from "@/lib/devnet/chain-types";
import { Dec, fmtComputed, fmtFloat, fmtScaled } from "@/lib/devnet/dec";
import { encodeEvent } from "@/lib/devnet/event-encoding";
import { accountAddress } from "@/lib/devnet/ids";
import { lossOf } from "@/lib/devnet/losses";
import { gradient, regretWeights } from "@/lib/devnet/synthesis";

describe("devnet encodings", () => {
  it("prints decimals like the chain (no exponents, 34 significant digits when computed)", () => {
    expect(fmtFloat(1e-7)).toBe("0.0000001");
    expect(fmtFloat(-0.5)).toBe("-0.5");
    expect(fmtComputed(new Dec(2610.16))).toBe("2610.160000000000000000000000000000");
    expect(fmtComputed(new Dec(1).div(3))).toBe("0.3333333333333333333333333333333333");
    expect(fmtScaled(1234500n, 6)).toBe("1.2345");
  });

  it("encodes typed events with sorted keys, JSON values and the plain mode attribute", () => {
    const ev = encodeEvent(emissionsEv("EventWorkerLastCommitSet", { topic_id: "13", block_height: "5100967", nonce: { block_height: "5100955" } }), "v9", { mode: "EndBlock" });
    expect(ev.type).toBe("emissions.v9.EventWorkerLastCommitSet");
    expect(ev.attributes.map((a) => a.key)).toEqual(["block_height", "nonce", "topic_id", "mode"]);
    expect(ev.attributes[0]!.value).toBe('"5100967"');
    expect(ev.attributes[1]!.value).toBe('{"block_height":"5100955"}');
    expect(ev.attributes[3]!.value).toBe("EndBlock");
  });

  it("makes bech32-looking addresses", () => {
    const a = accountAddress(42, "x");
    expect(a).toMatch(/^allo1[qpzry9x8gf2tvdw0s3jn54khce6mua7l]{38}$/);
    expect(accountAddress(42, "x")).toBe(a);
    expect(accountAddress(43, "x")).not.toBe(a);
  });

  it("weights better regrets more, with the potential gradient", () => {
    expect(gradient(3, 0.75, 2)).toBeGreaterThan(gradient(3, 0.75, 0));
    const w = regretWeights([-1, 0, 1], { pNorm: 3, cNorm: 0.75, epsilon: 1e-4 });
    expect(w[2]!).toBeGreaterThan(w[1]!);
    expect(w[1]!).toBeGreaterThan(w[0]!);
  });

  it("computes losses per method", () => {
    expect(lossOf("mse", [3], [1], [1])).toBe(4);
    expect(lossOf("ztae", [100], [0], [1])).toBeCloseTo(1, 6);
    expect(lossOf("czar", [1], [0], [1])).toBeCloseTo(Math.log(2), 12);
  });
});
