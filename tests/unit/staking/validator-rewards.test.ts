// The realized-APR arithmetic, the DecCoins reading of x/distribution events and the valcons mapping of signing
// info, on figures computed by hand.
import { describe, expect, it } from "vitest";
import { bech32 } from "bech32";
import { consensusAddress } from "@/lib/allora/consensus-address";
import { decCoinsAmount, RewardSums } from "@/lib/collector/distribution-rows";
import { toScaled } from "@/lib/staking/amounts";
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

  it("sums one bucket's events exactly, counts a block's two events once and starts a new bucket at its first height", () => {
    const sums = new RewardSums();
    sums.add("v", 5n, "commission", toScaled("0.100000000000000001"));
    sums.add("v", 5n, "rewards", toScaled("1.000000000000000009"));
    sums.add("v", 6n, "rewards", toScaled("0.5"));
    sums.add("v", 6n, "commission", toScaled("0.05"));
    sums.add("v", 1001n, "rewards", toScaled("2"));
    expect(sums.rows()).toEqual([
      { operator_address: "v", bucket_height: "1", from_height: "5", to_height: "6", blocks: 2, rewards: "1.500000000000000009", commission: "0.150000000000000001" },
      { operator_address: "v", bucket_height: "1001", from_height: "1001", to_height: "1001", blocks: 1, rewards: "2", commission: "0" },
    ]);
  });

  it("merged from another batch part, a shared block is counted once", () => {
    const [a, b, whole] = [new RewardSums(), new RewardSums(), new RewardSums()];
    for (const [sums, h, kind, amount] of [[a, 7n, "rewards", "1"], [b, 7n, "commission", "0.25"], [b, 8n, "rewards", "3"]] as const) {
      sums.add("v", h, kind, toScaled(amount));
      whole.add("v", h, kind, toScaled(amount));
    }
    a.merge(b);
    expect(a.rows()).toEqual(whole.rows());
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
