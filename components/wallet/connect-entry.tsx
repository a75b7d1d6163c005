"use client";
// The header's one Connect entry. It is on every page, so it carries no wallet code itself: the menu (Keplr adapter,
// TanStack Query) is loaded by dynamic import the first time it opens, and forecast routes stay free of it.
import { useEffect, useRef, useState } from "react";
import dynamic from "next/dynamic";
import type { WalletChain } from "@/lib/wallet/chain";
import { Button } from "@/components/ui/button";

const ConnectMenu = dynamic(() => import("@/components/wallet/connect-menu").then((m) => m.ConnectMenu), {
  ssr: false,
  loading: () => <p className="p-4 text-sm text-muted-foreground">Loading the wallet…</p>,
});

export function ConnectEntry({ chain }: { chain: WalletChain }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    const onClick = (e: MouseEvent) => root.current && !root.current.contains(e.target as Node) && setOpen(false);
    window.addEventListener("keydown", onKey);
    window.addEventListener("mousedown", onClick);
    return () => {
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("mousedown", onClick);
    };
  }, [open]);
  return (
    <div ref={root} className="relative">
      <Button variant="outline" aria-expanded={open} aria-controls="connect-menu" onClick={() => setOpen((o) => !o)}>
        Connect
      </Button>
      {open ? (
        <div id="connect-menu" role="region" aria-label="Connect a wallet" className="z-40 mt-2 rounded-xl border bg-card shadow-xl max-sm:fixed max-sm:inset-x-2 max-sm:top-14 sm:absolute sm:right-0 sm:w-96">
          <ConnectMenu chain={chain} />
        </div>
      ) : null}
    </div>
  );
}
