// Deterministic identifiers: bech32-looking addresses, hashes and validator keys.
import { createHash } from "node:crypto";
import { bech32 } from "bech32";
import { hashSeed, Rng } from "./prng";

/** `prefix1` + 32 data chars (20 bytes) + a valid bech32 checksum, like a real account, so address checks pass. */
export function makeAddress(prefix: string, ...parts: (string | number)[]): string {
  const rng = new Rng(hashSeed("address", ...parts));
  return bech32.encode(prefix, Array.from({ length: 32 }, () => rng.int(32)));
}

/** The same key under another prefix (a validator operator's own account: allovaloper1… → allo1…). */
export function withPrefix(address: string, prefix: string): string {
  return bech32.encode(prefix, bech32.decode(address).words);
}

export function accountAddress(...parts: (string | number)[]): string {
  return makeAddress("allo", ...parts);
}

/** The zero account the chain uses as `reputer` of network-inference bundles. */
export const ZERO_ADDRESS = "allo1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqas6usy";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").toUpperCase();
}

export function sha256Bytes(data: string): Buffer {
  return createHash("sha256").update(data).digest();
}

export function sha256Base64(data: string): string {
  return createHash("sha256").update(data).digest("base64");
}
