import { bech32 } from "bech32";
import { describe, expect, it } from "vitest";
import { cancelUnbondingMessage, delegateMessage, emissionsMessage, redelegateMessage, withdrawRewardsMessage } from "@/lib/wallet/messages";
import { walletRegistry } from "@/lib/wallet/registry";

const addr = (prefix: string, byte: number) => bech32.encode(prefix, bech32.toWords(new Uint8Array(20).fill(byte)));
const ME = addr("allo", 1);
const REPUTER = addr("allo", 2);
const VAL_A = addr("allovaloper", 3);
const VAL_B = addr("allovaloper", 4);
const TWELVE_AND_A_HALF = 12_500_000_000_000_000_000n;

describe("emissions messages for review", () => {
  it("DelegateStake: the exact message, and every field with ALLO beside uallo", () => {
    const built = emissionsMessage("DelegateStake", "v10", { sender: ME, topicId: 7n, reputer: REPUTER, amount: TWELVE_AND_A_HALF });
    expect(built).toEqual({
      ok: true,
      message: { typeUrl: "/emissions.v10.DelegateStakeRequest", value: { sender: ME, topicId: 7n, reputer: REPUTER, amount: "12500000000000000000" } },
      review: {
        typeUrl: "/emissions.v10.DelegateStakeRequest",
        fields: [
          { name: "sender", value: ME },
          { name: "topic_id", value: "7" },
          { name: "reputer", value: REPUTER },
          { name: "amount", value: "12500000000000000000", allo: "12.500000000000000000 ALLO" },
        ],
      },
    });
    if (built.ok) expect(walletRegistry("v10").encode(built.message).length).toBeGreaterThan(0);
  });

  it("RemoveDelegateStake lists reputer before topic_id, as signed; v9 when the chain runs v9", () => {
    const built = emissionsMessage("RemoveDelegateStake", "v9", { sender: ME, topicId: 2n ** 60n, reputer: REPUTER, amount: 1n });
    expect(built.ok && built.review.typeUrl).toBe("/emissions.v9.RemoveDelegateStakeRequest");
    expect(built.ok && built.review.fields.map((f) => f.name)).toEqual(["sender", "reputer", "topic_id", "amount"]);
    expect(built.ok && built.review.fields[2]!.value).toBe("1152921504606846976");
  });

  it("refuses with the field and reason, building nothing", () => {
    const base = { sender: ME, topicId: 7n, reputer: REPUTER, amount: 1n };
    expect(emissionsMessage("DelegateStake", "v10", { ...base, amount: 0n })).toEqual({ ok: false, field: "amount", reason: "The amount must be more than 0 ALLO." });
    expect(emissionsMessage("DelegateStake", "v10", { ...base, topicId: 0n })).toMatchObject({ ok: false, field: "topic_id" });
    expect(emissionsMessage("DelegateStake", "v10", { ...base, topicId: 2n ** 64n })).toMatchObject({ ok: false, field: "topic_id" });
    expect(emissionsMessage("DelegateStake", "v10", { ...base, reputer: VAL_A })).toMatchObject({ ok: false, field: "reputer", reason: expect.stringMatching(/account address/) });
    expect(emissionsMessage("DelegateStake", "v10", { ...base, sender: `${ME.slice(0, -1)}q` })).toMatchObject({ ok: false, field: "sender", reason: expect.stringMatching(/checksum/) });
    expect(emissionsMessage("CancelRemoveDelegateStake", "v10", { sender: ME, topicId: 7n, reputer: REPUTER })).toMatchObject({ ok: false, field: "delegator" });
  });
});

describe("validator staking messages for review", () => {
  it("MsgDelegate carries a uallo coin and shows ALLO beside it", () => {
    const built = delegateMessage({ delegator: ME, validator: VAL_A, amount: TWELVE_AND_A_HALF });
    expect(built.ok && built.message).toEqual({
      typeUrl: "/cosmos.staking.v1beta1.MsgDelegate",
      value: { delegatorAddress: ME, validatorAddress: VAL_A, amount: { denom: "uallo", amount: "12500000000000000000" } },
    });
    expect(built.ok && built.review.fields[2]).toEqual({ name: "amount", value: "12500000000000000000 uallo", allo: "12.500000000000000000 ALLO" });
    expect(delegateMessage({ delegator: ME, validator: ME, amount: 1n })).toMatchObject({ ok: false, field: "validator_address" });
  });

  it("redelegate names both validators and refuses the same one twice", () => {
    const built = redelegateMessage({ delegator: ME, from: VAL_A, to: VAL_B, amount: 5n });
    expect(built.ok && built.review.fields.map((f) => [f.name, f.value])).toEqual([
      ["delegator_address", ME], ["validator_src_address", VAL_A], ["validator_dst_address", VAL_B], ["amount", "5 uallo"],
    ]);
    expect(redelegateMessage({ delegator: ME, from: VAL_A, to: VAL_A, amount: 5n })).toMatchObject({ ok: false, field: "validator_dst_address" });
  });

  it("cancel unbonding carries the creation height, and the registry encodes it", () => {
    const built = cancelUnbondingMessage({ delegator: ME, validator: VAL_A, amount: 5n, creationHeight: 6_888_754n });
    expect(built.ok && built.review.fields.at(-1)).toEqual({ name: "creation_height", value: "6888754" });
    const registry = walletRegistry("v10");
    if (!built.ok) throw new Error(built.reason);
    expect(registry.decode({ typeUrl: built.message.typeUrl, value: registry.encode(built.message) })).toEqual(built.message.value);
    expect(cancelUnbondingMessage({ delegator: ME, validator: VAL_A, amount: 5n, creationHeight: 0n })).toMatchObject({ ok: false, field: "creation_height" });
  });

  it("withdraw rewards needs only the two addresses", () => {
    expect(withdrawRewardsMessage({ delegator: ME, validator: VAL_A })).toMatchObject({ ok: true, review: { typeUrl: "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward" } });
    expect(withdrawRewardsMessage({ delegator: VAL_A, validator: VAL_A })).toMatchObject({ ok: false, field: "delegator_address" });
  });
});
