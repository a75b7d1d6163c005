// A validator's consensus address, the key its slashing signing info is stored under: for an ed25519 consensus key
// the first 20 bytes of sha256(key), bech32 under `allovalcons`.
import { createHash } from "node:crypto";
import { bech32 } from "bech32";

export const VALCONS_PREFIX = "allovalcons";
const ED25519 = "/cosmos.crypto.ed25519.PubKey";

/** Null for a key type other than ed25519 (CometBFT validators use ed25519; others are not mapped). */
export function consensusAddress(pubkey: { type: string; key: string }, prefix = VALCONS_PREFIX): string | null {
  if (pubkey.type !== ED25519) return null;
  const bytes = Buffer.from(pubkey.key, "base64");
  if (bytes.length !== 32) return null;
  return bech32.encode(prefix, bech32.toWords(createHash("sha256").update(bytes).digest().subarray(0, 20)));
}
