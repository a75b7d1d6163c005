// Validator staking with signed txs: delegate, undelegate (an unbonding), cancel part of it, redelegate, withdraw
// rewards, and an unbonding that completes pays its balance back.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { cancelUnbondingMessage, delegateMessage, redelegateMessage, undelegateMessage, withdrawRewardsMessage, type Built } from "@/lib/wallet/messages";
import { balance, include, lcdGet, sendTx } from "../../support/devnet-wallet";
import { testSigner, type TestSigner } from "../../support/test-wallets";

const ALLO = 10n ** 18n;
const UNBONDING = 300;
let devnet: Devnet;
let zoo: TestSigner;
let v0: string;
let v1: string;

const msg = (b: Built) => {
  if (!b.ok) throw new Error(`${b.field}: ${b.reason}`);
  return b.message;
};

async function run(b: Built) {
  const sent = await sendTx(devnet, zoo, [msg(b)]);
  const found = await include(devnet, sent.hash);
  expect(found.body.tx_response).toMatchObject({ code: 0, raw_log: "" });
  return { ...sent, found, height: Number(found.body.tx_response.height), events: found.body.tx_response.events as { type: string; attributes: { key: string; value: string }[] }[] };
}

const shares = async (validator: string) => {
  const r = await lcdGet(devnet, `/cosmos/staking/v1beta1/delegations/${zoo.address}`);
  return (r.body.delegation_responses as { delegation: { validator_address: string }; balance: { amount: string } }[]).find((d) => d.delegation.validator_address === validator)?.balance.amount ?? "0";
};

beforeAll(async () => {
  devnet = await startDevnet({ historyBlocks: 400, blockTimeMs: 0, unbondingBlocks: UNBONDING });
  zoo = await testSigner("zoo");
  [v0, v1] = devnet.sim.validators.list.map((v) => v.operator) as [string, string];
});
afterAll(() => devnet?.close());

describe("validator staking with signed txs", () => {
  it("delegates, unbonds, cancels part of the unbonding, redelegates and withdraws rewards, each reflected in REST", async () => {
    const start = await balance(devnet, zoo.address);
    const d = await run(delegateMessage({ delegator: zoo.address, validator: v0, amount: 20n * ALLO }));
    expect(await shares(v0)).toBe((20n * ALLO).toString());
    expect(await balance(devnet, zoo.address)).toBe(start - d.fee - 20n * ALLO);
    const listed = (await lcdGet(devnet, `/cosmos/staking/v1beta1/validators/${v0}/delegations?pagination.limit=1000`)).body.delegation_responses as { delegation: { delegator_address: string } }[];
    expect(listed.some((x) => x.delegation.delegator_address === zoo.address)).toBe(true);

    const u = await run(undelegateMessage({ delegator: zoo.address, validator: v0, amount: 5n * ALLO }));
    const unbondings = async () => (await lcdGet(devnet, `/cosmos/staking/v1beta1/delegators/${zoo.address}/unbonding_delegations`)).body.unbonding_responses;
    expect(await unbondings()).toMatchObject([{ validator_address: v0, entries: [{ creation_height: String(u.height), balance: (5n * ALLO).toString() }] }]);

    await run(cancelUnbondingMessage({ delegator: zoo.address, validator: v0, amount: 2n * ALLO, creationHeight: BigInt(u.height) }));
    expect(await unbondings()).toMatchObject([{ entries: [{ creation_height: String(u.height), balance: (3n * ALLO).toString(), initial_balance: (3n * ALLO).toString() }] }]);
    expect(await shares(v0)).toBe((17n * ALLO).toString());

    const r = await run(redelegateMessage({ delegator: zoo.address, from: v0, to: v1, amount: 4n * ALLO }));
    expect([await shares(v0), await shares(v1)]).toEqual([(13n * ALLO).toString(), (4n * ALLO).toString()]);
    expect(r.events.map((e) => e.type)).toContain("redelegate");

    devnet.advance(50);
    const before = await balance(devnet, zoo.address);
    const w = await run(withdrawRewardsMessage({ delegator: zoo.address, validator: v0 }));
    const paid = BigInt(w.events.find((e) => e.type === "withdraw_rewards")!.attributes.find((a) => a.key === "amount")!.value.replace("uallo", ""));
    expect(paid > 0n).toBe(true);
    expect(await balance(devnet, zoo.address)).toBe(before - w.fee + paid);
    const rewards = (await lcdGet(devnet, `/cosmos/distribution/v1beta1/delegators/${zoo.address}/rewards`)).body.rewards as { validator_address: string; reward: { amount: string }[] }[];
    expect(rewards.find((x) => x.validator_address === v0)!.reward[0]!.amount).toBe("0.000000000000000000");

    // The unbonding's remaining 3 ALLO come back at its completion height, and complete_unbonding says so.
    const completion = u.height + UNBONDING;
    const atCompletion = async () => {
      devnet.advance(completion - devnet.sim.height() - 1);
      const b = await balance(devnet, zoo.address);
      devnet.advance(1);
      return b;
    };
    const justBefore = await atCompletion();
    expect(await balance(devnet, zoo.address)).toBe(justBefore + 3n * ALLO);
    expect(await unbondings()).toEqual([]);
    const done = (await lcdGet(devnet, `/block_results?height=${completion}`)).body.result.finalize_block_events as { type: string; attributes: { key: string; value: string }[] }[];
    const mine = done.filter((e) => e.type === "complete_unbonding" && e.attributes.some((a) => a.value === zoo.address));
    expect(mine.map((e) => e.attributes.find((a) => a.key === "amount")!.value)).toEqual([`${3n * ALLO}uallo`]);
  });
});
