// Which Allora network the app follows and where its endpoints are: read by the collector, and by the proxy that
// writes the pages' Content-Security-Policy (the browser's wallet flows talk to the same LCD).
import { serverEnv } from "@/lib/env";

export type ChainNetwork = { kind: "mainnet" | "testnet" | "devnet"; name: string; chainId: string; simulated: boolean; lcdUrl: string; rpcUrl: string };

const PUBLIC_NETWORKS = {
  mainnet: { name: "Allora Mainnet", chainId: "allora-mainnet-1", lcd: "https://allora-api.mainnet.allora.network", rpc: "https://allora-rpc.mainnet.allora.network" },
  testnet: { name: "Allora Testnet", chainId: "allora-testnet-1", lcd: "https://allora-api.testnet.allora.network", rpc: "https://allora-rpc.testnet.allora.network" },
} as const;

export const DEVNET_CHAIN_ID = "allora-devnet-1";

export function networkFromEnv(): ChainNetwork {
  const env = serverEnv();
  if (env.ALLORA_NETWORK === "devnet") {
    const local = `http://127.0.0.1:${env.DEVNET_PORT}`;
    return { kind: "devnet", name: "Simulated devnet", chainId: DEVNET_CHAIN_ID, simulated: true, lcdUrl: env.ALLORA_LCD_URL ?? local, rpcUrl: env.ALLORA_RPC_URL ?? local };
  }
  const known = PUBLIC_NETWORKS[env.ALLORA_NETWORK];
  return { kind: env.ALLORA_NETWORK, name: known.name, chainId: known.chainId, simulated: false, lcdUrl: env.ALLORA_LCD_URL ?? known.lcd, rpcUrl: env.ALLORA_RPC_URL ?? known.rpc };
}
