"use client";
// The Connect menu: the Cosmos section (a Keplr-compatible wallet on the Allora chain) and the EVM slot.
import Link from "next/link";
import type { WalletChain } from "@/lib/wallet/chain";
import { useBalance, useConnect, useDisconnect, useWalletAccount, WalletRoot } from "@/lib/wallet/hooks";
import { findProvider } from "@/lib/wallet/keplr-adapter";
import { formatAllo18 } from "@/lib/staking/amounts";
import { Button, buttonClassName } from "@/components/ui/button";
import { Badge } from "@/components/ui/badge";
import { ErrorNote } from "@/components/wallet/error-note";
import { EvmSection } from "@/components/wallet/evm-section";

function CosmosSection() {
  const account = useWalletAccount();
  const connect = useConnect();
  const disconnect = useDisconnect();
  const address = account.data?.key.bech32Address;
  const balance = useBalance(address);
  const provider = typeof window === "undefined" ? null : findProvider(window);
  return (
    <section aria-labelledby="connect-cosmos-heading" className="grid gap-3 px-4 py-3" data-testid="connect-cosmos">
      <h3 id="connect-cosmos-heading" className="text-sm font-semibold">Allora chain (staking)</h3>
      {account.data ? (
        <>
          <p className="text-xs text-muted-foreground">{account.data.provider.name} · {account.data.key.name}</p>
          <p className="font-mono text-xs break-all" data-testid="connected-address">{address}</p>
          <p className="text-sm">
            Balance: <span className="font-mono" data-testid="connected-balance">{balance.data !== undefined ? `${formatAllo18(balance.data)} ALLO` : balance.isError ? "unavailable" : "reading…"}</span>
          </p>
          {balance.error ? <ErrorNote error={balance.error} /> : null}
          <div className="flex flex-wrap gap-2">
            <Link className={buttonClassName("primary")} href={`/account/${address}`}>My account</Link>
            <Button variant="outline" onClick={disconnect}>Disconnect</Button>
          </div>
        </>
      ) : (
        <>
          <p className="text-xs text-muted-foreground">
            {provider ? `${provider.name} found.` : "Keplr, or Cosmostation's Keplr-compatible provider."} Delegation and validator staking are signed on the Allora chain.
          </p>
          {connect.error ? <ErrorNote error={connect.error} /> : account.error ? <ErrorNote error={account.error} /> : null}
          <div>
            <Button disabled={connect.isPending || account.isLoading} onClick={() => connect.mutate()}>
              {connect.isPending ? "Waiting for the wallet…" : provider ? `Connect ${provider.name}` : "Connect Keplr"}
            </Button>
          </div>
        </>
      )}
    </section>
  );
}

export function ConnectMenu({ chain }: { chain: WalletChain }) {
  return (
    <WalletRoot chain={chain}>
      <div className="flex items-center justify-between gap-2 border-b px-4 py-2 text-xs text-muted-foreground">
        <span>{chain.chainName} · {chain.chainId}</span>
        {chain.simulated ? <Badge variant="warning">Simulated</Badge> : null}
      </div>
      <CosmosSection />
      <EvmSection />
    </WalletRoot>
  );
}
