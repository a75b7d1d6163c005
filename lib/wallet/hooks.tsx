"use client";
// The wallet as TanStack Query state. One QueryClient for every wallet tree on a page (the header's Connect menu and
// the flows are separate React trees, so they share this module's client rather than a root provider, which would
// put wallet code on the forecast routes). An account switch in the wallet invalidates every query keyed by address.
import { createContext, useContext, useEffect, useMemo, type ReactNode } from "react";
import { QueryClient, QueryClientProvider, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { WalletChain } from "./chain";
import { connectWallet, findProvider, readKey, WalletError, type KeplrKey, type WalletProvider } from "./keplr-adapter";
import { fetchBalance } from "./lcd";

const walletQueryClient = new QueryClient({ defaultOptions: { queries: { retry: false, refetchOnWindowFocus: true } } });

const CONNECTED = "allora.wallet.connected";
const ChainContext = createContext<WalletChain | null>(null);

export const walletKeys = {
  all: ["wallet"] as const,
  account: (chainId: string) => ["wallet", chainId, "account"] as const,
  balance: (chainId: string, address: string) => ["wallet", chainId, "address", address, "balance"] as const,
};

function KeystoreListener() {
  const client = useQueryClient();
  useEffect(() => {
    const provider = findProvider(window);
    if (!provider) return;
    const onChange = () => void client.invalidateQueries({ queryKey: walletKeys.all });
    window.addEventListener(provider.keystoreEvent, onChange);
    return () => window.removeEventListener(provider.keystoreEvent, onChange);
  }, [client]);
  return null;
}

export function WalletRoot({ chain, children }: { chain: WalletChain; children: ReactNode }) {
  return (
    <QueryClientProvider client={walletQueryClient}>
      <ChainContext.Provider value={chain}>
        <KeystoreListener />
        {children}
      </ChainContext.Provider>
    </QueryClientProvider>
  );
}

export function useChain(): WalletChain {
  const chain = useContext(ChainContext);
  if (!chain) throw new Error("useChain outside <WalletRoot>");
  return chain;
}

export type WalletAccount = { provider: WalletProvider; key: KeplrKey };

/** The connected account; null when the person has not connected (or disconnected) on this browser. */
export function useWalletAccount() {
  const chain = useChain();
  return useQuery<WalletAccount | null, WalletError>({
    queryKey: walletKeys.account(chain.chainId),
    queryFn: async () => {
      if (localStorage.getItem(CONNECTED) !== chain.chainId) return null;
      const provider = findProvider(window);
      if (!provider) throw new WalletError("no_extension", "No Keplr-compatible wallet found. Install the Keplr extension (or Cosmostation) and reload.");
      return { provider, key: await readKey(provider, chain) };
    },
  });
}

export function useConnect() {
  const chain = useChain();
  const client = useQueryClient();
  return useMutation<WalletAccount, WalletError>({
    mutationFn: async () => {
      const provider = findProvider(window);
      const key = await connectWallet(provider, chain);
      localStorage.setItem(CONNECTED, chain.chainId);
      return { provider: provider!, key };
    },
    onSuccess: (account) => {
      client.setQueryData(walletKeys.account(chain.chainId), account);
      void client.invalidateQueries({ queryKey: walletKeys.all, predicate: (q) => q.queryKey.includes("address") });
    },
  });
}

export function useDisconnect() {
  const chain = useChain();
  const client = useQueryClient();
  return () => {
    localStorage.removeItem(CONNECTED);
    client.setQueryData(walletKeys.account(chain.chainId), null);
  };
}

/** Spendable uallo of an address, read from the chain (not the index: a flow needs the balance right now). */
export function useBalance(address: string | undefined) {
  const chain = useChain();
  return useQuery<bigint, WalletError>({
    queryKey: walletKeys.balance(chain.chainId, address ?? ""),
    queryFn: () => fetchBalance(chain.lcdUrl, address!),
    enabled: !!address,
  });
}

/** Invalidate everything read for an address after a transaction changed it. */
export function useInvalidateAddress() {
  const client = useQueryClient();
  return useMemo(() => (address: string) => client.invalidateQueries({ predicate: (q) => q.queryKey.includes(address) }), [client]);
}
