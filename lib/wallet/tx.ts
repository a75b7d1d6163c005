// From a flow's message to an included transaction, without SigningStargateClient (which talks to the CometBFT RPC):
// simulate on the LCD for gas and the chain's errors, sign SIGN_MODE_DIRECT with the wallet's direct signer,
// broadcast sync, then poll the LCD until the transaction is in a block. Loaded only when a flow opens.
import type { EmissionsVersion } from "@/lib/allora/lcd-client";
import { encodePubkey, makeAuthInfoBytes, makeSignDoc, type EncodeObject, type OfflineDirectSigner } from "@cosmjs/proto-signing";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { computeFee, type Fee } from "./fee";
import { mapChainRefusal } from "./chain-errors";
import { mapWalletError, WalletError } from "./keplr-adapter";
import { broadcastTx, fetchAccount, fetchTx, simulateTx, type ChainAccount } from "./lcd";
import { walletRegistry } from "./registry";

export type TxContext = { lcdUrl: string; chainId: string; gasPrice: string; version: EmissionsVersion };
export type Prepared = { fee: Fee; account: ChainAccount; gasUsed: bigint };

const registries = new Map<EmissionsVersion, ReturnType<typeof walletRegistry>>();
const registryFor = (version: EmissionsVersion) => registries.get(version) ?? registries.set(version, walletRegistry(version)).get(version)!;

const toBase64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

function bodyBytes(ctx: TxContext, messages: EncodeObject[]): Uint8Array {
  return registryFor(ctx.version).encodeTxBody({ messages, memo: "" });
}

function authInfo(pubKey: Uint8Array, sequence: bigint, fee: { uallo: bigint; gasLimit: bigint }): Uint8Array {
  const pubkey = encodePubkey({ type: "tendermint/PubKeySecp256k1", value: toBase64(pubKey) });
  return makeAuthInfoBytes([{ pubkey, sequence }], [{ denom: "uallo", amount: fee.uallo.toString() }], Number(fee.gasLimit), undefined, undefined, SignMode.SIGN_MODE_DIRECT);
}

/** Simulate with an empty signature (the SDK skips verification in simulation) and price the gas exactly. */
export async function prepareTx(ctx: TxContext, signer: { address: string; pubKey: Uint8Array }, messages: EncodeObject[]): Promise<Prepared> {
  const account = await fetchAccount(ctx.lcdUrl, signer.address);
  const simulated = TxRaw.encode({
    bodyBytes: bodyBytes(ctx, messages),
    authInfoBytes: authInfo(signer.pubKey, account.sequence, { uallo: 0n, gasLimit: 0n }),
    signatures: [new Uint8Array()],
  }).finish();
  const gasUsed = await simulateTx(ctx.lcdUrl, simulated);
  return { fee: computeFee(gasUsed, ctx.gasPrice), account, gasUsed };
}

export type Included = { hash: string; height: bigint };

/** Sign exactly the reviewed body and fee, broadcast, and wait until the chain has included (or refused) it. */
export async function signAndBroadcast(
  ctx: TxContext,
  signer: OfflineDirectSigner,
  key: { address: string; pubKey: Uint8Array },
  messages: EncodeObject[],
  prepared: Prepared,
  onBroadcast: (hash: string) => void,
): Promise<Included> {
  const body = bodyBytes(ctx, messages);
  const auth = authInfo(key.pubKey, prepared.account.sequence, prepared.fee);
  const doc = makeSignDoc(body, auth, ctx.chainId, prepared.account.accountNumber);
  let signed;
  try {
    signed = await signer.signDirect(key.address, doc);
  } catch (error) {
    throw mapWalletError(error, "sign", ctx.chainId);
  }
  const txBytes = TxRaw.encode({
    bodyBytes: signed.signed.bodyBytes,
    authInfoBytes: signed.signed.authInfoBytes,
    signatures: [Uint8Array.from(atob(signed.signature.signature), (c) => c.charCodeAt(0))],
  }).finish();
  const sent = await broadcastTx(ctx.lcdUrl, txBytes);
  if (sent.code !== 0) throw mapChainRefusal({ code: sent.code, codespace: sent.codespace, rawLog: sent.raw_log ?? "" });
  onBroadcast(sent.txhash);
  return waitForInclusion(ctx.lcdUrl, sent.txhash);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Poll until the transaction is in a block; a transaction that failed in its block is the chain's error. */
export async function waitForInclusion(lcd: string, hash: string, timeoutMs = 90_000, everyMs = 1_000): Promise<Included> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const tx = await fetchTx(lcd, hash);
    if (tx?.height && /^\d+$/.test(tx.height) && tx.height !== "0") {
      if (tx.code !== 0) throw mapChainRefusal({ code: tx.code, codespace: tx.codespace, rawLog: tx.raw_log ?? "" });
      return { hash, height: BigInt(tx.height) };
    }
    await sleep(everyMs);
  }
  throw new WalletError("chain_error", `Transaction ${hash} was broadcast but not included within ${timeoutMs / 1000} s. It may still be included: check it on the account page later.`);
}
