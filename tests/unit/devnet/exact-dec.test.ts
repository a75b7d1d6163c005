// The devnet's BigInt chain arithmetic must serve the very digits decimal.js (precision 60, half-even) serves: the
// pipeline tests compare the indexed tables with these digits, and a real chain's apd rounds the same way.
import { describe, expect, it } from "vitest";
import { Dec, fmtComputed, fmtFloat } from "@/lib/devnet/dec";
import { exactDiv, exactOf, exactPlus, exactPrecision34, exactTimes, type Exact } from "@/lib/devnet/exact-dec";
import { Rng } from "@/lib/devnet/prng";

const asDec = (v: Exact) => new Dec(`${v.c}e${v.e}`);

describe("exact chain decimals", () => {
  it("gives decimal.js's digits along random chains of +, × and ÷ over floats of mixed sign and magnitude", () => {
    const rng = new Rng(20261201);
    const float = () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 16 - 8);
    let compared = 0;
    for (let chain = 0; chain < 2_000; chain++) {
      const x0 = float();
      let exact = exactOf(x0);
      let dec = new Dec(x0);
      for (let step = 0; step < 10; step++) {
        const x = float();
        const op = Math.floor(rng.next() * 3);
        if (op === 0) [exact, dec] = [exactPlus(exact, exactTimes(exactOf(x), exact)), dec.plus(new Dec(x).times(dec))];
        else if (op === 1) [exact, dec] = [exactPlus(exact, exactOf(x)), dec.plus(x)];
        else [exact, dec] = [exactDiv(exact, exactOf(x)), dec.div(x)];
        expect(asDec(exact).eq(dec), `${asDec(exact).toString()} vs ${dec.toString()}`).toBe(true);
        expect(exactPrecision34(exact)).toBe(fmtComputed(dec));
        compared++;
      }
    }
    expect(compared).toBe(20_000);
  });

  it("prints 34 significant digits like Dec#toPrecision, padding short values and rounding ties to even", () => {
    expect(exactPrecision34(exactOf(2610.16))).toBe("2610.160000000000000000000000000000");
    expect(exactPrecision34(exactDiv(exactOf(1), exactOf(3)))).toBe("0.3333333333333333333333333333333333");
    expect(exactPrecision34(exactDiv(exactOf(-2), exactOf(3)))).toBe("-0.6666666666666666666666666666666667");
    expect(exactPrecision34(exactOf(1e-7))).toBe(`0.0000001${"0".repeat(33)}`);
    expect(exactPrecision34(exactOf(0))).toBe("0");
  });

  it("refuses what it cannot represent, so the devnet falls back to decimal.js", () => {
    expect(() => exactOf(NaN)).toThrow(RangeError);
    expect(() => exactOf(Infinity)).toThrow(RangeError);
    expect(fmtFloat(1.5e21)).toBe("1500000000000000000000");
  });
});
