// What a person types into an amount box, as exact uallo (10^-18 ALLO), and uallo back to text they can type.
// Never a float: the text is split into digit strings and read with BigInt.
// Input rules (decided here, shown to the user as reasons):
// - surrounding whitespace is trimmed (pasted values often carry a space or newline); whitespace inside is refused;
// - thousands separators are refused: "1,5" means 1.5 in much of the world and 15 elsewhere, so any "," "_" "'"
//   or space inside the number is an error rather than a guess;
// - "." is the only decimal point; ".5" and "5." are accepted (0.5 and 5); a sign, exponent or unit is refused.
import { ALLO_DECIMALS, scaledToDec } from "@/lib/staking/amounts";

/** cosmos.Int (the chain's amount type) holds at most 256 bits. */
export const MAX_UALLO = 2n ** 256n - 1n;

export type AmountParse = { ok: true; uallo: bigint } | { ok: false; reason: string };

const fail = (reason: string): AmountParse => ({ ok: false, reason });

function shapeError(text: string): string | null {
  if (text.startsWith("-")) return "The amount is negative; enter a positive number of ALLO.";
  if (text.startsWith("+")) return "Leave out the “+” sign; enter just the number of ALLO.";
  if (/^[0-9.]*[eE][+-]?[0-9]*$/.test(text) && /[0-9]/.test(text)) {
    return "Exponent notation (like 1e18) is not accepted; write the amount out in ALLO, e.g. 12.5.";
  }
  if (/^[0-9.]*[0-9][,_' \u00a0\u202f][0-9][0-9,_' \u00a0\u202f.]*$/.test(text)) {
    return "Leave out thousands separators (“,” “_” “'” or spaces); use “.” only as the decimal point.";
  }
  if (/\s/.test(text)) return "The amount contains a space; enter a single number.";
  const junk = text.match(/[^0-9.]/u);
  if (junk) return `“${junk[0]}” is not a digit; enter digits and at most one “.”, e.g. 12.5 (no unit).`;
  if ((text.match(/\./g) ?? []).length > 1) return "The amount has more than one decimal point.";
  if (!/[0-9]/.test(text)) return "The amount has no digits.";
  return null;
}

/** Reads ALLO text ("12.5") as uallo (12500000000000000000n), or says why it cannot. Zero is a valid amount here;
 *  whether a flow accepts zero is the flow's rule. */
export function parseAllo(input: string): AmountParse {
  const text = input.trim();
  if (text === "") return fail("Enter an amount.");
  const shape = shapeError(text);
  if (shape) return fail(shape);
  const [whole = "", fraction = ""] = text.split(".");
  if (fraction.length > ALLO_DECIMALS) {
    return fail(`The amount has ${fraction.length} decimal places; ALLO has at most ${ALLO_DECIMALS} (1 uallo = 0.000000000000000001 ALLO).`);
  }
  const uallo = BigInt((whole || "0") + fraction.padEnd(ALLO_DECIMALS, "0"));
  if (uallo > MAX_UALLO) return fail("The amount is larger than the chain can represent (2^256 − 1 uallo).");
  return { ok: true, uallo };
}

/** uallo → the shortest exact ALLO text that parseAllo reads back to the same value: 12500000000000000000n → "12.5".
 *  Plain digits, no separators, so it can be put into an input box (e.g. by "max"). */
export function formatAlloInput(uallo: bigint): string {
  if (uallo < 0n) throw new RangeError(`a uallo amount cannot be negative: ${uallo}`);
  return scaledToDec({ units: uallo, scale: ALLO_DECIMALS });
}
