import "server-only";
// The chain the browser's wallet signs for, from the network this deployment follows: the same LCD and RPC the
// collector reads (and the Content-Security-Policy allows), the minimum gas price and the detected emissions version.
import { networkFromEnv } from "@/lib/allora/networks";
import type { IndexStatusDto } from "@/lib/queries/status";
import type { WalletChain } from "@/lib/wallet/chain";
import { GAS_PRICES } from "@/lib/wallet/fee";

/** The devnet charges the testnet's minimum gas price (lib/devnet/tx-ante.ts) and refuses fees below it. */
const DEVNET_GAS_PRICE = GAS_PRICES["allora-testnet-1"].minimum;

export function walletChainOf(status: IndexStatusDto | null): WalletChain {
  const network = networkFromEnv();
  const version = status?.network?.emissionsVersion;
  return {
    chainId: network.chainId,
    chainName: network.name,
    lcdUrl: network.lcdUrl,
    rpcUrl: network.rpcUrl,
    gasPrice: network.kind === "devnet" ? DEVNET_GAS_PRICE : GAS_PRICES[network.chainId as keyof typeof GAS_PRICES].minimum,
    emissionsVersion: version === "v9" || version === "v10" ? version : null,
    simulated: network.simulated,
  };
}
