// TEST ONLY: the published mnemonics of the devnet's funded test accounts (lib/devnet/test-accounts.ts holds their
// addresses) and a signer that builds real protobuf TxRaw bytes with them, as a wallet would (SIGN_MODE_DIRECT).
// Never import this from app code: the production bundle must not contain these phrases.
import { DirectSecp256k1HdWallet, makeAuthInfoBytes, makeSignDoc, type EncodeObject } from "@cosmjs/proto-signing";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { CHAIN_ID } from "@/lib/devnet/config";
import { walletRegistry } from "@/lib/wallet/registry";
import type { EmissionsVersion } from "@/lib/allora/lcd-client";

export const TEST_MNEMONICS = {
  abandon: "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about",
  test: "test test test test test test test test test test test junk",
  zoo: "zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo zoo wrong",
} as const;

export type TestAccountName = keyof typeof TEST_MNEMONICS;

export interface TestSigner {
  address: string;
  pubkey: Uint8Array;
  /** TxRaw bytes signed over the SignDoc (chain id and account number as given, defaults the devnet's). */
  sign(tx: SignInput): Promise<Uint8Array>;
  /** TxRaw bytes for simulate: an empty signature and no fee, as cosmjs's simulate sends. */
  forSimulation(tx: Omit<SignInput, "fee" | "gas" | "chainId" | "accountNumber">): Uint8Array;
}

export interface SignInput {
  messages: EncodeObject[];
  sequence: number;
  accountNumber: number;
  /** uallo */
  fee: bigint;
  gas: bigint;
  chainId?: string;
  memo?: string;
}

export async function testSigner(name: TestAccountName, version: EmissionsVersion = "v10"): Promise<TestSigner> {
  const wallet = await DirectSecp256k1HdWallet.fromMnemonic(TEST_MNEMONICS[name], { prefix: "allo" });
  const [account] = await wallet.getAccounts();
  const registry = walletRegistry(version);
  const pubkeyAny = { typeUrl: "/cosmos.crypto.secp256k1.PubKey", value: PubKey.encode({ key: account!.pubkey }).finish() };
  const body = (messages: EncodeObject[], memo = "") => registry.encodeTxBody({ messages, memo });
  return {
    address: account!.address,
    pubkey: account!.pubkey,
    async sign(tx) {
      const bodyBytes = body(tx.messages, tx.memo);
      const authInfoBytes = makeAuthInfoBytes([{ pubkey: pubkeyAny, sequence: tx.sequence }], [{ denom: "uallo", amount: tx.fee.toString() }], Number(tx.gas), undefined, undefined);
      const doc = makeSignDoc(bodyBytes, authInfoBytes, tx.chainId ?? CHAIN_ID, tx.accountNumber);
      const { signature, signed } = await wallet.signDirect(account!.address, doc);
      return TxRaw.encode({ bodyBytes: signed.bodyBytes, authInfoBytes: signed.authInfoBytes, signatures: [Buffer.from(signature.signature, "base64")] }).finish();
    },
    forSimulation(tx) {
      const authInfoBytes = makeAuthInfoBytes([{ pubkey: pubkeyAny, sequence: tx.sequence }], [], 0, undefined, undefined);
      return TxRaw.encode({ bodyBytes: body(tx.messages, tx.memo), authInfoBytes, signatures: [new Uint8Array()] }).finish();
    },
  };
}
