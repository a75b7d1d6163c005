// Exact decimal arithmetic for token amounts and Allora decimals: a value is a bigint scaled by 10^scale, so
// uallo (18 decimals) and reward_per_share (30+ fractional digits) multiply without rounding.
import { parseDec, type Dec } from "@/lib/allora/decimal";

export const ALLO_DECIMALS = 18;
export const UALLO_PER_ALLO = 10n ** BigInt(ALLO_DECIMALS);

export type Scaled = { units: bigint; scale: number };

export function toScaled(value: Dec): Scaled {
  const text = parseDec(value);
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? text.slice(1) : text).split(".");
  const units = BigInt(whole + fraction);
  return { units: negative ? -units : units, scale: fraction.length };
}

function align(a: Scaled, scale: number): bigint {
  return a.units * 10n ** BigInt(scale - a.scale);
}

export function mulScaled(a: Scaled, b: Scaled): Scaled {
  return { units: a.units * b.units, scale: a.scale + b.scale };
}

export function subScaled(a: Scaled, b: Scaled): Scaled {
  const scale = Math.max(a.scale, b.scale);
  return { units: align(a, scale) - align(b, scale), scale };
}

export function addScaled(a: Scaled, b: Scaled): Scaled {
  const scale = Math.max(a.scale, b.scale);
  return { units: align(a, scale) + align(b, scale), scale };
}

/** Truncates toward zero, as the chain's `TruncateInt` does. */
export function truncScaled(a: Scaled): bigint {
  return a.units / 10n ** BigInt(a.scale);
}

/** Rounds a non-negative value up to a whole unit, as the chain rounds a fee (`Ceil`). */
export function ceilScaled(a: Scaled): bigint {
  const unit = 10n ** BigInt(a.scale);
  return (a.units + unit - 1n) / unit;
}

/** Exact decimal text of a scaled value, trailing zeros dropped ("1.50" → "1.5"). */
export function scaledToDec(a: Scaled): Dec {
  const negative = a.units < 0n;
  const digits = (negative ? -a.units : a.units).toString().padStart(a.scale + 1, "0");
  const whole = digits.slice(0, digits.length - a.scale);
  const fraction = digits.slice(digits.length - a.scale).replace(/0+$/, "");
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** uallo (integer string or bigint) → ALLO with all 18 decimals, exact: "1500000000000000000" → "1.500000000000000000". */
export function formatAllo18(uallo: bigint | string): string {
  const units = typeof uallo === "bigint" ? uallo : BigInt(parseDec(uallo).split(".")[0] ?? "0");
  const negative = units < 0n;
  const abs = negative ? -units : units;
  const whole = (abs / UALLO_PER_ALLO).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const fraction = (abs % UALLO_PER_ALLO).toString().padStart(ALLO_DECIMALS, "0");
  return `${negative ? "-" : ""}${whole}.${fraction}`;
}

/** a / b as a decimal string with `digits` fractional digits, truncated; null when b is zero (undefined, not 0). */
export function ratioToDec(a: bigint, b: bigint, digits = 6): Dec | null {
  if (b === 0n) return null;
  const negative = a < 0n !== b < 0n && a !== 0n;
  const q = ((a < 0n ? -a : a) * 10n ** BigInt(digits)) / (b < 0n ? -b : b);
  return scaledToDec({ units: negative ? -q : q, scale: digits });
}
