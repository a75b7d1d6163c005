// The adapter's error mapping and connect sequence, against a stand-in object with the Keplr API's shape (the real
// extension cannot run under Vitest; the e2e run drives the same code with a signing wallet in Chromium).
import { describe, expect, it } from "vitest";
import { assertSameAccount, connectWallet, findProvider, mapWalletError, LEDGER_MESSAGE, WalletError, type KeplrApi, type KeplrKey } from "@/lib/wallet/keplr-adapter";
import { mapChainRefusal, mapLcdError } from "@/lib/wallet/chain-errors";
import type { WalletChain } from "@/lib/wallet/chain";

const CHAIN: WalletChain = { chainId: "allora-testnet-1", chainName: "Allora Testnet", lcdUrl: "https://lcd.example", rpcUrl: "https://rpc.example", gasPrice: "10", emissionsVersion: "v10", simulated: false };
const ADDRESS = "allo19rl4cm2hmr8afy4kldpxz3fka4jguq0ajnh7gv";
const key = (over: Partial<KeplrKey> = {}): KeplrKey => ({ name: "main", bech32Address: ADDRESS, pubKey: new Uint8Array(33), algo: "secp256k1", isNanoLedger: false, ...over });

function wallet(behaviour: { known?: boolean; enableError?: string; suggestError?: string; key?: KeplrKey | Error }) {
  const calls: string[] = [];
  let known = behaviour.known ?? true;
  const api: KeplrApi = {
    async enable(id) {
      calls.push(`enable ${id}`);
      if (behaviour.enableError) throw new Error(behaviour.enableError);
      if (!known) throw new Error(`There is no chain info for ${id}`);
    },
    async experimentalSuggestChain(info) {
      calls.push(`suggest ${info.chainId} ${info.bip44.coinType} ${info.bech32Config.bech32PrefixAccAddr} ${info.currencies[0]!.coinMinimalDenom}/${info.currencies[0]!.coinDecimals}`);
      if (behaviour.suggestError) throw new Error(behaviour.suggestError);
      known = true;
    },
    async getKey() {
      if (behaviour.key instanceof Error) throw behaviour.key;
      return behaviour.key ?? key();
    },
    getOfflineSigner: () => ({ getAccounts: async () => [], signDirect: async () => { throw new Error("unused"); } }),
  };
  return { provider: { kind: "keplr" as const, name: "Keplr", api, keystoreEvent: "keplr_keystorechange" }, calls };
}

const code = async (p: Promise<unknown>) => p.then(() => "ok", (e: WalletError) => e.code);

describe("finding a provider", () => {
  it("prefers window.keplr, then Cosmostation's Keplr provider, then Leap, and answers null without any", () => {
    const k = {} as KeplrApi;
    expect(findProvider({ keplr: k, leap: {} })?.kind).toBe("keplr");
    expect(findProvider({ cosmostation: { providers: { keplr: k } }, leap: {} })).toMatchObject({ kind: "cosmostation", keystoreEvent: "cosmostation_keystorechange" });
    expect(findProvider({ leap: k })).toMatchObject({ kind: "leap", keystoreEvent: "leap_keystorechange" });
    expect(findProvider({})).toBeNull();
  });
});

describe("connecting", () => {
  it("no extension is its own error", async () => {
    expect(await code(connectWallet(null, CHAIN))).toBe("no_extension");
  });

  it("suggests Allora (coin type 118, prefix allo, uallo with 18 decimals) when the wallet lacks it, then enables again", async () => {
    const { provider, calls } = wallet({ known: false });
    await expect(connectWallet(provider, CHAIN)).resolves.toMatchObject({ bech32Address: ADDRESS });
    expect(calls).toEqual(["enable allora-testnet-1", "suggest allora-testnet-1 118 allo uallo/18", "enable allora-testnet-1"]);
    expect(provider.api.defaultOptions?.sign?.preferNoSetFee).toBe(true);
  });

  it("does not suggest a chain the wallet knows", async () => {
    const { provider, calls } = wallet({});
    await connectWallet(provider, CHAIN);
    expect(calls).toEqual(["enable allora-testnet-1"]);
  });

  it("tells a refused connection, a locked wallet, a refused suggestion, a Ledger and another chain's address apart", async () => {
    expect(await code(connectWallet(wallet({ enableError: "Request rejected" }).provider, CHAIN))).toBe("refused");
    expect(await code(connectWallet(wallet({ key: new Error("Keyring is locked") }).provider, CHAIN))).toBe("locked");
    expect(await code(connectWallet(wallet({ known: false, suggestError: "Request rejected" }).provider, CHAIN))).toBe("refused");
    await expect(connectWallet(wallet({ key: key({ isNanoLedger: true }) }).provider, CHAIN)).rejects.toThrow(LEDGER_MESSAGE);
    expect(await code(connectWallet(wallet({ key: key({ bech32Address: "cosmos19rl4cm2hmr8afy4kldpxz3fka4jguq0a6d7gdd" }) }).provider, CHAIN))).toBe("wrong_chain");
  });

  it("stops when the account changed after the review", async () => {
    const { provider } = wallet({ key: key({ bech32Address: "allo15yk64u7zc9g9k2yr2wmzeva5qgwxps6ygp4vw8" }) });
    const error = await assertSameAccount(provider, CHAIN, ADDRESS).catch((e: WalletError) => e);
    expect(error).toMatchObject({ code: "account_switched" });
    expect((error as Error).message).toContain(ADDRESS);
  });
});

describe("a wallet's own errors", () => {
  it("a rejection reads as refused when connecting and rejected when signing", () => {
    expect(mapWalletError(new Error("Request rejected"), "connect", CHAIN.chainId).code).toBe("refused");
    expect(mapWalletError(new Error("Request rejected"), "sign", CHAIN.chainId).code).toBe("rejected");
    expect(mapWalletError("User denied", "sign", CHAIN.chainId).code).toBe("rejected");
  });
});

describe("the chain's refusals", () => {
  it("maps the SDK codes a staking transaction meets, keeping the chain's text", () => {
    const funds = mapChainRefusal({ code: 5, codespace: "sdk", rawLog: "spendable balance 1uallo is smaller than 2uallo: insufficient funds" });
    expect(funds.code).toBe("insufficient_funds");
    expect(funds.message).toContain("spendable balance 1uallo is smaller than 2uallo");
    expect(mapChainRefusal({ code: 13, codespace: "sdk", rawLog: "insufficient fees; got: 1uallo required: 9uallo: insufficient fee" }).code).toBe("fee_too_low");
    expect(mapChainRefusal({ code: 10, codespace: "emissions", rawLog: "reputer address: address is not registered in this topic" })).toMatchObject({ code: "chain_error", message: expect.stringContaining("not registered in this topic") });
    // Code 5 of another module is not the SDK's insufficient funds.
    expect(mapChainRefusal({ code: 5, codespace: "distribution", rawLog: "no delegation distribution info" }).code).toBe("chain_error");
  });

  it("reads the gateway's errors by the SDK's text, not the gRPC status", () => {
    expect(mapLcdError(500, { code: 2, message: "insufficient funds: insufficient funds With gas wanted: '1'" }).code).toBe("insufficient_funds");
    expect(mapLcdError(404, { code: 5, message: "account allo1x not found" }).code).toBe("chain_error");
    expect(mapLcdError(500, { code: 2, message: "emissions/23: topic does not exist" }).message).toContain("topic does not exist");
  });
});
