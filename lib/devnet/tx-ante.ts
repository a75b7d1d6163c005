// The ante handler of Cosmos SDK 0.50 for a single-signer tx, in its order: signer count, gas for the tx size, fee
// against the minimum gas price, fee payment, public key, sequence, then the secp256k1 signature over the SignDoc.
// Simulation skips the fee minimum and the signature, as the chain's simulate does.
import { Secp256k1, Secp256k1Signature, sha256 } from "@cosmjs/crypto";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { GAS_PRICES } from "@/lib/wallet/fee";
import type { Bank } from "./bank";
import { CHAIN_ID } from "./config";
import { addressOf, type DecodedTx } from "./tx-decode";
import { SDK, type TxError } from "./tx-errors";

/** The devnet's minimum gas price, uallo per gas: the testnet's. */
export const MIN_GAS_PRICE_UALLO = BigInt(GAS_PRICES["allora-testnet-1"].minimum);

// Deterministic gas: a fixed base, 10 per tx byte (a 64-byte signature counted even when simulating with an empty
// one, so simulate and delivery agree) and 1000 for the secp256k1 check, plus a fixed cost per message type.
const MSG_GAS: Record<string, bigint> = {
  DelegateStakeRequest: 62_000n, RemoveDelegateStakeRequest: 48_000n, CancelRemoveDelegateStakeRequest: 41_000n, RewardDelegateStakeRequest: 53_000n,
  AddStakeRequest: 58_000n, RemoveStakeRequest: 46_000n, CancelRemoveStakeRequest: 40_000n,
  MsgDelegate: 148_000n, MsgUndelegate: 162_000n, MsgBeginRedelegate: 214_000n, MsgCancelUnbondingDelegation: 139_000n, MsgWithdrawDelegatorReward: 96_000n, MsgSend: 38_000n,
};

export function txGas(tx: DecodedTx): { ante: bigint; total: bigint } {
  const size = BigInt(tx.bodyBytes.length + tx.authInfoBytes.length + 64 + 6);
  const ante = 21_000n + 10n * size + 1_000n;
  const msgs = tx.msgs.reduce((acc, m) => acc + (MSG_GAS[m.typeUrl.split(".").pop() ?? ""] ?? 50_000n), 0n);
  return { ante, total: ante + msgs };
}

export interface AnteEnv {
  bank: Bank;
  simulate: boolean;
  /** The block the tx would execute in (CheckTx and simulate: the next one). */
  height: number;
  /** Txs of this signer accepted but not yet in a block (CheckTx state), for sequence and fee. */
  pending: { count: number; fees: bigint };
}

export interface AnteOk {
  signer: string;
  fee: bigint;
  gas: { ante: bigint; total: bigint };
  pubkey: string;
}

const coinsText = (coins: { denom: string; amount: string }[]) => coins.map((c) => `${c.amount}${c.denom}`).join(",");

export function ante(tx: DecodedTx, env: AnteEnv): AnteOk | TxError {
  if (tx.signatureCount === 0) return SDK.noSignatures();
  const signers = [...new Set(tx.msgs.map((m) => m.signer))];
  if (signers.length !== 1 || tx.signerInfoCount !== 1) return SDK.unauthorized(`wrong number of signers; expected ${signers.length}, got ${tx.signerInfoCount}`);
  if (tx.signatureCount !== tx.signerInfoCount) return SDK.unauthorized(`invalid number of signer;  expected: ${tx.signerInfoCount}, got ${tx.signatureCount}`);
  const signer = signers[0]!;
  if (tx.timeoutHeight > 0n && BigInt(env.height) > tx.timeoutHeight) return { codespace: "sdk", code: 30, log: `block height: ${env.height}, timeout height: ${tx.timeoutHeight}: tx timeout height` };
  if (tx.memo.length > 256) return { codespace: "sdk", code: 12, log: `maximum number of characters is 256 but received ${tx.memo.length} characters: memo too large` };
  const gas = txGas(tx);
  if (!env.simulate && tx.gasLimit < gas.ante) return SDK.outOfGas(`out of gas in location: txSize; gasWanted: ${tx.gasLimit}, gasUsed: ${gas.ante}`);
  const fee = tx.fee.filter((c) => c.denom === "uallo").reduce((a, c) => a + BigInt(c.amount), 0n);
  const required = tx.gasLimit * MIN_GAS_PRICE_UALLO;
  if (!env.simulate && fee < required) return SDK.insufficientFee(`insufficient fees; got: ${coinsText(tx.fee)} required: ${required}uallo`);
  const account = env.bank.account(signer);
  if (!account) return { codespace: "sdk", code: 9, log: `fee payer address: ${signer} does not exist: unknown address` };
  const spendable = env.bank.balance(signer) - env.pending.fees;
  if (spendable < fee) return SDK.insufficientFunds(`spendable balance ${spendable}uallo is smaller than ${fee}uallo: insufficient funds`);
  const pubkey = tx.pubkey ? Buffer.from(tx.pubkey).toString("base64") : account.pubkey;
  if (tx.pubkey && addressOf(tx.pubkey) !== signer) return SDK.invalidPubKey(`pubKey does not match signer address ${signer} with signer index: 0`);
  if (!pubkey && !env.simulate) return SDK.invalidPubKey("pubkey on account is not set");
  const expected = BigInt(account.sequence + env.pending.count);
  if (tx.sequence !== expected) return SDK.wrongSequence(`account sequence mismatch, expected ${expected}, got ${tx.sequence}`);
  if (!env.simulate) {
    const failed = SDK.unauthorized(`signature verification failed; please verify account number (${account.accountNumber}), sequence (${tx.sequence}) and chain-id (${CHAIN_ID})`);
    if (tx.signMode !== SignMode.SIGN_MODE_DIRECT) return SDK.unauthorized(`the devnet verifies SIGN_MODE_DIRECT signatures only, got ${tx.signMode === null ? "none" : SignMode[tx.signMode]}`);
    if (tx.signature.length !== 64) return failed;
    const doc = SignDoc.encode({ bodyBytes: tx.bodyBytes, authInfoBytes: tx.authInfoBytes, chainId: CHAIN_ID, accountNumber: BigInt(account.accountNumber) }).finish();
    let valid = false;
    try {
      valid = Secp256k1.verifySignature(Secp256k1Signature.fromFixedLength(tx.signature), sha256(doc), Buffer.from(pubkey!, "base64"));
    } catch {
      valid = false;
    }
    if (!valid) return failed;
  }
  return { signer, fee, gas, pubkey: pubkey ?? "" };
}
