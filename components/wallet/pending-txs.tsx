"use client";
// Transactions this browser sent that the index has not reached yet. Until the indexed height passes a
// transaction's block the figures below are as of an earlier block and lack it, and this says so (never a stale or
// zero figure presented as current); the page re-renders from the server every few seconds until then.
import { useEffect, useMemo, useSyncExternalStore } from "react";
import { useRouter } from "next/navigation";
import { dropPending, PENDING_EVENT, prunePending, readPending, reconcilePending, type FigureHeights, type PendingTx } from "@/lib/wallet/pending";

const REFRESH_MS = 4_000;

function subscribe(onChange: () => void) {
  window.addEventListener("storage", onChange);
  window.addEventListener(PENDING_EVENT, onChange);
  return () => {
    window.removeEventListener("storage", onChange);
    window.removeEventListener(PENDING_EVENT, onChange);
  };
}

export function PendingTxs({ address, heights }: { address: string; heights: FigureHeights }) {
  const router = useRouter();
  const raw = useSyncExternalStore(subscribe, () => JSON.stringify(readPending(localStorage, address)), () => "[]");
  const { reputer, validator } = heights;
  const { pending, indexed } = useMemo(() => reconcilePending(JSON.parse(raw) as PendingTx[], { reputer, validator }), [raw, reputer, validator]);

  useEffect(() => prunePending(localStorage, address, { reputer, validator }, Date.now()), [address, reputer, validator]);

  useEffect(() => {
    if (pending.length === 0) return;
    const timer = setInterval(() => router.refresh(), REFRESH_MS);
    return () => clearInterval(timer);
  }, [pending.length, router]);

  if (pending.length === 0 && indexed.length === 0) return null;
  return (
    <section aria-label="Recent transactions" className="grid gap-2" data-testid="pending-txs">
      {pending.map((p) => (
        <p key={p.hash} role="status" data-testid="pending-tx" className="rounded-lg border border-warning-border bg-warning-bg px-4 py-3 text-sm text-warning-fg">
          <span className="font-semibold">Pending in the index:</span> {p.summary}, included in block {p.height}.{" "}
          {p.system === "reputer"
            ? `The index is at block ${reputer ?? "—"}: the figures below are as of that block and do not include it yet; they update once the index reaches block ${p.height}.`
            : `Validator positions below are as of the collector's last read of the validators (block ${validator ?? "—"}) and do not include it yet; they update at its next read.`}{" "}
          <span className="block font-mono text-xs break-all">tx {p.hash}</span>
        </p>
      ))}
      {indexed.map((p) => (
        <p key={p.hash} role="status" data-testid="indexed-tx" className="rounded-lg border bg-card px-4 py-3 text-sm">
          <span className="font-semibold">Indexed:</span> {p.summary} (block {p.height}) is in the figures below.{" "}
          <button type="button" className="text-xs underline" onClick={() => { dropPending(localStorage, address, p.hash); window.dispatchEvent(new Event(PENDING_EVENT)); }}>Dismiss</button>
          <span className="block font-mono text-xs break-all">tx {p.hash}</span>
        </p>
      ))}
    </section>
  );
}
