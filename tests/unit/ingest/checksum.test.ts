// A batch's checksum is the sha256 of its body's UTF-8 text whether or not the route passes the bytes it read:
// stored batches are compared by it, so a replay must get the digest its first post got.
import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { checksumOf } from "@/lib/ingest/ingest-batch";

const sha = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("checksumOf", () => {
  it("hashes valid UTF-8 bytes to the digest of their text, BOM and non-ASCII included", () => {
    for (const text of ['{"a":1}', '\uFEFF{"name":"Zürich ✓ 𝔸"}', ""]) {
      const bytes = Buffer.from(text, "utf8");
      expect(checksumOf(bytes.toString("utf8"), bytes)).toBe(sha(text));
      expect(checksumOf(text)).toBe(sha(text));
    }
  });

  it("hashes the decoded text, not the bytes, when they are not valid UTF-8", () => {
    // A lone surrogate's encoding and a stray continuation byte: decoding turns each into U+FFFD.
    const bytes = Buffer.from([0x7b, 0xed, 0xa0, 0x80, 0x80, 0x7d]);
    const text = bytes.toString("utf8");
    expect(checksumOf(text, bytes)).toBe(sha(text));
    expect(checksumOf(text, bytes)).not.toBe(sha(bytes));
  });
});
