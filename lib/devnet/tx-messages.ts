// Runs one signed message against the devnet's state: the chain's checks first (each failure is the chain's error),
// then, when `write` is set, the state change at height h and the events it emits. With `write` false nothing is
// touched (simulate, and the check before any message of a tx runs).
import type { Bank } from "./bank";
import type { TypedEv } from "./chain-types";
import type { Simulation } from "./simulation";
import type { DecodedMsg } from "./tx-decode";
import { SDK, type TxError } from "./tx-errors";
import { emissionsHandlers } from "./tx-msgs-emissions";
import { stakingHandlers } from "./tx-msgs-staking";
import type { Unbonding } from "./validators";

export interface MsgEnv {
  sim: Simulation;
  bank: Bank;
  /** The block the message executes in (for simulate: the latest one). */
  h: number;
  write: boolean;
  /** Told of each unbonding a wallet tx starts, so its tokens return to the balance at completion. */
  onUnbonding: (u: Unbonding) => void;
}

export interface MsgOutcome {
  /** x/bank module name for the `message` event. */
  module: string;
  events: TypedEv[];
  /** uallo this message takes from the signer's balance (checked together with the fee and the other messages). */
  spend: bigint;
}

export type MsgHandler = (value: Record<string, unknown>, env: MsgEnv, signer: string) => MsgOutcome | TxError;

export function execMsg(msg: DecodedMsg, env: MsgEnv): MsgOutcome | TxError {
  const name = msg.typeUrl.split(".").pop() ?? "";
  const handler = msg.typeUrl.startsWith("/emissions.") ? emissionsHandlers[name] : stakingHandlers[msg.typeUrl];
  if (!handler) return SDK.unknownRequest(`the devnet does not execute ${msg.typeUrl}`);
  return handler(msg.value, env, msg.signer);
}

/** A bank debit the signer's balance must cover: the SDK's "spendable balance … is smaller than …". */
export function coverable(env: MsgEnv, signer: string, amount: bigint): TxError | null {
  const have = env.bank.balance(signer);
  return have < amount ? SDK.insufficientFunds(`spendable balance ${have}uallo is smaller than ${amount}uallo`) : null;
}

/** A cosmos.Int text (amount fields) as uallo; anything else is an invalid request naming the field. */
export function intField(value: unknown, field: string): bigint | TxError {
  const text = typeof value === "string" ? value : "";
  return /^\d+$/.test(text) ? BigInt(text) : SDK.invalidRequest(`${field} must be a non-negative integer amount, got "${text}"`);
}
