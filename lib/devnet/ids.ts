// Deterministic identifiers: bech32-looking addresses, hashes and validator keys.
import { createHash } from "node:crypto";
import { hashSeed, Rng } from "./prng";

const BECH32 = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";

/** `allo1` + 38 bech32-alphabet chars. Not checksum-valid, but shaped like a real account. */
export function makeAddress(prefix: string, ...parts: (string | number)[]): string {
  const rng = new Rng(hashSeed("address", ...parts));
  let body = "";
  for (let i = 0; i < 38; i++) body += BECH32[rng.int(32)];
  return `${prefix}1${body}`;
}

export function accountAddress(...parts: (string | number)[]): string {
  return makeAddress("allo", ...parts);
}

/** The zero account the chain uses as `reputer` of network-inference bundles. */
export const ZERO_ADDRESS = "allo1qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqas6usy";

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex").toUpperCase();
}

export function sha256Base64(data: string): string {
  return createHash("sha256").update(data).digest("base64");
}
