import { bech32 } from "bech32";
import { describe, expect, it } from "vitest";
import { checkAddress, classifySearch, operatorAccount } from "@/lib/staking/address";

const VALID = "allo102ksu3kx57w0mrhkg37kvymmk2lgxqcan6u7yn";
const words = bech32.decode(VALID).words;

describe("bech32 address validation", () => {
  it("accepts a valid account address and a valid operator address", () => {
    expect(checkAddress(VALID)).toEqual({ ok: true, kind: "account", address: VALID });
    const operator = bech32.encode("allovaloper", words);
    expect(checkAddress(operator)).toEqual({ ok: true, kind: "validator", address: operator });
    expect(operatorAccount(operator)).toBe(VALID);
  });

  it("accepts an all-upper-case address and normalizes it", () => {
    expect(checkAddress(VALID.toUpperCase())).toEqual({ ok: true, kind: "account", address: VALID });
  });

  it("rejects a wrong checksum", () => {
    const typo = `${VALID.slice(0, -1)}m`;
    expect(checkAddress(typo)).toEqual({ ok: false, reason: expect.stringContaining("checksum") });
  });

  it("rejects a valid address of another chain by its prefix", () => {
    const cosmos = bech32.encode("cosmos", words);
    expect(checkAddress(cosmos)).toEqual({ ok: false, reason: expect.stringContaining("“cosmos”") });
  });

  it("rejects mixed case", () => {
    const mixed = `allo102KSU3${VALID.slice(11)}`;
    expect(checkAddress(mixed)).toEqual({ ok: false, reason: expect.stringContaining("mixes upper and lower case") });
  });

  it("rejects characters outside the bech32 alphabet and wrong lengths", () => {
    expect(checkAddress("allo1bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb")).toMatchObject({ ok: false, reason: expect.stringContaining("characters") });
    expect(checkAddress("allo1qqqq")).toMatchObject({ ok: false, reason: expect.stringContaining("38") });
  });
});

describe("search classification", () => {
  it("routes addresses, topic ids and names", () => {
    expect(classifySearch(` ${VALID} `)).toEqual({ kind: "account", address: VALID });
    expect(classifySearch("007")).toEqual({ kind: "topic-id", topicId: "7" });
    expect(classifySearch("ETH/USD")).toEqual({ kind: "topic-name", text: "ETH/USD" });
    expect(classifySearch("")).toEqual({ kind: "empty" });
  });

  it("explains a malformed address instead of searching names for it", () => {
    expect(classifySearch(`${VALID.slice(0, -1)}m`)).toMatchObject({ kind: "invalid" });
    expect(classifySearch(bech32.encode("cosmos", words))).toMatchObject({ kind: "invalid" });
  });
});
