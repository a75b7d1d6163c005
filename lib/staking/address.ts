// What a search box entry is: an Allora account or validator operator address (bech32, checksum verified), a
// topic id, or text to match topic names. Malformed addresses get a reason a person can act on.
import { bech32 } from "bech32";

export const ACCOUNT_PREFIX = "allo";
export const VALOPER_PREFIX = "allovaloper";

export type AddressCheck =
  | { ok: true; kind: "account" | "validator"; address: string }
  | { ok: false; reason: string };

export type SearchTarget =
  | { kind: "account" | "validator"; address: string }
  | { kind: "topic-id"; topicId: string }
  | { kind: "topic-name"; text: string }
  | { kind: "invalid"; reason: string }
  | { kind: "empty" };

const BECH32_CHARS = /^[qpzry9x8gf2tvdw0s3jn54khce6mua7l]+$/;

/** Validates an allo1… or allovaloper1… address: one case, a known prefix, bech32 characters, a valid checksum. */
export function checkAddress(input: string): AddressCheck {
  const text = input.trim();
  if (text !== text.toLowerCase() && text !== text.toUpperCase()) {
    return { ok: false, reason: "The address mixes upper and lower case; bech32 addresses are all one case." };
  }
  const lower = text.toLowerCase();
  const separator = lower.lastIndexOf("1");
  if (separator < 1) return { ok: false, reason: "This is not a bech32 address: it has no “1” separating prefix and data." };
  const prefix = lower.slice(0, separator);
  const data = lower.slice(separator + 1);
  if (prefix !== ACCOUNT_PREFIX && prefix !== VALOPER_PREFIX) {
    return { ok: false, reason: `The prefix “${prefix}” is not an Allora address prefix (expected allo1… or allovaloper1…).` };
  }
  if (!BECH32_CHARS.test(data)) {
    return { ok: false, reason: "The address contains characters that bech32 never uses (only 0, 2–9 and letters except b, i, o)." };
  }
  if (data.length !== 38) {
    return { ok: false, reason: `The address has ${data.length} characters after “${prefix}1”; an Allora address has 38.` };
  }
  try {
    bech32.decode(lower);
  } catch {
    return { ok: false, reason: "The checksum does not match: a character is mistyped or missing." };
  }
  return { ok: true, kind: prefix === ACCOUNT_PREFIX ? "account" : "validator", address: lower };
}

/** The account address of a validator operator (same key bytes, account prefix); null if not a valid address. */
export function operatorAccount(operator: string): string | null {
  try {
    const decoded = bech32.decode(operator);
    return decoded.prefix === VALOPER_PREFIX ? bech32.encode(ACCOUNT_PREFIX, decoded.words) : null;
  } catch {
    return null;
  }
}

export function classifySearch(input: string): SearchTarget {
  const text = input.trim();
  if (text === "") return { kind: "empty" };
  if (/^\d{1,19}$/.test(text)) return { kind: "topic-id", topicId: BigInt(text).toString() };
  // Anything shaped like bech32 (letters, "1", data) is checked as an address, whatever its prefix.
  if (/^[a-z]+1[0-9a-z]{6,}$/i.test(text)) {
    const check = checkAddress(text);
    return check.ok ? { kind: check.kind, address: check.address } : { kind: "invalid", reason: check.reason };
  }
  return { kind: "topic-name", text };
}
