// Talking to the devnet's LCD as a wallet flow does: read the account, simulate for gas, sign with the fee at the
// minimum gas price (lib/wallet/fee), broadcast, and look the tx up once a block includes it.
import type { EncodeObject } from "@cosmjs/proto-signing";
import type { Devnet } from "@/lib/devnet/server";
import { computeFee } from "@/lib/wallet/fee";
import type { SignInput, TestSigner } from "./test-wallets";

// Gateway JSON read field by field in assertions; a wrong path fails the assertion, not the type check.
type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Reply = { status: number; body: Json };

export async function lcdGet(devnet: Devnet, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  const res = await fetch(`${devnet.url}${path}`, { headers });
  return { status: res.status, body: (await res.json()) as Json };
}

export async function lcdPost(devnet: Devnet, path: string, body: unknown): Promise<Reply> {
  const res = await fetch(`${devnet.url}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  return { status: res.status, body: (await res.json()) as Json };
}

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString("base64");

export async function account(devnet: Devnet, address: string): Promise<{ sequence: number; accountNumber: number }> {
  const r = await lcdGet(devnet, `/cosmos/auth/v1beta1/accounts/${address}`);
  if (r.status !== 200) throw new Error(`account ${address}: ${JSON.stringify(r.body)}`);
  return { sequence: Number(r.body.account.sequence), accountNumber: Number(r.body.account.account_number) };
}

export async function balance(devnet: Devnet, address: string): Promise<bigint> {
  const r = await lcdGet(devnet, `/cosmos/bank/v1beta1/balances/${address}/by_denom?denom=uallo`);
  return BigInt(r.body.balance.amount as string);
}

export function simulate(devnet: Devnet, signer: TestSigner, messages: EncodeObject[], sequence: number): Promise<Reply> {
  return lcdPost(devnet, "/cosmos/tx/v1beta1/simulate", { tx_bytes: b64(signer.forSimulation({ messages, sequence })) });
}

export function broadcast(devnet: Devnet, bytes: Uint8Array): Promise<Reply> {
  return lcdPost(devnet, "/cosmos/tx/v1beta1/txs", { tx_bytes: b64(bytes), mode: "BROADCAST_MODE_SYNC" });
}

/** The whole flow for well-formed messages: simulate, fee at 10 uallo/gas with the 1.4 margin, sign, broadcast. */
export async function sendTx(devnet: Devnet, signer: TestSigner, messages: EncodeObject[], overrides: Partial<SignInput> = {}) {
  const acc = await account(devnet, signer.address);
  const sim = await simulate(devnet, signer, messages, acc.sequence);
  if (sim.status !== 200) throw new Error(`simulate refused: ${JSON.stringify(sim.body)}`);
  const fee = computeFee(BigInt(sim.body.gas_info.gas_used as string), "10");
  const input: SignInput = { messages, sequence: acc.sequence, accountNumber: acc.accountNumber, fee: fee.uallo, gas: fee.gasLimit, ...overrides };
  const reply = await broadcast(devnet, await signer.sign(input));
  return { fee: input.fee, gas: input.gas, simulatedGas: BigInt(sim.body.gas_info.gas_used as string), reply, hash: reply.body.tx_response.txhash as string };
}

/** Produces the next block and returns the tx's lookup. */
export async function include(devnet: Devnet, hash: string): Promise<Reply> {
  devnet.advance(1);
  return lcdGet(devnet, `/cosmos/tx/v1beta1/txs/${hash}`);
}
