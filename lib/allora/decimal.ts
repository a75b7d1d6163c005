import { z } from "zod";

/**
 * Allora `math.Dec` and cosmos `LegacyDec` values, kept as the exact string the chain sent.
 * They can carry 30+ fractional digits, so JS numbers would silently round them.
 */
export type Dec = string;

const DEC_RE = /^-?\d+(?:\.\d+)?$/;
const INT_RE = /^-?\d+$/;
const UINT_RE = /^\d+$/;

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;
const UINT32_MAX = 2 ** 32 - 1;

/** The chain pads missing values with NaN in events (EventValueBundle). */
export const NAN_DEC = "NaN";

export function isDec(value: unknown): value is Dec {
  return typeof value === "string" && DEC_RE.test(value);
}

/** Exact parse; throws on anything that is not a plain decimal ("1e5", "", " 1", "+1", ".5"). */
export function parseDec(value: string): Dec {
  if (!DEC_RE.test(value)) throw new TypeError(`not a decimal string: ${JSON.stringify(value)}`);
  return value;
}

export function parseIntString(value: string): bigint {
  if (!INT_RE.test(value)) throw new TypeError(`not an integer string: ${JSON.stringify(value)}`);
  return BigInt(value);
}

/**
 * `value / 10^decimals` as an exact decimal string without trailing zeros, e.g. uint256 ×1e18
 * amounts from the consumer API ("3365485208027959000000" → "3365.485208027959").
 */
export function fixedPointToDec(value: bigint | string, decimals: number): Dec {
  const n = typeof value === "bigint" ? value : parseIntString(value);
  if (!Number.isInteger(decimals) || decimals < 0) throw new RangeError("decimals must be a non-negative integer");
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = digits.slice(digits.length - decimals).replace(/0+$/, "");
  const body = fraction ? `${whole}.${fraction}` : whole;
  return negative && body !== "0" ? `-${body}` : body;
}

/** Lossy on purpose: only for chart math and sorting, never for storage or display of amounts. */
export function decToNumber(value: Dec): number {
  return Number(value);
}

/** Exact numeric comparison of two decimal strings (-1, 0, 1). */
export function compareDec(a: Dec, b: Dec): number {
  const [ia, fa] = splitDec(parseDec(a));
  const [ib, fb] = splitDec(parseDec(b));
  const width = Math.max(fa.length, fb.length);
  const x = BigInt(ia + fa.padEnd(width, "0"));
  const y = BigInt(ib + fb.padEnd(width, "0"));
  return x === y ? 0 : x < y ? -1 : 1;
}

function splitDec(value: Dec): [string, string] {
  const negative = value.startsWith("-");
  const [whole = "0", fraction = ""] = (negative ? value.slice(1) : value).split(".");
  return [negative ? `-${whole}` : whole, fraction];
}

export const decSchema = z.string().regex(DEC_RE, "expected a decimal string");

/** A Dec that may be the chain's NaN padding; NaN comes out as `null` ("no value"). */
export const decOrNaNSchema = z
  .union([decSchema, z.literal(NAN_DEC)])
  .transform((value): Dec | null => (value === NAN_DEC ? null : value));

/** `cosmos.Int` (amounts in uallo) as a JSON string → bigint. */
export const intStringSchema = z
  .string()
  .regex(INT_RE, "expected an integer string")
  .transform((value) => BigInt(value));

/** uint64 as a JSON string (topic ids, counts) → bigint. */
export const uint64Schema = z
  .string()
  .regex(UINT_RE, "expected an unsigned integer string")
  .transform((value) => BigInt(value))
  .refine((value) => value <= UINT64_MAX, "out of uint64 range");

/** int64 as a JSON string (block heights, nonces) → bigint. */
export const heightSchema = z
  .string()
  .regex(INT_RE, "expected an integer string")
  .transform((value) => BigInt(value))
  .refine((value) => value >= INT64_MIN && value <= INT64_MAX, "out of int64 range");

/** uint32 travels as a JSON number (e.g. `label_id`); a numeric string is tolerated. */
export const uint32Schema = z
  .union([z.number(), z.string().regex(UINT_RE)])
  .transform((value) => Number(value))
  .refine((value) => Number.isInteger(value) && value >= 0 && value <= UINT32_MAX, "expected a uint32");
