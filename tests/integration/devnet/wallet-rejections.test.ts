// What the devnet refuses, with the chain's codespace, code and text: at CheckTx (broadcast answers code ≠ 0 and
// nothing changes), in simulate (HTTP 500, gRPC Unknown), or at delivery (included with the code; only the fee is paid).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevnet, type Devnet } from "@/lib/devnet/server";
import { emissionsMessage } from "@/lib/wallet/messages";
import { account, balance, broadcast, include, lcdGet, lcdPost, simulate } from "../../support/devnet-wallet";
import { testSigner, type SignInput, type TestSigner } from "../../support/test-wallets";

const ALLO = 10n ** 18n;
let devnet: Devnet;
let abandon: TestSigner;
let reputer: string;
let good: SignInput;

const delegateTo = (to: string, amount: bigint, sender = abandon.address) => {
  const m = emissionsMessage("DelegateStake", "v10", { sender, topicId: 1n, reputer: to, amount });
  if (!m.ok) throw new Error(m.reason);
  return m.message;
};

async function checkTx(input: Partial<SignInput>, signer = abandon) {
  const r = await broadcast(devnet, await signer.sign({ ...good, ...input }));
  expect(r.status).toBe(200);
  return r.body.tx_response as { code: number; codespace: string; raw_log: string; txhash: string };
}

beforeAll(async () => {
  devnet = await startDevnet({ historyBlocks: 600, blockTimeMs: 0 });
  abandon = await testSigner("abandon");
  reputer = devnet.sim.engines[0]!.actors.reputers[0]!.address;
  good = { messages: [delegateTo(reputer, ALLO)], sequence: 0, accountNumber: 9001, fee: 2_000_000n, gas: 200_000n };
});
afterAll(() => devnet?.close());

describe("CheckTx refusals leave the account untouched", () => {
  it("a bad signature, another chain id or another account number: code 4 unauthorized", async () => {
    const bytes = await abandon.sign(good);
    bytes[bytes.length - 1]! ^= 0xff; // the signature is the TxRaw's last field
    const tampered = (await broadcast(devnet, bytes)).body.tx_response;
    const text = "signature verification failed; please verify account number (9001), sequence (0) and chain-id (allora-devnet-1): unauthorized";
    expect(tampered).toMatchObject({ code: 4, codespace: "sdk", raw_log: text });
    expect(await checkTx({ chainId: "allora-testnet-1" })).toMatchObject({ code: 4, codespace: "sdk", raw_log: text });
    expect(await checkTx({ accountNumber: 9002 })).toMatchObject({ code: 4, raw_log: text });
  });

  it("a wrong sequence: code 32 with the expected one", async () => {
    expect(await checkTx({ sequence: 5 })).toMatchObject({ code: 32, codespace: "sdk", raw_log: "account sequence mismatch, expected 0, got 5: incorrect account sequence" });
  });

  it("a fee under 10 uallo per gas: code 13 insufficient fee", async () => {
    expect(await checkTx({ fee: 1_999_999n })).toMatchObject({ code: 13, codespace: "sdk", raw_log: "insufficient fees; got: 1999999uallo required: 2000000uallo: insufficient fee" });
  });

  it("a fee above the balance: code 5 insufficient funds", async () => {
    const fee = 1001n * ALLO;
    expect(await checkTx({ fee })).toMatchObject({ code: 5, codespace: "sdk", raw_log: `spendable balance ${1000n * ALLO}uallo is smaller than ${fee}uallo: insufficient funds: insufficient funds` });
  });

  it("another account's key for this sender: code 8 invalid pubkey", async () => {
    const zoo = await testSigner("zoo");
    expect(await checkTx({}, zoo)).toMatchObject({ code: 8, codespace: "sdk", raw_log: `pubKey does not match signer address ${abandon.address} with signer index: 0: invalid pubkey` });
  });

  it("gas below the tx's own size cost: code 11 out of gas", async () => {
    expect(await checkTx({ gas: 1000n, fee: 10_000n })).toMatchObject({ code: 11, codespace: "sdk" });
  });

  it("a memo over 256 characters: code 12 memo too large", async () => {
    expect(await checkTx({ memo: "m".repeat(257) })).toMatchObject({ code: 12, codespace: "sdk", raw_log: "maximum number of characters is 256 but received 257 characters: memo too large" });
  });

  it("bytes that are not a TxRaw: code 2 tx parse error; an empty body: 400", async () => {
    const r = await lcdPost(devnet, "/cosmos/tx/v1beta1/txs", { tx_bytes: Buffer.from("not a tx").toString("base64"), mode: "BROADCAST_MODE_SYNC" });
    expect(r.body.tx_response).toMatchObject({ code: 2, codespace: "sdk" });
    expect(r.body.tx_response.raw_log).toMatch(/tx parse error$/);
    expect(await lcdPost(devnet, "/cosmos/tx/v1beta1/txs", { mode: "BROADCAST_MODE_SYNC" })).toEqual({ status: 400, body: { code: 3, message: "invalid empty tx", details: [] } });
    expect(await lcdPost(devnet, "/cosmos/tx/v1beta1/simulate", {})).toEqual({ status: 400, body: { code: 3, message: "empty txBytes is not allowed", details: [] } });
    const garbage = await lcdPost(devnet, "/cosmos/tx/v1beta1/simulate", { tx_bytes: Buffer.from("not a tx").toString("base64") });
    expect(garbage.status).toBe(500);
    expect(garbage.body.message).toMatch(/tx parse error With gas wanted: '0' and gas used: '0' $/);
  });

  it("none of these changed the sequence or the balance", async () => {
    expect(await account(devnet, abandon.address)).toEqual({ sequence: 0, accountNumber: 9001 });
    expect(await balance(devnet, abandon.address)).toBe(1000n * ALLO);
  });
});

describe("message failures", () => {
  it("an unregistered reputer: simulate refuses with the emissions error; if broadcast anyway, it is included with code 10 and only the fee is paid", async () => {
    const stranger = devnet.sim.engines[0]!.actors.delegators[0]!.address;
    const msg = delegateTo(stranger, ALLO);
    const text = "failed to execute message; message index: 0: reputer address: address is not registered in this topic";
    const sim = await simulate(devnet, abandon, [msg], 0);
    expect(sim.status).toBe(500);
    expect(sim.body.code).toBe(2);
    expect(sim.body.message).toMatch(new RegExp(`^${text.replace(/[()]/g, "\\$&")} With gas wanted: '18446744073709551615' and gas used: '\\d+' $`));
    const before = await balance(devnet, abandon.address);
    const sent = await checkTx({ messages: [msg] });
    expect(sent.code).toBe(0);
    const found = await include(devnet, sent.txhash);
    expect(found.body.tx_response).toMatchObject({ code: 10, codespace: "emissions", raw_log: text });
    expect(await balance(devnet, abandon.address)).toBe(before - good.fee);
    expect((await account(devnet, abandon.address)).sequence).toBe(1);
    const result = (await lcdGet(devnet, `/block_results?height=${found.body.tx_response.height}`)).body.result.txs_results.at(-1);
    expect(result).toMatchObject({ code: 10, codespace: "emissions", log: text });
    expect(result.events.map((e: { type: string }) => e.type)).not.toContain("emissions.v10.EventAddStake");
  });

  it("more than the balance: simulate refuses with code 5's text, delivery fails with code 5", async () => {
    const msg = delegateTo(reputer, 2000n * ALLO);
    const sim = await simulate(devnet, abandon, [msg], 1);
    expect(sim.status).toBe(500);
    expect(sim.body.message).toContain(`failed to execute message; message index: 0: spendable balance ${await balance(devnet, abandon.address)}uallo is smaller than ${2000n * ALLO}uallo: insufficient funds`);
    const found = await include(devnet, (await checkTx({ messages: [msg], sequence: 1 })).txhash);
    expect(found.body.tx_response).toMatchObject({ code: 5, codespace: "sdk" });
  });

  it("simulate checks the sequence as the chain does, and returns gas for a good tx", async () => {
    const wrong = await simulate(devnet, abandon, [delegateTo(reputer, ALLO)], 0);
    expect(wrong.body.message).toMatch(/^account sequence mismatch, expected 2, got 0: incorrect account sequence With gas wanted/);
    const ok = await simulate(devnet, abandon, [delegateTo(reputer, ALLO)], 2);
    expect(ok.status).toBe(200);
    expect(BigInt(ok.body.gas_info.gas_used) > 0n).toBe(true);
    expect(ok.body.result.msg_responses).toEqual([{ "@type": "/emissions.v10.DelegateStakeResponse" }]);
  });

  it("the same signed bytes twice: code 19", async () => {
    const bytes = await abandon.sign({ ...good, sequence: 2 });
    expect((await broadcast(devnet, bytes)).body.tx_response.code).toBe(0);
    expect((await broadcast(devnet, bytes)).body.tx_response).toMatchObject({ code: 19, codespace: "sdk", raw_log: "tx already exists in cache" });
  });
});

describe("CORS for the browser", () => {
  it("answers preflights and sets Access-Control-Allow-Origin on posts", async () => {
    const pre = await fetch(`${devnet.url}/cosmos/tx/v1beta1/txs`, { method: "OPTIONS", headers: { origin: "http://localhost:3000", "access-control-request-method": "POST", "access-control-request-headers": "content-type" } });
    expect(pre.status).toBe(204);
    expect(pre.headers.get("access-control-allow-origin")).toBe("*");
    expect(pre.headers.get("access-control-allow-headers")).toContain("content-type");
    expect(pre.headers.get("access-control-allow-methods")).toContain("POST");
    const post = await fetch(`${devnet.url}/cosmos/tx/v1beta1/simulate`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(post.headers.get("access-control-allow-origin")).toBe("*");
  });
});
