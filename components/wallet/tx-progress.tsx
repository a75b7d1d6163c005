"use client";
// After signing: waiting for the wallet, then for inclusion (with the hash as soon as it is known), then the block.
import type { ReactNode } from "react";
import Link from "next/link";
import type { Included } from "@/lib/wallet/tx";
import { Button, buttonClassName } from "@/components/ui/button";

export function TxProgress({ hash, included, signer, after, onClose }: { hash: string | null; included: Included | null; signer: string; after?: (i: Included) => ReactNode; onClose: () => void }) {
  return (
    <div className="grid gap-3 px-5 py-4" data-testid="tx-progress" aria-live="polite">
      {included ? (
        <p className="text-sm font-semibold" data-testid="tx-included">Included in block {included.height.toString()}.</p>
      ) : (
        <p className="text-sm">{hash ? "Broadcast; waiting for the transaction to be included in a block…" : "Confirm the transaction in the wallet…"}</p>
      )}
      {hash ? (
        <p className="text-xs">
          Transaction hash: <span data-testid="tx-hash" className="font-mono break-all">{hash}</span>
        </p>
      ) : null}
      {included ? (
        <>
          {after ? after(included) : null}
          <p className="text-xs text-muted-foreground">The account page marks it as pending until the index reaches block {included.height.toString()}.</p>
          <div className="flex justify-end gap-2">
            <Link className={buttonClassName("outline")} href={`/account/${signer}`}>Open the account page</Link>
            <Button onClick={onClose}>Done</Button>
          </div>
        </>
      ) : null}
    </div>
  );
}
