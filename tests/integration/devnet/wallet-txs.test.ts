// Signed wallet txs on the devnet over HTTP: real protobuf TxRaw signed with the published test mnemonics, broadcast,
// included in the next block, and seen in balances, sequences, REST positions, /block and block_results.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { TEST_ACCOUNT_GENESIS_UALLO, TEST_ACCOUNTS } from "@/lib/devnet/test-accounts";
import { emissionsMessage } from "@/lib/wallet/messages";
import { account, balance, include, lcdGet, sendTx } from "../../support/devnet-wallet";
import { testSigner, type TestSigner } from "../../support/test-wallets";

const ALLO = 10n ** 18n;
let devnet: Devnet;
let abandon: TestSigner;
let reputer: string;

const delegate = (signer: TestSigner, amount: bigint, to = reputer, topicId = 1n) => {
  const m = emissionsMessage("DelegateStake", "v10", { sender: signer.address, topicId, reputer: to, amount });
  if (!m.ok) throw new Error(m.reason);
  return m.message;
};

beforeAll(async () => {
  devnet = await startDevnet({ historyBlocks: 600, blockTimeMs: 0 });
  abandon = await testSigner("abandon");
  reputer = devnet.sim.engines[0]!.actors.reputers[0]!.address;
});
afterAll(() => devnet?.close());

describe("funded test accounts", () => {
  it("start with 1000 ALLO, sequence 0 and no public key", async () => {
    const zoo = TEST_ACCOUNTS[2].address;
    expect((await lcdGet(devnet, `/cosmos/auth/v1beta1/accounts/${zoo}`)).body).toEqual({
      account: { "@type": "/cosmos.auth.v1beta1.BaseAccount", address: zoo, pub_key: null, account_number: "9003", sequence: "0" },
    });
    expect((await lcdGet(devnet, `/cosmos/bank/v1beta1/balances/${zoo}`)).body).toEqual({ balances: [{ denom: "uallo", amount: TEST_ACCOUNT_GENESIS_UALLO.toString() }], pagination: { next_key: null, total: "1" } });
  });

  it("answer an unknown account as the gateway does: 404 for x/auth, no balances for x/bank", async () => {
    const stranger = devnet.sim.engines[0]!.actors.delegators[0]!.address;
    expect(await lcdGet(devnet, `/cosmos/auth/v1beta1/accounts/${stranger}`)).toEqual({ status: 404, body: { code: 5, message: `account ${stranger} not found`, details: [] } });
    expect((await lcdGet(devnet, `/cosmos/bank/v1beta1/balances/${stranger}`)).body).toEqual({ balances: [], pagination: { next_key: null, total: "0" } });
  });
});

describe("delegating 12.5 ALLO to a reputer", () => {
  it("is accepted by CheckTx, not found until a block includes it, then changes balance, sequence and the placement", async () => {
    const before = await balance(devnet, abandon.address);
    const head = devnet.sim.height();
    const earlier = JSON.stringify((await lcdGet(devnet, `/block_results?height=${head}`)).body);
    const amount = 12n * ALLO + ALLO / 2n;
    const sent = await sendTx(devnet, abandon, [delegate(abandon, amount)]);
    expect(sent.reply.status).toBe(200);
    expect(sent.reply.body.tx_response).toMatchObject({ height: "0", code: 0, codespace: "", raw_log: "" });
    expect(await lcdGet(devnet, `/cosmos/tx/v1beta1/txs/${sent.hash}`)).toEqual({ status: 404, body: { code: 5, message: `tx not found: ${sent.hash}`, details: [] } });

    const found = await include(devnet, sent.hash);
    expect(found.status).toBe(200);
    expect(found.body.tx_response).toMatchObject({ height: String(head + 1), txhash: sent.hash, code: 0 });
    expect(found.body.tx.body.messages).toEqual([{ "@type": "/emissions.v10.DelegateStakeRequest", sender: abandon.address, topic_id: "1", reputer, amount: amount.toString() }]);
    expect(await balance(devnet, abandon.address)).toBe(before - sent.fee - amount);
    expect(await account(devnet, abandon.address)).toEqual({ sequence: 1, accountNumber: 9001 });
    const placement = await lcdGet(devnet, `/emissions/v10/delegate_stake_placement/1/${abandon.address}/${reputer}`);
    expect(placement.body.delegator_info.amount).toBe(amount.toString());

    // The block carries the signed bytes, named by their sha256; its results carry the emissions event.
    const block = (await lcdGet(devnet, `/block?height=${head + 1}`)).body.result.block;
    const bytes = block.data.txs.at(-1) as string;
    expect(createHash("sha256").update(Buffer.from(bytes, "base64")).digest("hex").toUpperCase()).toBe(sent.hash);
    const results = (await lcdGet(devnet, `/block_results?height=${head + 1}`)).body.result.txs_results.at(-1);
    const addStake = results.events.find((e: { type: string }) => e.type === "emissions.v10.EventAddStake");
    expect(Object.fromEntries(addStake.attributes.map((a: { key: string; value: string }) => [a.key, a.value]))).toEqual({
      topic_id: '"1"', reputer: JSON.stringify(reputer), delegator: JSON.stringify(abandon.address), amount: JSON.stringify(amount.toString()), msg_index: "0",
    });
    expect(results.code).toBe(0);
    // Past blocks never change.
    expect(JSON.stringify((await lcdGet(devnet, `/block_results?height=${head}`)).body)).toBe(earlier);
    expect((await lcdGet(devnet, `/emissions/v10/delegate_stake_placement/1/${abandon.address}/${reputer}`, { "x-cosmos-block-height": String(head) })).body.delegator_info.amount).toBe("0");
  });

  it("simulates the gas within the 1.4 margin of what the included tx uses, and a second tx can follow in the mempool", async () => {
    const first = await sendTx(devnet, abandon, [delegate(abandon, ALLO)]);
    const second = await sendTx(devnet, abandon, [delegate(abandon, ALLO)], { sequence: 2 });
    expect(second.reply.body.tx_response.code).toBe(0);
    expect((await account(devnet, abandon.address)).sequence).toBe(1);
    const found = await include(devnet, first.hash);
    // The signed tx is a few bytes longer than the simulated one (its fee and signature), 10 gas a byte, as on chain.
    const used = BigInt(found.body.tx_response.gas_used);
    expect(used > first.simulatedGas && used - first.simulatedGas < 1000n && used <= first.gas).toBe(true);
    expect(found.body.tx_response.gas_wanted).toBe(first.gas.toString());
    expect((await lcdGet(devnet, `/cosmos/tx/v1beta1/txs/${second.hash}`)).body.tx_response.height).toBe(found.body.tx_response.height);
    expect((await account(devnet, abandon.address)).sequence).toBe(3);
  });
});

describe("removing delegated stake", () => {
  it("queues a removal unlocking after remove_stake_delay_window blocks; cancel drops it; a completed one pays back", async () => {
    const remove = (amount: bigint) => emissionsMessage("RemoveDelegateStake", "v10", { sender: abandon.address, reputer, topicId: 1n, amount });
    const r1 = remove(2n * ALLO);
    if (!r1.ok) throw new Error(r1.reason);
    const queued = await include(devnet, (await sendTx(devnet, abandon, [r1.message])).hash);
    expect(queued.body.tx_response.code).toBe(0);
    const h = Number(queued.body.tx_response.height);
    const removal = await lcdGet(devnet, `/emissions/v10/delegate_stake_removal/1/${abandon.address}/${reputer}`);
    expect(removal.body.removal).toMatchObject({ block_removal_started: String(h), block_removal_completed: String(h + 17280), amount: (2n * ALLO).toString(), delegator: abandon.address });
    expect(queued.body.tx_response.events.map((e: { type: string }) => e.type)).toContain("emissions.v10.EventRequestStakeRemoval");

    const cancel = emissionsMessage("CancelRemoveDelegateStake", "v10", { sender: abandon.address, topicId: 1n, delegator: abandon.address, reputer });
    if (!cancel.ok) throw new Error(cancel.reason);
    const cancelled = await include(devnet, (await sendTx(devnet, abandon, [cancel.message])).hash);
    expect(cancelled.body.tx_response.code).toBe(0);
    expect((await lcdGet(devnet, `/emissions/v10/delegate_stake_removal/1/${abandon.address}/${reputer}`)).status).toBe(404);

    const r2 = remove(3n * ALLO);
    if (!r2.ok) throw new Error(r2.reason);
    const again = await include(devnet, (await sendTx(devnet, abandon, [r2.message])).hash);
    const completion = Number(again.body.tx_response.height) + 17280;
    const before = await balance(devnet, abandon.address);
    const placed = BigInt((await lcdGet(devnet, `/emissions/v10/delegate_stake_placement/1/${abandon.address}/${reputer}`)).body.delegator_info.amount);
    devnet.advance(completion - devnet.sim.height());
    expect(await balance(devnet, abandon.address)).toBe(before + 3n * ALLO);
    expect(BigInt((await lcdGet(devnet, `/emissions/v10/delegate_stake_placement/1/${abandon.address}/${reputer}`)).body.delegator_info.amount)).toBe(placed - 3n * ALLO);
    const endBlock = (await lcdGet(devnet, `/block_results?height=${completion}`)).body.result.finalize_block_events;
    expect(endBlock.some((e: { type: string; attributes: { key: string; value: string }[] }) => e.type === "emissions.v10.EventRemoveStake" && e.attributes.some((a) => a.key === "delegator" && a.value === JSON.stringify(abandon.address)))).toBe(true);
  });
});

describe("claiming delegator rewards", () => {
  it("pays exactly amount × reward_per_share − reward_debt, truncated, into the balance", async () => {
    const claimer = await testSigner("test");
    const topic = devnet.sim.engines.find((e) => e.spec.id === 4)!;
    const target = topic.actors.reputers[0]!.address;
    await include(devnet, (await sendTx(devnet, claimer, [delegate(claimer, 500n * ALLO, target, 4n)])).hash);
    const rps = () => devnet.sim.ledger.rpsAt(4, target, devnet.sim.height());
    const start = rps();
    for (let i = 0; i < 100 && rps() === start; i++) devnet.advance(60);
    const placement = (await lcdGet(devnet, `/emissions/v10/delegate_stake_placement/4/${claimer.address}/${target}`)).body.delegator_info;
    const share = (await lcdGet(devnet, `/emissions/v10/delegate_reward_per_share/4/${target}`)).body.reward_per_share as string;
    const pending = exactPending(placement.amount, share, placement.reward_debt);
    expect(pending > 0n).toBe(true);
    const before = await balance(devnet, claimer.address);
    const claim = emissionsMessage("RewardDelegateStake", "v10", { sender: claimer.address, topicId: 4n, reputer: target });
    if (!claim.ok) throw new Error(claim.reason);
    const sent = await sendTx(devnet, claimer, [claim.message]);
    const found = await include(devnet, sent.hash);
    expect(found.body.tx_response.code).toBe(0);
    expect(await balance(devnet, claimer.address)).toBe(before - sent.fee + pending);
  });
});

/** floor(amount × share − debt) from the REST decimal strings, in exact integers. */
function exactPending(amount: string, share: string, debt: string): bigint {
  const scale = 40;
  const scaled = (d: string) => {
    const [w = "0", f = ""] = d.split(".");
    return BigInt(w + f.padEnd(scale, "0"));
  };
  return (BigInt(amount) * scaled(share) - scaled(debt)) / 10n ** BigInt(scale);
}
