import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatAlloInput, MAX_UALLO, parseAllo } from "@/lib/wallet/amount";

const uallo = (text: string) => {
  const parsed = parseAllo(text);
  if (!parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to parse: ${parsed.reason}`);
  return parsed.uallo;
};
const reason = (text: string) => {
  const parsed = parseAllo(text);
  if (parsed.ok) throw new Error(`expected ${JSON.stringify(text)} to be refused, got ${parsed.uallo}`);
  return parsed.reason;
};

const digits = (min: number, max: number) => fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
/** The canonical text of a decimal: no leading zeros in the whole part, no trailing zeros in the fraction. */
const canonical = (whole: string, fraction: string) => {
  const w = whole.replace(/^0+/, "") || "0";
  const f = fraction.replace(/0+$/, "");
  return f ? `${w}.${f}` : w;
};

describe("parseAllo reads ALLO text as exact uallo", () => {
  it("scales by 10^18 without rounding", () => {
    expect(uallo("12.5")).toBe(12_500_000_000_000_000_000n);
    expect(uallo("0.000000000000000001")).toBe(1n);
    expect(uallo("123456789.123456789123456789")).toBe(123456789123456789123456789n);
    // 0.1 + 0.2 is where floats fail: here the sum is exact.
    expect(uallo("0.1") + uallo("0.2")).toBe(uallo("0.3"));
  });

  it("trims surrounding whitespace and accepts a bare leading or trailing point", () => {
    expect(uallo("  7\n")).toBe(7n * 10n ** 18n);
    expect(uallo(".5")).toBe(5n * 10n ** 17n);
    expect(uallo("5.")).toBe(5n * 10n ** 18n);
    expect(uallo("0")).toBe(0n);
  });

  it("refuses each malformed input with its own reason", () => {
    expect(reason("")).toMatch(/enter an amount/i);
    expect(reason("   ")).toMatch(/enter an amount/i);
    expect(reason("-1")).toMatch(/negative/);
    expect(reason("+1")).toMatch(/“\+” sign/);
    expect(reason("1e18")).toMatch(/exponent/i);
    expect(reason("1.5E-3")).toMatch(/exponent/i);
    expect(reason("1.0000000000000000001")).toMatch(/19 decimal places.*at most 18/);
    expect(reason("1,000")).toMatch(/thousands separators/);
    expect(reason("1,5")).toMatch(/thousands separators/);
    expect(reason("1 000 000")).toMatch(/thousands separators/);
    expect(reason("1_000")).toMatch(/thousands separators/);
    expect(reason("12.5 ALLO")).toMatch(/space/);
    expect(reason("12.5ALLO")).toMatch(/“A” is not a digit/);
    expect(reason("0x10")).toMatch(/“x” is not a digit/);
    expect(reason("١٢")).toMatch(/is not a digit/); // Arabic-Indic digits are not read as 12
    expect(reason("1.2.3")).toMatch(/more than one decimal point/);
    expect(reason(".")).toMatch(/no digits/);
    expect(reason("NaN")).toMatch(/is not a digit/);
    expect(reason("Infinity")).toMatch(/is not a digit/);
  });

  it("refuses amounts beyond the chain's 256-bit integer", () => {
    expect(uallo(formatAlloInput(MAX_UALLO))).toBe(MAX_UALLO);
    expect(reason(formatAlloInput(MAX_UALLO + 1n))).toMatch(/larger than the chain can represent/);
  });
});

describe("formatAlloInput writes uallo as the shortest exact ALLO text", () => {
  it("drops trailing zeros and keeps every significant digit", () => {
    expect(formatAlloInput(12_500_000_000_000_000_000n)).toBe("12.5");
    expect(formatAlloInput(1n)).toBe("0.000000000000000001");
    expect(formatAlloInput(0n)).toBe("0");
    expect(formatAlloInput(10n ** 24n)).toBe("1000000");
  });

  it("refuses a negative amount", () => {
    expect(() => formatAlloInput(-1n)).toThrow(RangeError);
  });
});

describe("round trips (property-based)", () => {
  test.prop([fc.bigInt({ min: 0n, max: MAX_UALLO })])("parse(format(n)) === n for any uallo up to 2^256 − 1", (n) => {
    expect(uallo(formatAlloInput(n))).toBe(n);
  });

  test.prop([fc.bigInt({ min: 0n, max: 10n ** 30n })])("format never uses an exponent or a separator", (n) => {
    expect(formatAlloInput(n)).toMatch(/^(0|[1-9][0-9]*)(\.[0-9]*[1-9])?$/);
  });

  test.prop([digits(1, 40), digits(0, 18), fc.constantFrom("", " ", "\t", "\n")])(
    "format(parse(x)) is x in canonical form, for any digits with up to 18 decimals",
    (whole, fraction, pad) => {
      const text = `${pad}${whole}${fraction ? `.${fraction}` : ""}${pad}`;
      expect(formatAlloInput(uallo(text))).toBe(canonical(whole, fraction));
    },
  );

  test.prop([digits(1, 20), digits(19, 40)])("any fraction longer than 18 digits is refused, never rounded", (whole, fraction) => {
    expect(reason(`${whole}.${fraction}`)).toMatch(/at most 18/);
  });

  test.prop([digits(1, 20), digits(0, 18)])("a leading minus is refused as negative", (whole, fraction) => {
    expect(reason(`-${whole}${fraction ? `.${fraction}` : ""}`)).toMatch(/negative/);
  });

  test.prop([digits(1, 10), fc.constantFrom("e", "E"), fc.constantFrom("", "+", "-"), digits(1, 3)])(
    "exponent notation is refused",
    (mantissa, e, sign, exponent) => {
      expect(reason(`${mantissa}${e}${sign}${exponent}`)).toMatch(/exponent/i);
    },
  );

  test.prop([digits(0, 10), fc.string({ minLength: 1, maxLength: 3 }).filter((s) => /[^0-9.\s]/.test(s)), digits(0, 10)])(
    "any other character anywhere is refused, never silently dropped",
    (before, junk, after) => {
      expect(parseAllo(`${before}${junk}${after}`).ok).toBe(false);
    },
  );
});
