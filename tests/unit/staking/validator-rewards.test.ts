// The realized-APR arithmetic, the DecCoins reading of x/distribution events and the valcons mapping of signing
// info, on figures computed by hand.
import { describe, expect, it } from "vitest";
import { bech32 } from "bech32";
import { consensusAddress } from "@/lib/allora/consensus-address";
import { decCoinsAmount, mergeRewardRows } from "@/lib/collector/distribution-rows";
import { realizedValidatorApr } from "@/lib/staking/apr";
import { bondStatus, isBonded } from "@/lib/staking/validator-status";

const DAY_MS = 86_400_000n;

describe("realized validator APR", () => {
  it("annualizes the delegators' rewards over mean tokens, exactly", () => {
    // 2 × 10^21 over 2 × 10^25 in half a day: 10^-4 × 730 = 0.073.
    expect(realizedValidatorApr({ delegatorRewards: "2000000000000000000000", meanTokens: 2n * 10n ** 25n, elapsedMs: DAY_MS / 2n })).toBe("0.073");
    // Fractional uallo count: 3650.5 uallo over 10^6 uallo for 365 days = 0.0036505.
    expect(realizedValidatorApr({ delegatorRewards: "3650.5", meanTokens: 10n ** 6n, elapsedMs: 365n * DAY_MS }, 7)).toBe("0.0036505");
  });

  it("is missing, not 0, without tokens or elapsed time", () => {
    expect(realizedValidatorApr({ delegatorRewards: "5", meanTokens: 0n, elapsedMs: DAY_MS })).toBeNull();
    expect(realizedValidatorApr({ delegatorRewards: "5", meanTokens: 10n, elapsedMs: 0n })).toBeNull();
  });
});

describe("DecCoins of distribution events", () => {
  it("reads the uallo amount exactly, other denoms ignored, an empty list as zero", () => {
    expect(decCoinsAmount("123.456000000000000001uallo")).toBe("123.456000000000000001");
    expect(decCoinsAmount("5.5ibc/ABC,7.000000000000000000uallo")).toBe("7.000000000000000000");
    expect(decCoinsAmount("")).toBe("0");
    expect(decCoinsAmount("2.0uatom")).toBe("0");
  });

  it("refuses what is not DecCoins", () => {
    expect(decCoinsAmount("1.2.3uallo")).toBeNull();
    expect(decCoinsAmount("12 uallo")).toBeNull();
    expect(decCoinsAmount("uallo")).toBeNull();
    expect(decCoinsAmount("-1uallo")).toBeNull();
  });

  it("sums one bucket's rows exactly and counts a block's two events once", () => {
    const row = (h: number, rewards: string, commission: string) => ({ operator_address: "v", bucket_height: "1", from_height: String(h), to_height: String(h), blocks: 1, rewards, commission });
    const sameBlock = mergeRewardRows(row(5, "0", "0.100000000000000001"), row(5, "1.000000000000000009", "0"));
    const next = mergeRewardRows(sameBlock, row(6, "0.5", "0.05"));
    expect(next).toMatchObject({ from_height: "5", to_height: "6", blocks: 2, rewards: "1.500000000000000009", commission: "0.150000000000000001" });
  });
});

describe("consensus address of signing info", () => {
  it("is bech32 allovalcons of sha256(ed25519 key)[:20]", () => {
    // sha256 of 32 zero bytes starts 66687aadf862bd776c8fc18b8e9f8e20089714856ee233b3902a591d0d5f2925.
    const key = Buffer.alloc(32).toString("base64");
    const address = consensusAddress({ type: "/cosmos.crypto.ed25519.PubKey", key })!;
    expect(address.startsWith("allovalcons1")).toBe(true);
    expect(Buffer.from(bech32.fromWords(bech32.decode(address).words)).toString("hex")).toBe("66687aadf862bd776c8fc18b8e9f8e2008971485");
  });

  it("maps no other key type and no malformed key", () => {
    expect(consensusAddress({ type: "/cosmos.crypto.secp256k1.PubKey", key: Buffer.alloc(33).toString("base64") })).toBeNull();
    expect(consensusAddress({ type: "/cosmos.crypto.ed25519.PubKey", key: Buffer.alloc(31).toString("base64") })).toBeNull();
  });
});

describe("bond status", () => {
  it("reads the collector's stored status and the chain's enum name alike", () => {
    expect([isBonded("bonded"), isBonded("BOND_STATUS_BONDED"), isBonded("unbonding"), isBonded("BOND_STATUS_UNBONDED")]).toEqual([true, true, false, false]);
    expect(bondStatus("BOND_STATUS_UNSPECIFIED")).toBe("unspecified");
  });
});
