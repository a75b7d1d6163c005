// A wallet transaction as the chain reads it: protobuf TxRaw → TxBody + AuthInfo, messages decoded with the same
// cosmjs Registry the app signs with (lib/wallet/registry), the signer's key and sequence, and the fee.
import { ripemd160, sha256 } from "@cosmjs/crypto";
import { bech32 } from "bech32";
import { PubKey } from "cosmjs-types/cosmos/crypto/secp256k1/keys";
import { AuthInfo, TxBody, TxRaw } from "cosmjs-types/cosmos/tx/v1beta1/tx";
import { SignMode } from "cosmjs-types/cosmos/tx/signing/v1beta1/signing";
import { walletRegistry } from "@/lib/wallet/registry";
import type { EmissionsVersion } from "./config";
import { SDK, type TxError } from "./tx-errors";

export const SECP256K1_PUBKEY_URL = "/cosmos.crypto.secp256k1.PubKey";

export interface DecodedMsg {
  typeUrl: string;
  value: Record<string, unknown>;
  /** The address that must sign it (sender or delegator_address). */
  signer: string;
}

export interface DecodedTx {
  raw: Uint8Array;
  /** Uppercase hex sha256 of the TxRaw bytes, as CometBFT names a tx. */
  hash: string;
  bodyBytes: Uint8Array;
  authInfoBytes: Uint8Array;
  signature: Uint8Array;
  memo: string;
  timeoutHeight: bigint;
  msgs: DecodedMsg[];
  pubkey: Uint8Array | null;
  signMode: SignMode | null;
  sequence: bigint;
  fee: { denom: string; amount: string }[];
  gasLimit: bigint;
  signerInfoCount: number;
  signatureCount: number;
  /** The decoded Tx for /cosmos/tx/v1beta1/txs/{hash}, in the gateway's JSON. */
  json: Record<string, unknown>;
}

export const hexHash = (bytes: Uint8Array) => Buffer.from(sha256(bytes)).toString("hex").toUpperCase();

export function addressOf(pubkey: Uint8Array): string {
  return bech32.encode("allo", bech32.toWords(ripemd160(sha256(pubkey))));
}

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Proto JSON as the gateway prints it: snake_case names, 64-bit integers and amounts as strings, bytes as base64. */
export function protoJson(value: unknown): unknown {
  if (typeof value === "bigint") return value.toString();
  if (value instanceof Uint8Array) return Buffer.from(value).toString("base64");
  if (Array.isArray(value)) return value.map(protoJson);
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [snake(k), protoJson(v)]));
  return value;
}

function signerOf(value: Record<string, unknown>): string {
  const s = value.sender ?? value.delegatorAddress ?? value.fromAddress;
  return typeof s === "string" ? s : "";
}

export function decodeTx(raw: Uint8Array, version: EmissionsVersion): DecodedTx | TxError {
  let txRaw: TxRaw, body: TxBody, authInfo: AuthInfo;
  try {
    txRaw = TxRaw.decode(raw);
    body = TxBody.decode(txRaw.bodyBytes);
    authInfo = AuthInfo.decode(txRaw.authInfoBytes);
  } catch (e) {
    return SDK.txDecode(e instanceof Error ? e.message : String(e));
  }
  const registry = walletRegistry(version);
  const msgs: DecodedMsg[] = [];
  for (const any of body.messages) {
    if (!registry.lookupType(any.typeUrl)) return SDK.txDecode(`unable to resolve type URL ${any.typeUrl}`);
    let value: Record<string, unknown>;
    try {
      value = registry.decode(any) as Record<string, unknown>;
    } catch (e) {
      return SDK.txDecode(e instanceof Error ? e.message : String(e));
    }
    msgs.push({ typeUrl: any.typeUrl, value, signer: signerOf(value) });
  }
  if (msgs.length === 0) return SDK.invalidRequest("must contain at least one message");
  const signerInfo = authInfo.signerInfos[0];
  let pubkey: Uint8Array | null = null;
  if (signerInfo?.publicKey) {
    if (signerInfo.publicKey.typeUrl !== SECP256K1_PUBKEY_URL) return SDK.invalidPubKey(`unsupported key type ${signerInfo.publicKey.typeUrl}`);
    pubkey = PubKey.decode(signerInfo.publicKey.value).key;
  }
  const fee = authInfo.fee?.amount.map((c) => ({ denom: c.denom, amount: c.amount })) ?? [];
  const gasLimit = authInfo.fee?.gasLimit ?? 0n;
  const signMode = signerInfo?.modeInfo?.single?.mode ?? null;
  const json = {
    body: {
      messages: msgs.map((m) => ({ "@type": m.typeUrl, ...(protoJson(m.value) as object) })),
      memo: body.memo,
      timeout_height: body.timeoutHeight.toString(),
      extension_options: [],
      non_critical_extension_options: [],
    },
    auth_info: {
      signer_infos: authInfo.signerInfos.map((s) => ({
        public_key: s.publicKey && pubkey ? { "@type": SECP256K1_PUBKEY_URL, key: Buffer.from(pubkey).toString("base64") } : null,
        mode_info: { single: { mode: s.modeInfo?.single ? SignMode[s.modeInfo.single.mode] : "SIGN_MODE_UNSPECIFIED" } },
        sequence: s.sequence.toString(),
      })),
      fee: { amount: fee, gas_limit: gasLimit.toString(), payer: authInfo.fee?.payer ?? "", granter: authInfo.fee?.granter ?? "" },
      tip: null,
    },
    signatures: txRaw.signatures.map((s) => Buffer.from(s).toString("base64")),
  };
  return {
    raw, hash: hexHash(raw), bodyBytes: txRaw.bodyBytes, authInfoBytes: txRaw.authInfoBytes, signature: txRaw.signatures[0] ?? new Uint8Array(),
    memo: body.memo, timeoutHeight: body.timeoutHeight, msgs, pubkey, signMode, sequence: signerInfo?.sequence ?? 0n, fee, gasLimit, json,
    signerInfoCount: authInfo.signerInfos.length, signatureCount: txRaw.signatures.length,
  };
}
