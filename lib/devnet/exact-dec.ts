// The devnet's chain arithmetic on BigInt: a value is c × 10^e, rounded half-even to 60 significant digits after
// every operation, as `Dec` (decimal.js, precision 60) rounds it. decimal.js rounds + × ÷ correctly, so the exact
// result rounded once is the same digits; this only does it several times faster (the synthesis was the devnet's
// largest cost). Values it cannot represent (NaN, ±Infinity) throw, and the caller uses decimal.js instead.
import { Dec } from "./dec";

const PRECISION = 60;
const POW10: bigint[] = [1n];
for (let i = 1; i <= 400; i++) POW10.push(POW10[i - 1]! * 10n);
const pow10 = (k: number): bigint => POW10[k] ?? 10n ** BigInt(k);

export type Exact = { readonly c: bigint; readonly e: number };

const ZERO: Exact = { c: 0n, e: 0 };

/** Number of decimal digits of a non-negative BigInt. */
function digits(a: bigint): number {
  if (a < 10n) return 1;
  const approx = Number(a);
  if (!Number.isFinite(approx)) return a.toString().length;
  let d = Math.floor(Math.log10(approx)) + 1;
  // The float logarithm can be one off either way near a power of ten.
  if (a >= pow10(d)) d++;
  else if (a < pow10(d - 1)) d--;
  return d;
}

/** c × 10^e rounded half-even to `sd` significant digits; `sticky`: the true value is a little larger in magnitude. */
function round(c: bigint, e: number, sd = PRECISION, sticky = false): Exact {
  if (c === 0n) return ZERO;
  const neg = c < 0n;
  const a = neg ? -c : c;
  const n = digits(a);
  if (n <= sd) return { c, e };
  const k = n - sd;
  const base = pow10(k);
  let q = a / base;
  const r = a - q * base;
  const half = base / 2n;
  if (r > half || (r === half && (sticky || (q & 1n) === 1n))) q += 1n;
  let exp = e + k;
  if (q === pow10(sd)) {
    q = pow10(sd - 1);
    exp += 1;
  }
  return { c: neg ? -q : q, e: exp };
}

/** The exact value of a float's shortest text, as `new Dec(x)` reads it (construction never rounds). */
export function exactOf(x: number): Exact {
  if (!Number.isFinite(x)) throw new RangeError(`${x} has no exact decimal`);
  if (x === 0) return ZERO;
  const text = String(x);
  const at = text.indexOf("e");
  const mantissa = at < 0 ? text : text.slice(0, at);
  const exponent = at < 0 ? 0 : Number(text.slice(at + 1));
  const dot = mantissa.indexOf(".");
  const fraction = dot < 0 ? 0 : mantissa.length - dot - 1;
  return { c: BigInt(dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1)), e: exponent - fraction };
}

/** The exact value of a decimal string without exponent (a served loss, a stake). */
export function exactOfText(text: string): Exact {
  const dot = text.indexOf(".");
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new RangeError(`${text} is not a plain decimal`);
  return { c: BigInt(dot < 0 ? text : text.slice(0, dot) + text.slice(dot + 1)), e: dot < 0 ? 0 : dot - text.length + 1 };
}

export function exactTimes(a: Exact, b: Exact): Exact {
  return round(a.c * b.c, a.e + b.e);
}

export function exactPlus(a: Exact, b: Exact): Exact {
  if (a.c === 0n) return b;
  if (b.c === 0n) return a;
  const e = Math.min(a.e, b.e);
  return round(a.c * pow10(a.e - e) + b.c * pow10(b.e - e), e);
}

export function exactDiv(a: Exact, b: Exact): Exact {
  if (b.c === 0n) throw new RangeError("division by zero");
  if (a.c === 0n) return ZERO;
  const neg = a.c < 0n !== b.c < 0n;
  const n = a.c < 0n ? -a.c : a.c;
  const d = b.c < 0n ? -b.c : b.c;
  // Enough quotient digits to round to the precision, and the remainder as a sticky digit.
  const k = Math.max(0, PRECISION + 2 + digits(d) - digits(n));
  const scaled = n * pow10(k);
  const q = scaled / d;
  return round(neg ? -q : q, a.e - b.e - k, PRECISION, scaled - q * d !== 0n);
}

/** What `Dec#toPrecision(34)` prints for this value (fmtComputed): 34 significant digits, plain notation. */
export function exactPrecision34(v: Exact): string {
  if (v.c === 0n) return "0";
  const r = round(v.c, v.e, 34);
  const neg = r.c < 0n;
  let body = (neg ? -r.c : r.c).toString();
  let e = r.e;
  // Pad to exactly 34 significant digits.
  if (body.length < 34) {
    e -= 34 - body.length;
    body += "0".repeat(34 - body.length);
  }
  const point = body.length + e; // digits before the decimal point
  // decimal.js switches to exponent notation from 10^34 up; such values never occur here, so it formats them.
  if (point > 34) return new Dec(`${neg ? "-" : ""}${body}e${e}`).toPrecision(34);
  const text = point <= 0 ? `0.${"0".repeat(-point)}${body}` : point >= body.length ? body : `${body.slice(0, point)}.${body.slice(point)}`;
  return (neg ? "-" : "") + text;
}

export const exactArith = { of: exactOf, add: exactPlus, mul: exactTimes, div: exactDiv };
