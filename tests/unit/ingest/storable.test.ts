// The body pre-check that decides whether the string walk runs: true wherever a \u escape of NUL or of a surrogate
// starts, exactly where the plain regex search finds one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mayHoldUnstorable } from "@/lib/ingest/storable";

const regexSearch = (text: string) => /\\u(?:0000|[dD][89a-fA-F])/.test(text);

describe("mayHoldUnstorable", () => {
  it("agrees with a regex search over texts dense in backslashes and escape digits", () => {
    const char = fc.constantFrom("\\", "u", "U", "0", "d", "D", "8", "9", "a", "F", "f", "7", "x", '"');
    const text = fc.array(char, { maxLength: 40 }).map((cs) => cs.join(""));
    fc.assert(fc.property(text, (t) => mayHoldUnstorable(t) === regexSearch(t)), { numRuns: 5000 });
  });

  it("finds an escape after earlier harmless ones, and none in plain text", () => {
    expect(mayHoldUnstorable('{"a":"\\u00e9","b":"\\\\u","c":"\\uDC00"}')).toBe(true);
    expect(mayHoldUnstorable('{"a":"\\u00e9","b":"\\ud7ff"}')).toBe(false);
    expect(mayHoldUnstorable('{"a":"x\\u0000"}')).toBe(true);
    expect(mayHoldUnstorable("")).toBe(false);
  });
});
