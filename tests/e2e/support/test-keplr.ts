// TEST ONLY: a Keplr-API-compatible wallet (window.keplr) for the e2e run, bundled by esbuild into an IIFE at test
// time (tests/e2e/support/test-keplr-script.ts) and injected with page.addInitScript, so the production build holds
// no test signer. The mnemonics arrive as the install call's argument, never in this bundle. It signs for real
// (cosmjs DirectSecp256k1HdWallet, SIGN_MODE_DIRECT) and can be told to refuse, reject, switch account or be a Ledger.
import { DirectSecp256k1HdWallet, type AccountData } from "@cosmjs/proto-signing";
import type { SignDoc } from "cosmjs-types/cosmos/tx/v1beta1/tx";

type Config = { mnemonics: string[]; active?: number; knownChains?: string[] };
type Control = {
  refuseConnect: boolean;
  rejectNextSign: boolean;
  ledger: boolean;
  locked: boolean;
  suggested: { chainId: string; bip44: { coinType: number }; bech32Config: { bech32PrefixAccAddr: string }; currencies: { coinMinimalDenom: string; coinDecimals: number }[] }[];
  signed: number;
  switchTo(index: number): Promise<string>;
};

declare global {
  interface Window {
    __installTestKeplr(config: Config): void;
    __testKeplr: Control;
  }
}

window.__installTestKeplr = (config) => {
  // Like the extension, it remembers the chains it was given across page loads (here: in this origin's storage).
  const STORE = "__testKeplr.chains";
  const chains = new Set<string>([...(config.knownChains ?? []), ...(JSON.parse(localStorage.getItem(STORE) ?? "[]") as string[])]);
  let active = config.active ?? 0;
  const wallets: Promise<{ wallet: DirectSecp256k1HdWallet; account: AccountData }>[] = config.mnemonics.map(async (m) => {
    const wallet = await DirectSecp256k1HdWallet.fromMnemonic(m, { prefix: "allo" });
    const [account] = await wallet.getAccounts();
    return { wallet, account: account! };
  });
  const current = () => wallets[active]!;
  const control: Control = {
    refuseConnect: false,
    rejectNextSign: false,
    ledger: false,
    locked: false,
    suggested: [],
    signed: 0,
    async switchTo(index) {
      active = index;
      window.dispatchEvent(new Event("keplr_keystorechange"));
      return (await current()).account.address;
    },
  };
  const known = (chainId: string) => {
    if (!chains.has(chainId)) throw new Error(`There is no chain info for ${chainId}`);
  };
  window.__testKeplr = control;
  (window as unknown as { keplr: unknown }).keplr = {
    defaultOptions: {},
    async enable(chainId: string) {
      if (control.refuseConnect) throw new Error("Request rejected");
      known(chainId);
    },
    async experimentalSuggestChain(info: Control["suggested"][number]) {
      if (control.refuseConnect) throw new Error("Request rejected");
      control.suggested.push(info);
      chains.add(info.chainId);
      localStorage.setItem(STORE, JSON.stringify([...chains]));
    },
    async getKey(chainId: string) {
      known(chainId);
      if (control.locked) throw new Error("Keyring is locked");
      const { account } = await current();
      return { name: `test account ${active}`, algo: "secp256k1", pubKey: account.pubkey, bech32Address: account.address, isNanoLedger: control.ledger };
    },
    getOfflineSigner(chainId: string) {
      known(chainId);
      return {
        getAccounts: async () => [(await current()).account],
        signDirect: async (signer: string, doc: SignDoc) => {
          if (control.rejectNextSign) {
            control.rejectNextSign = false;
            throw new Error("Request rejected");
          }
          const { wallet, account } = await current();
          if (account.address !== signer) throw new Error(`Signer ${signer} is not the active account`);
          control.signed += 1;
          return wallet.signDirect(signer, doc);
        },
      };
    },
  };
};
