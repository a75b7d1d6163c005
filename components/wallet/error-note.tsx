"use client";
// One wallet or chain error, with a heading per kind so each reads differently (and tests can tell them apart).
import type { WalletError, WalletErrorCode } from "@/lib/wallet/keplr-adapter";

const TITLE: Record<WalletErrorCode, string> = {
  no_extension: "No wallet extension",
  locked: "Wallet locked",
  refused: "Connection refused",
  rejected: "Rejected in the wallet",
  wrong_chain: "Wrong chain",
  ledger: "Ledger account",
  account_switched: "Account switched",
  insufficient_funds: "Insufficient funds",
  fee_too_low: "Fee too low",
  unreachable: "Chain unreachable",
  chain_error: "The chain refused",
  invalid_input: "Invalid input",
};

export function ErrorNote({ error }: { error: Error }) {
  const code = (error as WalletError).code as WalletErrorCode | undefined;
  return (
    <div role="alert" data-error-code={code ?? "unknown"} className="rounded-lg border border-warning-border bg-warning-bg px-3 py-2 text-sm text-warning-fg">
      <p className="font-semibold">{code ? TITLE[code] : "Something failed"}</p>
      <p className="break-words">{error.message}</p>
    </div>
  );
}
