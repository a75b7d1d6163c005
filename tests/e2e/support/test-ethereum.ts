// A test-only EIP-1193 wallet for the e2e run: injected by page.addInitScript as window.ethereum and announced over
// EIP-6963, it answers accounts and chain id itself and forwards every read to a JSON-RPC stub in the test process
// (through an exposed binding, which the page's CSP does not govern). Nothing here is in the app's build.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";

export type EthStub = { url: string; calls: { method: string; params: unknown[] }[]; close(): Promise<void> };

/** A JSON-RPC server that knows one ERC-20 balance: `balances[owner]` at `token`, as of block `blockNumber`. */
export async function startEthStub(options: { token: string; balances: Record<string, bigint>; blockNumber: bigint }): Promise<EthStub> {
  const calls: EthStub["calls"] = [];
  const answer = (method: string, params: unknown[]): unknown => {
    if (method === "eth_chainId") return "0x1";
    if (method === "eth_blockNumber") return `0x${options.blockNumber.toString(16)}`;
    if (method === "eth_call") {
      const [call, block] = params as [{ to: string; data: string }, string];
      if (block !== `0x${options.blockNumber.toString(16)}`) throw new Error(`unknown block ${block}`);
      if (call.to.toLowerCase() !== options.token.toLowerCase()) return "0x";
      const selector = call.data.slice(0, 10);
      if (selector !== "0x70a08231") throw new Error(`unexpected call ${selector}`);
      const owner = `0x${call.data.slice(34, 74)}`.toLowerCase();
      const balance = Object.entries(options.balances).find(([a]) => a.toLowerCase() === owner)?.[1] ?? 0n;
      return `0x${balance.toString(16).padStart(64, "0")}`;
    }
    throw new Error(`method ${method} not served`);
  };
  const server: Server = createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      const { id, method, params } = JSON.parse(body) as { id: number; method: string; params: unknown[] };
      calls.push({ method, params });
      res.setHeader("content-type", "application/json");
      try {
        res.end(JSON.stringify({ jsonrpc: "2.0", id, result: answer(method, params ?? []) }));
      } catch (error) {
        res.end(JSON.stringify({ jsonrpc: "2.0", id, error: { code: -32000, message: (error as Error).message } }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  return { url, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** Installs the wallet in `page` before any of its scripts run. `chainId` is where the wallet starts (hex). */
export async function injectEthereumWallet(page: Page, stub: EthStub, options: { account: string; chainId: string; name?: string; refuse?: boolean }) {
  let id = 0;
  await page.exposeFunction("__testEthRpc", async (method: string, params: unknown[]) => {
    const response = await fetch(stub.url, { method: "POST", body: JSON.stringify({ jsonrpc: "2.0", id: ++id, method, params }) });
    return (await response.json()) as { result?: unknown; error?: { code: number; message: string } };
  });
  await page.addInitScript(
    ({ account, chainId, name, refuse }) => {
      const listeners = new Map<string, Set<(value: unknown) => void>>();
      const emit = (event: string, value: unknown) => listeners.get(event)?.forEach((l) => l(value));
      let chain = chainId;
      let connected = false;
      const rpc = (window as unknown as { __testEthRpc: (m: string, p: unknown[]) => Promise<{ result?: unknown; error?: { code: number; message: string } }> }).__testEthRpc;
      const provider = {
        isTestWallet: true,
        async request({ method, params = [] }: { method: string; params?: unknown[] }): Promise<unknown> {
          if (method === "eth_requestAccounts") {
            if (refuse) throw Object.assign(new Error("User rejected the request."), { code: 4001 });
            connected = true;
            return [account];
          }
          if (method === "eth_accounts") return connected ? [account] : [];
          if (method === "eth_chainId") return chain;
          if (method === "net_version") return String(parseInt(chain, 16));
          if (method === "wallet_switchEthereumChain") {
            chain = (params[0] as { chainId: string }).chainId;
            emit("chainChanged", chain);
            return null;
          }
          if (method === "wallet_requestPermissions" || method === "wallet_getPermissions") return [{ parentCapability: "eth_accounts" }];
          if (parseInt(chain, 16) !== 1) throw Object.assign(new Error("test wallet serves reads on chain 1 only"), { code: 4901 });
          const answer = await rpc(method, params);
          if (answer.error) throw Object.assign(new Error(answer.error.message), { code: answer.error.code });
          return answer.result;
        },
        on(event: string, listener: (value: unknown) => void) {
          if (!listeners.has(event)) listeners.set(event, new Set());
          listeners.get(event)!.add(listener);
        },
        removeListener(event: string, listener: (value: unknown) => void) {
          listeners.get(event)?.delete(listener);
        },
      };
      const info = { uuid: "5a3c1e54-0000-4000-8000-00000000e2e0", name, icon: "data:image/svg+xml,<svg xmlns='http://www.w3.org/2000/svg'/>", rdns: "test.e2e.wallet" };
      const announce = () => window.dispatchEvent(new CustomEvent("eip6963:announceProvider", { detail: Object.freeze({ info, provider }) }));
      window.addEventListener("eip6963:requestProvider", announce);
      (window as unknown as { ethereum: unknown }).ethereum = provider;
      // The test's hand on the wallet: a chain switch made in the wallet itself, as a user would make it.
      (window as unknown as { __testEthWallet: unknown }).__testEthWallet = {
        switchTo(next: string) {
          chain = next;
          emit("chainChanged", next);
        },
      };
      announce();
    },
    { account: options.account, chainId: options.chainId, name: options.name ?? "Test EVM Wallet", refuse: options.refuse ?? false },
  );
}
