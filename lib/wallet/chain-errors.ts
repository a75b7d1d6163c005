// What the chain says when it refuses a transaction (Cosmos SDK ABCI codes of the "sdk" codespace), as a WalletError
// a person can act on. The chain's own text (raw_log) is always kept in the message.
import { WalletError } from "./keplr-adapter";

export type ChainRefusal = { code: number; codespace?: string; rawLog: string };

const SDK = {
  unauthorized: 4,
  insufficientFunds: 5,
  unknownAddress: 9,
  outOfGas: 11,
  insufficientFee: 13,
  wrongSequence: 32,
  invalidChainId: 28,
} as const;

export function mapChainRefusal({ code, codespace, rawLog }: ChainRefusal): WalletError {
  const own = rawLog || `code ${code}`;
  if (codespace === undefined || codespace === "sdk" || codespace === "") {
    if (code === SDK.insufficientFunds || /insufficient funds/i.test(rawLog)) {
      return new WalletError("insufficient_funds", `Insufficient funds: the balance cannot pay this amount and the fee. The chain said: ${own}`);
    }
    if (code === SDK.unknownAddress) {
      return new WalletError("insufficient_funds", `This account does not exist on chain yet (it has never received ALLO), so it cannot pay a fee. The chain said: ${own}`);
    }
    if (code === SDK.insufficientFee) return new WalletError("fee_too_low", `The fee is below the chain's minimum gas price. The chain said: ${own}`);
    if (code === SDK.invalidChainId || (code === SDK.unauthorized && /chain-id/i.test(rawLog) && /wrong|mismatch|invalid chain/i.test(rawLog))) {
      return new WalletError("wrong_chain", `The transaction was signed for another chain. The chain said: ${own}`);
    }
    if (code === SDK.outOfGas) return new WalletError("chain_error", `The transaction ran out of gas. The chain said: ${own}`);
  }
  return new WalletError("chain_error", `The chain refused the transaction: ${own}`);
}

/** An LCD error body ({ code, message }) from simulate or broadcast, mapped the same way. */
export function mapLcdError(status: number, body: unknown): WalletError {
  const b = (body ?? {}) as { message?: unknown };
  const message = typeof b.message === "string" ? b.message : `HTTP ${status}`;
  // The gRPC gateway's code is a gRPC status (5 is NotFound there, not insufficient funds): only the SDK's text
  // inside the message tells the reason.
  const inner = /insufficient funds/i.test(message) ? SDK.insufficientFunds : /insufficient fee/i.test(message) ? SDK.insufficientFee : /chain-id|chain id/i.test(message) && /wrong|mismatch|invalid/i.test(message) ? SDK.invalidChainId : -1;
  return mapChainRefusal({ code: inner, rawLog: message });
}
