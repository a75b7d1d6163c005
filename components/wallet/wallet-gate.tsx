"use client";
// Shows its children once a wallet account is connected; before that, the connect button and why it failed.
import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { useConnect, type WalletAccount } from "@/lib/wallet/hooks";
import type { WalletError } from "@/lib/wallet/keplr-adapter";
import { Button } from "@/components/ui/button";
import { ErrorNote } from "@/components/wallet/error-note";

export function WalletGate({ account, children }: { account: UseQueryResult<WalletAccount | null, WalletError>; children: ReactNode }) {
  const connect = useConnect();
  if (account.data) {
    return (
      <>
        <p className="text-sm">
          Signing as <span data-testid="flow-signer" className="font-mono break-all">{account.data.key.bech32Address}</span>{" "}
          <span className="text-muted-foreground">({account.data.provider.name}: {account.data.key.name})</span>
        </p>
        {children}
      </>
    );
  }
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">Connect a Keplr-compatible wallet to sign this transaction. Nothing is sent before you review it.</p>
      {connect.error ? <ErrorNote error={connect.error} /> : account.error ? <ErrorNote error={account.error} /> : null}
      <div>
        <Button disabled={connect.isPending || account.isLoading} onClick={() => connect.mutate()}>
          {connect.isPending ? "Waiting for the wallet…" : "Connect wallet"}
        </Button>
      </div>
    </div>
  );
}
