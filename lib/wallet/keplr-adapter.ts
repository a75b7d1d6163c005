// A thin adapter over the Keplr browser API (window.keplr), which Cosmostation (window.cosmostation.providers.keplr)
// and Leap (window.leap, best effort: its extension was shut down in May 2026) also implement. It finds a provider,
// connects (suggesting the Allora chain when the wallet lacks it), reads the key and hands out a direct signer, and
// turns every wallet failure into one of a few WalletErrors a person can act on.
import type { OfflineDirectSigner } from "@cosmjs/proto-signing";
import { suggestChainInfo, type WalletChain } from "./chain";

export type KeplrKey = { name: string; bech32Address: string; pubKey: Uint8Array; algo: string; isNanoLedger: boolean };

/** The part of the Keplr API we use. */
export type KeplrApi = {
  enable(chainIds: string | string[]): Promise<void>;
  experimentalSuggestChain(info: ReturnType<typeof suggestChainInfo>): Promise<void>;
  getKey(chainId: string): Promise<KeplrKey>;
  getOfflineSigner(chainId: string): OfflineDirectSigner;
  defaultOptions?: { sign?: { preferNoSetFee?: boolean; preferNoSetMemo?: boolean } };
};

export type ProviderKind = "keplr" | "cosmostation" | "leap";
export type WalletProvider = { kind: ProviderKind; name: string; api: KeplrApi; keystoreEvent: string };

type WalletWindow = { keplr?: KeplrApi; leap?: KeplrApi; cosmostation?: { providers?: { keplr?: KeplrApi } } };

/** Keplr first, then the Keplr-compatible providers of other extensions. */
export function findProvider(w: unknown): WalletProvider | null {
  const win = (w ?? {}) as WalletWindow;
  if (win.keplr) return { kind: "keplr", name: "Keplr", api: win.keplr, keystoreEvent: "keplr_keystorechange" };
  const cosmostation = win.cosmostation?.providers?.keplr;
  if (cosmostation) return { kind: "cosmostation", name: "Cosmostation", api: cosmostation, keystoreEvent: "cosmostation_keystorechange" };
  if (win.leap) return { kind: "leap", name: "Leap", api: win.leap, keystoreEvent: "leap_keystorechange" };
  return null;
}

export type WalletErrorCode =
  | "no_extension"
  | "locked"
  | "refused"
  | "rejected"
  | "wrong_chain"
  | "ledger"
  | "account_switched"
  | "insufficient_funds"
  | "fee_too_low"
  | "unreachable"
  | "chain_error"
  | "invalid_input";

export class WalletError extends Error {
  constructor(readonly code: WalletErrorCode, message: string, readonly field?: string) {
    super(message);
    this.name = "WalletError";
  }
}

export const LEDGER_MESSAGE = "Keplr cannot sign Allora's messages in direct mode on a Ledger. Choose a software account in the wallet, or use the chain's CLI with the Ledger.";

const NO_CHAIN = /no (modular )?chain info|chain.*(not supported|not found|unknown)|unknown chain|there is no chain/i;
const REJECTED = /reject|denied|cancel|user (closed|declined)/i;
const LOCKED = /locked|key doesn.?t exist|no key|not unlocked|password/i;

/** A wallet's own error, read by its text (none of them throws typed errors), in the context of what we asked. */
export function mapWalletError(error: unknown, during: "connect" | "sign", chainId: string): WalletError {
  if (error instanceof WalletError) return error;
  const text = error instanceof Error ? error.message : String(error);
  if (REJECTED.test(text)) {
    return during === "connect"
      ? new WalletError("refused", "The connection was refused in the wallet. Connect again and approve it to continue.")
      : new WalletError("rejected", "The transaction was rejected in the wallet. Nothing was signed or sent.");
  }
  if (LOCKED.test(text)) return new WalletError("locked", "The wallet is locked or has no account. Unlock it (or add an account) and try again.");
  if (NO_CHAIN.test(text)) return new WalletError("wrong_chain", `The wallet does not know ${chainId} and did not add it: ${text}`);
  return new WalletError(during === "connect" ? "refused" : "rejected", `The wallet failed: ${text}`);
}

/** Connect: enable the chain, suggesting it first when the wallet lacks it, then read and check the key. */
export async function connectWallet(provider: WalletProvider | null, chain: WalletChain): Promise<KeplrKey> {
  if (!provider) throw new WalletError("no_extension", "No Keplr-compatible wallet found. Install the Keplr extension (or Cosmostation) and reload.");
  // The wallet must keep the fee we simulated and show on the review screen.
  provider.api.defaultOptions = { ...provider.api.defaultOptions, sign: { ...provider.api.defaultOptions?.sign, preferNoSetFee: true } };
  try {
    await provider.api.enable(chain.chainId);
  } catch (error) {
    const mapped = mapWalletError(error, "connect", chain.chainId);
    if (mapped.code !== "wrong_chain") throw mapped;
    try {
      await provider.api.experimentalSuggestChain(suggestChainInfo(chain));
      await provider.api.enable(chain.chainId);
    } catch (again) {
      throw mapWalletError(again, "connect", chain.chainId);
    }
  }
  return readKey(provider, chain);
}

/** The wallet's current key for the chain, refused when it cannot sign here (Ledger, another chain's prefix). */
export async function readKey(provider: WalletProvider, chain: WalletChain): Promise<KeplrKey> {
  let key: KeplrKey;
  try {
    key = await provider.api.getKey(chain.chainId);
  } catch (error) {
    throw mapWalletError(error, "connect", chain.chainId);
  }
  if (key.isNanoLedger) throw new WalletError("ledger", LEDGER_MESSAGE);
  if (!key.bech32Address.startsWith("allo1")) {
    throw new WalletError("wrong_chain", `The wallet answered with ${key.bech32Address}, not an Allora address (allo1…): it is on another chain. Switch it to ${chain.chainId}.`);
  }
  return key;
}

/** A direct (SIGN_MODE_DIRECT) signer, never "auto": Allora's emissions messages have no amino JSON form. */
export function directSigner(provider: WalletProvider, chain: WalletChain): OfflineDirectSigner {
  return provider.api.getOfflineSigner(chain.chainId);
}

/** Account switched in the wallet between review and signing: the flow stops instead of signing for someone else. */
export async function assertSameAccount(provider: WalletProvider, chain: WalletChain, reviewed: string): Promise<KeplrKey> {
  const key = await readKey(provider, chain);
  if (key.bech32Address !== reviewed) {
    throw new WalletError("account_switched", `The wallet switched to ${key.bech32Address} after the review for ${reviewed}. Nothing was signed; review again with the new account.`);
  }
  return key;
}
