// The chain a wallet connects to, as the server knows it (network, endpoints, gas price, emissions version), handed
// to client components as plain props, and the Keplr chain suggestion built from it.
import type { EmissionsVersion } from "@/lib/allora/lcd-client";
import { GAS_PRICES } from "./fee";

export type WalletChain = {
  chainId: string;
  chainName: string;
  /** LCD REST and CometBFT RPC endpoints the browser talks to (those the collector reads). */
  lcdUrl: string;
  rpcUrl: string;
  /** Minimum gas price in uallo per gas: the fee is simulated gas × adjustment × this, rounded up. */
  gasPrice: string;
  /** The chain's emissions module version as the collector detected it; null before it has been read. */
  emissionsVersion: EmissionsVersion | null;
  simulated: boolean;
};

const ALLO = { coinDenom: "ALLO", coinMinimalDenom: "uallo", coinDecimals: 18 } as const;

/** Keplr's ChainInfo for Allora: coin type 118, bech32 prefix allo, uallo with 18 decimals (chain registry). */
export function suggestChainInfo(chain: WalletChain) {
  const prefix = "allo";
  // Keplr's ChainInfo takes JS numbers here; they are only the wallet's defaults, the fee we simulated is kept.
  const known = GAS_PRICES[chain.chainId as keyof typeof GAS_PRICES];
  const step = known ?? { low: chain.gasPrice, average: chain.gasPrice, high: chain.gasPrice };
  return {
    chainId: chain.chainId,
    chainName: chain.chainName,
    rpc: chain.rpcUrl,
    rest: chain.lcdUrl,
    bip44: { coinType: 118 },
    bech32Config: {
      bech32PrefixAccAddr: prefix,
      bech32PrefixAccPub: `${prefix}pub`,
      bech32PrefixValAddr: `${prefix}valoper`,
      bech32PrefixValPub: `${prefix}valoperpub`,
      bech32PrefixConsAddr: `${prefix}valcons`,
      bech32PrefixConsPub: `${prefix}valconspub`,
    },
    currencies: [ALLO],
    feeCurrencies: [{ ...ALLO, gasPriceStep: { low: Number(step.low), average: Number(step.average), high: Number(step.high) } }],
    stakeCurrency: ALLO,
    features: [] as string[],
  };
}
