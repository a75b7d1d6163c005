import { describe, expect, it } from "vitest";
import { EMISSIONS_MESSAGES, emissionsTypeUrl, type EmissionsMessageName } from "@/lib/wallet/emissions-codecs";
import { walletRegistry } from "@/lib/wallet/registry";

const SENDER = "allo1sender";
const REPUTER = "allo1reputer";
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
/** tag byte (field << 3 | wire type), then the length-prefixed UTF-8 text. */
const str = (field: number, s: string) => [(field << 3) | 2, s.length, ...ascii(s)];
/** unsigned LEB128, written out by hand from the spec: 7 bits a byte, high bit = more follows. */
function varint(n: bigint): number[] {
  const out: number[] = [];
  do {
    const low = Number(n & 0x7fn);
    n >>= 7n;
    out.push(n > 0n ? low | 0x80 : low);
  } while (n > 0n);
  return out;
}
const u64 = (field: number, n: bigint) => [(field << 3) | 0, ...varint(n)];

describe("emissions codecs write allora-chain's tx.proto field numbers", () => {
  const registry = walletRegistry("v10");

  it("DelegateStake: sender 1, topic_id 2, reputer 3, amount 4", () => {
    const bytes = registry.encode({
      typeUrl: "/emissions.v10.DelegateStakeRequest",
      value: { sender: SENDER, topicId: 7n, reputer: REPUTER, amount: "12500000000000000000" },
    });
    expect([...bytes]).toEqual([...str(1, SENDER), 0x10, 7, ...str(3, REPUTER), ...str(4, "12500000000000000000")]);
  });

  it("RemoveDelegateStake: sender 1, reputer 2, topic_id 3, amount 4 (not DelegateStake's order)", () => {
    const bytes = registry.encode({
      typeUrl: "/emissions.v10.RemoveDelegateStakeRequest",
      value: { sender: SENDER, reputer: REPUTER, topicId: 7n, amount: "5" },
    });
    expect([...bytes]).toEqual([...str(1, SENDER), 0x12, REPUTER.length, ...ascii(REPUTER), 0x18, 7, ...str(4, "5")]);
  });

  it("writes a topic id beyond 2^53 as its exact varint and reads it back", () => {
    const topicId = 2n ** 53n + 1n;
    const value = { sender: SENDER, topicId, reputer: REPUTER, amount: "1" };
    const bytes = registry.encode({ typeUrl: "/emissions.v10.DelegateStakeRequest", value });
    expect([...bytes]).toEqual([...str(1, SENDER), ...u64(2, topicId), ...str(3, REPUTER), ...str(4, "1")]);
    expect(varint(topicId)).toEqual([0x81, 0x80, 0x80, 0x80, 0x80, 0x80, 0x80, 0x10]);
    expect(registry.decode({ typeUrl: "/emissions.v10.DelegateStakeRequest", value: bytes }).topicId).toBe(topicId);
  });

  it("leaves proto3 default values off the wire", () => {
    const bytes = registry.encode({ typeUrl: "/emissions.v10.CancelRemoveStakeRequest", value: { sender: SENDER } });
    expect([...bytes]).toEqual(str(1, SENDER));
  });
});

describe("every emissions message round-trips through the Registry, in v9 and v10", () => {
  const sample = { sender: SENDER, topicId: 2n ** 64n - 1n, reputer: REPUTER, delegator: "allo1delegator", amount: "340282366920938463463374607431768211456" };
  for (const version of ["v9", "v10"] as const) {
    const registry = walletRegistry(version);
    for (const name of Object.keys(EMISSIONS_MESSAGES) as EmissionsMessageName[]) {
      it(`${version} ${name}`, () => {
        const value = Object.fromEntries(EMISSIONS_MESSAGES[name].map(([field]) => [field, sample[field]]));
        const typeUrl = emissionsTypeUrl(name, version);
        expect(typeUrl).toBe(`/emissions.${version}.${name}Request`);
        expect(registry.decode({ typeUrl, value: registry.encode({ typeUrl, value }) })).toEqual(value);
      });
    }
  }

  it("registers only the chain's version: a v9 registry does not know v10 type URLs", () => {
    expect(() => walletRegistry("v9").encode({ typeUrl: "/emissions.v10.DelegateStakeRequest", value: {} })).toThrow(/Unregistered type url/);
  });

  it("keeps the SDK's staking and distribution messages beside them", () => {
    const registry = walletRegistry("v10");
    const value = { delegatorAddress: SENDER, validatorAddress: "allovaloper1x", amount: { denom: "uallo", amount: "12500000000000000000" } };
    for (const typeUrl of ["/cosmos.staking.v1beta1.MsgDelegate", "/cosmos.staking.v1beta1.MsgUndelegate"]) {
      expect(registry.decode({ typeUrl, value: registry.encode({ typeUrl, value }) })).toEqual(value);
    }
    for (const typeUrl of ["/cosmos.staking.v1beta1.MsgBeginRedelegate", "/cosmos.staking.v1beta1.MsgCancelUnbondingDelegation", "/cosmos.distribution.v1beta1.MsgWithdrawDelegatorReward"]) {
      expect(registry.lookupType(typeUrl)).toBeDefined();
    }
  });
});
