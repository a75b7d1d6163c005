"use client";
// A page's button that opens one transaction flow in a modal dialog. It carries no wallet code: the flow, cosmjs and
// the Keplr adapter are loaded by dynamic import() the first time a flow opens.
import { useRef, useState } from "react";
import dynamic from "next/dynamic";
import type { WalletChain } from "@/lib/wallet/chain";
import type { FlowSpec } from "@/lib/wallet/flow-spec";
import { Button, type ButtonVariant } from "@/components/ui/button";

const FlowHost = dynamic(() => import("@/components/wallet/flow-host").then((m) => m.FlowHost), {
  ssr: false,
  loading: () => <p className="p-5 text-sm text-muted-foreground">Loading the wallet…</p>,
});

type Props = { spec: FlowSpec; chain: WalletChain; label: string; /** Read by screen readers after the label ("in topic 1"). */ context?: string; variant?: ButtonVariant };

export function FlowButton({ spec, chain, label, context, variant = "outline" }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [open, setOpen] = useState(false);
  const close = () => {
    dialog.current?.close();
    setOpen(false);
  };
  return (
    <>
      <Button
        variant={variant}
        className="h-8 px-3 text-xs"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        {label}
        {context ? <span className="sr-only"> {context}</span> : null}
      </Button>
      <dialog
        ref={dialog}
        onClose={() => setOpen(false)}
        aria-label={context ? `${label} ${context}` : label}
        className="m-auto w-[min(40rem,calc(100vw-1rem))] max-h-[calc(100dvh-2rem)] overflow-y-auto rounded-xl border bg-card p-0 text-card-foreground shadow-xl backdrop:bg-black/40"
      >
        {open ? <FlowHost spec={spec} chain={chain} onClose={close} /> : null}
      </dialog>
    </>
  );
}
