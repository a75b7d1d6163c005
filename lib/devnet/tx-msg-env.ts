// What a message handler gets and gives: the state it runs on (read-only unless `write`), its outcome, and the
// checks every handler shares.
import type { Bank } from "./bank";
import type { TypedEv } from "./chain-types";
import type { Simulation } from "./simulation";
import { SDK, type TxError } from "./tx-errors";
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
