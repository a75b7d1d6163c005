// ALLO on Ethereum: the LayerZero OFT ERC-20 (18 decimals, the same units as uallo on Allora). Only its balance is
// read here; no EVM staking exists, so nothing on this side signs anything.
import { createPublicClient, custom, erc20Abi, type EIP1193Provider } from "viem";
import { mainnet } from "viem/chains";

export const ALLO_ERC20 = { address: "0x8408D45b61f5823298F19a09B53b7339c0280489", decimals: 18, chainId: mainnet.id } as const;

export type AlloErc20Balance = { balance: bigint; blockNumber: bigint };

/**
 * The owner's ALLO balance as of the chain's latest block, read through the connected wallet's own provider: no
 * third-party RPC endpoint is contacted (and the page's CSP allows none). The caller checks the wallet is on chain 1.
 */
export async function readAlloErc20Balance(provider: EIP1193Provider, owner: `0x${string}`): Promise<AlloErc20Balance> {
  const client = createPublicClient({ chain: mainnet, transport: custom(provider) });
  const blockNumber = await client.getBlockNumber({ cacheTime: 0 });
  const balance = await client.readContract({ address: ALLO_ERC20.address, abi: erc20Abi, functionName: "balanceOf", args: [owner], blockNumber });
  return { balance, blockNumber };
}
