// The few chain reads and writes a browser flow makes, on the standard Cosmos SDK 0.50 gateway routes of the
// chain's LCD. An endpoint that cannot be reached is an "unreachable" WalletError; a refusal keeps the chain's text.
import { mapLcdError } from "./chain-errors";
import { WalletError } from "./keplr-adapter";

const join = (base: string, path: string) => `${base.replace(/\/+$/, "")}${path}`;

async function call(base: string, path: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  let res: Response;
  try {
    res = await fetch(join(base, path), { ...init, headers: { accept: "application/json", ...(init?.body ? { "content-type": "application/json" } : {}) } });
  } catch (error) {
    throw new WalletError("unreachable", `The chain's endpoint ${new URL(base).host} cannot be reached (${error instanceof Error ? error.message : String(error)}). Nothing was signed or sent; try again when it answers.`);
  }
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    if (res.ok) throw new WalletError("chain_error", `The chain's endpoint answered something that is not JSON (HTTP ${res.status}).`);
  }
  if (res.status === 502 || res.status === 503 || res.status === 504) throw new WalletError("unreachable", `The chain's endpoint ${new URL(base).host} answered HTTP ${res.status}. Nothing was sent; try again later.`);
  return { status: res.status, body };
}

const digits = (value: unknown, what: string): bigint => {
  if (typeof value === "string" && /^\d+$/.test(value)) return BigInt(value);
  throw new WalletError("chain_error", `The chain answered ${what} as ${JSON.stringify(value)}, not a whole number.`);
};

export type ChainAccount = { accountNumber: bigint; sequence: bigint };

/** Account number and sequence; an account the chain does not know yet has never been funded. */
export async function fetchAccount(lcd: string, address: string): Promise<ChainAccount> {
  const { status, body } = await call(lcd, `/cosmos/auth/v1beta1/accounts/${address}`);
  if (status === 404 || (status >= 400 && /not found/i.test(JSON.stringify(body)))) {
    throw new WalletError("insufficient_funds", `${address} has no account on chain yet (it has never received ALLO), so it cannot pay a fee.`);
  }
  if (status >= 400) throw mapLcdError(status, body);
  const account = (body as { account?: Record<string, unknown> })?.account ?? {};
  // Vesting accounts nest the base account.
  const base = (account.base_account ?? (account.base_vesting_account as Record<string, unknown> | undefined)?.base_account ?? account) as Record<string, unknown>;
  return { accountNumber: digits(base.account_number, "account_number"), sequence: digits(base.sequence ?? "0", "sequence") };
}

/** Spendable uallo: the chain lists only denoms with a balance, so an absent uallo is the chain's own 0. */
export async function fetchBalance(lcd: string, address: string): Promise<bigint> {
  const { status, body } = await call(lcd, `/cosmos/bank/v1beta1/balances/${address}`);
  if (status >= 400) throw mapLcdError(status, body);
  const balances = (body as { balances?: { denom: string; amount: string }[] })?.balances ?? [];
  const uallo = balances.find((b) => b.denom === "uallo");
  return uallo ? digits(uallo.amount, "the uallo balance") : 0n;
}

const b64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));

/** Gas the transaction would use, from the chain's simulation of it (signature left empty, as the SDK allows). */
export async function simulateTx(lcd: string, txBytes: Uint8Array): Promise<bigint> {
  const { status, body } = await call(lcd, "/cosmos/tx/v1beta1/simulate", { method: "POST", body: JSON.stringify({ tx_bytes: b64(txBytes) }) });
  if (status >= 400) throw mapLcdError(status, body);
  return digits((body as { gas_info?: { gas_used?: unknown } })?.gas_info?.gas_used, "gas_used");
}

export type TxResponse = { txhash: string; code: number; codespace?: string; raw_log?: string; height?: string };

/** Broadcast (sync: answers once the transaction passed the mempool's checks, before inclusion). */
export async function broadcastTx(lcd: string, txBytes: Uint8Array): Promise<TxResponse> {
  const { status, body } = await call(lcd, "/cosmos/tx/v1beta1/txs", { method: "POST", body: JSON.stringify({ tx_bytes: b64(txBytes), mode: "BROADCAST_MODE_SYNC" }) });
  if (status >= 400) throw mapLcdError(status, body);
  const response = (body as { tx_response?: TxResponse })?.tx_response;
  if (!response?.txhash) throw new WalletError("chain_error", "The chain accepted the broadcast but answered no transaction hash.");
  return response;
}

/** The included transaction, or null while the chain does not know the hash yet. */
export async function fetchTx(lcd: string, hash: string): Promise<TxResponse | null> {
  const { status, body } = await call(lcd, `/cosmos/tx/v1beta1/txs/${hash}`);
  if (status === 404 || (status >= 400 && /not found/i.test(JSON.stringify(body)))) return null;
  if (status >= 400) throw mapLcdError(status, body);
  return (body as { tx_response?: TxResponse })?.tx_response ?? null;
}

/** Latest block height (for the unlock height a review shows): the LCD's latest block, else the RPC's /status. */
export async function fetchLatestHeight(lcd: string, rpc: string): Promise<bigint | null> {
  const fromLcd = await call(lcd, "/cosmos/base/tendermint/v1beta1/blocks/latest");
  const height = (fromLcd.body as { block?: { header?: { height?: unknown } } })?.block?.header?.height;
  if (fromLcd.status < 400 && typeof height === "string" && /^\d+$/.test(height)) return BigInt(height);
  const fromRpc = await call(rpc, "/status").catch(() => null);
  const latest = (fromRpc?.body as { result?: { sync_info?: { latest_block_height?: unknown } } })?.result?.sync_info?.latest_block_height;
  return typeof latest === "string" && /^\d+$/.test(latest) ? BigInt(latest) : null;
}

/** Blocks between a stake removal's request and its unlock (emissions params remove_stake_delay_window). */
export async function fetchRemovalDelay(lcd: string, version: string): Promise<bigint | null> {
  const { status, body } = await call(lcd, `/emissions/${version}/params`);
  const window = (body as { params?: { remove_stake_delay_window?: unknown } })?.params?.remove_stake_delay_window;
  return status < 400 && typeof window === "string" && /^\d+$/.test(window) ? BigInt(window) : null;
}

/** The staking module's unbonding time in seconds ("1814400s"). */
export async function fetchUnbondingSeconds(lcd: string): Promise<bigint | null> {
  const { status, body } = await call(lcd, "/cosmos/staking/v1beta1/params");
  const time = (body as { params?: { unbonding_time?: unknown } })?.params?.unbonding_time;
  const m = typeof time === "string" ? /^(\d+)(?:\.\d+)?s$/.exec(time) : null;
  return status < 400 && m ? BigInt(m[1]!) : null;
}
