// Decimal formatting that mimics the chain's JSON: computed math.Dec values carry 34 significant
// digits (apd), values submitted by off-chain workers keep the float text they were sent as, and
// cosmos LegacyDec has exactly 18 fractional digits.
import Decimal from "decimal.js";

export const Dec = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN, toExpNeg: -1000, toExpPos: 1000 });
export type DecValue = InstanceType<typeof Dec>;

/** A value computed on chain (weights, combined values, network losses). */
export function fmtComputed(d: DecValue): string {
  if (d.isNaN()) return "NaN";
  if (d.isZero()) return "0";
  return d.toPrecision(34);
}

/** A float as an off-chain process would submit it: shortest round-trip text, never exponent form. */
export function fmtFloat(x: number): string {
  if (Number.isNaN(x)) return "NaN";
  if (!Number.isFinite(x)) throw new Error(`non-finite value ${x}`);
  if (Object.is(x, -0) || x === 0) return "0";
  return plainDigits(String(x));
}

/**
 * JS's shortest round-trip text with any exponent written out (what `new Dec(x).toFixed()` prints, without
 * building a Decimal: this runs for every served float).
 */
function plainDigits(text: string): string {
  const e = text.indexOf("e");
  if (e < 0) return text;
  const sign = text[0] === "-" ? "-" : "";
  const mantissa = text.slice(sign.length, e);
  const exponent = Number(text.slice(e + 1));
  const dot = mantissa.indexOf(".");
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

export function decOf(x: number | string): DecValue {
  return new Dec(x);
}

/** cosmos LegacyDec: fixed 18 fractional digits. */
export function fmtLegacy(d: DecValue | number | string): string {
  return new Dec(d).toFixed(18, Decimal.ROUND_DOWN);
}

/** A fixed-point bigint (value × 10^scale) as an exact decimal string, trailing zeros trimmed. */
export function fmtScaled(v: bigint, scale: number): string {
  const neg = v < 0n;
  const abs = neg ? -v : v;
  const base = 10n ** BigInt(scale);
  const whole = abs / base;
  const frac = (abs % base).toString().padStart(scale, "0").replace(/0+$/, "");
  return `${neg ? "-" : ""}${whole}${frac ? `.${frac}` : ""}`;
}

export const ALLO = 10n ** 18n;

/** Whole ALLO (possibly fractional, given as a float) to uallo. Only for generating amounts. */
export function alloToUallo(allo: number): bigint {
  return BigInt(Math.round(allo * 1e6)) * 10n ** 12n;
}
