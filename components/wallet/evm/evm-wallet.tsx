"use client";
// The Ethereum side of the Connect entry: injected EVM wallets found over EIP-6963 (wagmi's injected() connector),
// the connected address's ALLO ERC-20 balance, and the way to stake it (bridge to Allora, then delegate there).
// Loaded by dynamic import() only when someone opens it, so wagmi and viem never reach the forecast routes.
import { useQuery } from "@tanstack/react-query";
import { createConfig, injected, unstable_connector, useConnect, useConnection, useConnectors, useDisconnect, useSwitchChain, WagmiProvider } from "wagmi";
import { mainnet } from "wagmi/chains";
import type { EIP1193Provider } from "viem";
import { Button } from "@/components/ui/button";
import { ALLO_ERC20, readAlloErc20Balance } from "@/lib/wallet/evm/allo-erc20";
import { formatAllo18 } from "@/lib/staking/amounts";
import { formatInteger } from "@/components/format";

// Reads go through the connected wallet (unstable_connector): the user's wallet picks the node, and no public RPC
// is contacted from the page.
const config = createConfig({
  chains: [mainnet],
  connectors: [injected()],
  multiInjectedProviderDiscovery: true,
  transports: { [mainnet.id]: unstable_connector(injected) },
});

/** Rendered inside the wallet's QueryClientProvider (WalletRoot), which wagmi's hooks share. */
export function EvmWallet() {
  return (
    <WagmiProvider config={config}>
      <EvmWalletSection />
    </WagmiProvider>
  );
}

function connectError(error: Error | null): string | null {
  if (!error) return null;
  const code = (error as { code?: number }).code ?? (error.cause as { code?: number } | undefined)?.code;
  if (code === 4001 || error.name === "UserRejectedRequestError") return "The connection was refused in the wallet.";
  if (error.name === "ProviderNotFoundError") return "That wallet is no longer available in this browser.";
  return `The wallet could not connect: ${error.message.split("\n")[0]}`;
}

function EvmWalletSection() {
  const connection = useConnection();
  const connectors = useConnectors();
  const connect = useConnect();
  const { disconnect } = useDisconnect();
  const switchChain = useSwitchChain();
  // EIP-6963 wallets announce themselves; the generic "Injected" entry is shown only when none did.
  const announced = connectors.filter((c) => c.id !== "injected");
  const choices = announced.length > 0 ? announced : connectors.filter(() => typeof window !== "undefined" && "ethereum" in window);

  if (connection.status !== "connected" || !connection.address) {
    return (
      <div className="flex flex-col gap-2 text-sm" data-testid="evm-wallet">
        <p className="text-xs text-muted-foreground">ALLO also lives on Ethereum as an ERC-20. Connect an Ethereum wallet to see that balance.</p>
        {choices.length === 0 ? (
          <p role="status">No Ethereum wallet was found in this browser.</p>
        ) : (
          <ul className="flex flex-col gap-2">
            {choices.map((connector) => (
              <li key={connector.uid}>
                <Button variant="outline" className="w-full" disabled={connect.isPending} onClick={() => connect.mutate({ connector, chainId: mainnet.id })}>
                  Connect {connector.name}
                </Button>
              </li>
            ))}
          </ul>
        )}
        {connect.isPending ? <p role="status">Waiting for the wallet…</p> : null}
        {connectError(connect.error) ? <p role="alert" className="text-danger">{connectError(connect.error)}</p> : null}
      </div>
    );
  }

  const onMainnet = connection.chainId === ALLO_ERC20.chainId;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="evm-wallet">
      <p>
        Ethereum address <span className="font-mono break-all" data-testid="evm-address">{connection.address}</span>
        {connection.connector ? ` (${connection.connector.name})` : null}
      </p>
      {onMainnet ? (
        <Erc20Balance address={connection.address} connector={connection.connector} />
      ) : (
        <div role="status" className="flex flex-col gap-2">
          <p>Your wallet is on chain {connection.chainId}. The ALLO ERC-20 lives on Ethereum mainnet (chain 1).</p>
          <Button variant="outline" disabled={switchChain.isPending} onClick={() => switchChain.mutate({ chainId: mainnet.id })}>
            Switch to Ethereum
          </Button>
          {switchChain.error ? <p role="alert">The wallet did not switch: {switchChain.error.message.split("\n")[0]}</p> : null}
        </div>
      )}
      <p className="text-muted-foreground">
        ALLO on Ethereum cannot be staked: no EVM staking contract exists. To delegate, bridge it to Allora (the token
        moves over IBC Eureka), then delegate from the Allora side with a Keplr-compatible wallet.
      </p>
      <Button variant="ghost" onClick={() => disconnect()}>
        Disconnect Ethereum wallet
      </Button>
    </div>
  );
}

type ConnectedConnector = ReturnType<typeof useConnection>["connector"];

function Erc20Balance({ address, connector }: { address: `0x${string}`; connector: ConnectedConnector }) {
  const balance = useQuery({
    queryKey: ["allo-erc20-balance", connector?.uid, address],
    enabled: !!connector,
    queryFn: async () => readAlloErc20Balance((await connector!.getProvider()) as EIP1193Provider, address),
  });
  if (balance.isPending) return <p role="status">Reading the ALLO balance…</p>;
  if (balance.isError) return <p role="alert">The ALLO balance could not be read through the wallet: {balance.error.message.split("\n")[0]}</p>;
  return (
    <p data-testid="evm-allo-balance">
      <span className="font-mono tabular-nums">{formatAllo18(balance.data.balance)} ALLO</span> on Ethereum, as of Ethereum block{" "}
      {formatInteger(balance.data.blockNumber.toString())}
    </p>
  );
}
